import { AppError } from "../../http/errors.js";
import type { UserActor } from "../accounts/actor.js";
import { isInJurisdiction } from "../accounts/jurisdiction.js";
import type { Role } from "../accounts/roles.js";

/** Who commits draw secrets, generates plans and declares inspector conflicts: the district's leaders. */
export const PLANNING_ROLES = ["admin", "leader"] as const satisfies readonly Role[];
/** Who reads plans; an inspector sees only the offline items he was drawn for. */
export const PLAN_READING_ROLES = ["admin", "leader", "inspector"] as const satisfies readonly Role[];

/** A region outside the jurisdiction is out of sight (404); plans and draws are per district (county level). */
export function authorizeDistrict(actor: UserActor, regionCode: string, isDistrict: boolean): void {
  if (!isInJurisdiction(actor, regionCode)) throw new AppError("not_found");
  if (!isDistrict) {
    throw new AppError(
      "validation_failed",
      { "zh-CN": "监管计划按区县制定，请选择区县", en: "Plans are made per district: choose a district" },
      [{ pointer: "/body/regionCode", message: "not a district (county-level) code" }],
    );
  }
}

export function authorizePlan(actor: UserActor, plan: { regionCode: string } | undefined): asserts plan {
  if (!plan || !isInJurisdiction(actor, plan.regionCode)) throw new AppError("not_found");
}

/** Inspectors read only their own drawn items; leaders and admins every item. */
export function assignedInspectorFilter(actor: UserActor): string | undefined {
  return actor.role === "inspector" ? actor.id : undefined;
}
