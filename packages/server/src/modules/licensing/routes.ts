import type { FastifyInstance, FastifyRequest } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type, type Static, type TSchema } from "@sinclair/typebox";
import type { Database } from "../../db/client.js";
import { context, requireUser } from "../../http/auth.js";
import { pickLanguage } from "../../http/language.js";
import { PUBLIC, allowRoles, type RoutePolicy } from "../../http/route-policy.js";
import { IdParams, ProblemSchema, StrictObject, Uuid, problemResponses } from "../../http/schema-helpers.js";
import { BUSINESS_ROLES, OFFICER_ROLES } from "../accounts/roles.js";
import {
  presentApplicationDetail,
  presentApplicationSummary,
  presentAssessment,
  presentLicense,
} from "./presenter.js";
import { assessPublic } from "./rules.js";
import {
  ApplicationDetail,
  ApplicationList,
  ApplicationListQuery,
  AssessmentBody,
  AssessmentView,
  AttachMaterialBody,
  CreateApplicationBody,
  DecideBody,
  LicenseList,
  LicenseView,
  RecordOnsiteBody,
  ReturnBody,
  ReviewBody,
  ScheduleOnsiteBody,
  SubmitBody,
} from "./schema.js";
import type { LicenseHooks } from "./hooks.js";
import * as licensing from "./service.js";

const errors = { ...problemResponses, 409: ProblemSchema, 422: ProblemSchema };
const business = allowRoles(...BUSINESS_ROLES);
const readers = allowRoles(...OFFICER_ROLES, ...BUSINESS_ROLES);
const language = (request: FastifyRequest) => pickLanguage(request.headers["accept-language"]);

export function licensingRoutes(db: Database, hooks: LicenseHooks) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    /** The detail of an application after a change, as the acting user sees it. */
    const detail = async (request: FastifyRequest, id: string) =>
      presentApplicationDetail(
        await licensing.getApplication(db, requireUser(request), id),
        language(request),
      );

    app.post(
      "/api/v1/licensing/assessments",
      {
        config: { policy: PUBLIC },
        schema: {
          tags: ["licensing"],
          description:
            "Self-assessment against a licensing ruleset (default guangdong-2019): category, on-site inspection, materials, violations.",
          body: AssessmentBody,
          response: { 200: AssessmentView, 400: ProblemSchema, 429: ProblemSchema },
        },
      },
      async (request) => presentAssessment(assessPublic(request.body), language(request)),
    );

    app.post(
      "/api/v1/applications",
      {
        config: { policy: business, idempotent: true },
        schema: {
          tags: ["licensing"],
          body: CreateApplicationBody,
          response: { 201: ApplicationDetail, ...errors },
        },
      },
      async (request, reply) => {
        const application = await licensing.createApplication(
          db,
          context(request),
          requireUser(request),
          request.body,
        );
        return reply.code(201).send(await detail(request, application.id));
      },
    );

    app.get(
      "/api/v1/applications",
      {
        config: { policy: readers },
        schema: {
          tags: ["licensing"],
          querystring: ApplicationListQuery,
          response: { 200: ApplicationList, ...errors },
        },
      },
      async (request) => {
        const page = await licensing.listApplications(db, requireUser(request), request.query);
        return {
          items: page.items.map((row) => presentApplicationSummary(row)),
          nextCursor: page.nextCursor,
        };
      },
    );

    app.get(
      "/api/v1/applications/:id",
      {
        config: { policy: readers },
        schema: { tags: ["licensing"], params: IdParams, response: { 200: ApplicationDetail, ...errors } },
      },
      async (request) => detail(request, request.params.id),
    );

    app.post(
      "/api/v1/applications/:id/materials",
      {
        config: { policy: business },
        schema: {
          tags: ["licensing"],
          params: IdParams,
          body: AttachMaterialBody,
          response: { 200: ApplicationDetail, ...errors },
        },
      },
      async (request) => {
        await licensing.attachMaterial(
          db,
          context(request),
          requireUser(request),
          request.params.id,
          request.body,
        );
        return detail(request, request.params.id);
      },
    );

    /** One route per transition: the stage's role policy, then the service checks jurisdiction and 三分离. */
    function transition<T extends TSchema>(
      path: string,
      policy: RoutePolicy,
      body: T | undefined,
      run: (request: FastifyRequest, id: string, body: Static<T>) => Promise<unknown>,
    ) {
      app.post(
        `/api/v1/applications/:id/${path}`,
        {
          // A retry after a lost reply or a crash (the same Idempotency-Key) gets the first reply, not a 409
          // (crash/licence-issuance-crash.test.ts).
          config: { policy, idempotent: true },
          schema: {
            tags: ["licensing"],
            params: IdParams,
            ...(body ? { body } : {}),
            response: { 200: ApplicationDetail, ...errors },
          },
        },
        async (request) => {
          await run(request, request.params.id, request.body as Static<T>);
          return detail(request, request.params.id);
        },
      );
    }

    const acceptor = allowRoles("acceptor");
    const reviewer = allowRoles("reviewer");
    const approver = allowRoles("approver");
    const none = undefined as TSchema | undefined;
    transition("submit", business, SubmitBody, (r, id, b) =>
      licensing.submitApplication(db, context(r), requireUser(r), id, b),
    );
    transition("withdraw", business, none, (r, id) =>
      licensing.withdrawApplication(db, context(r), requireUser(r), id),
    );
    transition("accept", acceptor, none, (r, id) =>
      licensing.acceptApplication(db, context(r), requireUser(r), id),
    );
    transition("return", acceptor, ReturnBody, (r, id, b) =>
      licensing.returnApplication(db, context(r), requireUser(r), id, b),
    );
    const onsite = allowRoles("reviewer", "inspector");
    transition("onsite-schedule", onsite, ScheduleOnsiteBody, (r, id, b) =>
      licensing.scheduleOnsite(db, context(r), requireUser(r), id, b),
    );
    transition("onsite-record", onsite, RecordOnsiteBody, (r, id, b) =>
      licensing.recordOnsite(db, context(r), requireUser(r), id, b),
    );
    transition("review", reviewer, ReviewBody, (r, id, b) =>
      licensing.reviewApplication(db, context(r), requireUser(r), id, b),
    );
    transition("decide", approver, DecideBody, (r, id, b) =>
      licensing.decideApplication(db, hooks, context(r), requireUser(r), id, b),
    );

    app.get(
      "/api/v1/licenses",
      {
        config: { policy: readers },
        schema: {
          tags: ["licensing"],
          querystring: StrictObject({
            storeId: Type.Optional(Uuid),
            cursor: Type.Optional(Uuid),
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
          }),
          response: { 200: LicenseList, ...errors },
        },
      },
      async (request) => {
        const page = await licensing.listLicenses(db, requireUser(request), request.query);
        return { items: page.items.map(presentLicense), nextCursor: page.nextCursor };
      },
    );

    app.get(
      "/api/v1/licenses/:id",
      {
        config: { policy: readers },
        schema: { tags: ["licensing"], params: IdParams, response: { 200: LicenseView, ...errors } },
      },
      async (request) =>
        presentLicense(await licensing.getLicense(db, requireUser(request), request.params.id)),
    );

    app.post(
      "/api/v1/licenses/:id/status",
      {
        config: { policy: allowRoles("approver") },
        schema: {
          tags: ["licensing"],
          description:
            "Suspend, revoke or reinstate a licence; the certificate status lists change in the same transaction.",
          params: IdParams,
          body: StrictObject({
            status: Type.Union([Type.Literal("valid"), Type.Literal("suspended"), Type.Literal("revoked")]),
            reason: Type.String({ minLength: 1, maxLength: 1000 }),
          }),
          response: { 200: LicenseView, ...errors },
        },
      },
      async (request) => {
        const user = requireUser(request);
        await licensing.changeLicenseStatus(
          db,
          hooks,
          context(request),
          user,
          request.params.id,
          request.body,
        );
        return presentLicense(await licensing.getLicense(db, user, request.params.id));
      },
    );
  };
}
