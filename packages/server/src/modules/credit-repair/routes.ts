import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { chinaDate } from "@shian/domain";
import type { Database } from "../../db/client.js";
import { context, requireUser } from "../../http/auth.js";
import { allowRoles } from "../../http/route-policy.js";
import { IdParams, ProblemSchema, problemResponses } from "../../http/schema-helpers.js";
import { BUSINESS_ROLES, OFFICER_ROLES } from "../accounts/roles.js";
import { PENALTY_ROLES } from "../penalties/policy.js";
import { presentRepair } from "./presenter.js";
import { ApplyBody, DecisionBody, RepairList, RepairListQuery, RepairView } from "./schema.js";
import * as repairs from "./service.js";

const errors = { ...problemResponses, 409: ProblemSchema, 422: ProblemSchema };
const today = () => chinaDate(new Date());

export function creditRepairRoutes(db: Database) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.post(
      "/api/v1/portal/credit-repairs",
      {
        config: { policy: allowRoles("business_owner"), idempotent: true },
        schema: {
          tags: ["credit-repair"],
          description: "信用修复 application with evidence (即申即办), once the penalty is repairable.",
          body: ApplyBody,
          response: { 201: RepairView, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            presentRepair(
              await repairs.applyForRepair(db, context(request), requireUser(request), request.body),
              today(),
            ),
          ),
    );

    for (const [url, roles] of [
      ["/api/v1/portal/credit-repairs", BUSINESS_ROLES],
      ["/api/v1/credit-repairs", OFFICER_ROLES],
    ] as const) {
      app.get(
        url,
        {
          config: { policy: allowRoles(...roles) },
          schema: {
            tags: ["credit-repair"],
            description: "Applications, oldest first, with the day each decision is due (当日结).",
            querystring: RepairListQuery,
            response: { 200: RepairList, ...errors },
          },
        },
        async (request) => {
          const rows = await repairs.listRepairs(db, requireUser(request), request.query);
          const day = today();
          return { items: rows.map((row) => presentRepair(row, day)) };
        },
      );
    }

    app.post(
      "/api/v1/credit-repairs/:id/decision",
      {
        config: { policy: allowRoles(...PENALTY_ROLES) },
        schema: {
          tags: ["credit-repair"],
          description:
            "Approve (penalty repaired, listing removed, grade recomputed) or reject with a reason.",
          params: IdParams,
          body: DecisionBody,
          response: { 200: RepairView, ...errors },
        },
      },
      async (request) =>
        presentRepair(
          await repairs.decideRepair(
            db,
            context(request),
            requireUser(request),
            request.params.id,
            request.body,
          ),
          today(),
        ),
    );
  };
}
