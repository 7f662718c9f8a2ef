import type { FastifyInstance } from "fastify";
import "@fastify/multipart";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { Database } from "../../db/client.js";
import { context, requireUser } from "../../http/auth.js";
import { AppError } from "../../http/errors.js";
import { readingMultipart } from "../../http/multipart.js";
import { allowRoles } from "../../http/route-policy.js";
import { DOWNLOAD_CSP } from "../../http/security-headers.js";
import { ProblemSchema, StrictObject, Uuid, problemResponses } from "../../http/schema-helpers.js";
import { ROLES } from "../accounts/roles.js";
import type { FileStore } from "./file-store.js";
import { readFile, uploadFile } from "./service.js";

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const FileView = Type.Object({
  id: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
});

export function fileRoutes(db: Database, store: FileStore) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
    const anyUser = allowRoles(...ROLES);

    app.post(
      "/api/v1/files",
      {
        config: { policy: anyUser },
        schema: {
          tags: ["files"],
          consumes: ["multipart/form-data"],
          description:
            "Upload one file (field `file`): PDF, JPEG, PNG or WebP, at most 10 MiB, type judged by content.",
          response: { 201: FileView, 413: ProblemSchema, 415: ProblemSchema, ...problemResponses },
        },
      },
      async (request, reply) => {
        if (!request.isMultipart()) throw new AppError("unsupported_media_type");
        const { part, bytes } = await readingMultipart(async () => {
          const part = await request.file({
            limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 0, parts: 2 },
          });
          return { part, bytes: part ? await part.toBuffer() : undefined };
        });
        if (!part || !bytes)
          throw new AppError("validation_failed", { "zh-CN": "缺少文件", en: "No file in the request" });
        const file = await uploadFile(db, store, context(request), requireUser(request), bytes);
        return reply
          .code(201)
          .send({ id: file.id, contentType: file.contentType, size: file.size, sha256: file.sha256 });
      },
    );

    app.get(
      "/api/v1/files/:id",
      {
        config: { policy: anyUser },
        schema: {
          tags: ["files"],
          params: StrictObject({ id: Uuid }),
          response: { 200: Type.Unsafe<Buffer>({ type: "string", format: "binary" }), ...problemResponses },
        },
      },
      async (request, reply) => {
        const { file, bytes } = await readFile(db, store, requireUser(request), request.params.id);
        // Served as a download with its sniffed type, never rendered as a page (ASVS 12.5.2).
        return reply
          .type(file.contentType)
          .header("content-disposition", `attachment; filename="${file.id}"`)
          .header("content-security-policy", DOWNLOAD_CSP)
          .header("cache-control", "private, max-age=300")
          .send(bytes);
      },
    );
  };
}
