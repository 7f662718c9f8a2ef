import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { Database } from "../../db/client.js";
import { context, requireUser } from "../../http/auth.js";
import { PUBLIC, allowRoles } from "../../http/route-policy.js";
import { ProblemSchema, problemResponses } from "../../http/schema-helpers.js";
import type { Keyring } from "../keys/secret-box.js";
import { createPlan } from "./create-plan.js";
import { PLANNING_ROLES, PLAN_READING_ROLES } from "./policy.js";
import {
  presentCommitment,
  presentConflict,
  presentPlan,
  presentPlanItem,
  presentPublicDraw,
} from "./presenter.js";
import {
  CommitmentBody,
  CommitmentList,
  CommitmentQuery,
  CommitmentView,
  ConflictBody,
  ConflictView,
  IdParams,
  ItemQuery,
  PlanBody,
  PlanItemPage,
  PlanList,
  PlanQuery,
  PlanView,
  PublicDraw,
} from "./schema.js";
import * as supervision from "./service.js";

const errors = { ...problemResponses, 409: ProblemSchema };
const publicErrors = { 400: ProblemSchema, 404: ProblemSchema, 429: ProblemSchema };

/** `readDb` serves the public commitments and draws (a replica when DATABASE_READ_URL is set). */
export function supervisionRoutes(db: Database, keyring: Keyring, readDb: Database = db) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.post(
      "/api/v1/supervision/commitments",
      {
        config: { policy: allowRoles(...PLANNING_ROLES), idempotent: true },
        schema: {
          tags: ["supervision"],
          description:
            "Commits the month's bureau secret for a district's draws; only its SHA-256 is published.",
          body: CommitmentBody,
          response: { 201: CommitmentView, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            presentCommitment(
              await supervision.commitDrawSecret(
                { db, keyring },
                context(request),
                requireUser(request),
                request.body,
              ),
            ),
          ),
    );

    app.get(
      "/api/v1/public/draw-commitments",
      {
        config: { policy: PUBLIC },
        schema: {
          tags: ["supervision"],
          description: "SHA-256 commitments of the bureau secrets, published before the draws.",
          querystring: CommitmentQuery,
          response: { 200: CommitmentList, ...publicErrors },
        },
      },
      async (request) => ({
        items: (await supervision.listPublicCommitments(readDb, request.query)).map(presentCommitment),
      }),
    );

    app.post(
      "/api/v1/supervision/plans",
      {
        config: { policy: allowRoles(...PLANNING_ROLES), idempotent: true },
        schema: {
          tags: ["supervision"],
          description:
            "Generates a district's monthly plan from the grades, with its 双随机 draw; 409 if it exists.",
          body: PlanBody,
          response: { 201: PlanView, 422: ProblemSchema, ...errors },
        },
      },
      async (request, reply) => {
        const created = await createPlan(
          { db, keyring },
          context(request),
          requireUser(request),
          request.body,
        );
        return reply.code(201).send(presentPlan(await supervision.withCompletion(db, created)));
      },
    );

    app.get(
      "/api/v1/supervision/plans",
      {
        config: { policy: allowRoles(...PLAN_READING_ROLES) },
        schema: { tags: ["supervision"], querystring: PlanQuery, response: { 200: PlanList, ...errors } },
      },
      async (request) => ({
        items: (await supervision.listPlans(db, requireUser(request), request.query)).map(presentPlan),
      }),
    );

    app.get(
      "/api/v1/supervision/plans/:id/items",
      {
        config: { policy: allowRoles(...PLAN_READING_ROLES) },
        schema: {
          tags: ["supervision"],
          params: IdParams,
          querystring: ItemQuery,
          response: { 200: PlanItemPage, ...errors },
        },
      },
      async (request) => {
        const page = await supervision.listPlanItems(
          db,
          requireUser(request),
          request.params.id,
          request.query,
        );
        return {
          items: page.rows.map((row) => presentPlanItem(row, page.names)),
          nextCursor: page.nextCursor,
        };
      },
    );

    app.post(
      "/api/v1/supervision/conflicts",
      {
        config: { policy: allowRoles(...PLANNING_ROLES) },
        schema: {
          tags: ["supervision"],
          description: "回避: the inspector is never drawn for the business's stores.",
          body: ConflictBody,
          response: { 201: ConflictView, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            presentConflict(
              await supervision.declareConflict(db, context(request), requireUser(request), request.body),
            ),
          ),
    );

    app.get(
      "/api/v1/public/draws/:id",
      {
        config: { policy: PUBLIC },
        schema: {
          tags: ["supervision"],
          description:
            "A 双随机 draw with everything needed to re-compute it (docs/draws.md); inspector names masked.",
          params: IdParams,
          response: { 200: PublicDraw, ...publicErrors },
        },
      },
      async (request) => presentPublicDraw(await supervision.findPublicDraw(readDb, request.params.id)),
    );
  };
}
