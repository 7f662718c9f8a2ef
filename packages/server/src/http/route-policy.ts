import type { FastifyInstance } from "fastify";
import type { ApiScope, Role } from "../modules/accounts/roles.js";

/**
 * Every route declares who may call it (SECURITY.md #1). Jurisdiction is checked by the service,
 * which answers 404 for records outside the actor's region.
 */
export type RoutePolicy =
  | { public: true }
  | { roles: readonly Role[]; apiScopes?: readonly ApiScope[] }
  | { apiScopes: readonly ApiScope[]; roles?: readonly Role[] };

export const PUBLIC: RoutePolicy = { public: true };

export function allowRoles(...roles: Role[]): RoutePolicy {
  return { roles };
}

declare module "fastify" {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
}

/** Inside an encapsulated plugin that only serves public files (web shell, API docs): mark its routes public. */
export function markRoutesPublic(app: FastifyInstance): void {
  app.addHook("onRoute", (route) => {
    route.config = { ...route.config, policy: PUBLIC };
  });
}
