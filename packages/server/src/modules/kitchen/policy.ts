import { AppError } from "../../http/errors.js";
import type { UserActor } from "../accounts/actor.js";
import { isInJurisdiction } from "../accounts/jurisdiction.js";
import { BUSINESS_ROLES, isOfficer, type Role } from "../accounts/roles.js";

/** Who reads a store's feeds, devices, snapshots and events: its own business, officers of its jurisdiction. */
export const KITCHEN_READ_ROLES = [
  "business_owner",
  "business_staff",
  "admin",
  "inspector",
  "leader",
] as const satisfies readonly Role[];

/** Who registers or removes cameras and devices (keys are issued): the owner, or an officer for the store. */
export const KITCHEN_MANAGE_ROLES = [
  "business_owner",
  "admin",
  "inspector",
] as const satisfies readonly Role[];

/** Who answers an event in the portal: the store's business. */
export const KITCHEN_RESPOND_ROLES = BUSINESS_ROLES;

export type KitchenAction = "read" | "manage" | "respond";

const ROLES: Record<KitchenAction, readonly Role[]> = {
  read: KITCHEN_READ_ROLES,
  manage: KITCHEN_MANAGE_ROLES,
  respond: KITCHEN_RESPOND_ROLES,
};

interface StoreLike {
  businessId: string;
  regionCode: string;
}

function canSee(actor: UserActor, store: StoreLike): boolean {
  if (isOfficer(actor.role)) return isInJurisdiction(actor, store.regionCode);
  if ((BUSINESS_ROLES as readonly Role[]).includes(actor.role)) return actor.businessId === store.businessId;
  return false;
}

/** A store out of sight (another business, another district) → 404; not the actor's step → 403. */
export function authorizeKitchen(
  actor: UserActor,
  action: KitchenAction,
  store: StoreLike | undefined,
): asserts store {
  if (!store || !canSee(actor, store)) throw new AppError("not_found");
  if (!ROLES[action].includes(actor.role)) throw new AppError("forbidden");
}
