/**
 * A bounded in-process LRU with a time-to-live (DESIGN.md §9): a Map keeps insertion order, so a hit is
 * deleted and set again and the oldest key is the first one. Entries can carry a group (the store id) so that
 * every language of one store's page is dropped together; an index of groups keeps that O(entries of the group),
 * since invalidations now also arrive from other nodes (LISTEN/NOTIFY, ./notify.ts).
 *
 * `generation` counts invalidations: a reader takes it before reading the database and hands it to `set`, which
 * refuses to store a value read before an invalidation that landed meanwhile (it may be the old state).
 */
export class LruCache<V> {
  private readonly entries = new Map<string, { value: V; expires: number; group: string }>();
  private readonly groups = new Map<string, Set<string>>();
  private invalidations = 0;

  constructor(
    readonly maxEntries: number,
    readonly ttlMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  get generation(): number {
    return this.invalidations;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expires <= this.clock()) {
      this.unindex(key, entry.group);
      return undefined;
    }
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Stores a value; skipped when `readAt` (a `generation` taken before the read) predates an invalidation. */
  set(key: string, value: V, group = "", readAt = this.invalidations): void {
    if (readAt !== this.invalidations) return;
    this.remove(key);
    this.entries.set(key, { value, expires: this.clock() + this.ttlMs, group });
    if (group) {
      let keys = this.groups.get(group);
      if (!keys) this.groups.set(group, (keys = new Set()));
      keys.add(key);
    }
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.remove(oldest.value);
    }
  }

  delete(key: string): void {
    this.invalidations += 1;
    this.remove(key);
  }

  /** Drops every entry of a group (all languages of one store's page). */
  deleteGroup(group: string): void {
    this.invalidations += 1;
    const keys = this.groups.get(group);
    if (!keys) return;
    this.groups.delete(group);
    for (const key of keys) this.entries.delete(key);
  }

  clear(): void {
    this.invalidations += 1;
    this.entries.clear();
    this.groups.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.unindex(key, entry.group);
  }

  private unindex(key: string, group: string): void {
    if (!group) return;
    const keys = this.groups.get(group);
    keys?.delete(key);
    if (keys?.size === 0) this.groups.delete(group);
  }
}
