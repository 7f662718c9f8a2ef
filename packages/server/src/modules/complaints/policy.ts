import { AppError } from "../../http/errors.js";
import type { Actor, UserActor } from "../accounts/actor.js";
import { isInJurisdiction } from "../accounts/jurisdiction.js";
import type { Role } from "../accounts/roles.js";

/** Officers who work the complaint queue (投诉处置). */
export const COMPLAINT_ROLES = ["inspector", "admin"] as const satisfies readonly Role[];

/** Complaints are read and handled by inspectors and admins of their district; anything else is unseen. */
export function canHandleComplaint(actor: Actor, complaint: { regionCode: string }): boolean {
  if (actor.kind === "system") return true;
  if (actor.kind !== "user") return false;
  return (
    (COMPLAINT_ROLES as readonly Role[]).includes(actor.role) && isInJurisdiction(actor, complaint.regionCode)
  );
}

/** Out of the actor's district → 404: the complaint's existence is not revealed. */
export function authorizeComplaint<T extends { regionCode: string }>(
  actor: UserActor,
  complaint: T | undefined,
): T {
  if (!complaint || !canHandleComplaint(actor, complaint)) throw new AppError("not_found");
  return complaint;
}
