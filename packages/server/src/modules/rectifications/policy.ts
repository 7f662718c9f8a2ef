import { AppError } from "../../http/errors.js";
import type { UserActor } from "../accounts/actor.js";
import { isInJurisdiction } from "../accounts/jurisdiction.js";
import { BUSINESS_ROLES, isOfficer, type Role } from "../accounts/roles.js";
import { INSPECTING_ROLES } from "../inspections/policy.js";
import type { RectificationStatus } from "./repository.js";

interface OrderLike {
  regionCode: string;
  businessId: string;
}

export function canReadRectification(actor: UserActor, order: OrderLike): boolean {
  if (isOfficer(actor.role)) return isInJurisdiction(actor, order.regionCode);
  if ((BUSINESS_ROLES as readonly Role[]).includes(actor.role)) return actor.businessId === order.businessId;
  return false;
}

export type RectificationAction = "reply" | "accept" | "reopen";

/** Who may do what, and from which statuses (整改闭环: open → replied → closed, or reopened with a new deadline). */
const RULES: Record<RectificationAction, { roles: readonly Role[]; from: readonly RectificationStatus[] }> = {
  reply: { roles: BUSINESS_ROLES, from: ["open", "reopened"] },
  accept: { roles: INSPECTING_ROLES, from: ["replied"] },
  reopen: { roles: INSPECTING_ROLES, from: ["replied", "closed"] },
};

/** Out of sight → 404; visible but not the actor's step → 403; wrong status → 409. */
export function authorizeRectification(
  actor: UserActor,
  action: RectificationAction,
  order: (OrderLike & { status: RectificationStatus }) | undefined,
): asserts order {
  if (!order || !canReadRectification(actor, order)) throw new AppError("not_found");
  const rule = RULES[action];
  if (!rule.roles.includes(actor.role)) throw new AppError("forbidden");
  if (!rule.from.includes(order.status)) {
    throw new AppError("conflict", {
      "zh-CN": `整改单当前状态（${order.status}）不允许此操作`,
      en: `The rectification order's status (${order.status}) does not allow this`,
    });
  }
}
