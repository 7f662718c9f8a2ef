import type { Database } from "../../db/client.js";
import { AppError } from "../../http/errors.js";
import type { Actor } from "../accounts/actor.js";
import { jurisdictionPrefix } from "../accounts/jurisdiction.js";
import { isOfficer } from "../accounts/roles.js";
import { canReadEntity } from "./policy.js";
import * as repo from "./repository.js";

export async function getStore(db: Database, actor: Actor, storeId: string): Promise<repo.StoreRow> {
  const store = await repo.findStoreById(db, storeId);
  if (!store || !canReadEntity(actor, store)) throw new AppError("not_found");
  return store;
}

export async function getBusiness(db: Database, actor: Actor, businessId: string): Promise<repo.BusinessRow> {
  const business = await repo.findBusinessById(db, businessId);
  if (!business || !canReadEntity(actor, { regionCode: business.regionCode, businessId: business.id })) {
    throw new AppError("not_found");
  }
  return business;
}

/** Stores in the actor's jurisdiction (officers) or of the actor's business (business users), by id. */
export async function listStores(
  db: Database,
  actor: Actor,
  { cursor, limit }: { cursor?: string | undefined; limit: number },
): Promise<{ items: repo.StoreRow[]; nextCursor: string | null }> {
  const officer = actor.kind === "system" || (actor.kind === "user" && isOfficer(actor.role));
  const businessId = actor.kind === "user" && !officer ? actor.businessId : null;
  if (!officer && !businessId) return { items: [], nextCursor: null };
  const items = await repo.listStores(db, {
    regionPrefix: officer ? jurisdictionPrefix(actor) : null,
    businessId,
    ...(cursor ? { afterId: cursor } : {}),
    limit,
  });
  return { items, nextCursor: items.length === limit ? (items.at(-1)?.id ?? null) : null };
}
