import type { Static } from "@sinclair/typebox";
import type { Language } from "../../http/language.js";
import type { ImportErrorRow, ImportJobRow } from "./repository.js";
import type { ImportErrorList, ImportJobView } from "./schema.js";

export function presentImportJob(job: ImportJobRow): Static<typeof ImportJobView> {
  return {
    id: job.id,
    fileName: job.fileName,
    status: job.status,
    totalRows: job.totalRows,
    processedRows: job.processedRows,
    importedRows: job.importedRows,
    skippedRows: job.processedRows - job.importedRows - job.errorRows,
    errorRows: job.errorRows,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt ? job.finishedAt.toISOString() : null,
  };
}

/** Each row's errors in the request's language (stored in both). */
export function presentImportErrors(
  rows: ImportErrorRow[],
  language: Language,
): Static<typeof ImportErrorList>["items"] {
  return rows.map((row) => ({
    rowNumber: row.rowNumber,
    errors: row.errors.map((error) => ({
      field: error.field,
      message: language === "en" ? (error.messageEn ?? error.message) : error.message,
    })),
  }));
}
