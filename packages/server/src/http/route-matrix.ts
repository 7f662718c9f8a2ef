import type { RouteOptions } from "fastify";
import { API_SCOPES, ROLES, type ApiScope, type Role } from "../modules/accounts/roles.js";
import type { RoutePolicy } from "./route-policy.js";

/** Who calls a route in the authorization matrix (SECURITY.md #1). */
export type Caller =
  { kind: "anonymous" } | { kind: "user"; role: Role } | { kind: "api_client"; scope: ApiScope };

export const CALLERS: readonly Caller[] = [
  ...ROLES.map((role) => ({ kind: "user" as const, role })),
  { kind: "anonymous" },
  ...API_SCOPES.map((scope) => ({ kind: "api_client" as const, scope })),
];

export function callerLabel(caller: Caller): string {
  if (caller.kind === "user") return caller.role;
  if (caller.kind === "api_client") return `api:${caller.scope}`;
  return "anonymous";
}

export interface PolicyRoute {
  method: string;
  url: string;
  policy: RoutePolicy | undefined;
}

/**
 * Every registered route and method with its policy, in registration order. HEAD routes are left out: Fastify
 * adds them for each GET with the GET's config, so they share its policy (the matrix test checks that).
 */
export function policyRoutes(routeTable: readonly RouteOptions[]): PolicyRoute[] {
  return routeTable.flatMap((route) =>
    [route.method]
      .flat()
      .filter((method) => method !== "HEAD")
      .map((method) => ({ method, url: route.url, policy: route.config?.policy })),
  );
}

export type Outcome = "allowed" | "unauthenticated" | "forbidden";

/** What http/auth.ts must answer a caller of a route with this policy (fail closed: no policy → forbidden). */
export function expectedOutcome(policy: RoutePolicy | undefined, caller: Caller): Outcome {
  if (!policy) return "forbidden";
  if ("public" in policy) return "allowed";
  if (caller.kind === "anonymous") return "unauthenticated";
  if (caller.kind === "user") return policy.roles?.includes(caller.role) ? "allowed" : "forbidden";
  return policy.apiScopes?.includes(caller.scope) ? "allowed" : "forbidden";
}

/** The route × caller table of docs/security.md: ✓ where the policy lets the caller in, — where it does not. */
export function renderRouteMatrix(routeTable: readonly RouteOptions[]): string {
  const header = ["route", ...CALLERS.map(callerLabel)];
  const lines = [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`];
  for (const route of policyRoutes(routeTable)) {
    const cells = CALLERS.map((caller) => (expectedOutcome(route.policy, caller) === "allowed" ? "✓" : "—"));
    lines.push(`| \`${route.method} ${route.url.replaceAll("|", "\\|")}\` | ${cells.join(" | ")} |`);
  }
  return lines.join("\n");
}

export const MATRIX_START = "<!-- route-matrix:start -->";
export const MATRIX_END = "<!-- route-matrix:end -->";

/** The table currently between the markers of a document, or null when a marker is missing. */
export function matrixSection(document: string): string | null {
  const start = document.indexOf(MATRIX_START);
  const end = document.indexOf(MATRIX_END);
  if (start < 0 || end < start) return null;
  return document.slice(start + MATRIX_START.length, end).trim();
}

/** The document with the section between the markers replaced by the table. */
export function replaceMatrixSection(document: string, table: string): string {
  const start = document.indexOf(MATRIX_START);
  const end = document.indexOf(MATRIX_END);
  if (start < 0 || end < start) throw new Error(`markers ${MATRIX_START} … ${MATRIX_END} not found`);
  return `${document.slice(0, start + MATRIX_START.length)}\n\n${table}\n\n${document.slice(end)}`;
}
