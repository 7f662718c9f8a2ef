import { and, desc, eq, gte, inArray, isNull, like, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { listEntries, policyNotices, stores } from "../../db/schema.js";

export type ListEntryRow = typeof listEntries.$inferSelect;
export type PolicyNoticeRow = typeof policyNotices.$inferSelect;

export async function insertListEntry(
  db: Queryable,
  row: typeof listEntries.$inferInsert,
): Promise<ListEntryRow> {
  const [created] = await db.insert(listEntries).values(row).returning();
  return created!;
}

export async function findListEntryForUpdate(db: Queryable, id: string): Promise<ListEntryRow | undefined> {
  const [row] = await db.select().from(listEntries).where(eq(listEntries.id, id)).limit(1).for("update");
  return row;
}

export async function withdrawListEntry(db: Queryable, id: string, at: Date): Promise<ListEntryRow> {
  const [updated] = await db
    .update(listEntries)
    .set({ withdrawnAt: at })
    .where(eq(listEntries.id, id))
    .returning();
  return updated!;
}

export interface ListFilter {
  list?: "red" | "black" | undefined;
  regionPrefix: string | null;
  /** Only entries in force on this day (not withdrawn, not expired). */
  activeOn?: string | undefined;
  limit: number;
}

/** Entries with the store's name and address (never a person's data), newest first. */
export async function listListEntries(db: Queryable, filter: ListFilter) {
  const conditions: SQL[] = [];
  if (filter.list) conditions.push(eq(listEntries.list, filter.list));
  if (filter.regionPrefix) conditions.push(like(listEntries.regionCode, `${filter.regionPrefix}%`));
  if (filter.activeOn) {
    conditions.push(isNull(listEntries.withdrawnAt), gte(listEntries.expiresOn, filter.activeOn));
  }
  return db
    .select({ entry: listEntries, storeName: stores.name, storeAddress: stores.address })
    .from(listEntries)
    .innerJoin(stores, eq(stores.id, listEntries.storeId))
    .where(and(...conditions))
    .orderBy(desc(listEntries.publishedAt), desc(listEntries.id))
    .limit(filter.limit);
}

export async function insertPolicyNotice(
  db: Queryable,
  row: typeof policyNotices.$inferInsert,
): Promise<PolicyNoticeRow> {
  const [created] = await db.insert(policyNotices).values(row).returning();
  return created!;
}

/** Notices of the given regions (exact codes) or of a jurisdiction prefix, newest first. */
export async function listPolicyNotices(
  db: Queryable,
  filter: { regionCodes?: string[]; regionPrefix?: string | null; limit: number },
): Promise<PolicyNoticeRow[]> {
  const conditions: SQL[] = [];
  if (filter.regionCodes) conditions.push(inArray(policyNotices.regionCode, filter.regionCodes));
  if (filter.regionPrefix) conditions.push(like(policyNotices.regionCode, `${filter.regionPrefix}%`));
  return db
    .select()
    .from(policyNotices)
    .where(and(...conditions))
    .orderBy(desc(policyNotices.publishedAt), desc(policyNotices.id))
    .limit(filter.limit);
}

/** The regions and business forms of a business's stores: what decides which notices concern it. */
export async function storeProfilesOfBusiness(db: Queryable, businessId: string) {
  return db
    .selectDistinct({ regionCode: stores.regionCode, businessForm: stores.businessForm })
    .from(stores)
    .where(eq(stores.businessId, businessId));
}
