import { AppError } from "../../http/errors.js";
import type { UserActor } from "../accounts/actor.js";
import { isInJurisdiction } from "../accounts/jurisdiction.js";
import type { Role } from "../accounts/roles.js";
import { INSPECTING_ROLES } from "../inspections/policy.js";

/** Who reads the month's online-patrol list, a store's feeds and snapshots: inspectors, leaders, admins. */
export const PATROL_READING_ROLES = ["admin", "leader", "inspector"] as const satisfies readonly Role[];
/** Who records an online patrol: those who record inspections (执法人员). */
export const PATROL_RECORDING_ROLES = INSPECTING_ROLES;

/** A store (or snapshot) outside the actor's jurisdiction is out of sight: 404. */
export function authorizeStoreView(
  actor: UserActor,
  record: { regionCode: string } | undefined,
): asserts record {
  if (!record || !isInJurisdiction(actor, record.regionCode)) throw new AppError("not_found");
  if (!(PATROL_READING_ROLES as readonly Role[]).includes(actor.role)) throw new AppError("forbidden");
}

export function authorizePatrol(actor: UserActor, store: { regionCode: string } | undefined): asserts store {
  authorizeStoreView(actor, store);
  if (!(PATROL_RECORDING_ROLES as readonly Role[]).includes(actor.role)) throw new AppError("forbidden");
}

/** The month's list is always limited to the actor's jurisdiction; only reading roles get it. */
export function authorizeListing(actor: UserActor): void {
  if (!(PATROL_READING_ROLES as readonly Role[]).includes(actor.role)) throw new AppError("forbidden");
}
