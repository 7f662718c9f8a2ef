import { isWithinRegion, regionScopePrefix } from "@shian/domain";
import type { Actor } from "./actor.js";

/** Whether a record of regionCode lies in the actor's jurisdiction (辖区); a null jurisdiction is national. */
export function isInJurisdiction(actor: Actor, regionCode: string): boolean {
  return actor.regionCode === null || isWithinRegion(regionCode, actor.regionCode);
}

/** The region-code prefix a query is limited to, or null for national scope. */
export function jurisdictionPrefix(actor: Actor): string | null {
  return actor.regionCode === null ? null : regionScopePrefix(actor.regionCode);
}
