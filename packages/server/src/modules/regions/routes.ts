import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { Database } from "../../db/client.js";
import { PUBLIC } from "../../http/route-policy.js";
import { ProblemSchema, RegionCode, StrictObject } from "../../http/schema-helpers.js";
import { listRegions } from "./service.js";

const RegionView = Type.Object({
  code: Type.String(),
  name: Type.String(),
  parentCode: Type.Union([Type.String(), Type.Null()]),
  level: Type.String(),
});

/** `db` may be the read handle (a replica): the divisions are reference data that only migrations write. */
export function regionRoutes(db: Database) {
  return async function routes(fastify: FastifyInstance) {
    fastify.withTypeProvider<TypeBoxTypeProvider>().get(
      "/api/v1/regions",
      {
        config: { policy: PUBLIC },
        schema: {
          tags: ["regions"],
          description: "GB/T 2260 divisions: provinces without parentCode, else the children of parentCode.",
          querystring: StrictObject({ parentCode: Type.Optional(RegionCode) }),
          response: { 200: Type.Object({ items: Type.Array(RegionView) }), 400: ProblemSchema },
        },
      },
      async (request, reply) => {
        reply.header("cache-control", "public, max-age=3600");
        return { items: await listRegions(db, request.query.parentCode ?? null) };
      },
    );
  };
}
