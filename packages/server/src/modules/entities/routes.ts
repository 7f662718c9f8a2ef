import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { Database } from "../../db/client.js";
import { Type } from "@sinclair/typebox";
import { context, requireUser } from "../../http/auth.js";
import { allowRoles } from "../../http/route-policy.js";
import { ProblemSchema, problemResponses } from "../../http/schema-helpers.js";
import { BUSINESS_ROLES, OFFICER_ROLES } from "../accounts/roles.js";
import { presentBusiness, presentStaff, presentStore } from "./presenter.js";
import {
  BusinessView,
  CreateStaffBody,
  CreateStoreBody,
  IdParams,
  StaffView,
  StoreList,
  StoreListQuery,
  StoreView,
} from "./schema.js";
import type { Keyring } from "../keys/secret-box.js";
import * as entities from "./service.js";

const readers = allowRoles(...OFFICER_ROLES, ...BUSINESS_ROLES);

/** `keyring` seals the personal data the routes write (staff health certificate numbers). */
export function entityRoutes(db: Database, keyring: Keyring) {
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

    app.post(
      "/api/v1/stores",
      {
        config: { policy: allowRoles("business_owner") },
        schema: {
          tags: ["entities"],
          body: CreateStoreBody,
          response: { 201: StoreView, ...problemResponses },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            presentStore(
              await entities.createStore(db, context(request), requireUser(request), request.body),
            ),
          ),
    );

    app.get(
      "/api/v1/stores/:id/staff",
      {
        config: { policy: readers },
        schema: {
          tags: ["entities"],
          params: IdParams,
          response: { 200: Type.Object({ items: Type.Array(StaffView) }), ...problemResponses },
        },
      },
      async (request) => {
        const today = new Date().toISOString().slice(0, 10);
        const members = await entities.listStaff(db, requireUser(request), request.params.id);
        return { items: members.map((member) => presentStaff(member, today)) };
      },
    );

    app.post(
      "/api/v1/stores/:id/staff",
      {
        config: { policy: allowRoles(...BUSINESS_ROLES) },
        schema: {
          tags: ["entities"],
          params: IdParams,
          body: CreateStaffBody,
          response: { 201: StaffView, 422: ProblemSchema, ...problemResponses },
        },
      },
      async (request, reply) => {
        const member = await entities.addStaff(
          db,
          keyring,
          context(request),
          requireUser(request),
          request.params.id,
          request.body,
        );
        return reply.code(201).send(presentStaff(member, new Date().toISOString().slice(0, 10)));
      },
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
