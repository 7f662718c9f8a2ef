import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { Database } from "../../db/client.js";
import { context, requireUser } from "../../http/auth.js";
import { AppError } from "../../http/errors.js";
import { PUBLIC, allowRoles } from "../../http/route-policy.js";
import { IdParams, ProblemSchema, problemResponses } from "../../http/schema-helpers.js";
import { BUSINESS_ROLES, OFFICER_ROLES } from "../accounts/roles.js";
import { normalizeSafetyCode } from "../safety-code/code.js";
import { CodeParams } from "../safety-code/schema.js";
import { findStoreIdByCode } from "../safety-code/service.js";
import { BREACH_ROLES, SIGNING_ROLES } from "./policy.js";
import { presentBreach, presentLetter, presentPublicLetter } from "./presenter.js";
import {
  BreachBody,
  BreachView,
  LetterList,
  LetterQuery,
  LetterView,
  PublicLetter,
  SignBody,
} from "./schema.js";
import * as commitments from "./service.js";

const errors = { ...problemResponses, 409: ProblemSchema };

/** `readDb` serves the public letter, like the scan page that shows it (a replica when DATABASE_READ_URL is set). */
export function commitmentRoutes(db: Database, readDb: Database = db) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.post(
      "/api/v1/portal/commitments",
      {
        config: { policy: allowRoles(...SIGNING_ROLES), idempotent: true },
        schema: {
          tags: ["commitments"],
          description:
            "承诺书: the owner signs a template for one of its stores (typed name); replaces the store's previous letter.",
          body: SignBody,
          response: { 201: LetterView, ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            presentLetter(
              await commitments.signLetter(db, context(request), requireUser(request), request.body),
            ),
          ),
    );

    for (const [url, roles] of [
      ["/api/v1/portal/commitments", BUSINESS_ROLES],
      ["/api/v1/commitments", OFFICER_ROLES],
    ] as const) {
      app.get(
        url,
        {
          config: { policy: allowRoles(...roles) },
          schema: {
            tags: ["commitments"],
            description: "Letters (withdrawn ones included), newest first, with their breaches.",
            querystring: LetterQuery,
            response: { 200: LetterList, ...errors },
          },
        },
        async (request) => ({
          items: (await commitments.listLetters(db, requireUser(request), request.query)).map(presentLetter),
        }),
      );
    }

    app.post(
      "/api/v1/commitments/:id/breaches",
      {
        config: { policy: allowRoles(...BREACH_ROLES) },
        schema: {
          tags: ["commitments"],
          description: "违诺: a finding tied to one item of the letter in force; the store is re-graded.",
          params: IdParams,
          body: BreachBody,
          response: { 201: BreachView, ...errors },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const { breach, letter } = await commitments.recordBreach(
          db,
          context(request),
          user,
          request.params.id,
          request.body,
        );
        return reply.code(201).send(presentBreach(breach, letter));
      },
    );

    app.get(
      "/api/v1/public/stores/:code/commitment",
      {
        config: { policy: PUBLIC },
        schema: {
          tags: ["commitments"],
          description: "The store's letter in force, as its scan page shows it (signer's name masked).",
          params: CodeParams,
          response: {
            200: Type.Object({ letter: Type.Union([PublicLetter, Type.Null()]) }),
            400: ProblemSchema,
            404: ProblemSchema,
            429: ProblemSchema,
          },
        },
      },
      async (request) => {
        const code = normalizeSafetyCode(request.params.code);
        const storeId = code ? await findStoreIdByCode(readDb, code) : null;
        if (!storeId) throw new AppError("not_found");
        const letter = await commitments.currentLetter(readDb, storeId);
        return { letter: letter ? presentPublicLetter(letter) : null };
      },
    );
  };
}
