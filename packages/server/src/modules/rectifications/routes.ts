import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { Database } from "../../db/client.js";
import { context, requireUser } from "../../http/auth.js";
import { allowRoles } from "../../http/route-policy.js";
import { IdParams, ProblemSchema, problemResponses } from "../../http/schema-helpers.js";
import { BUSINESS_ROLES, OFFICER_ROLES } from "../accounts/roles.js";
import { INSPECTING_ROLES } from "../inspections/policy.js";
import { presentRectification } from "./presenter.js";
import {
  RectificationList,
  RectificationListQuery,
  RectificationView,
  ReopenBody,
  ReplyBody,
} from "./schema.js";
import * as rectifications from "./service.js";

const errors = { ...problemResponses, 409: ProblemSchema };

export function rectificationRoutes(db: Database) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      "/api/v1/rectifications",
      {
        config: { policy: allowRoles(...OFFICER_ROLES, ...BUSINESS_ROLES) },
        schema: {
          tags: ["rectifications"],
          querystring: RectificationListQuery,
          response: { 200: RectificationList, ...errors },
        },
      },
      async (request) => {
        const rows = await rectifications.listRectifications(db, requireUser(request), request.query);
        return { items: rows.map((row) => presentRectification(row)) };
      },
    );

    app.get(
      "/api/v1/rectifications/:id",
      {
        config: { policy: allowRoles(...OFFICER_ROLES, ...BUSINESS_ROLES) },
        schema: {
          tags: ["rectifications"],
          params: IdParams,
          response: { 200: RectificationView, ...errors },
        },
      },
      async (request) =>
        presentRectification(
          await rectifications.getRectification(db, requireUser(request), request.params.id),
        ),
    );

    app.post(
      "/api/v1/rectifications/:id/reply",
      {
        config: { policy: allowRoles(...BUSINESS_ROLES) },
        schema: {
          tags: ["rectifications"],
          params: IdParams,
          body: ReplyBody,
          response: { 200: RectificationView, ...errors },
        },
      },
      async (request) =>
        presentRectification(
          await rectifications.replyToRectification(
            db,
            context(request),
            requireUser(request),
            request.params.id,
            request.body,
          ),
        ),
    );

    app.post(
      "/api/v1/rectifications/:id/accept",
      {
        config: { policy: allowRoles(...INSPECTING_ROLES) },
        schema: {
          tags: ["rectifications"],
          params: IdParams,
          response: { 200: RectificationView, ...errors },
        },
      },
      async (request) =>
        presentRectification(
          await rectifications.acceptRectification(
            db,
            context(request),
            requireUser(request),
            request.params.id,
          ),
        ),
    );

    app.post(
      "/api/v1/rectifications/:id/reopen",
      {
        config: { policy: allowRoles(...INSPECTING_ROLES) },
        schema: {
          tags: ["rectifications"],
          params: IdParams,
          body: ReopenBody,
          response: { 200: RectificationView, ...errors },
        },
      },
      async (request) =>
        presentRectification(
          await rectifications.reopenRectification(
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
