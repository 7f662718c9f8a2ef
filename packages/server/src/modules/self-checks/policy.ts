import { AppError } from "../../http/errors.js";
import type { UserActor } from "../accounts/actor.js";
import { BUSINESS_ROLES, type Role } from "../accounts/roles.js";
import { canReadStoreRecords } from "../inspections/policy.js";

interface StoreLike {
  regionCode: string;
  businessId: string;
}

/** Officers of the region and the store's own business read its self-checks; anything else is 404. */
export function authorizeSelfCheckRead(actor: UserActor, store: StoreLike | undefined): asserts store {
  if (!store || !canReadStoreRecords(actor, store)) throw new AppError("not_found");
}

/** Only the store's own business files a self-check (自查). */
export function authorizeSelfCheckFiling(actor: UserActor, store: StoreLike | undefined): asserts store {
  authorizeSelfCheckRead(actor, store);
  if (!(BUSINESS_ROLES as readonly Role[]).includes(actor.role)) throw new AppError("forbidden");
}
