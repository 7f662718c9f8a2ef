import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { Database } from "../../db/client.js";
import { context, requireUser } from "../../http/auth.js";
import { allowRoles } from "../../http/route-policy.js";
import { problemResponses } from "../../http/schema-helpers.js";
import { PATROL_READING_ROLES, PATROL_RECORDING_ROLES } from "./policy.js";
import { presentListItem, presentPatrolStore, presentRecordedPatrol } from "./presenter.js";
import {
  PatrolList,
  PatrolListQuery,
  PatrolStoreView,
  RecordPatrolBody,
  RecordedPatrolView,
  StoreParams,
} from "./schema.js";
import * as patrols from "./service.js";

/**
 * 线上巡查: the month's online items, a store's video and snapshots beside its checklist, the recorded patrol.
 * Snapshot images are served by the kitchen module (GET /api/v1/kitchen/snapshots/:id/image, officers of the
 * store's jurisdiction), so there is one image route with one policy.
 */
export function onlinePatrolRoutes(db: Database, stores: patrols.PatrolStores) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
    const readers = allowRoles(...PATROL_READING_ROLES);

    app.get(
      "/api/v1/online-patrols",
      {
        config: { policy: readers },
        schema: {
          tags: ["online-patrols"],
          description: "The month's online-patrol items of the supervision plans in the jurisdiction.",
          querystring: PatrolListQuery,
          response: { 200: PatrolList, ...problemResponses },
        },
      },
      async (request) => {
        const rows = await patrols.listOnlinePatrols(db, requireUser(request), request.query);
        return { period: request.query.period, items: rows.map(presentListItem) };
      },
    );

    app.get(
      "/api/v1/online-patrols/stores/:storeId",
      {
        config: { policy: readers },
        schema: {
          tags: ["online-patrols"],
          description:
            "A store's kitchen feeds, latest snapshots, the online checklist and this month's item.",
          params: StoreParams,
          response: { 200: PatrolStoreView, ...problemResponses },
        },
      },
      async (request) =>
        presentPatrolStore(await patrols.getPatrolStore(db, requireUser(request), request.params.storeId)),
    );

    app.post(
      "/api/v1/online-patrols",
      {
        config: { policy: allowRoles(...PATROL_RECORDING_ROLES), idempotent: true },
        schema: {
          tags: ["online-patrols"],
          description:
            "Records an online patrol (inspection kind online_patrol) with snapshots copied as evidence; failed items open rectification orders; the store's online plan item of the month counts it.",
          body: RecordPatrolBody,
          response: { 201: RecordedPatrolView, ...problemResponses },
        },
      },
      async (request, reply) => {
        const recorded = await patrols.recordOnlinePatrol(
          db,
          stores,
          context(request),
          requireUser(request),
          request.body,
        );
        return reply.code(201).send(presentRecordedPatrol(recorded));
      },
    );
  };
}
