import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { Database } from "../../db/client.js";
import { context, requireUser } from "../../http/auth.js";
import { allowRoles } from "../../http/route-policy.js";
import { ProblemSchema, problemResponses } from "../../http/schema-helpers.js";
import { INSPECTING_ROLES } from "../inspections/policy.js";
import { presentPatrol, presentSubmittedPatrol, presentVolunteer } from "./presenter.js";
import {
  AssignBody,
  OwnVolunteerView,
  PatrolList,
  PatrolListQuery,
  SubmitPatrolBody,
  SubmittedPatrol,
  UserIdParams,
  VolunteerView,
} from "./schema.js";
import * as volunteers from "./service.js";

const errors = { ...problemResponses, 409: ProblemSchema };
const volunteer = allowRoles("volunteer");
const officers = allowRoles(...INSPECTING_ROLES);

export function volunteerRoutes(db: Database) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.post(
      "/api/v1/volunteers/register",
      {
        config: { policy: volunteer },
        schema: { tags: ["volunteers"], response: { 201: VolunteerView, ...errors } },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            presentVolunteer(await volunteers.registerVolunteer(db, context(request), requireUser(request))),
          ),
    );

    app.get(
      "/api/v1/volunteers/me",
      {
        config: { policy: volunteer },
        schema: { tags: ["volunteers"], response: { 200: OwnVolunteerView, ...errors } },
      },
      async (request) => {
        const own = await volunteers.getOwnVolunteer(db, requireUser(request));
        return { volunteer: own ? presentVolunteer(own) : null };
      },
    );

    app.post(
      "/api/v1/volunteers/:userId/approve",
      {
        config: { policy: officers },
        schema: { tags: ["volunteers"], params: UserIdParams, response: { 200: VolunteerView, ...errors } },
      },
      async (request) =>
        presentVolunteer(
          await volunteers.approveVolunteer(
            db,
            context(request),
            requireUser(request),
            request.params.userId,
          ),
        ),
    );

    app.post(
      "/api/v1/volunteers/:userId/assignments",
      {
        config: { policy: officers },
        schema: {
          tags: ["volunteers"],
          description:
            "Assigns stores to patrol: one volunteer_patrol task and one planned inspection per store.",
          params: UserIdParams,
          body: AssignBody,
          response: { 201: PatrolList, ...errors },
        },
      },
      async (request, reply) => {
        const created = await volunteers.assignPatrols(
          db,
          context(request),
          requireUser(request),
          request.params.userId,
          request.body.storeIds,
        );
        return reply.code(201).send({
          items: created.map(({ inspection, store }) =>
            presentPatrol({
              inspection,
              storeName: store.name,
              storeAddress: store.address,
              storeLat: store.lat,
              storeLng: store.lng,
            }),
          ),
        });
      },
    );

    app.get(
      "/api/v1/volunteers/me/patrols",
      {
        config: { policy: volunteer },
        schema: {
          tags: ["volunteers"],
          querystring: PatrolListQuery,
          response: { 200: PatrolList, ...errors },
        },
      },
      async (request) => ({
        items: (await volunteers.listMyPatrols(db, requireUser(request), request.query)).map(presentPatrol),
      }),
    );

    app.post(
      "/api/v1/patrols",
      {
        config: { policy: volunteer, idempotent: true },
        schema: {
          tags: ["volunteers"],
          description:
            "An approved volunteer submits a patrol with GPS and photos; failed items become an officers' task (patrol_finding).",
          body: SubmitPatrolBody,
          response: { 201: SubmittedPatrol, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            presentSubmittedPatrol(
              await volunteers.submitPatrol(db, context(request), requireUser(request), request.body),
            ),
          ),
    );
  };
}
