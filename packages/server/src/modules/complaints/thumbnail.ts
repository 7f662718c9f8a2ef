import sharp from "sharp";

const THUMBNAIL_PX = 320;

/** A small WebP of an (already EXIF-free) image for lists and detail views. */
export async function makeThumbnail(image: Buffer): Promise<Buffer> {
  return sharp(image, { failOn: "error" })
    .rotate()
    .resize({ width: THUMBNAIL_PX, height: THUMBNAIL_PX, fit: "inside", withoutEnlargement: true })
    .webp({ quality: 70 })
    .toBuffer();
}
