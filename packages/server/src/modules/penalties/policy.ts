import { AppError } from "../../http/errors.js";
import type { UserActor } from "../accounts/actor.js";
import { isInJurisdiction } from "../accounts/jurisdiction.js";
import { BUSINESS_ROLES, isOfficer, type Role } from "../accounts/roles.js";

/** Officers who record penalties (执法办案) and decide credit repairs. */
export const PENALTY_ROLES = ["admin", "inspector", "leader"] as const satisfies readonly Role[];

interface Owned {
  regionCode: string;
  businessId: string;
}

const isBusiness = (role: Role) => (BUSINESS_ROLES as readonly Role[]).includes(role);

/** Officers of the jurisdiction and the business itself. */
export function canReadPenaltyRecord(actor: UserActor, record: Owned): boolean {
  if (isOfficer(actor.role)) return isInJurisdiction(actor, record.regionCode);
  return isBusiness(actor.role) && actor.businessId !== null && actor.businessId === record.businessId;
}

/** A record out of sight is 404, never 403. */
export function authorizeRead<T extends Owned>(actor: UserActor, record: T | undefined): asserts record is T {
  if (!record || !canReadPenaltyRecord(actor, record)) throw new AppError("not_found");
}

/** An officer acts on a store or record of the jurisdiction; anything else is out of sight (404). */
export function authorizeOfficerAction<T extends { regionCode: string }>(
  actor: UserActor,
  record: T | undefined,
): asserts record is T {
  if (!record || !isOfficer(actor.role) || !isInJurisdiction(actor, record.regionCode)) {
    throw new AppError("not_found");
  }
  if (!(PENALTY_ROLES as readonly Role[]).includes(actor.role)) throw new AppError("forbidden");
}
