// 存量导入: legacy licences imported in bulk from a CSV or XLSX register, as a job the server runs in batches.

import { apiRequest } from "./client";

export type ImportStatus = "running" | "done" | "failed";

export interface ImportJob {
  id: string;
  fileName: string;
  status: ImportStatus;
  totalRows: number;
  processedRows: number;
  importedRows: number;
  /** Rows whose licence number was in the register already. */
  skippedRows: number;
  errorRows: number;
  createdAt: string;
  finishedAt: string | null;
}

export interface ImportErrorRow {
  /** The row as the user sees it in the file (the header is row 1). */
  rowNumber: number;
  /** In the request language. */
  errors: { field: string; message: string }[];
}

export interface ImportErrorPage {
  items: ImportErrorRow[];
  nextCursor: string | null;
}

/** Uploads the file and starts its import job (the same file again resumes or reports its job). */
export async function startImport(file: Blob): Promise<string> {
  const form = new FormData();
  form.append("file", file);
  return (await apiRequest<{ jobId: string }>("POST", "/imports", form)).jobId;
}

export function getImportJob(jobId: string): Promise<ImportJob> {
  return apiRequest("GET", `/imports/${jobId}`);
}

/** One page of the rows with errors, in row order, after `cursor` (the previous page's last row). */
export function listImportErrors(jobId: string, cursor?: string): Promise<ImportErrorPage> {
  const query = new URLSearchParams({ limit: "500", ...(cursor ? { cursor } : {}) });
  return apiRequest("GET", `/imports/${jobId}/errors?${query}`);
}
