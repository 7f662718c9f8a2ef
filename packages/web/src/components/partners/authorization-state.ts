import type { Authorization } from "../../api/partners";

export type AuthorizationState = "active" | "expired" | "revoked";

/** Whether the platform may still fetch the certificates: not once revoked, nor after the last moment granted. */
export function authorizationState(authorization: Authorization, now = Date.now()): AuthorizationState {
  if (authorization.revokedAt) return "revoked";
  return Date.parse(authorization.validUntil) <= now ? "expired" : "active";
}
