import { regionScopePrefix } from "@shian/domain";
import { AppError } from "../../http/errors.js";
import type { UserActor } from "../accounts/actor.js";
import { isInJurisdiction, jurisdictionPrefix } from "../accounts/jurisdiction.js";
import type { Role } from "../accounts/roles.js";
import { canReadEntity } from "../entities/policy.js";

/** Who may start a grading run (admins; leaders, e.g. to re-run a month after a correction). */
export const RUN_ROLES = ["admin", "leader"] as const satisfies readonly Role[];

/** A store's grades: officers in its jurisdiction, the people of its business; otherwise 404. */
export function authorizeStoreGrades(
  actor: UserActor,
  store: { regionCode: string; businessId: string } | undefined,
): asserts store {
  if (!store || !canReadEntity(actor, store)) throw new AppError("not_found");
}

/** The region prefix a distribution counts: the region asked for, inside the jurisdiction (else 404), or all of it. */
export function distributionPrefix(actor: UserActor, region: string | undefined): string | null {
  if (region === undefined) return jurisdictionPrefix(actor);
  if (!isInJurisdiction(actor, region)) throw new AppError("not_found");
  return regionScopePrefix(region);
}
