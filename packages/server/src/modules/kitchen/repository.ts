import { and, desc, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { kitchenDevices, kitchenEvents, kitchenFeeds, kitchenSnapshots, stores } from "../../db/schema.js";

export type FeedRow = typeof kitchenFeeds.$inferSelect;
export type DeviceRow = typeof kitchenDevices.$inferSelect;
export type SnapshotRow = typeof kitchenSnapshots.$inferSelect;
export type EventRow = typeof kitchenEvents.$inferSelect;

// — feeds —

export async function insertFeed(db: Queryable, row: typeof kitchenFeeds.$inferInsert): Promise<FeedRow> {
  const [created] = await db.insert(kitchenFeeds).values(row).returning();
  return created!;
}

export async function findFeed(db: Queryable, id: string): Promise<FeedRow | undefined> {
  const [row] = await db.select().from(kitchenFeeds).where(eq(kitchenFeeds.id, id)).limit(1);
  return row;
}

export async function findFeedByKeyHash(db: Queryable, keyHash: string): Promise<FeedRow | undefined> {
  const [row] = await db
    .select()
    .from(kitchenFeeds)
    .where(eq(kitchenFeeds.snapshotKeyHash, keyHash))
    .limit(1);
  return row;
}

export function listFeeds(db: Queryable, storeId: string): Promise<FeedRow[]> {
  return db
    .select()
    .from(kitchenFeeds)
    .where(eq(kitchenFeeds.storeId, storeId))
    .orderBy(desc(kitchenFeeds.createdAt));
}

export async function setFeedKeyHash(db: Queryable, id: string, keyHash: string): Promise<FeedRow> {
  const [row] = await db
    .update(kitchenFeeds)
    .set({ snapshotKeyHash: keyHash })
    .where(eq(kitchenFeeds.id, id))
    .returning();
  return row!;
}

/** Deletes a feed; its snapshots stay (feed_id cleared) until their retention ends. */
export async function deleteFeed(db: Queryable, id: string): Promise<void> {
  await db.update(kitchenSnapshots).set({ feedId: null }).where(eq(kitchenSnapshots.feedId, id));
  await db.delete(kitchenFeeds).where(eq(kitchenFeeds.id, id));
}

// — devices —

export async function insertDevice(
  db: Queryable,
  row: typeof kitchenDevices.$inferInsert,
): Promise<DeviceRow> {
  const [created] = await db.insert(kitchenDevices).values(row).returning();
  return created!;
}

export async function findDevice(db: Queryable, id: string, lock = false): Promise<DeviceRow | undefined> {
  const query = db.select().from(kitchenDevices).where(eq(kitchenDevices.id, id)).limit(1);
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

export async function findDeviceByKeyHash(db: Queryable, keyHash: string): Promise<DeviceRow | undefined> {
  const [row] = await db.select().from(kitchenDevices).where(eq(kitchenDevices.keyHash, keyHash)).limit(1);
  return row;
}

export function listDevices(db: Queryable, storeId: string): Promise<DeviceRow[]> {
  return db
    .select()
    .from(kitchenDevices)
    .where(eq(kitchenDevices.storeId, storeId))
    .orderBy(desc(kitchenDevices.createdAt));
}

/** The store's newest active device of a kind (the simulator reuses it). */
export async function findActiveDevice(
  db: Queryable,
  storeId: string,
  kind: DeviceRow["kind"],
  name: string,
) {
  const [row] = await db
    .select()
    .from(kitchenDevices)
    .where(
      and(
        eq(kitchenDevices.storeId, storeId),
        eq(kitchenDevices.kind, kind),
        eq(kitchenDevices.name, name),
        eq(kitchenDevices.status, "active"),
      ),
    )
    .orderBy(desc(kitchenDevices.createdAt))
    .limit(1);
  return row;
}

export async function setDeviceKeyHash(db: Queryable, id: string, keyHash: string): Promise<void> {
  await db.update(kitchenDevices).set({ keyHash }).where(eq(kitchenDevices.id, id));
}

export async function revokeDevice(db: Queryable, id: string): Promise<DeviceRow> {
  const [row] = await db
    .update(kitchenDevices)
    .set({ status: "revoked" })
    .where(eq(kitchenDevices.id, id))
    .returning();
  return row!;
}

export async function touchDevice(db: Queryable, id: string, at: Date): Promise<void> {
  await db.update(kitchenDevices).set({ lastSeenAt: at }).where(eq(kitchenDevices.id, id));
}

// — snapshots —

export async function insertSnapshot(
  db: Queryable,
  row: typeof kitchenSnapshots.$inferInsert,
): Promise<SnapshotRow> {
  const [created] = await db.insert(kitchenSnapshots).values(row).returning();
  return created!;
}

export async function findSnapshot(db: Queryable, id: string): Promise<SnapshotRow | undefined> {
  const [row] = await db.select().from(kitchenSnapshots).where(eq(kitchenSnapshots.id, id)).limit(1);
  return row;
}

/** The latest snapshots of a store, newest first. */
export function listSnapshots(db: Queryable, storeId: string, limit: number): Promise<SnapshotRow[]> {
  return db
    .select()
    .from(kitchenSnapshots)
    .where(eq(kitchenSnapshots.storeId, storeId))
    .orderBy(desc(kitchenSnapshots.takenAt), desc(kitchenSnapshots.id))
    .limit(limit);
}

/**
 * Deletes up to `limit` snapshot rows past their expiry (oldest first) and returns their SHA-256s; events that
 * referenced them keep their rows (snapshot_id set to null by the foreign key).
 */
export async function deleteExpiredSnapshots(db: Queryable, now: Date, limit: number): Promise<string[]> {
  const expired = db
    .select({ id: kitchenSnapshots.id })
    .from(kitchenSnapshots)
    .where(lt(kitchenSnapshots.expiresAt, now))
    .orderBy(kitchenSnapshots.expiresAt)
    .limit(limit);
  const rows = await db
    .delete(kitchenSnapshots)
    .where(inArray(kitchenSnapshots.id, expired))
    .returning({ sha256: kitchenSnapshots.sha256 });
  return rows.map((row) => row.sha256);
}

/** Of these SHA-256s, those no remaining snapshot row references (their files may go). */
export async function unreferencedHashes(db: Queryable, hashes: string[]): Promise<string[]> {
  if (hashes.length === 0) return [];
  const rows = await db
    .selectDistinct({ sha256: kitchenSnapshots.sha256 })
    .from(kitchenSnapshots)
    .where(inArray(kitchenSnapshots.sha256, hashes));
  const kept = new Set(rows.map((row) => row.sha256));
  return [...new Set(hashes)].filter((hash) => !kept.has(hash));
}

// — events —

/** Inserts an event unless (device, event id) exists; undefined on a replay. */
export async function insertEvent(
  db: Queryable,
  row: typeof kitchenEvents.$inferInsert,
): Promise<EventRow | undefined> {
  const [created] = await db
    .insert(kitchenEvents)
    .values(row)
    .onConflictDoNothing({ target: [kitchenEvents.deviceId, kitchenEvents.eventId] })
    .returning();
  return created;
}

export async function findEventByDeviceEventId(
  db: Queryable,
  deviceId: string,
  eventId: string,
): Promise<EventRow | undefined> {
  const [row] = await db
    .select()
    .from(kitchenEvents)
    .where(and(eq(kitchenEvents.deviceId, deviceId), eq(kitchenEvents.eventId, eventId)))
    .limit(1);
  return row;
}

export async function findEvent(db: Queryable, id: string, lock = false): Promise<EventRow | undefined> {
  const query = db.select().from(kitchenEvents).where(eq(kitchenEvents.id, id)).limit(1);
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

export function listEvents(db: Queryable, storeId: string, limit: number): Promise<EventRow[]> {
  return db
    .select()
    .from(kitchenEvents)
    .where(eq(kitchenEvents.storeId, storeId))
    .orderBy(desc(kitchenEvents.at), desc(kitchenEvents.id))
    .limit(limit);
}

/** Records the business's response once; undefined when it has already responded. */
export async function respondToEvent(
  db: Queryable,
  id: string,
  response: { text: string; at: Date; by: string },
): Promise<EventRow | undefined> {
  const [row] = await db
    .update(kitchenEvents)
    .set({ response: response.text, respondedAt: response.at, respondedBy: response.by })
    .where(and(eq(kitchenEvents.id, id), isNull(kitchenEvents.respondedAt)))
    .returning();
  return row;
}

export async function countEvents(db: Queryable, storeId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(kitchenEvents)
    .where(eq(kitchenEvents.storeId, storeId));
  return row!.n;
}

/** Stores of exactly this name (the simulator's --store by name); two are enough to call it ambiguous. */
export function findStoresByName(db: Queryable, name: string) {
  return db.select().from(stores).where(eq(stores.name, name)).orderBy(stores.id).limit(2);
}
