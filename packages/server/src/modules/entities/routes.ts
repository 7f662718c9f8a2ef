import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { Database } from "../../db/client.js";
import { requireUser } from "../../http/auth.js";
import { allowRoles } from "../../http/route-policy.js";
import { problemResponses } from "../../http/schema-helpers.js";
import { BUSINESS_ROLES, OFFICER_ROLES } from "../accounts/roles.js";
import { presentBusiness, presentStore } from "./presenter.js";
import { BusinessView, IdParams, StoreList, StoreListQuery, StoreView } from "./schema.js";
import * as entities from "./service.js";

const readers = allowRoles(...OFFICER_ROLES, ...BUSINESS_ROLES);

export function entityRoutes(db: Database) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      "/api/v1/stores",
      {
        config: { policy: readers },
        schema: {
          tags: ["entities"],
          querystring: StoreListQuery,
          response: { 200: StoreList, ...problemResponses },
        },
      },
      async (request) => {
        const page = await entities.listStores(db, requireUser(request), request.query);
        return { items: page.items.map(presentStore), nextCursor: page.nextCursor };
      },
    );

    app.get(
      "/api/v1/stores/:id",
      {
        config: { policy: readers },
        schema: { tags: ["entities"], params: IdParams, response: { 200: StoreView, ...problemResponses } },
      },
      async (request) => presentStore(await entities.getStore(db, requireUser(request), request.params.id)),
    );

    app.get(
      "/api/v1/businesses/:id",
      {
        config: { policy: readers },
        schema: {
          tags: ["entities"],
          params: IdParams,
          response: { 200: BusinessView, ...problemResponses },
        },
      },
      async (request) =>
        presentBusiness(await entities.getBusiness(db, requireUser(request), request.params.id)),
    );
  };
}
