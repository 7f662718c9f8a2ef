import type { Actor } from "../accounts/actor.js";
import { isInJurisdiction } from "../accounts/jurisdiction.js";
import { isOfficer } from "../accounts/roles.js";
import type { FileRow } from "./repository.js";

/** Who may read a file: its uploader, users of its business, officers of its region. */
export function canReadFile(actor: Actor, file: FileRow): boolean {
  if (actor.kind === "system") return true;
  if (actor.kind !== "user") return false;
  if (file.uploadedBy === actor.id) return true;
  if (file.businessId && actor.businessId === file.businessId) return true;
  return isOfficer(actor.role) && file.regionCode !== null && isInJurisdiction(actor, file.regionCode);
}

/** Only officers see the original bytes of an image; everyone else gets the EXIF-free copy. */
export function seesOriginal(actor: Actor): boolean {
  return actor.kind === "system" || (actor.kind === "user" && isOfficer(actor.role));
}
