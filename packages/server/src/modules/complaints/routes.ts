import type { FastifyError, FastifyInstance, FastifyRequest } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { Database } from "../../db/client.js";
import { context, requireUser } from "../../http/auth.js";
import { AppError, toProblem } from "../../http/errors.js";
import { pickLanguage, type Language } from "../../http/language.js";
import { PUBLIC, allowRoles } from "../../http/route-policy.js";
import { ProblemSchema, problemResponses } from "../../http/schema-helpers.js";
import type { FileStore } from "../files/file-store.js";
import type { Keyring } from "../keys/secret-box.js";
import { renderComplaintForm, renderError, renderSubmitted, renderTracking } from "./pages.js";
import { COMPLAINT_ROLES } from "./policy.js";
import { presentDetail, presentListItem, presentTracking } from "./presenter.js";
import { findStoreBySafetyCode } from "./repository.js";
import {
  AssignBody,
  CloseBody,
  CodeParams,
  ComplaintDetail,
  ComplaintListItem,
  CreatedComplaintView,
  IdParams,
  InspectorView,
  LangQuery,
  ListQuery,
  PhotoParams,
  TrackingQuery,
  TrackingView,
} from "./schema.js";
import * as service from "./service.js";
import { readComplaintSubmission } from "./submission.js";

export interface ComplaintRouteOptions {
  db: Database;
  /**
   * The complaint form's store lookup (a replica when DATABASE_READ_URL is set). Tracking stays on `db`: the
   * complainant opens the tracking link right after filing and must see the complaint (read your own write).
   */
  readDb?: Database;
  fileStore: FileStore;
  keyring: Keyring;
  /** COMPLAINT_CLOSE_WORKING_DAYS */
  closeWorkingDays: number;
  /** Complaints per minute per IP (COMPLAINT_RATE_LIMIT). */
  rateLimit: number;
}

function pageLanguage(request: FastifyRequest): Language {
  const lang = (request.query as { lang?: string } | undefined)?.lang;
  if (lang === "en" || lang === "zh-CN") return lang;
  return pickLanguage(request.headers["accept-language"]);
}

function trackingPath(id: string, token: string, language: Language): string {
  return `/complaints/${id}?token=${encodeURIComponent(token)}${language === "en" ? "&lang=en" : ""}`;
}

/** Client errors of the no-JS form as an AppError (413 from the multipart limits included); 5xx is rethrown. */
function asClientError(error: unknown): AppError {
  if (error instanceof AppError && error.status < 500) return error;
  const status = (error as FastifyError).statusCode;
  if (status === 413) return new AppError("payload_too_large");
  if (status === 415) return new AppError("unsupported_media_type");
  if (status !== undefined && status >= 400 && status < 500) return new AppError("validation_failed");
  throw error;
}

export function complaintRoutes(options: ComplaintRouteOptions) {
  const { db } = options;
  const deps = {
    db,
    fileStore: options.fileStore,
    keyring: options.keyring,
    closeWorkingDays: options.closeWorkingDays,
  };
  const rateLimit = { max: options.rateLimit, timeWindow: "1 minute" };
  const officers = allowRoles(...COMPLAINT_ROLES);

  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.post(
      "/api/v1/public/complaints",
      {
        config: { policy: PUBLIC, rateLimit },
        schema: {
          tags: ["complaints"],
          consumes: ["multipart/form-data"],
          description:
            "File a complaint (multipart): `storeCode` (食安码) or `lat` + `lng` + `regionCode` (county), `category`, " +
            "`description` (≤ 4000), up to 6 `photos` (JPEG/PNG/WebP by content, ≤ 10 MiB each), optional " +
            "`contactPhone` (mainland mobile). Nothing is stored unless every part is valid.",
          response: {
            201: CreatedComplaintView,
            400: ProblemSchema,
            404: ProblemSchema,
            413: ProblemSchema,
            415: ProblemSchema,
            429: ProblemSchema,
          },
        },
      },
      async (request, reply) => {
        const submission = await readComplaintSubmission(request);
        const { complaint, trackingToken } = await service.fileComplaint(deps, {
          context: context(request),
          submission,
        });
        return reply.code(201).send({ id: complaint.id, trackingToken });
      },
    );

    app.get(
      "/api/v1/public/complaints/:id",
      {
        config: { policy: PUBLIC },
        schema: {
          tags: ["complaints"],
          description: "The complainant follows a complaint with its tracking token; a wrong token is a 404.",
          params: IdParams,
          querystring: TrackingQuery,
          response: { 200: TrackingView, 400: ProblemSchema, 404: ProblemSchema, 429: ProblemSchema },
        },
      },
      async (request, reply) => {
        const view = await service.trackComplaint(db, request.params.id, request.query.token);
        reply.header("cache-control", "no-store");
        return presentTracking(view);
      },
    );

    app.get(
      "/complaints/:id",
      {
        config: { policy: PUBLIC },
        schema: { hide: true, params: IdParams, querystring: TrackingQuery },
      },
      async (request, reply) => {
        const language = pageLanguage(request);
        const view = await service.trackComplaint(db, request.params.id, request.query.token);
        reply
          .header("cache-control", "no-store")
          .header("referrer-policy", "no-referrer")
          .type("text/html; charset=utf-8");
        return renderTracking({
          view: presentTracking(view),
          language,
          path: trackingPath(request.params.id, request.query.token, language),
        });
      },
    );

    app.get(
      "/s/:code/complaint",
      {
        config: { policy: PUBLIC },
        schema: { hide: true, params: CodeParams, querystring: LangQuery },
      },
      async (request, reply) => {
        const language = pageLanguage(request);
        const store = await findStoreBySafetyCode(options.readDb ?? db, request.params.code);
        if (!store) throw new AppError("not_found");
        reply.header("cache-control", "no-store").type("text/html; charset=utf-8");
        return renderComplaintForm({ code: request.params.code, storeName: store.name, language });
      },
    );

    app.post(
      "/s/:code/complaint",
      {
        config: { policy: PUBLIC, rateLimit },
        schema: { hide: true, params: CodeParams, querystring: LangQuery },
      },
      async (request, reply) => {
        const language = pageLanguage(request);
        reply.header("cache-control", "no-store").type("text/html; charset=utf-8");
        try {
          const submission = await readComplaintSubmission(request, request.params.code);
          const { complaint, trackingToken } = await service.fileComplaint(deps, {
            context: context(request),
            submission,
          });
          reply.header("referrer-policy", "no-referrer").code(201);
          return renderSubmitted({
            trackingPath: trackingPath(complaint.id, trackingToken, language),
            language,
          });
        } catch (error) {
          const appError = asClientError(error);
          const problem = toProblem(appError, language, request.url, request.id);
          reply.code(appError.status);
          return renderError({
            message: problem.detail ?? problem.title,
            back: `/s/${encodeURIComponent(request.params.code)}/complaint?lang=${language}`,
            language,
          });
        }
      },
    );

    app.get(
      "/api/v1/complaints",
      {
        config: { policy: officers },
        schema: {
          tags: ["complaints"],
          description: "The district queue (overdue first); `mine=true` lists the complaints assigned to me.",
          querystring: ListQuery,
          response: { 200: Type.Object({ items: Type.Array(ComplaintListItem) }), ...problemResponses },
        },
      },
      async (request) => {
        const now = new Date();
        const rows = await service.listComplaints(db, requireUser(request), request.query, now);
        return { items: rows.map((row) => presentListItem(row.complaint, row.storeName, now)) };
      },
    );

    app.get(
      "/api/v1/complaints/:id",
      {
        config: { policy: officers },
        schema: {
          tags: ["complaints"],
          params: IdParams,
          response: { 200: ComplaintDetail, ...problemResponses },
        },
      },
      async (request) =>
        presentDetail(await service.getComplaint(db, requireUser(request), request.params.id), new Date()),
    );

    app.get(
      "/api/v1/complaints/:id/inspectors",
      {
        config: { policy: officers },
        schema: {
          tags: ["complaints"],
          description: "Inspectors of the complaint's district, who can be dispatched to it.",
          params: IdParams,
          response: { 200: Type.Object({ items: Type.Array(InspectorView) }), ...problemResponses },
        },
      },
      async (request) => {
        const rows = await service.listComplaintInspectors(db, requireUser(request), request.params.id);
        return {
          items: rows.map((row) => ({
            id: row.id,
            username: row.username,
            displayName: row.displayName,
            regionCode: row.regionCode,
          })),
        };
      },
    );

    app.get(
      "/api/v1/complaints/:id/photos/:fileId/thumbnail",
      {
        config: { policy: officers },
        schema: {
          tags: ["complaints"],
          params: PhotoParams,
          response: { 200: Type.Unsafe<Buffer>({ type: "string", format: "binary" }), ...problemResponses },
        },
      },
      async (request, reply) => {
        const bytes = await service.complaintPhotoThumbnail(
          db,
          options.fileStore,
          requireUser(request),
          request.params,
        );
        return reply
          .type("image/webp")
          .header("content-security-policy", "default-src 'none'; sandbox")
          .header("cache-control", "private, max-age=300")
          .send(bytes);
      },
    );

    const transition = { 200: ComplaintDetail, 409: ProblemSchema, 422: ProblemSchema, ...problemResponses };

    app.post(
      "/api/v1/complaints/:id/acknowledge",
      {
        config: { policy: officers },
        schema: { tags: ["complaints"], params: IdParams, response: transition },
      },
      async (request) => {
        const actor = requireUser(request);
        await service.acknowledgeComplaint(db, context(request), actor, request.params.id);
        return presentDetail(await service.getComplaint(db, actor, request.params.id), new Date());
      },
    );

    app.post(
      "/api/v1/complaints/:id/assign",
      {
        config: { policy: officers },
        schema: { tags: ["complaints"], params: IdParams, body: AssignBody, response: transition },
      },
      async (request) => {
        const actor = requireUser(request);
        await service.assignComplaint(db, context(request), actor, {
          id: request.params.id,
          inspectorId: request.body.inspectorId,
        });
        return presentDetail(await service.getComplaint(db, actor, request.params.id), new Date());
      },
    );

    app.post(
      "/api/v1/complaints/:id/close",
      {
        config: { policy: officers },
        schema: { tags: ["complaints"], params: IdParams, body: CloseBody, response: transition },
      },
      async (request) => {
        const actor = requireUser(request);
        await service.closeComplaint(db, context(request), actor, { id: request.params.id, ...request.body });
        return presentDetail(await service.getComplaint(db, actor, request.params.id), new Date());
      },
    );
  };
}
