import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { Database } from "../../db/client.js";
import { context, requireUser } from "../../http/auth.js";
import { IdParams, ProblemSchema, problemResponses } from "../../http/schema-helpers.js";
import { misuseQueuePolicy } from "./policy.js";
import { presentMisuseFlag } from "./presenter.js";
import { DecisionBody, ListQuery, MisuseFlagView } from "./schema.js";
import * as misuse from "./service.js";

const errors = { ...problemResponses, 409: ProblemSchema };

/** The officer queue of suspected licence misuse on delivery platforms (冒用核查, issue 13). */
export function misuseRoutes(db: Database) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      "/api/v1/misuse-flags",
      {
        config: { policy: misuseQueuePolicy },
        schema: {
          tags: ["misuse"],
          description: "Suspected licence misuse found by partner batch verification, in the jurisdiction.",
          querystring: ListQuery,
          response: { 200: Type.Object({ items: Type.Array(MisuseFlagView) }), ...errors },
        },
      },
      async (request) => {
        const rows = await misuse.listMisuseFlags({
          db,
          actor: requireUser(request),
          status: request.query.status,
          kind: request.query.kind,
          limit: request.query.limit ?? 100,
        });
        return { items: rows.map(presentMisuseFlag) };
      },
    );

    app.post(
      "/api/v1/misuse-flags/:id/decision",
      {
        config: { policy: misuseQueuePolicy, idempotent: true },
        schema: {
          tags: ["misuse"],
          description: "Confirm or dismiss a flag; a confirmation is sent to the partner's webhooks.",
          params: IdParams,
          body: DecisionBody,
          response: { 200: MisuseFlagView, ...errors },
        },
      },
      async (request) =>
        presentMisuseFlag(
          await misuse.decideMisuseFlag({
            db,
            context: context(request),
            actor: requireUser(request),
            id: request.params.id,
            decision: request.body.decision,
            note: request.body.note,
          }),
        ),
    );
  };
}
