import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { Database } from "../../db/client.js";
import type { Config } from "../../config.js";
import { isSecureDeployment } from "../../config.js";
import { context, requireUser, sessionCookieName } from "../../http/auth.js";
import { PUBLIC, allowRoles } from "../../http/route-policy.js";
import { ProblemSchema, problemResponses } from "../../http/schema-helpers.js";
import { ROLES } from "./roles.js";
import { presentUser } from "./presenter.js";
import {
  ApiClientCreated,
  CreateApiClientBody,
  CreateUserBody,
  LoginBody,
  PasswordChangeBody,
  SessionView,
  UserView,
} from "./schema.js";
import * as accounts from "./service.js";
import { findRegionName } from "./repository.js";

export function accountRoutes(db: Database, config: Config) {
  const cookieName = sessionCookieName(config);
  const cookieOptions = {
    path: "/",
    httpOnly: true,
    sameSite: "lax" as const,
    secure: isSecureDeployment(config),
  };

  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.post(
      "/api/v1/auth/login",
      {
        config: { policy: PUBLIC, rateLimit: { max: 30, timeWindow: "1 minute" } },
        schema: {
          tags: ["auth"],
          body: LoginBody,
          response: { 200: SessionView, 400: ProblemSchema, 401: ProblemSchema, 429: ProblemSchema },
        },
      },
      async (request, reply) => {
        const result = await accounts.login(db, context(request), request.body);
        reply.setCookie(cookieName, result.token, {
          ...cookieOptions,
          maxAge: accounts.SESSION_ABSOLUTE_HOURS * 3600,
        });
        return { user: presentUser(result.user, result.regionName), csrfToken: result.csrfToken };
      },
    );

    app.get(
      "/api/v1/auth/me",
      {
        config: { policy: allowRoles(...ROLES) },
        schema: { tags: ["auth"], response: { 200: SessionView, ...problemResponses } },
      },
      async (request) => {
        const actor = requireUser(request);
        return {
          user: presentUser(actor, await findRegionName(db, actor.regionCode)),
          csrfToken: actor.csrfToken,
        };
      },
    );

    app.post(
      "/api/v1/auth/logout",
      {
        config: { policy: allowRoles(...ROLES) },
        schema: { tags: ["auth"], response: { 204: Type.Null(), ...problemResponses } },
      },
      async (request, reply) => {
        await accounts.logout(db, context(request), requireUser(request));
        reply.clearCookie(cookieName, cookieOptions);
        return reply.code(204).send(null);
      },
    );

    app.post(
      "/api/v1/auth/password",
      {
        config: { policy: allowRoles(...ROLES), rateLimit: { max: 10, timeWindow: "1 minute" } },
        schema: {
          tags: ["auth"],
          body: PasswordChangeBody,
          response: { 204: Type.Null(), 422: ProblemSchema, ...problemResponses },
        },
      },
      async (request, reply) => {
        await accounts.changePassword(db, context(request), requireUser(request), request.body);
        return reply.code(204).send(null);
      },
    );

    app.post(
      "/api/v1/users",
      {
        config: { policy: allowRoles("admin") },
        schema: {
          tags: ["accounts"],
          body: CreateUserBody,
          response: { 201: UserView, 409: ProblemSchema, 422: ProblemSchema, ...problemResponses },
        },
      },
      async (request, reply) => {
        const user = await accounts.createUser(db, context(request), request.body);
        return reply.code(201).send(presentUser(user, await findRegionName(db, user.regionCode)));
      },
    );

    app.post(
      "/api/v1/api-clients",
      {
        config: { policy: allowRoles("admin") },
        schema: {
          tags: ["accounts"],
          body: CreateApiClientBody,
          response: { 201: ApiClientCreated, ...problemResponses },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await accounts.createApiClient(db, context(request), request.body)),
    );
  };
}
