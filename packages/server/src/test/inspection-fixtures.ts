import { INSPECTION_TEMPLATES, type InspectionTemplateCode } from "@shian/domain";
import { and, eq } from "drizzle-orm";
import sharp from "sharp";
import type { Database } from "../db/client.js";
import { auditLog } from "../db/schema.js";
import { upload } from "./uploads.js";
import type { Session } from "./test-app.js";

/** Answers every item of a template: pass unless overridden. */
export function answers(
  template: InspectionTemplateCode,
  overrides: Record<string, { result: "pass" | "fail" | "na"; photoFileIds?: string[]; note?: string }> = {},
) {
  return INSPECTION_TEMPLATES[template].items.map((item) => ({
    code: item.code,
    result: "pass" as "pass" | "fail" | "na",
    ...overrides[item.code],
  }));
}

export async function uploadPhoto(session: Session): Promise<string> {
  const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#0a0" } })
    .jpeg()
    .toBuffer();
  return (await upload(session, jpeg, "photo.jpg", "image/jpeg")).id;
}

export async function auditActions(db: Database, subjectType: string, subjectId: string) {
  const rows = await db
    .select({ action: auditLog.action, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, subjectType), eq(auditLog.subjectId, subjectId)))
    .orderBy(auditLog.seq);
  return rows;
}
