import type { Session } from "./test-app.js";

/** A minimal valid PDF: what a business uploads as an application material. */
export const TINY_PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

export type Part =
  { name: string; value: string } | { name: string; filename: string; type: string; bytes: Buffer };

/** The bytes of a multipart/form-data body with any fields and files; `close: false` leaves it unterminated. */
export function multipartBody(parts: Part[], boundary = "----shian-fuzz-boundary", close = true): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const head =
      "bytes" in part
        ? `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\nContent-Type: ${part.type}\r\n\r\n`
        : `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n`;
    chunks.push(
      Buffer.from(head),
      "bytes" in part ? part.bytes : Buffer.from(part.value, "utf8"),
      Buffer.from("\r\n"),
    );
  }
  if (close) chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

/** A multipart/form-data request (payload and content-type header) with any fields and files. */
export function multipartForm(parts: Part[], boundary = "----shian-test-boundary") {
  return {
    payload: multipartBody(parts, boundary),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

/** A multipart/form-data body with one file field. */
export function multipart(bytes: Buffer, filename: string, contentType: string) {
  return multipartForm([{ name: "file", filename, type: contentType, bytes }]);
}

export async function upload(
  session: Session,
  bytes: Buffer,
  filename = "material.pdf",
  contentType = "application/pdf",
) {
  const response = await session.inject({
    method: "POST",
    url: "/api/v1/files",
    ...multipart(bytes, filename, contentType),
  });
  if (response.statusCode !== 201) throw new Error(`upload failed: ${response.statusCode} ${response.body}`);
  return response.json() as { id: string; contentType: string };
}
