import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { Database } from "../../db/client.js";
import { context, requireUser } from "../../http/auth.js";
import { allowRoles } from "../../http/route-policy.js";
import { problemResponses } from "../../http/schema-helpers.js";
import { BUSINESS_ROLES, OFFICER_ROLES } from "../accounts/roles.js";
import * as grades from "./grades-service.js";
import { RUN_ROLES } from "./grading-policy.js";
import { presentRun, presentStoreGrades } from "./grading-presenter.js";
import {
  DistributionQuery,
  DistributionView,
  IdParams,
  RunList,
  RunListQuery,
  RunView,
  StartRunBody,
  StoreGradesView,
} from "./grading-schema.js";

export function gradingRoutes(db: Database) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
    // Runs started over HTTP continue after the reply; closing the app stops them between chunks and waits.
    const stopping = new AbortController();
    const inFlight = new Set<Promise<unknown>>();
    app.addHook("onClose", async () => {
      stopping.abort();
      await Promise.allSettled(inFlight);
    });

    app.post(
      "/api/v1/credit/runs",
      {
        config: { policy: allowRoles(...RUN_ROLES), idempotent: true },
        schema: {
          tags: ["credit"],
          description:
            "Grades a month with a model in the background (one run per model and month: asking again returns it).",
          body: StartRunBody,
          response: { 202: RunView, ...problemResponses },
        },
      },
      async (request, reply) => {
        const { run, work } = await grades.requestGradingRun(
          db,
          context(request),
          request.body,
          stopping.signal,
        );
        const tracked = work
          .catch((error: unknown) => request.log.error({ err: error, runId: run.id }, "grading run failed"))
          .finally(() => inFlight.delete(tracked));
        inFlight.add(tracked);
        return reply.code(202).send(presentRun(run));
      },
    );

    app.get(
      "/api/v1/credit/runs",
      {
        config: { policy: allowRoles(...OFFICER_ROLES) },
        schema: {
          tags: ["credit"],
          querystring: RunListQuery,
          response: { 200: RunList, ...problemResponses },
        },
      },
      async (request) => ({ items: (await grades.listGradingRuns(db, request.query)).map(presentRun) }),
    );

    app.get(
      "/api/v1/stores/:id/grades",
      {
        config: { policy: allowRoles(...OFFICER_ROLES, ...BUSINESS_ROLES) },
        schema: {
          tags: ["credit"],
          description:
            "The store's current grade and its monthly history with breakdown and what to improve.",
          params: IdParams,
          response: { 200: StoreGradesView, ...problemResponses },
        },
      },
      async (request) =>
        presentStoreGrades(await grades.storeGrades(db, requireUser(request), request.params.id)),
    );

    app.get(
      "/api/v1/credit/grades",
      {
        config: { policy: allowRoles(...OFFICER_ROLES) },
        schema: {
          tags: ["credit"],
          description: "Stores per grade in a month (the latest graded by default) within the jurisdiction.",
          querystring: DistributionQuery,
          response: { 200: DistributionView, ...problemResponses },
        },
      },
      async (request) => grades.gradeDistribution(db, requireUser(request), request.query),
    );
  };
}
