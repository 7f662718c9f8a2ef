import { AppError } from "../../http/errors.js";
import type { UserActor } from "../accounts/actor.js";
import type { Role } from "../accounts/roles.js";

interface StoreLike {
  businessId: string;
}

/** Who records batches and rapid tests: the store's own business (owner or staff). */
export const BATCH_ROLES = ["business_owner", "business_staff"] as const satisfies readonly Role[];

/** A store of another business is out of sight (404). */
export function authorizeOwnStore(actor: UserActor, store: StoreLike | undefined): asserts store {
  if (!store || actor.businessId === null || actor.businessId !== store.businessId) {
    throw new AppError("not_found");
  }
}

/** Devices sign codes in the store's name: only the business owner registers or revokes them. */
export function authorizeDeviceManagement(actor: UserActor, store: StoreLike | undefined): asserts store {
  authorizeOwnStore(actor, store);
  if (actor.role !== "business_owner") throw new AppError("forbidden");
}
