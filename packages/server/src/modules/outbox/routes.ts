import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { Database } from "../../db/client.js";
import { requireUser } from "../../http/auth.js";
import { queryRegionPrefix } from "../../http/region-query.js";
import { PUBLIC, allowRoles } from "../../http/route-policy.js";
import { ProblemSchema, RegionCode, StrictObject, problemResponses } from "../../http/schema-helpers.js";
import { BUSINESS_ROLES } from "../accounts/roles.js";
import { listInbox, listPublicNotices } from "./repository.js";

const Limit = Type.Integer({ minimum: 1, maximum: 200, default: 50 });

/** The business's inbox and the public notice list: where 三即时 messages land. */
export function noticeRoutes(db: Database, readDb: Database) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      "/api/v1/inbox",
      {
        config: { policy: allowRoles(...BUSINESS_ROLES) },
        schema: {
          tags: ["notices"],
          querystring: StrictObject({ limit: Limit }),
          response: {
            200: Type.Object({
              items: Type.Array(
                Type.Object({
                  id: Type.String(),
                  title: Type.String(),
                  body: Type.String(),
                  createdAt: Type.String(),
                }),
              ),
            }),
            ...problemResponses,
          },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const rows = user.businessId ? await listInbox(db, user.businessId, request.query.limit) : [];
        return {
          items: rows.map((row) => ({
            id: row.id,
            title: row.title,
            body: row.body,
            createdAt: row.createdAt.toISOString(),
          })),
        };
      },
    );

    app.get(
      "/api/v1/public/notices",
      {
        config: { policy: PUBLIC },
        schema: {
          tags: ["notices"],
          description: "Licences issued, changed and cancelled: the public notice list (三即时).",
          querystring: StrictObject({ region: Type.Optional(RegionCode), limit: Limit }),
          response: {
            200: Type.Object({
              items: Type.Array(
                Type.Object({
                  title: Type.String(),
                  body: Type.String(),
                  kind: Type.String(),
                  regionCode: Type.String(),
                  licenseNumber: Type.Union([Type.String(), Type.Null()]),
                  publishedAt: Type.String(),
                }),
              ),
            }),
            400: ProblemSchema,
          },
        },
      },
      async (request, reply) => {
        const prefix = queryRegionPrefix(request.query.region);
        const rows = await listPublicNotices(readDb, prefix, request.query.limit);
        reply.header("cache-control", "public, max-age=60");
        return {
          items: rows.map((row) => ({
            title: row.title,
            body: row.body,
            kind: row.kind,
            regionCode: row.regionCode,
            licenseNumber: row.licenseNumber,
            publishedAt: row.publishedAt.toISOString(),
          })),
        };
      },
    );
  };
}
