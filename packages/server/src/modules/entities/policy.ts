import type { Actor } from "../accounts/actor.js";
import { isInJurisdiction } from "../accounts/jurisdiction.js";
import { isOfficer } from "../accounts/roles.js";

/**
 * Officers read records in their jurisdiction; business users read their own business's records.
 * Anything else is reported as not found, so existence is not revealed (SECURITY.md #1).
 */
export function canReadEntity(actor: Actor, record: { regionCode: string; businessId: string }): boolean {
  if (actor.kind === "system") return true;
  if (actor.kind !== "user") return false;
  if (isOfficer(actor.role)) return isInJurisdiction(actor, record.regionCode);
  return actor.businessId !== null && actor.businessId === record.businessId;
}
