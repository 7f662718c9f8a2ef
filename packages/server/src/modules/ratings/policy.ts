import type { Actor } from "../accounts/actor.js";
import { isInJurisdiction } from "../accounts/jurisdiction.js";
import type { Role } from "../accounts/roles.js";

/** Who moderates consumer comments: inspectors and administrators, in their jurisdiction only. */
export const MODERATOR_ROLES = ["inspector", "admin"] as const satisfies readonly Role[];

export function canModerateRating(actor: Actor, rating: { regionCode: string }): boolean {
  return isModerator(actor) && isInJurisdiction(actor, rating.regionCode);
}

export function isModerator(actor: Actor): boolean {
  return actor.kind === "user" && (MODERATOR_ROLES as readonly Role[]).includes(actor.role);
}
