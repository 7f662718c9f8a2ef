import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { Database } from "../../db/client.js";
import { context, requireUser } from "../../http/auth.js";
import { allowRoles } from "../../http/route-policy.js";
import { IdParams, ProblemSchema, problemResponses } from "../../http/schema-helpers.js";
import { BUSINESS_ROLES, OFFICER_ROLES } from "../accounts/roles.js";
import { CLOSING_ROLES } from "./policy.js";
import { presentAlert } from "./presenter.js";
import { AlertList, AlertListQuery, AlertView, CloseBody, ResponseBody, RunSummaryView } from "./schema.js";
import * as alerts from "./service.js";

const errors = { ...problemResponses, 409: ProblemSchema };

export function alertRoutes(db: Database) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      "/api/v1/alerts",
      {
        config: { policy: allowRoles(...OFFICER_ROLES) },
        schema: { tags: ["alerts"], querystring: AlertListQuery, response: { 200: AlertList, ...errors } },
      },
      async (request) => {
        const { rows, nextCursor } = await alerts.listAlertsForOfficer(
          db,
          requireUser(request),
          request.query,
        );
        return { items: rows.map((row) => presentAlert(row)), nextCursor };
      },
    );

    app.get(
      "/api/v1/alerts/:id",
      {
        config: { policy: allowRoles(...OFFICER_ROLES, ...BUSINESS_ROLES) },
        schema: { tags: ["alerts"], params: IdParams, response: { 200: AlertView, ...errors } },
      },
      async (request) => presentAlert(await alerts.getAlert(db, requireUser(request), request.params.id)),
    );

    app.post(
      "/api/v1/alerts/:id/close",
      {
        config: { policy: allowRoles(...CLOSING_ROLES) },
        schema: {
          tags: ["alerts"],
          params: IdParams,
          body: CloseBody,
          response: { 200: AlertView, ...errors },
        },
      },
      async (request) =>
        presentAlert(
          await alerts.closeAlert(
            db,
            context(request),
            requireUser(request),
            request.params.id,
            request.body,
          ),
        ),
    );

    app.post(
      "/api/v1/alerts/run",
      {
        config: { policy: allowRoles("admin") },
        schema: {
          tags: ["alerts"],
          description: "Runs every alert rule now (the job also runs every ALERT_INTERVAL_SECONDS).",
          response: { 200: RunSummaryView, ...errors },
        },
      },
      async (request) => ({ items: await alerts.runAlertJob(db, context(request)) }),
    );

    app.get(
      "/api/v1/portal/alerts",
      {
        config: { policy: allowRoles(...BUSINESS_ROLES) },
        schema: { tags: ["alerts"], querystring: AlertListQuery, response: { 200: AlertList, ...errors } },
      },
      async (request) => {
        const { rows, nextCursor } = await alerts.listAlertsForBusiness(
          db,
          requireUser(request),
          request.query,
        );
        return { items: rows.map((row) => presentAlert(row)), nextCursor };
      },
    );

    app.post(
      "/api/v1/portal/alerts/:id/response",
      {
        config: { policy: allowRoles(...BUSINESS_ROLES) },
        schema: {
          tags: ["alerts"],
          params: IdParams,
          body: ResponseBody,
          response: { 200: AlertView, ...errors },
        },
      },
      async (request) =>
        presentAlert(
          await alerts.respondToAlert(
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
