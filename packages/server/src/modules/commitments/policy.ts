import { AppError } from "../../http/errors.js";
import type { UserActor } from "../accounts/actor.js";
import { isInJurisdiction } from "../accounts/jurisdiction.js";
import { isOfficer, type Role } from "../accounts/roles.js";

/** The business owner signs the letter of a store (承诺书 bind the business). */
export const SIGNING_ROLES = ["business_owner"] as const satisfies readonly Role[];

/** Officers who record a broken commitment (违诺). */
export const BREACH_ROLES = ["admin", "inspector", "leader"] as const satisfies readonly Role[];

/** Another business's store is out of sight (404). */
export function authorizeOwnStore(
  actor: UserActor,
  store: { businessId: string } | undefined,
): asserts store {
  if (!store || !actor.businessId || store.businessId !== actor.businessId) throw new AppError("not_found");
}

/** A letter outside the officer's jurisdiction is out of sight (404). */
export function authorizeLetterForOfficer(
  actor: UserActor,
  letter: { regionCode: string } | undefined,
): asserts letter {
  if (!letter || !isOfficer(actor.role) || !isInJurisdiction(actor, letter.regionCode)) {
    throw new AppError("not_found");
  }
}
