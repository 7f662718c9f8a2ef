import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { Database } from "../../db/client.js";
import { context, requireUser } from "../../http/auth.js";
import { pickLanguage } from "../../http/language.js";
import { PUBLIC, allowRoles } from "../../http/route-policy.js";
import { ProblemSchema, problemResponses } from "../../http/schema-helpers.js";
import { renderRecallsPage } from "./pages.js";
import { OFFICER_ROLES, RECALL_ROLES } from "./policy.js";
import { presentPublicRecall, presentRecall } from "./presenter.js";
import {
  BatchIdParams,
  CloseBody,
  IdParams,
  PublicRecallList,
  PublicRecallsQuery,
  RecallBody,
  RecallView,
} from "./schema.js";
import * as recalls from "./service.js";

const errors = { ...problemResponses, 409: ProblemSchema };

/** 召回 (浙食链 recalls): docs/recalls.md. */
export function recallRoutes(db: Database, readDb: Database) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.post(
      "/api/v1/batches/:batchId/recall",
      {
        config: { policy: allowRoles(...RECALL_ROLES), idempotent: true },
        schema: {
          tags: ["recalls"],
          description:
            "召回 a production batch: an officer of its district or the producing business's owner. One open recall " +
            "per batch (409). Receiving stores get a task and an inbox message; authorised partners a signed webhook.",
          params: BatchIdParams,
          body: RecallBody,
          response: { 201: RecallView, ...errors },
        },
      },
      async (request, reply) => {
        const created = await recalls.recallBatch(db, context(request), requireUser(request), {
          batchId: request.params.batchId,
          ...request.body,
        });
        return reply.code(201).send(presentRecall(created.recall, created.batch, created.receivingStores));
      },
    );

    app.post(
      "/api/v1/recalls/:id/close",
      {
        config: { policy: allowRoles(...OFFICER_ROLES) },
        schema: {
          tags: ["recalls"],
          description: "An officer closes an open recall with a note (audited). 409 when already closed.",
          params: IdParams,
          body: CloseBody,
          response: { 200: RecallView, ...errors },
        },
      },
      async (request) => {
        const closed = await recalls.closeRecall(db, context(request), requireUser(request), {
          id: request.params.id,
          note: request.body.note,
        });
        return presentRecall(closed.recall, closed.batch);
      },
    );

    app.get(
      "/api/v1/public/recalls",
      {
        config: { policy: PUBLIC },
        schema: {
          tags: ["recalls"],
          description: "Public list of recalls, open and closed, newest first. No personal data.",
          querystring: PublicRecallsQuery,
          response: { 200: PublicRecallList, 400: ProblemSchema, 429: ProblemSchema },
        },
      },
      async (request, reply) => {
        reply.header("cache-control", "public, max-age=60");
        const rows = await recalls.listPublicRecalls(readDb, request.query);
        return { items: rows.map(presentPublicRecall) };
      },
    );

    app.get(
      "/recalls",
      {
        config: { policy: PUBLIC },
        schema: { hide: true, querystring: PublicRecallsQuery },
      },
      async (request, reply) => {
        const language = request.query.lang ?? pickLanguage(request.headers["accept-language"]);
        const rows = await recalls.listPublicRecalls(readDb, request.query);
        return reply
          .type("text/html; charset=utf-8")
          .header("cache-control", "public, max-age=60")
          .send(renderRecallsPage(rows, language));
      },
    );
  };
}
