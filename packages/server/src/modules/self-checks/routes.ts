import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { Static } from "@sinclair/typebox";
import type { Database } from "../../db/client.js";
import { context, requireUser } from "../../http/auth.js";
import { allowRoles } from "../../http/route-policy.js";
import { problemResponses } from "../../http/schema-helpers.js";
import { BUSINESS_ROLES, OFFICER_ROLES } from "../accounts/roles.js";
import type { SelfCheckRow } from "./repository.js";
import { SelfCheckBody, SelfCheckList, SelfCheckListQuery, SelfCheckView, StoreParams } from "./schema.js";
import * as selfChecks from "./service.js";

/** Presenter: the fields listed; filedBy (a person) stays internal. */
function presentSelfCheck(row: SelfCheckRow): Static<typeof SelfCheckView> {
  return {
    id: row.id,
    storeId: row.storeId,
    checkedOn: row.checkedOn,
    results: row.results.map((r) => ({
      code: r.code,
      result: r.result,
      ...(r.note ? { note: r.note } : {}),
    })),
    failedItems: row.results.filter((r) => r.result === "fail").map((r) => r.code),
    createdAt: row.createdAt.toISOString(),
  };
}

export function selfCheckRoutes(db: Database) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.post(
      "/api/v1/stores/:id/self-checks",
      {
        config: { policy: allowRoles(...BUSINESS_ROLES), idempotent: true },
        schema: {
          tags: ["self-checks"],
          description: "The business files a self-check against the patrol checklist.",
          params: StoreParams,
          body: SelfCheckBody,
          response: { 201: SelfCheckView, ...problemResponses },
        },
      },
      async (request, reply) => {
        const created = await selfChecks.fileSelfCheck(
          db,
          context(request),
          requireUser(request),
          request.params.id,
          request.body,
        );
        return reply.code(201).send(presentSelfCheck(created));
      },
    );

    app.get(
      "/api/v1/stores/:id/self-checks",
      {
        config: { policy: allowRoles(...OFFICER_ROLES, ...BUSINESS_ROLES) },
        schema: {
          tags: ["self-checks"],
          params: StoreParams,
          querystring: SelfCheckListQuery,
          response: { 200: SelfCheckList, ...problemResponses },
        },
      },
      async (request) => ({
        items: (
          await selfChecks.listSelfChecks(db, requireUser(request), request.params.id, request.query.limit)
        ).map(presentSelfCheck),
      }),
    );
  };
}
