import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { AppError } from "../../http/errors.js";

export const ALLOWED_TYPES = ["application/pdf", "image/jpeg", "image/png", "image/webp"] as const;
export type AllowedType = (typeof ALLOWED_TYPES)[number];

/** The type of an upload from its bytes, never its name (ASVS 12.2.1); anything else is refused. */
export async function detectAllowedType(bytes: Buffer): Promise<AllowedType> {
  const detected = await fileTypeFromBuffer(bytes);
  const mime = detected?.mime as AllowedType | undefined;
  if (!mime || !ALLOWED_TYPES.includes(mime)) throw unsupported();
  if (mime === "application/pdf" && !bytes.subarray(0, 1024).toString("latin1").startsWith("%PDF-"))
    throw unsupported();
  return mime;
}

/** An image re-encoded after auto-rotation: EXIF, GPS and anything hidden after the pixels are gone. */
export async function publicImageCopy(bytes: Buffer, type: AllowedType): Promise<Buffer> {
  try {
    const image = sharp(bytes, { failOn: "error" }).rotate();
    switch (type) {
      case "image/png":
        return await image.png().toBuffer();
      case "image/webp":
        return await image.webp().toBuffer();
      default:
        return await image.jpeg({ quality: 85 }).toBuffer();
    }
  } catch {
    throw unsupported();
  }
}

function unsupported() {
  return new AppError("unsupported_file_type");
}
