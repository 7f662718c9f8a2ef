import { and, asc, desc, eq, gt, like, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import {
  kitchenFeeds,
  kitchenSnapshots,
  planItems,
  storeGrades,
  stores,
  supervisionPlans,
} from "../../db/schema.js";

export type SnapshotRow = typeof kitchenSnapshots.$inferSelect;
export type FeedRow = typeof kitchenFeeds.$inferSelect;

const feedCount = sql<number>`(select count(*)::int from ${kitchenFeeds} where ${kitchenFeeds.storeId} = ${stores.id})`;
const latestSnapshotAt = (now: Date) =>
  sql<Date | string | null>`(select max(${kitchenSnapshots.takenAt}) from ${kitchenSnapshots}
    where ${kitchenSnapshots.storeId} = ${stores.id} and ${kitchenSnapshots.expiresAt} > ${now.toISOString()})`;

/**
 * The online items (线上巡查) of the plans of a month in a jurisdiction, with each store's feed count and the
 * time of its latest unexpired snapshot; open items first, stores with a camera before the others, then by name.
 */
export async function listOnlineItems(
  db: Queryable,
  filter: { regionPrefix: string | null; period: string; now: Date; limit: number },
) {
  const conditions: SQL[] = [eq(supervisionPlans.period, filter.period), eq(planItems.mode, "online")];
  if (filter.regionPrefix) conditions.push(like(stores.regionCode, `${filter.regionPrefix}%`));
  return db
    .select({
      item: planItems,
      planRegionCode: supervisionPlans.regionCode,
      model: supervisionPlans.model,
      storeName: stores.name,
      storeAddress: stores.address,
      storeRegionCode: stores.regionCode,
      feedCount,
      latestSnapshotAt: latestSnapshotAt(filter.now),
    })
    .from(planItems)
    .innerJoin(supervisionPlans, eq(supervisionPlans.id, planItems.planId))
    .innerJoin(stores, eq(stores.id, planItems.storeId))
    .where(and(...conditions))
    .orderBy(
      sql`(${planItems.visitsDone} >= ${planItems.visitsRequired})`,
      desc(feedCount),
      asc(stores.name),
      asc(planItems.id),
    )
    .limit(filter.limit);
}

/** The store's online item of the month (the earliest plan's), whether done or not. */
export async function findOnlineItem(db: Queryable, storeId: string, period: string) {
  const [row] = await db
    .select({ item: planItems })
    .from(planItems)
    .innerJoin(supervisionPlans, eq(supervisionPlans.id, planItems.planId))
    .where(
      and(eq(planItems.storeId, storeId), eq(planItems.mode, "online"), eq(supervisionPlans.period, period)),
    )
    .orderBy(asc(supervisionPlans.createdAt), asc(planItems.id))
    .limit(1);
  return row?.item;
}

export async function findPlanItemById(db: Queryable, id: string) {
  const [row] = await db.select().from(planItems).where(eq(planItems.id, id));
  return row;
}

export async function listFeedsOfStore(db: Queryable, storeId: string): Promise<FeedRow[]> {
  return db
    .select()
    .from(kitchenFeeds)
    .where(eq(kitchenFeeds.storeId, storeId))
    .orderBy(asc(kitchenFeeds.createdAt), asc(kitchenFeeds.id))
    .limit(50);
}

/** The store's latest snapshots not yet past their retention. */
export async function latestSnapshots(
  db: Queryable,
  storeId: string,
  now: Date,
  limit: number,
): Promise<SnapshotRow[]> {
  return db
    .select()
    .from(kitchenSnapshots)
    .where(and(eq(kitchenSnapshots.storeId, storeId), gt(kitchenSnapshots.expiresAt, now)))
    .orderBy(desc(kitchenSnapshots.takenAt), desc(kitchenSnapshots.id))
    .limit(limit);
}

export async function findSnapshotById(db: Queryable, id: string): Promise<SnapshotRow | undefined> {
  const [row] = await db.select().from(kitchenSnapshots).where(eq(kitchenSnapshots.id, id));
  return row;
}

// ——— demo data ———

/** Stores of a district graded `grade` under a model, by name (the demo picks the first). */
export async function storesOfGrade(db: Queryable, regionCode: string, model: string, grade: string) {
  return db
    .select({ id: stores.id, name: stores.name, regionCode: stores.regionCode })
    .from(storeGrades)
    .innerJoin(stores, eq(stores.id, storeGrades.storeId))
    .where(and(eq(stores.regionCode, regionCode), eq(storeGrades.model, model), eq(storeGrades.grade, grade)))
    .orderBy(asc(stores.name), asc(stores.id));
}
