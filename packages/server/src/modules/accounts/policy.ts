import { AppError } from "../../http/errors.js";
import type { Actor } from "./actor.js";
import { isInJurisdiction } from "./jurisdiction.js";

/** Accounts and API clients are created by the system or by an admin, inside the admin's jurisdiction. */
export function authorizeUserCreation(actor: Actor | null, regionCode: string | null): void {
  if (actor?.kind === "system") return;
  if (actor?.kind !== "user" || actor.role !== "admin") throw new AppError("forbidden");
  const allowed = regionCode === null ? actor.regionCode === null : isInJurisdiction(actor, regionCode);
  if (!allowed) throw new AppError("forbidden");
}
