/**
 * A bounded in-process LRU with a time-to-live (DESIGN.md §9): a Map keeps insertion order, so a hit is
 * deleted and set again and the oldest key is the first one. Entries can carry a group (the store id) so that
 * every language of one store's page is dropped together.
 */
export class LruCache<V> {
  private readonly entries = new Map<string, { value: V; expires: number; group: string }>();

  constructor(
    readonly maxEntries: number,
    readonly ttlMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expires <= this.clock()) return undefined;
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V, group = ""): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expires: this.clock() + this.ttlMs, group });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  /** Drops every entry of a group; O(n), run only when a store's public data changes. */
  deleteGroup(group: string): void {
    for (const [key, entry] of this.entries) if (entry.group === group) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

export interface RenderedPage {
  html: string;
  etag: string;
}

/**
 * Rendered scan pages by code and language, at most 10 000 (≈ 10 KB each: ≈ 100 MB worst case, typically far
 * less). 30 s TTL is the bound on staleness across nodes (a change made on another node, or by a module that
 * does not call invalidateStore); changes in this process (ratings approved, codes created) drop the entries
 * at once. LISTEN/NOTIFY for cross-node invalidation is the next step (DESIGN.md §8).
 */
export const scanPageCache = new LruCache<RenderedPage>(10_000, 30_000);

/** Call after anything shown on a store's scan page changed in this process. */
export function invalidateStore(storeId: string): void {
  scanPageCache.deleteGroup(storeId);
}

/** Call after a change to many stores' pages at once (a grading run): drops every rendered page. */
export function invalidateAllStores(): void {
  scanPageCache.clear();
}
