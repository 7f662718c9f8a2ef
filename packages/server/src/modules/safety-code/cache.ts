import { LruCache } from "../public-cache/lru-cache.js";
import { publishSoon } from "../public-cache/notify.js";

export { LruCache };

/** A rendered page kept as UTF-8 bytes: a hit is written as is, not re-encoded from a string each time. */
export interface RenderedPage {
  body: Buffer;
  etag: string;
  /** Epoch ms of the database read it was built from (the badge sends its age: step 11, badge.ts). */
  renderedAt?: number;
}

/**
 * Rendered scan pages by code and language, at most 10 000 (≈ 10 KB each: ≈ 100 MB worst case, typically far
 * less), grouped by store id. Changes drop a store's entries at once in this process and, on PostgreSQL, on
 * every other node through LISTEN/NOTIFY (modules/public-cache). The 30 s TTL is the safety net: the bound on
 * staleness when a NOTIFY is missed (listener reconnecting) or a module changes what the page shows without
 * calling invalidateStore (docs/architecture.md, "Public read caches").
 */
export const scanPageCache = new LruCache<RenderedPage>(10_000, 30_000);

/** Drops this process's pages of a store (an invalidation heard from another node, or our own). */
export function dropStorePages(storeId: string): void {
  scanPageCache.deleteGroup(storeId);
}

/** Call after anything shown on a store's scan page changed: here at once, other nodes by NOTIFY. */
export function invalidateStore(storeId: string): void {
  dropStorePages(storeId);
  publishSoon({ kind: "store", key: storeId });
}

/** Call after a change to many stores' pages at once (a grading run): drops every rendered page everywhere. */
export function invalidateAllStores(): void {
  scanPageCache.clear();
  publishSoon({ kind: "all", key: "" });
}
