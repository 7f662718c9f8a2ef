import { AppError } from "../../http/errors.js";
import type { UserActor } from "../accounts/actor.js";
import { isInJurisdiction } from "../accounts/jurisdiction.js";
import { isOfficer, type Role } from "../accounts/roles.js";

/** Officers who publish 红黑榜 entries and policy notices. */
export const PUBLISHING_ROLES = ["admin", "inspector", "leader"] as const satisfies readonly Role[];

/** A record of a region outside the actor's jurisdiction is out of sight (404). */
export function authorizeListEntry(
  actor: UserActor,
  record: { regionCode: string } | undefined,
): asserts record {
  if (!record || !isOfficer(actor.role) || !isInJurisdiction(actor, record.regionCode)) {
    throw new AppError("not_found");
  }
}

/** A notice targets a region inside the officer's jurisdiction (a district officer cannot post city-wide). */
export function authorizeNoticeRegion(actor: UserActor, regionCode: string): void {
  if (!isInJurisdiction(actor, regionCode)) {
    throw new AppError("forbidden", {
      "zh-CN": "只能向本辖区发布政策通知",
      en: "Notices can only target your own jurisdiction",
    });
  }
}
