import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { chinaDate } from "@shian/domain";
import type { Database } from "../../db/client.js";
import { context, requireUser } from "../../http/auth.js";
import { allowRoles } from "../../http/route-policy.js";
import { IdParams, ProblemSchema, problemResponses } from "../../http/schema-helpers.js";
import { BUSINESS_ROLES, OFFICER_ROLES } from "../accounts/roles.js";
import { DECIDER_ROLES, EVALUATOR_ROLES } from "./policy.js";
import { presentEvaluation, presentMonth, presentSanction } from "./presenter.js";
import { renderMonthlyReport } from "./report.js";
import {
  DecisionBody,
  EvaluationBody,
  EvaluationView,
  MonthQuery,
  MonthView,
  RunResult,
  SanctionList,
  SanctionQuery,
  SanctionRunBody,
  SanctionView,
} from "./schema.js";
import * as evaluations from "./service.js";
import * as sanctions from "./sanctions.js";

const errors = { ...problemResponses, 409: ProblemSchema };
const Pdf = Type.Unsafe<Buffer>({ type: "string", format: "binary" });

export function evaluationRoutes(db: Database) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.post(
      "/api/v1/evaluations",
      {
        config: { policy: allowRoles(...EVALUATOR_ROLES), idempotent: true },
        schema: {
          tags: ["evaluations"],
          description: "每周现场评价: one checklist evaluation per store and week (409 for a second one).",
          body: EvaluationBody,
          response: { 201: EvaluationView, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            presentEvaluation(
              await evaluations.recordEvaluation(db, context(request), requireUser(request), request.body),
            ),
          ),
    );

    app.get(
      "/api/v1/evaluations",
      {
        config: { policy: allowRoles(...OFFICER_ROLES, ...BUSINESS_ROLES) },
        schema: {
          tags: ["evaluations"],
          description:
            "A store's month: each week's evaluation (a missing week counts 0), the average and colour.",
          querystring: MonthQuery,
          response: { 200: MonthView, ...errors },
        },
      },
      async (request) =>
        presentMonth(
          await evaluations.monthOf(db, requireUser(request), request.query.store, request.query.month),
        ),
    );

    app.get(
      "/api/v1/evaluations/report.pdf",
      {
        config: { policy: allowRoles(...OFFICER_ROLES, ...BUSINESS_ROLES) },
        schema: {
          tags: ["evaluations"],
          description: "月度评价报告 of a store as a one-page PDF.",
          querystring: MonthQuery,
          response: { 200: Pdf, ...problemResponses },
        },
      },
      async (request, reply) => {
        const { store, month } = request.query;
        const report = await evaluations.monthOf(db, requireUser(request), store, month);
        return reply
          .type("application/pdf")
          .header("content-disposition", `inline; filename="evaluation-${month}-${store}.pdf"`)
          .header("cache-control", "private, no-store")
          .send(await renderMonthlyReport(report));
      },
    );

    app.post(
      "/api/v1/sanctions/run",
      {
        config: { policy: allowRoles("admin") },
        schema: {
          tags: ["evaluations"],
          description:
            "Proposes the year's due sanctions (停业、清场、不得参加下轮招投标); re-running adds none twice.",
          body: SanctionRunBody,
          response: { 200: RunResult, ...errors },
        },
      },
      async (request) =>
        sanctions.runSanctions(
          db,
          context(request),
          requireUser(request),
          request.body.year ?? Number(chinaDate(new Date()).slice(0, 4)),
        ),
    );

    app.get(
      "/api/v1/sanctions",
      {
        config: { policy: allowRoles(...OFFICER_ROLES) },
        schema: {
          tags: ["evaluations"],
          description: "Sanction proposals of the jurisdiction, newest first.",
          querystring: SanctionQuery,
          response: { 200: SanctionList, ...errors },
        },
      },
      async (request) => ({
        items: (await sanctions.listSanctions(db, requireUser(request), request.query.status)).map(
          presentSanction,
        ),
      }),
    );

    app.post(
      "/api/v1/sanctions/:id/decision",
      {
        config: { policy: allowRoles(...DECIDER_ROLES) },
        schema: {
          tags: ["evaluations"],
          description: "A leader approves or rejects a proposal (409 once decided).",
          params: IdParams,
          body: DecisionBody,
          response: { 200: SanctionView, ...errors },
        },
      },
      async (request) =>
        presentSanction(
          await sanctions.decideSanction(
            db,
            context(request),
            requireUser(request),
            request.params.id,
            request.body,
          ),
        ),
    );
  };
}
