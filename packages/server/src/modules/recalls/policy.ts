import { AppError } from "../../http/errors.js";
import type { UserActor } from "../accounts/actor.js";
import { isInJurisdiction } from "../accounts/jurisdiction.js";
import type { Role } from "../accounts/roles.js";

/** Officers who recall a batch and close recalls (召回). */
export const OFFICER_ROLES = ["admin", "inspector"] as const satisfies readonly Role[];
/** Who may recall a batch: an officer of its district, or the owner of the producing business. */
export const RECALL_ROLES = [...OFFICER_ROLES, "business_owner"] as const satisfies readonly Role[];

const isOfficer = (actor: UserActor) => (OFFICER_ROLES as readonly Role[]).includes(actor.role);

/** A batch outside the officer's 辖区, or of another business, is out of sight (404). */
export function authorizeRecall(
  actor: UserActor,
  batch: { regionCode: string; businessId: string } | undefined,
): asserts batch {
  if (!batch) throw new AppError("not_found");
  if (isOfficer(actor)) {
    if (!isInJurisdiction(actor, batch.regionCode)) throw new AppError("not_found");
    return;
  }
  if (actor.role !== "business_owner" || actor.businessId !== batch.businessId)
    throw new AppError("not_found");
}

/** Closing is the officers' decision (the producer cannot declare its own recall over). */
export function authorizeClose(actor: UserActor, recall: { regionCode: string } | undefined): asserts recall {
  if (!recall || !isOfficer(actor) || !isInJurisdiction(actor, recall.regionCode)) {
    throw new AppError("not_found");
  }
}
