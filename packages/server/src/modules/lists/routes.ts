import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { Database } from "../../db/client.js";
import { context, requireUser } from "../../http/auth.js";
import { PUBLIC, allowRoles } from "../../http/route-policy.js";
import { ProblemSchema, problemResponses } from "../../http/schema-helpers.js";
import { BUSINESS_ROLES, OFFICER_ROLES } from "../accounts/roles.js";
import { PUBLISHING_ROLES } from "./policy.js";
import { presentListEntry, presentPolicyNotice, presentPublicEntry, toCsv } from "./presenter.js";
import {
  IdParams,
  ListEntryList,
  ListEntryView,
  OfficerListQuery,
  PolicyNoticeBody,
  PolicyNoticeList,
  PolicyNoticeQuery,
  PolicyNoticeView,
  PublicList,
  PublicListQuery,
  PublishBody,
} from "./schema.js";
import * as lists from "./service.js";

const errors = { ...problemResponses, 409: ProblemSchema };
const publicErrors = { 400: ProblemSchema, 429: ProblemSchema };

/** `readDb` serves the public 红黑榜 (a replica when DATABASE_READ_URL is set); officers and writes use `db`. */
export function listRoutes(db: Database, readDb: Database = db) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.post(
      "/api/v1/lists",
      {
        config: { policy: allowRoles(...PUBLISHING_ROLES) },
        schema: { tags: ["lists"], body: PublishBody, response: { 201: ListEntryView, ...errors } },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            presentListEntry(
              await lists.publishListEntry(db, context(request), requireUser(request), request.body),
            ),
          ),
    );

    app.post(
      "/api/v1/lists/:id/withdraw",
      {
        config: { policy: allowRoles(...PUBLISHING_ROLES) },
        schema: { tags: ["lists"], params: IdParams, response: { 200: ListEntryView, ...errors } },
      },
      async (request) =>
        presentListEntry(
          await lists.withdrawListEntry(db, context(request), requireUser(request), request.params.id),
        ),
    );

    app.get(
      "/api/v1/lists",
      {
        config: { policy: allowRoles(...OFFICER_ROLES) },
        schema: {
          tags: ["lists"],
          querystring: OfficerListQuery,
          response: { 200: ListEntryList, ...errors },
        },
      },
      async (request) => ({
        items: (await lists.listEntriesForOfficer(db, requireUser(request), request.query)).map(
          presentListEntry,
        ),
      }),
    );

    app.get(
      "/api/v1/public/lists",
      {
        config: { policy: PUBLIC },
        schema: {
          tags: ["lists"],
          description:
            "红黑榜 in force: store name, masked address, reason, legal basis, dates. No personal data.",
          querystring: PublicListQuery,
          response: { 200: PublicList, ...publicErrors },
        },
      },
      async (request) => ({
        items: (await lists.listPublicEntries(readDb, request.query)).map(presentPublicEntry),
      }),
    );

    app.get(
      "/api/v1/public/lists.csv",
      {
        config: { policy: PUBLIC },
        schema: {
          tags: ["lists"],
          description: "The same entries as CSV (UTF-8 with BOM) for the media (掌上奉化).",
          querystring: PublicListQuery,
          response: { 200: { type: "string" }, ...publicErrors },
        },
      },
      async (request, reply) => {
        const entries = (await lists.listPublicEntries(readDb, request.query)).map(presentPublicEntry);
        return reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", 'attachment; filename="shian-lists.csv"')
          .send(toCsv(entries));
      },
    );

    app.post(
      "/api/v1/policy-notices",
      {
        config: { policy: allowRoles(...PUBLISHING_ROLES) },
        schema: {
          tags: ["policy-notices"],
          body: PolicyNoticeBody,
          response: { 201: PolicyNoticeView, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            presentPolicyNotice(
              await lists.postPolicyNotice(db, context(request), requireUser(request), request.body),
            ),
          ),
    );

    app.get(
      "/api/v1/policy-notices",
      {
        config: { policy: allowRoles(...OFFICER_ROLES, ...BUSINESS_ROLES) },
        schema: {
          tags: ["policy-notices"],
          querystring: PolicyNoticeQuery,
          response: { 200: PolicyNoticeList, ...errors },
        },
      },
      async (request) => ({
        items: (await lists.listPolicyNotices(db, requireUser(request), request.query)).map(
          presentPolicyNotice,
        ),
      }),
    );
  };
}
