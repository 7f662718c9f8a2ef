import { and, asc, eq, gt, like, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { businesses, regions, staff, stores } from "../../db/schema.js";

export type StoreRow = typeof stores.$inferSelect;
export type BusinessRow = typeof businesses.$inferSelect;
export type StaffRow = typeof staff.$inferSelect;

export async function findStoreById(db: Queryable, id: string): Promise<StoreRow | undefined> {
  const [row] = await db.select().from(stores).where(eq(stores.id, id)).limit(1);
  return row;
}

export async function findBusinessById(db: Queryable, id: string): Promise<BusinessRow | undefined> {
  const [row] = await db.select().from(businesses).where(eq(businesses.id, id)).limit(1);
  return row;
}

export interface StoreFilter {
  /** Region-code prefix of the jurisdiction; null = national. */
  regionPrefix: string | null;
  businessId?: string | null;
  afterId?: string;
  limit: number;
}

export async function listStores(db: Queryable, filter: StoreFilter): Promise<StoreRow[]> {
  const conditions: SQL[] = [];
  if (filter.regionPrefix) conditions.push(like(stores.regionCode, `${filter.regionPrefix}%`));
  if (filter.businessId) conditions.push(eq(stores.businessId, filter.businessId));
  if (filter.afterId) conditions.push(gt(stores.id, filter.afterId));
  return db
    .select()
    .from(stores)
    .where(and(...conditions))
    .orderBy(asc(stores.id))
    .limit(filter.limit);
}

export async function insertBusinesses(db: Queryable, rows: (typeof businesses.$inferInsert)[]) {
  return db.insert(businesses).values(rows).returning({ id: businesses.id, uscc: businesses.uscc });
}

export async function insertStores(db: Queryable, rows: (typeof stores.$inferInsert)[]) {
  return db.insert(stores).values(rows).returning();
}

export async function isCountyCode(db: Queryable, code: string): Promise<boolean> {
  const [row] = await db
    .select({ code: regions.code })
    .from(regions)
    .where(and(eq(regions.code, code), eq(regions.level, "county")))
    .limit(1);
  return row !== undefined;
}

export async function insertStaff(db: Queryable, row: typeof staff.$inferInsert): Promise<StaffRow> {
  const [created] = await db.insert(staff).values(row).returning();
  return created!;
}

export async function listStaff(db: Queryable, storeId: string): Promise<StaffRow[]> {
  return db.select().from(staff).where(eq(staff.storeId, storeId)).orderBy(asc(staff.name));
}
