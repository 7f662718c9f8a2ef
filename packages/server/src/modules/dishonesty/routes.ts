import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { Database } from "../../db/client.js";
import { context, requireUser } from "../../http/auth.js";
import { allowRoles } from "../../http/route-policy.js";
import { IdParams, ProblemSchema, problemResponses } from "../../http/schema-helpers.js";
import { OFFICER_ROLES } from "../accounts/roles.js";
import * as dishonesty from "./list-service.js";
import { JOINT_PUNISHMENT_ROLES, LISTING_ROLES } from "./policy.js";
import { presentDishonestyEntry } from "./presenter.js";
import { DishonestyList, DishonestyQuery, DishonestyView, ListBusinessBody, RemoveBody } from "./schema.js";
import type { ExportFormat } from "./table-export.js";

const errors = { ...problemResponses, 409: ProblemSchema };
export const FileReply = Type.Unsafe<Buffer>({ type: "string", format: "binary" });

/** 严重违法失信名单 and its joint-punishment export (联合惩戒). */
export function dishonestyRoutes(db: Database) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      "/api/v1/dishonesty",
      {
        config: { policy: allowRoles(...OFFICER_ROLES) },
        schema: {
          tags: ["dishonesty"],
          querystring: DishonestyQuery,
          response: { 200: DishonestyList, ...errors },
        },
      },
      async (request) => ({
        items: (await dishonesty.listDishonestyEntries(db, requireUser(request), request.query)).map(
          presentDishonestyEntry,
        ),
      }),
    );

    app.post(
      "/api/v1/dishonesty",
      {
        config: { policy: allowRoles(...LISTING_ROLES), idempotent: true },
        schema: {
          tags: ["dishonesty"],
          body: ListBusinessBody,
          response: { 201: DishonestyView, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            presentDishonestyEntry(
              await dishonesty.listBusiness(db, context(request), requireUser(request), request.body),
            ),
          ),
    );

    app.post(
      "/api/v1/dishonesty/:id/remove",
      {
        config: { policy: allowRoles(...LISTING_ROLES) },
        schema: {
          tags: ["dishonesty"],
          params: IdParams,
          body: RemoveBody,
          response: { 200: DishonestyView, ...errors },
        },
      },
      async (request) =>
        presentDishonestyEntry(
          await dishonesty.removeEntry(
            db,
            context(request),
            requireUser(request),
            request.params.id,
            request.body.reason,
          ),
        ),
    );

    for (const format of ["xlsx", "csv"] as const satisfies ExportFormat[]) {
      app.get(
        `/api/v1/dishonesty/export.${format}`,
        {
          config: { policy: allowRoles(...JOINT_PUNISHMENT_ROLES) },
          schema: {
            tags: ["dishonesty"],
            description:
              "Joint-punishment export of the entries in force: business, USCC, legal representative, reason, legal basis, period, authority. Officer-only and audited.",
            response: { 200: FileReply, ...problemResponses },
          },
        },
        async (request, reply) => {
          const file = await dishonesty.exportJointPunishment(
            db,
            context(request),
            requireUser(request),
            format,
          );
          return reply
            .type(file.contentType)
            .header("content-disposition", `attachment; filename="${file.filename}"`)
            .header("cache-control", "private, no-store")
            .send(file.body);
        },
      );
    }
  };
}
