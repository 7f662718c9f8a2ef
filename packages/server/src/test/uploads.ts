import type { Session } from "./test-app.js";

/** A minimal valid PDF: what a business uploads as an application material. */
export const TINY_PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

/** A multipart/form-data body with one file field. */
export function multipart(bytes: Buffer, filename: string, contentType: string) {
  const boundary = "----shian-test-boundary";
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
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
