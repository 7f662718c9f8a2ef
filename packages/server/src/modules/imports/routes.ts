import type { FastifyInstance, FastifyRequest } from "fastify";
import "@fastify/multipart";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { Database } from "../../db/client.js";
import { context, requireUser } from "../../http/auth.js";
import { AppError } from "../../http/errors.js";
import { readingMultipart } from "../../http/multipart.js";
import { pickLanguage } from "../../http/language.js";
import { allowRoles } from "../../http/route-policy.js";
import { ProblemSchema, problemResponses } from "../../http/schema-helpers.js";
import { MAX_UPLOAD_BYTES } from "../files/routes.js";
import { createImportRunner } from "./import-runner.js";
import { IMPORT_ROLES } from "./policy.js";
import { presentImportErrors, presentImportJob } from "./presenter.js";
import { ErrorListQuery, ImportAccepted, ImportErrorList, ImportJobView, JobParams } from "./schema.js";
import { getImportJob, listImportErrors, startImport, type ImportHooks } from "./service.js";

const language = (request: FastifyRequest) => pickLanguage(request.headers["accept-language"]);

/** Legacy-licence imports (存量证书电子化转换) from the console; see docs/import.md. */
export function importRoutes(db: Database, options: { hooks?: ImportHooks; batchSize?: number } = {}) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
    const runner = createImportRunner(db, { ...options, log: fastify.log });
    fastify.addHook("onClose", () => runner.close());
    const importers = allowRoles(...IMPORT_ROLES);

    app.post(
      "/api/v1/imports",
      {
        config: { policy: importers },
        schema: {
          tags: ["imports"],
          consumes: ["multipart/form-data"],
          description:
            "Upload a licence register (field `file`): CSV (UTF-8) or XLSX, at most 10 MiB, type judged by " +
            "content. The import runs in the background; poll GET /api/v1/imports/{jobId}. The same file " +
            "uploaded again (same SHA-256, same jurisdiction) resumes or reports its job.",
          response: { 202: ImportAccepted, 413: ProblemSchema, 415: ProblemSchema, ...problemResponses },
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
        const jobId = await startImport({
          db,
          runner,
          context: context(request),
          fileName: part.filename || "upload",
          bytes,
        });
        return reply.code(202).send({ jobId });
      },
    );

    app.get(
      "/api/v1/imports/:jobId",
      {
        config: { policy: importers },
        schema: {
          tags: ["imports"],
          params: JobParams,
          response: { 200: ImportJobView, ...problemResponses },
        },
      },
      async (request) => presentImportJob(await getImportJob(db, requireUser(request), request.params.jobId)),
    );

    app.get(
      "/api/v1/imports/:jobId/errors",
      {
        config: { policy: importers },
        schema: {
          tags: ["imports"],
          params: JobParams,
          querystring: ErrorListQuery,
          response: { 200: ImportErrorList, ...problemResponses },
        },
      },
      async (request) => {
        const page = await listImportErrors(db, requireUser(request), request.params.jobId, request.query);
        return { items: presentImportErrors(page.items, language(request)), nextCursor: page.nextCursor };
      },
    );
  };
}
