import { AppError } from "../../http/errors.js";
import type { UserActor } from "../accounts/actor.js";
import { isInJurisdiction } from "../accounts/jurisdiction.js";
import type { Role } from "../accounts/roles.js";

/**
 * Statistics reports are management figures (统计报表) for leaders; admins run and repair the job. Inspectors do
 * not read them: their console shows their own tasks, and the cockpit is likewise leader/admin only.
 */
export const REPORT_ROLES = ["leader", "admin"] as const satisfies readonly Role[];

export type ReportAction = "read" | "generate";

/** A report of a region outside the actor's jurisdiction does not exist for them (404). */
export function authorizeReport(
  actor: UserActor,
  _action: ReportAction,
  regionCode: string | undefined,
): asserts regionCode {
  if (!(REPORT_ROLES as readonly Role[]).includes(actor.role)) throw new AppError("forbidden");
  if (!regionCode || !isInJurisdiction(actor, regionCode)) throw new AppError("not_found");
}
