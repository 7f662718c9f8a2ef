import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import {
  batchMaterials,
  commitmentLetters,
  devices,
  productionBatches,
  rapidTests,
  traceCodes,
} from "../../db/schema.js";

export type DeviceRow = typeof devices.$inferSelect;
export type BatchRow = typeof productionBatches.$inferSelect;
export type MaterialRow = typeof batchMaterials.$inferSelect;
export type RapidTestRow = typeof rapidTests.$inferSelect;

export async function insertDevice(db: Queryable, row: typeof devices.$inferInsert): Promise<DeviceRow> {
  const [created] = await db.insert(devices).values(row).returning();
  return created!;
}

export async function findDevice(db: Queryable, id: string, lock = false): Promise<DeviceRow | undefined> {
  const query = db.select().from(devices).where(eq(devices.id, id)).limit(1);
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

export async function findDevices(db: Queryable, ids: string[]): Promise<DeviceRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(devices).where(inArray(devices.id, ids));
}

export async function listDevices(db: Queryable, storeId: string): Promise<DeviceRow[]> {
  return db.select().from(devices).where(eq(devices.storeId, storeId)).orderBy(desc(devices.createdAt));
}

export async function revokeDevice(db: Queryable, id: string, at: Date): Promise<DeviceRow> {
  const [row] = await db
    .update(devices)
    .set({ status: "revoked", revokedAt: at })
    .where(eq(devices.id, id))
    .returning();
  return row!;
}

export async function findBatchByNumber(
  db: Queryable,
  storeId: string,
  batchNumber: string,
): Promise<BatchRow | undefined> {
  const [row] = await db
    .select()
    .from(productionBatches)
    .where(and(eq(productionBatches.storeId, storeId), eq(productionBatches.batchNumber, batchNumber)))
    .limit(1);
  return row;
}

/** Batch ids of a store by batch number, for many numbers at once. */
export async function batchIdsByNumber(
  db: Queryable,
  storeId: string,
  numbers: string[],
): Promise<Map<string, string>> {
  if (numbers.length === 0) return new Map();
  const rows = await db
    .select({ id: productionBatches.id, batchNumber: productionBatches.batchNumber })
    .from(productionBatches)
    .where(and(eq(productionBatches.storeId, storeId), inArray(productionBatches.batchNumber, numbers)));
  return new Map(rows.map((row) => [row.batchNumber, row.id]));
}

export async function latestBatch(db: Queryable, storeId: string): Promise<BatchRow | undefined> {
  const [row] = await db
    .select()
    .from(productionBatches)
    .where(eq(productionBatches.storeId, storeId))
    .orderBy(desc(productionBatches.producedAt))
    .limit(1);
  return row;
}

export async function insertBatch(
  db: Queryable,
  row: typeof productionBatches.$inferInsert,
): Promise<BatchRow | undefined> {
  const [created] = await db.insert(productionBatches).values(row).onConflictDoNothing().returning();
  return created;
}

export async function insertMaterials(
  db: Queryable,
  rows: (typeof batchMaterials.$inferInsert)[],
): Promise<MaterialRow[]> {
  if (rows.length === 0) return [];
  return db.insert(batchMaterials).values(rows).returning();
}

export async function insertRapidTests(
  db: Queryable,
  rows: (typeof rapidTests.$inferInsert)[],
): Promise<RapidTestRow[]> {
  if (rows.length === 0) return [];
  return db.insert(rapidTests).values(rows).returning();
}

export async function listBatches(db: Queryable, storeId: string, limit: number): Promise<BatchRow[]> {
  return db
    .select()
    .from(productionBatches)
    .where(eq(productionBatches.storeId, storeId))
    .orderBy(desc(productionBatches.producedAt), desc(productionBatches.id))
    .limit(limit);
}

export async function materialsOf(db: Queryable, batchIds: string[]): Promise<MaterialRow[]> {
  if (batchIds.length === 0) return [];
  return db
    .select()
    .from(batchMaterials)
    .where(inArray(batchMaterials.batchId, batchIds))
    .orderBy(asc(batchMaterials.name), asc(batchMaterials.id));
}

export async function rapidTestsOf(db: Queryable, batchIds: string[]): Promise<RapidTestRow[]> {
  if (batchIds.length === 0) return [];
  return db
    .select()
    .from(rapidTests)
    .where(inArray(rapidTests.batchId, batchIds))
    .orderBy(desc(rapidTests.testedAt), asc(rapidTests.id));
}

/** Stores the codes not stored before (same device and serial); returns how many were new. */
export async function insertTraceCodes(
  db: Queryable,
  rows: (typeof traceCodes.$inferInsert)[],
): Promise<number> {
  const created = await db
    .insert(traceCodes)
    .values(rows)
    .onConflictDoNothing({ target: [traceCodes.deviceId, traceCodes.serial] })
    .returning({ id: traceCodes.id });
  return created.length;
}

export async function findTraceCode(db: Queryable, deviceId: string, serial: number) {
  const [row] = await db
    .select()
    .from(traceCodes)
    .where(and(eq(traceCodes.deviceId, deviceId), eq(traceCodes.serial, serial)))
    .limit(1);
  return row;
}

export async function nextSerial(db: Queryable, deviceId: string): Promise<number> {
  const [row] = await db
    .select({ max: sql<string | null>`max(${traceCodes.serial})` })
    .from(traceCodes)
    .where(eq(traceCodes.deviceId, deviceId));
  return row?.max === null || row?.max === undefined ? 1 : Number(row.max) + 1;
}

/** The store's commitment letter in force (the newest not withdrawn), if the business signed one. */
export async function findCommitment(db: Queryable, storeId: string) {
  const [row] = await db
    .select()
    .from(commitmentLetters)
    .where(and(eq(commitmentLetters.storeId, storeId), isNull(commitmentLetters.withdrawnAt)))
    .orderBy(desc(commitmentLetters.signedAt))
    .limit(1);
  return row;
}
