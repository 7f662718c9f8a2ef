import type { Stage } from "@shian/domain";
import { AppError } from "../../http/errors.js";
import type { Actor, UserActor } from "../accounts/actor.js";
import { isInJurisdiction } from "../accounts/jurisdiction.js";
import { isOfficer, type Role } from "../accounts/roles.js";

/** The role that acts on each stage of an application (三分离). */
export const STAGE_ROLES: Record<Stage, readonly Role[]> = {
  application: ["business_owner", "business_staff"],
  acceptance: ["acceptor"],
  // 现场核查 may be done by an inspector; the review conclusion itself is the reviewer's (route policy).
  review: ["reviewer", "inspector"],
  decision: ["approver"],
};

interface Owned {
  regionCode: string;
  businessId: string;
}

/** Officers read applications and licences in their jurisdiction; business users those of their business. */
export function canReadLicensingRecord(actor: Actor, record: Owned): boolean {
  if (actor.kind === "system") return true;
  if (actor.kind !== "user") return false;
  if (isOfficer(actor.role)) return isInJurisdiction(actor, record.regionCode);
  return actor.businessId === record.businessId;
}

/**
 * May this user act on this stage of this record? Out of sight → 404 (existence not revealed);
 * visible but not this user's stage → 403.
 */
export function authorizeStage(actor: UserActor, stage: Stage, record: Owned): void {
  if (!canReadLicensingRecord(actor, record)) throw new AppError("not_found");
  if (!STAGE_ROLES[stage].includes(actor.role)) throw new AppError("forbidden");
}
