import { AppError } from "../../http/errors.js";
import type { UserActor } from "../accounts/actor.js";
import { isInJurisdiction } from "../accounts/jurisdiction.js";
import { BUSINESS_ROLES, isOfficer, type Role } from "../accounts/roles.js";

/** Officers who close alerts (闭环处置) in their jurisdiction. */
export const CLOSING_ROLES = ["admin", "inspector", "leader"] as const satisfies readonly Role[];

interface AlertLike {
  regionCode: string;
  businessId: string;
}

/** Officers see their jurisdiction's alerts; a business sees the alerts of its own stores. */
export function canReadAlert(actor: UserActor, alert: AlertLike): boolean {
  if (isOfficer(actor.role)) return isInJurisdiction(actor, alert.regionCode);
  if ((BUSINESS_ROLES as readonly Role[]).includes(actor.role)) return actor.businessId === alert.businessId;
  return false;
}

export type AlertAction = "read" | "close" | "respond";

const ROLES: Record<Exclude<AlertAction, "read">, readonly Role[]> = {
  close: CLOSING_ROLES,
  respond: BUSINESS_ROLES,
};

/** Out of sight → 404; not the actor's step → 403; an alert already closed → 409. */
export function authorizeAlert(
  actor: UserActor,
  action: AlertAction,
  alert: (AlertLike & { status: "open" | "closed" }) | undefined,
): asserts alert {
  if (!alert || !canReadAlert(actor, alert)) throw new AppError("not_found");
  if (action === "read") return;
  if (!ROLES[action].includes(actor.role)) throw new AppError("forbidden");
  if (alert.status !== "open") {
    throw new AppError("conflict", { "zh-CN": "该预警已办结", en: "The alert is already closed" });
  }
}
