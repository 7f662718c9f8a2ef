import { AppError } from "../../http/errors.js";
import type { UserActor } from "../accounts/actor.js";
import { isInJurisdiction } from "../accounts/jurisdiction.js";
import { isOfficer, type Role } from "../accounts/roles.js";

/** Officers who carry out the weekly on-site evaluation. */
export const EVALUATOR_ROLES = ["admin", "inspector", "leader"] as const satisfies readonly Role[];

/** Officers who decide a proposed sanction (停业、清场、不得参加下轮招投标). */
export const DECIDER_ROLES = ["admin", "leader"] as const satisfies readonly Role[];

/** Officers of the store's jurisdiction see it; a business sees its own stores; anything else is out of sight. */
export function authorizeStoreView(
  actor: UserActor,
  store: { regionCode: string; businessId: string } | undefined,
): asserts store {
  const visible =
    store &&
    (isOfficer(actor.role)
      ? isInJurisdiction(actor, store.regionCode)
      : actor.businessId === store.businessId);
  if (!visible) throw new AppError("not_found");
}

/** An officer acts on a store or a proposal of their jurisdiction only (404 otherwise). */
export function authorizeInJurisdiction(
  actor: UserActor,
  subject: { regionCode: string } | undefined,
): asserts subject {
  if (!subject || !isOfficer(actor.role) || !isInJurisdiction(actor, subject.regionCode)) {
    throw new AppError("not_found");
  }
}
