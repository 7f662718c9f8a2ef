import { NATIONAL_REGION_CODE } from "@shian/domain";
import { AppError } from "../../http/errors.js";
import type { UserActor } from "../accounts/actor.js";
import { isInJurisdiction } from "../accounts/jurisdiction.js";
import type { Role } from "../accounts/roles.js";

/** Who opens the cockpit (驾驶舱): bureau leaders and administrators. */
export const COCKPIT_ROLES = ["leader", "admin"] as const satisfies readonly Role[];

/** The actor's own jurisdiction, or null for national scope (no region, or the national code). */
export function ownJurisdiction(actor: UserActor): string | null {
  return actor.regionCode === null || actor.regionCode === NATIONAL_REGION_CODE ? null : actor.regionCode;
}

/** A region outside the actor's jurisdiction is not there for them (404), like every out-of-region record. */
export function authorizeCockpitRegion(actor: UserActor, regionCode: string): void {
  if (!isInJurisdiction(actor, regionCode)) throw new AppError("not_found");
}
