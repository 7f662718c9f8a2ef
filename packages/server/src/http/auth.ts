import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Database } from "../db/client.js";
import type { Actor, RequestContext, UserActor } from "../modules/accounts/actor.js";
import { authenticateApiKey, authenticateSession, csrfMatches } from "../modules/accounts/service.js";
import type { Config } from "../config.js";
import { isSecureDeployment } from "../config.js";
import { AppError } from "./errors.js";
import type { RoutePolicy } from "./route-policy.js";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function sessionCookieName(config: Config): string {
  return isSecureDeployment(config) ? "__Host-shian_sid" : "shian_sid";
}

export function context(request: FastifyRequest): RequestContext {
  return { actor: request.actor, ip: request.ip, requestId: request.id };
}

/** The signed-in user of a request; routes with a role policy only reach here with one. */
export function requireUser(request: FastifyRequest): UserActor {
  if (request.actor?.kind !== "user") throw new AppError("unauthenticated");
  return request.actor;
}

function allows(policy: RoutePolicy, actor: Actor): boolean {
  if ("public" in policy) return true;
  if (actor.kind === "user") return policy.roles?.includes(actor.role) ?? false;
  if (actor.kind === "api_client")
    return policy.apiScopes?.some((scope) => actor.scopes.includes(scope)) ?? false;
  return false;
}

/**
 * Resolves the actor (session cookie or API key) and enforces the route's policy before the body is read.
 * Fails closed: a route without a policy is refused.
 */
export function registerAuth(app: FastifyInstance, db: Database, config: Config) {
  const cookieName = sessionCookieName(config);
  app.decorateRequest("actor", null);
  const authenticate = async (request: FastifyRequest, policy: RoutePolicy) => {
    const apiKey = request.headers["x-api-key"];
    const sessionToken = request.cookies[cookieName];
    if (typeof apiKey === "string") {
      request.actor = await authenticateApiKey(db, apiKey);
    } else if (sessionToken) {
      request.actor = await authenticateSession(db, sessionToken);
      const actor = request.actor;
      if (
        actor &&
        !SAFE_METHODS.has(request.method) &&
        !csrfMatches(actor, request.headers["x-csrf-token"] as string)
      ) {
        if (!("public" in policy)) throw new AppError("csrf_failed");
        request.actor = null;
      }
    }
    if ("public" in policy) return;
    if (!request.actor) throw new AppError("unauthenticated");
    if (!allows(policy, request.actor)) throw new AppError("forbidden");
  };
  // Callback style, not async: an anonymous request to a public route (every scan) costs no promise at all.
  app.addHook("onRequest", (request: FastifyRequest, _reply: FastifyReply, done: (error?: Error) => void) => {
    if (request.is404) return done();
    const policy = request.routeOptions.config.policy;
    if (!policy) return done(new AppError("forbidden"));
    if ("public" in policy && request.headers["x-api-key"] === undefined && !request.cookies[cookieName])
      return done();
    authenticate(request, policy).then(() => done(), done);
  });
}
