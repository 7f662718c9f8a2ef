import { and, desc, eq, like, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { businesses, penalties, regions, stores } from "../../db/schema.js";

export type PenaltyRow = typeof penalties.$inferSelect;

export async function insertPenalty(db: Queryable, row: typeof penalties.$inferInsert): Promise<PenaltyRow> {
  const [created] = await db.insert(penalties).values(row).returning();
  return created!;
}

export async function findPenaltyByNumber(db: Queryable, decisionNumber: string) {
  const [row] = await db
    .select()
    .from(penalties)
    .where(eq(penalties.decisionNumber, decisionNumber))
    .limit(1);
  return row;
}

const withNames = {
  penalty: penalties,
  storeName: stores.name,
  businessName: businesses.name,
};

export type PenaltyWithNames = { penalty: PenaltyRow; storeName: string; businessName: string };

/** One penalty with what its two documents print: the party's particulars and the authority's region name. */
export async function findPenaltyDetails(db: Queryable, id: string) {
  const [row] = await db
    .select({
      ...withNames,
      storeAddress: stores.address,
      uscc: businesses.uscc,
      legalRepresentative: businesses.legalRepresentative,
      regionName: regions.name,
    })
    .from(penalties)
    .innerJoin(stores, eq(stores.id, penalties.storeId))
    .innerJoin(businesses, eq(businesses.id, penalties.businessId))
    .leftJoin(regions, eq(regions.code, penalties.regionCode))
    .where(eq(penalties.id, id))
    .limit(1);
  return row;
}

/** One penalty, locked when `lock` is set. */
export async function findPenalty(db: Queryable, id: string, lock = false): Promise<PenaltyRow | undefined> {
  const query = db.select().from(penalties).where(eq(penalties.id, id)).limit(1);
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

export async function markPenaltyRepaired(db: Queryable, id: string, at: Date): Promise<void> {
  await db.update(penalties).set({ repairedAt: at }).where(eq(penalties.id, id));
}

export interface PenaltyFilter {
  regionPrefix: string | null;
  businessId: string | null;
  storeId?: string | undefined;
  /** Keyset: the id of the last row of the previous page (newest first). */
  afterId?: string | undefined;
  limit: number;
}

/** Newest first by recording time, then id. */
export async function listPenalties(db: Queryable, filter: PenaltyFilter): Promise<PenaltyWithNames[]> {
  const conditions: SQL[] = [];
  if (filter.regionPrefix) conditions.push(like(penalties.regionCode, `${filter.regionPrefix}%`));
  if (filter.businessId) conditions.push(eq(penalties.businessId, filter.businessId));
  if (filter.storeId) conditions.push(eq(penalties.storeId, filter.storeId));
  if (filter.afterId) {
    conditions.push(
      sql`(${penalties.createdAt}, ${penalties.id}) < (select p.created_at, p.id from penalties p where p.id = ${filter.afterId})`,
    );
  }
  return db
    .select(withNames)
    .from(penalties)
    .innerJoin(stores, eq(stores.id, penalties.storeId))
    .innerJoin(businesses, eq(businesses.id, penalties.businessId))
    .where(and(...conditions))
    .orderBy(desc(penalties.createdAt), desc(penalties.id))
    .limit(filter.limit);
}
