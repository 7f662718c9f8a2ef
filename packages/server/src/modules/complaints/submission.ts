import type { FastifyRequest } from "fastify";
import "@fastify/multipart";
import { AppError, type FieldError } from "../../http/errors.js";
import { readingMultipart } from "../../http/multipart.js";
import { isStorableText } from "../../http/validation.js";
import { detectAllowedType, publicImageCopy, type AllowedType } from "../files/content-check.js";
import { MAX_UPLOAD_BYTES } from "../files/routes.js";
import { MAINLAND_MOBILE, isComplaintCategory, type ComplaintCategory } from "./categories.js";

export const MAX_PHOTOS = 6;
export const MAX_DESCRIPTION = 4000;
const IMAGE_TYPES: readonly AllowedType[] = ["image/jpeg", "image/png", "image/webp"];

/** A photo checked by its bytes, with its EXIF-free copy; nothing is stored yet. */
export interface CheckedPhoto {
  original: Buffer;
  publicCopy: Buffer;
  contentType: AllowedType;
}

export interface ComplaintSubmission {
  storeCode: string | null;
  lat: number | null;
  lng: number | null;
  regionCode: string | null;
  category: ComplaintCategory;
  description: string;
  contactPhone: string | null;
  photos: CheckedPhoto[];
}

const FIELDS = ["storeCode", "lat", "lng", "regionCode", "category", "description", "contactPhone"] as const;
type FieldName = (typeof FIELDS)[number];

function invalid(errors: FieldError[]): AppError {
  const first = errors[0]!;
  return new AppError(
    "validation_failed",
    { "zh-CN": `${first.pointer}: ${first.message}`, en: `${first.pointer}: ${first.message}` },
    errors,
  );
}

/**
 * Reads a multipart complaint (API or no-JS form) and validates every part before anything is written:
 * photos are typed by their bytes (JPEG/PNG/WebP; else 415), limited to 10 MiB each (else 413) and six in all.
 */
export async function readComplaintSubmission(
  request: FastifyRequest,
  fixedStoreCode?: string,
): Promise<ComplaintSubmission> {
  if (!request.isMultipart()) throw new AppError("unsupported_media_type");
  const values: Partial<Record<FieldName, string>> = {};
  const buffers: Buffer[] = [];
  await readingMultipart(async () => {
    const parts = request.parts({
      limits: { fileSize: MAX_UPLOAD_BYTES, files: MAX_PHOTOS, fields: 20, parts: 30, fieldSize: 20_000 },
    });
    for await (const part of parts) {
      if (part.type === "file") {
        // toBuffer() throws 413 once a part passes the limit; the rest of the request is never stored.
        const bytes = await part.toBuffer();
        if (part.fieldname !== "photos")
          throw invalid([{ pointer: `/body/${part.fieldname}`, message: "unknown file field" }]);
        // An empty file input of a browser form arrives as a part without bytes.
        if (bytes.length > 0) buffers.push(bytes);
        continue;
      }
      if (!(FIELDS as readonly string[]).includes(part.fieldname)) {
        throw invalid([{ pointer: `/body/${part.fieldname}`, message: "unknown field" }]);
      }
      const value = typeof part.value === "string" ? part.value.trim() : "";
      if (!isStorableText(value))
        throw invalid([{ pointer: `/body/${part.fieldname}`, message: "must be Unicode text without NUL" }]);
      if (value !== "") values[part.fieldname as FieldName] = value;
    }
  });
  if (fixedStoreCode !== undefined) values.storeCode = fixedStoreCode;
  const submission = validateFields(values);
  const photos: CheckedPhoto[] = [];
  for (const bytes of buffers) photos.push(await checkPhoto(bytes));
  return { ...submission, photos };
}

function validateFields(values: Partial<Record<FieldName, string>>): Omit<ComplaintSubmission, "photos"> {
  const errors: FieldError[] = [];
  const category = values.category ?? "";
  if (!isComplaintCategory(category)) errors.push({ pointer: "/body/category", message: "unknown category" });
  const description = values.description ?? "";
  if (description.length === 0) errors.push({ pointer: "/body/description", message: "is required" });
  if (description.length > MAX_DESCRIPTION)
    errors.push({ pointer: "/body/description", message: `must be at most ${MAX_DESCRIPTION} characters` });
  const contactPhone = values.contactPhone?.replace(/[\s-]/g, "") ?? null;
  if (contactPhone !== null && !MAINLAND_MOBILE.test(contactPhone))
    errors.push({ pointer: "/body/contactPhone", message: "must be a mainland mobile number" });
  const storeCode = values.storeCode ?? null;
  let lat: number | null = null;
  let lng: number | null = null;
  let regionCode: string | null = null;
  if (storeCode !== null) {
    if (!/^[A-Za-z0-9_-]{4,16}$/.test(storeCode))
      errors.push({ pointer: "/body/storeCode", message: "is not a 食安码" });
  } else {
    lat = Number(values.lat);
    lng = Number(values.lng);
    if (values.lat === undefined || !Number.isFinite(lat) || lat < -90 || lat > 90)
      errors.push({ pointer: "/body/lat", message: "storeCode or lat and lng are required" });
    if (values.lng === undefined || !Number.isFinite(lng) || lng < -180 || lng > 180)
      errors.push({ pointer: "/body/lng", message: "storeCode or lat and lng are required" });
    regionCode = values.regionCode ?? null;
    if (regionCode === null || !/^[1-8][0-9]{5}$/.test(regionCode))
      errors.push({ pointer: "/body/regionCode", message: "a county code is required with lat and lng" });
  }
  if (errors.length > 0) throw invalid(errors);
  return {
    storeCode,
    lat,
    lng,
    regionCode,
    category: category as ComplaintCategory,
    description,
    contactPhone,
  };
}

async function checkPhoto(bytes: Buffer): Promise<CheckedPhoto> {
  const contentType = await detectAllowedType(bytes);
  if (!IMAGE_TYPES.includes(contentType)) throw new AppError("unsupported_file_type");
  const publicCopy = await publicImageCopy(bytes, contentType);
  return { original: bytes, publicCopy, contentType };
}
