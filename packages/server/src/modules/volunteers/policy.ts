import { isWithinRegion } from "@shian/domain";
import { AppError } from "../../http/errors.js";
import type { UserActor } from "../accounts/actor.js";
import { isInJurisdiction } from "../accounts/jurisdiction.js";
import { isOfficer } from "../accounts/roles.js";
import type { VolunteerRow } from "./repository.js";

interface VolunteerUser {
  role: string;
  regionCode: string | null;
  volunteer: VolunteerRow | null;
}

/**
 * An officer manages (approves, assigns) the volunteers of the jurisdiction. A user who is no registered volunteer
 * or lives outside the jurisdiction is out of sight (404). A national volunteer is managed nationally only.
 */
export function authorizeVolunteerManagement(
  actor: UserActor,
  target: VolunteerUser | undefined,
): asserts target is VolunteerUser & { volunteer: VolunteerRow } {
  if (!target || target.role !== "volunteer" || !target.volunteer) throw new AppError("not_found");
  const inSight =
    isOfficer(actor.role) &&
    (target.regionCode === null ? actor.regionCode === null : isInJurisdiction(actor, target.regionCode));
  if (!inSight) throw new AppError("not_found");
}

/** Only an approved volunteer patrols (社会监督员经培训、审核后上岗). */
export function authorizePatrol(actor: UserActor, volunteer: VolunteerRow | undefined): void {
  if (actor.role !== "volunteer" || volunteer?.status !== "approved") {
    throw new AppError("forbidden", {
      "zh-CN": "社会监督员尚未通过审核，不能提交巡查",
      en: "Only an approved volunteer may submit patrols",
    });
  }
}

/** A volunteer patrols stores of their own area; others are out of sight. */
export function canPatrolStore(volunteerRegion: string | null, store: { regionCode: string }): boolean {
  return isWithinRegion(store.regionCode, volunteerRegion);
}
