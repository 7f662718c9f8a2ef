import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { Config } from "../../config.js";
import type { Database } from "../../db/client.js";
import { context, requireUser } from "../../http/auth.js";
import { pickLanguage } from "../../http/language.js";
import { PUBLIC, allowRoles } from "../../http/route-policy.js";
import { ProblemSchema, problemResponses } from "../../http/schema-helpers.js";
import { renderNotGenuinePage, renderTracePage } from "./pages.js";
import { BATCH_ROLES } from "./policy.js";
import { presentBatch, presentDevice, presentRapidTest } from "./presenter.js";
import {
  BatchBody,
  BatchList,
  BatchView,
  DeviceBody,
  DeviceList,
  DeviceView,
  IdParams,
  LangQuery,
  RapidTestList,
  RapidTestsBody,
  StoreQuery,
  TokenParams,
  TraceCodesBody,
  TraceCodesResult,
} from "./schema.js";
import * as trace from "./service.js";
import { loadTraceView } from "./view.js";

const errors = { ...problemResponses, 409: ProblemSchema };

export function traceRoutes(db: Database, readDb: Database, config: Config) {
  const deps = { publicBaseUrl: config.publicBaseUrl, defaultColour: config.defaultSafetyColour };
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.post(
      "/api/v1/portal/devices",
      {
        config: { policy: allowRoles("business_owner"), idempotent: true },
        schema: {
          tags: ["traceability"],
          description: "The business owner registers a scale or till of a store with its Ed25519 public key.",
          body: DeviceBody,
          response: { 201: DeviceView, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            presentDevice(
              await trace.registerDevice(db, context(request), requireUser(request), request.body),
            ),
          ),
    );

    app.delete(
      "/api/v1/portal/devices/:id",
      {
        config: { policy: allowRoles("business_owner") },
        schema: {
          tags: ["traceability"],
          description:
            "Revokes a device: its codes no longer verify (uploads refused, pages say not genuine).",
          params: IdParams,
          response: { 200: DeviceView, ...errors },
        },
      },
      async (request) =>
        presentDevice(
          await trace.revokeDevice(db, context(request), requireUser(request), request.params.id),
        ),
    );

    app.get(
      "/api/v1/portal/devices",
      {
        config: { policy: allowRoles(...BATCH_ROLES) },
        schema: {
          tags: ["traceability"],
          querystring: StoreQuery,
          response: { 200: DeviceList, ...errors },
        },
      },
      async (request) => ({
        items: (await trace.listDevices(db, requireUser(request), request.query.storeId)).map(presentDevice),
      }),
    );

    app.post(
      "/api/v1/portal/batches",
      {
        config: { policy: allowRoles(...BATCH_ROLES), idempotent: true },
        schema: {
          tags: ["traceability"],
          description:
            "生产批次 with raw materials (suppliers' licences verified live) and rapid tests, in one transaction.",
          body: BatchBody,
          response: { 201: BatchView, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            presentBatch(await trace.recordBatch(db, context(request), requireUser(request), request.body)),
          ),
    );

    app.get(
      "/api/v1/portal/batches",
      {
        config: { policy: allowRoles(...BATCH_ROLES) },
        schema: {
          tags: ["traceability"],
          querystring: StoreQuery,
          response: { 200: BatchList, ...errors },
        },
      },
      async (request) => ({
        items: (await trace.listBatches(db, requireUser(request), request.query.storeId)).map(presentBatch),
      }),
    );

    app.post(
      "/api/v1/portal/rapid-tests",
      {
        config: { policy: allowRoles(...BATCH_ROLES), idempotent: true },
        schema: {
          tags: ["traceability"],
          description: "快检 results of a store, optionally of one of its batches.",
          body: RapidTestsBody,
          response: { 201: RapidTestList, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send({
          items: (await trace.recordRapidTests(db, context(request), requireUser(request), request.body)).map(
            presentRapidTest,
          ),
        }),
    );

    app.post(
      "/api/v1/devices/trace-codes",
      {
        // No session or API key: every code is authenticated by its device's Ed25519 signature.
        config: { policy: PUBLIC },
        schema: {
          tags: ["traceability"],
          description:
            "Devices upload signed trace codes (docs/traceability.md). Any code that does not verify against an " +
            "active registered device → 401 and nothing stored. Idempotent by (device, serial).",
          body: TraceCodesBody,
          response: { 200: TraceCodesResult, 400: ProblemSchema, 401: ProblemSchema, 429: ProblemSchema },
        },
      },
      async (request) => trace.uploadTraceCodes(db, context(request), request.body.codes),
    );

    app.get(
      "/t/:token",
      {
        config: { policy: PUBLIC },
        schema: { hide: true, params: TokenParams, querystring: LangQuery },
      },
      async (request, reply) => {
        const language = request.query.lang ?? pickLanguage(request.headers["accept-language"]);
        const view = await loadTraceView(readDb, deps, request.params.token, db);
        // — step 11: recalls — a recall must show on the next request: shared caches revalidate every time.
        reply.type("text/html; charset=utf-8").header("cache-control", "public, no-cache");
        if (!view) return reply.code(404).send(renderNotGenuinePage(language));
        return reply.send(renderTracePage(request.params.token, view, language));
      },
    );
  };
}
