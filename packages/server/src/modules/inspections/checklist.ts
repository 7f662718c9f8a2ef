import {
  INSPECTION_TEMPLATES,
  answersMatch,
  compareAnswers,
  type AnsweredItem,
  type InspectionTemplate,
  type InspectionTemplateCode,
} from "@shian/domain";
import { AppError } from "../../http/errors.js";

/** The template of a code (already validated by the route schema). */
export function templateOf(code: string): InspectionTemplate {
  const template = INSPECTION_TEMPLATES[code as InspectionTemplateCode];
  if (!template) throw new AppError("validation_failed");
  return template;
}

/** Refuses (400) answers that do not answer every item of the template exactly once. */
export function requireMatchingAnswers(results: readonly AnsweredItem[], template: InspectionTemplate): void {
  const mismatch = compareAnswers(results, template);
  if (answersMatch(mismatch)) return;
  const parts = [
    mismatch.unknown.length ? `unknown: ${mismatch.unknown.join(", ")}` : "",
    mismatch.missing.length ? `missing: ${mismatch.missing.join(", ")}` : "",
    mismatch.duplicate.length ? `duplicate: ${mismatch.duplicate.join(", ")}` : "",
  ].filter(Boolean);
  throw new AppError(
    "validation_failed",
    {
      "zh-CN": `检查结果与检查表“${template.title.zh}”不一致（${parts.join("；")}）`,
      en: `The results do not match the checklist "${template.title.en}" (${parts.join("; ")})`,
    },
    [{ pointer: "/body/results", message: parts.join("; ") }],
  );
}

/** Stored results: only the fields given, notes trimmed. */
export function normalizeResults(
  results: readonly {
    code: string;
    result: "pass" | "fail" | "na";
    note?: string | undefined;
    photoFileIds?: string[] | undefined;
  }[],
) {
  return results.map((r) => ({
    code: r.code,
    result: r.result,
    ...(r.note?.trim() ? { note: r.note.trim() } : {}),
    ...(r.photoFileIds?.length ? { photoFileIds: r.photoFileIds } : {}),
  }));
}

export function photoIdsOf(results: readonly { photoFileIds?: string[] | undefined }[]): string[] {
  return [...new Set(results.flatMap((r) => r.photoFileIds ?? []))];
}
