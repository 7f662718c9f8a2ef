import { apiRequest } from "./client";

export interface StoredFile {
  id: string;
  contentType: string;
  size: number;
  sha256: string;
}

/** Uploads one PDF, JPEG, PNG or WebP (≤ 10 MiB; the server judges the type by content). */
export function uploadFile(file: Blob): Promise<StoredFile> {
  const form = new FormData();
  form.append("file", file);
  return apiRequest("POST", "/files", form);
}

/** Where the browser downloads a stored file. */
export function fileHref(id: string): string {
  return `/api/v1/files/${id}`;
}
