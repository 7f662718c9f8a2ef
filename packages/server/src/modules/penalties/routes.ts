import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { Database } from "../../db/client.js";
import { context, requireUser } from "../../http/auth.js";
import { allowRoles } from "../../http/route-policy.js";
import { IdParams, ProblemSchema, problemResponses } from "../../http/schema-helpers.js";
import { BUSINESS_ROLES, OFFICER_ROLES } from "../accounts/roles.js";
import { PENALTY_ROLES } from "./policy.js";
import { presentPenalty } from "./presenter.js";
import { PenaltyList, PenaltyListQuery, PenaltyView, RecordPenaltyBody } from "./schema.js";
import * as penalties from "./service.js";

const errors = { ...problemResponses, 409: ProblemSchema };
const Pdf = Type.Unsafe<Buffer>({ type: "string", format: "binary" });

export function penaltyRoutes(db: Database) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.post(
      "/api/v1/penalties",
      {
        config: { policy: allowRoles(...PENALTY_ROLES), idempotent: true },
        schema: {
          tags: ["penalties"],
          description:
            "Records a penalty (行政处罚); the decision and the credit-repair notice are served together (双书同达).",
          body: RecordPenaltyBody,
          response: { 201: PenaltyView, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            presentPenalty(
              await penalties.recordPenalty(db, context(request), requireUser(request), request.body),
            ),
          ),
    );

    app.get(
      "/api/v1/penalties",
      {
        config: { policy: allowRoles(...OFFICER_ROLES) },
        schema: {
          tags: ["penalties"],
          querystring: PenaltyListQuery,
          response: { 200: PenaltyList, ...errors },
        },
      },
      async (request) => {
        const page = await penalties.listPenalties(db, requireUser(request), request.query);
        return { items: page.items.map(presentPenalty), nextCursor: page.nextCursor };
      },
    );

    app.get(
      "/api/v1/portal/penalties",
      {
        config: { policy: allowRoles(...BUSINESS_ROLES) },
        schema: {
          tags: ["penalties"],
          querystring: PenaltyListQuery,
          response: { 200: PenaltyList, ...errors },
        },
      },
      async (request) => {
        const page = await penalties.listPenalties(db, requireUser(request), request.query);
        return { items: page.items.map(presentPenalty), nextCursor: page.nextCursor };
      },
    );

    for (const kind of ["decision", "repair-notice"] as const) {
      app.get(
        `/api/v1/penalties/:id/${kind}.pdf`,
        {
          config: { policy: allowRoles(...OFFICER_ROLES, ...BUSINESS_ROLES) },
          schema: {
            tags: ["penalties"],
            description:
              kind === "decision"
                ? "《行政处罚决定书》 as PDF."
                : "《信用修复告知书》 as PDF, served with the decision.",
            params: IdParams,
            response: { 200: Pdf, ...problemResponses },
          },
        },
        async (request, reply) => {
          const { pdf, filename } = await penalties.renderPenaltyDocument(
            db,
            requireUser(request),
            request.params.id,
            kind,
          );
          return reply
            .type("application/pdf")
            .header("content-disposition", `inline; filename="${filename}"`)
            .header("cache-control", "private, no-store")
            .send(pdf);
        },
      );
    }
  };
}
