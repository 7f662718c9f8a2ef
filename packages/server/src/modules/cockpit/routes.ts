import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { Database } from "../../db/client.js";
import { requireUser } from "../../http/auth.js";
import { allowRoles } from "../../http/route-policy.js";
import { problemResponses } from "../../http/schema-helpers.js";
import { COCKPIT_ROLES } from "./policy.js";
import { CockpitQuery, CockpitView } from "./schema.js";
import { loadCockpit, type CockpitDeps } from "./service.js";

/** 驾驶舱: read-only aggregates, so they come from the read database (a replica when DATABASE_READ_URL is set). */
export function cockpitRoutes(readDb: Database, deps: CockpitDeps) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      "/api/v1/cockpit",
      {
        config: { policy: allowRoles(...COCKPIT_ROLES) },
        schema: {
          tags: ["cockpit"],
          description:
            "The regulator cockpit of a region (the caller's jurisdiction by default): licences, applications " +
            "and their clocks, colours and grades over 12 months, inspections, complaints, alerts, child " +
            "regions (or the stores of a county) and map points. A region outside the jurisdiction → 404.",
          querystring: CockpitQuery,
          response: { 200: CockpitView, ...problemResponses },
        },
      },
      async (request) => loadCockpit(readDb, deps, requireUser(request), request.query),
    );
  };
}
