import { AppError } from "../../http/errors.js";
import type { UserActor } from "../accounts/actor.js";
import { isInJurisdiction } from "../accounts/jurisdiction.js";
import { BUSINESS_ROLES, isOfficer, type Role } from "../accounts/roles.js";

/** Officers who carry out inspections and decide on rectification (执法人员). */
export const INSPECTING_ROLES = ["admin", "inspector"] as const satisfies readonly Role[];

interface StoreLike {
  regionCode: string;
  businessId: string;
}

const isBusiness = (role: Role) => (BUSINESS_ROLES as readonly Role[]).includes(role);

/** Officers read the inspections of stores in their jurisdiction; business users those of their own stores. */
export function canReadStoreRecords(actor: UserActor, store: StoreLike): boolean {
  if (isOfficer(actor.role)) return isInJurisdiction(actor, store.regionCode);
  if (isBusiness(actor.role)) return actor.businessId !== null && actor.businessId === store.businessId;
  return false;
}

/** An inspecting officer acts on a store of the jurisdiction; anything else is out of sight (404). */
export function authorizeInspection(actor: UserActor, store: StoreLike | undefined): asserts store {
  if (!store || !isOfficer(actor.role) || !isInJurisdiction(actor, store.regionCode)) {
    throw new AppError("not_found");
  }
  if (!(INSPECTING_ROLES as readonly Role[]).includes(actor.role)) throw new AppError("forbidden");
}
