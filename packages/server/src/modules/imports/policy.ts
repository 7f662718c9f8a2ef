import { isWithinRegion } from "@shian/domain";
import type { Actor } from "../accounts/actor.js";
import type { Role } from "../accounts/roles.js";

/** Who may import legacy licences (存量证书): administrators and licensing approvers (许可), in their jurisdiction. */
export const IMPORT_ROLES = ["admin", "approver"] as const satisfies readonly Role[];

export function canImport(actor: Actor): boolean {
  if (actor.kind === "system") return true;
  return actor.kind === "user" && (IMPORT_ROLES as readonly Role[]).includes(actor.role);
}

/**
 * A job is seen by importers whose jurisdiction covers the creator's: the creator, colleagues of the same
 * region, the levels above. Jobs started from the CLI (no creator) are national.
 */
export function canReadJob(actor: Actor, creatorRegion: string | null): boolean {
  if (!canImport(actor)) return false;
  if (actor.regionCode === null) return true;
  return creatorRegion !== null && isWithinRegion(creatorRegion, actor.regionCode);
}
