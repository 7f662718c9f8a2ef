import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { kitchenFeeds, rapidTests, safetyCodes, stores } from "../../db/schema.js";

export type FeedRow = Pick<
  typeof kitchenFeeds.$inferSelect,
  "id" | "storeId" | "name" | "hlsUrl" | "createdAt"
> & {
  storeName: string;
  businessId: string;
  regionCode: string;
  safetyCode: string | null;
};

const feedColumns = {
  id: kitchenFeeds.id,
  storeId: kitchenFeeds.storeId,
  name: kitchenFeeds.name,
  hlsUrl: kitchenFeeds.hlsUrl,
  createdAt: kitchenFeeds.createdAt,
  storeName: stores.name,
  businessId: stores.businessId,
  regionCode: stores.regionCode,
  safetyCode: safetyCodes.code,
};

export async function insertFeed(db: Queryable, row: typeof kitchenFeeds.$inferInsert) {
  const [created] = await db.insert(kitchenFeeds).values(row).returning();
  return created!;
}

export async function findFeed(db: Queryable, id: string): Promise<FeedRow | undefined> {
  const [row] = await db
    .select(feedColumns)
    .from(kitchenFeeds)
    .innerJoin(stores, eq(stores.id, kitchenFeeds.storeId))
    .leftJoin(safetyCodes, eq(safetyCodes.storeId, kitchenFeeds.storeId))
    .where(eq(kitchenFeeds.id, id));
  return row;
}

export function listFeedsOfBusiness(db: Queryable, businessId: string, storeId?: string): Promise<FeedRow[]> {
  return db
    .select(feedColumns)
    .from(kitchenFeeds)
    .innerJoin(stores, eq(stores.id, kitchenFeeds.storeId))
    .leftJoin(safetyCodes, eq(safetyCodes.storeId, kitchenFeeds.storeId))
    .where(and(eq(stores.businessId, businessId), storeId ? eq(kitchenFeeds.storeId, storeId) : undefined))
    .orderBy(desc(kitchenFeeds.createdAt));
}

export async function deleteFeed(db: Queryable, id: string): Promise<void> {
  await db.delete(kitchenFeeds).where(eq(kitchenFeeds.id, id));
}

/** The store's newest feed with a playlist: the one the screen plays. */
export async function findScreenFeed(db: Queryable, storeId: string) {
  const [row] = await db
    .select({ name: kitchenFeeds.name, hlsUrl: kitchenFeeds.hlsUrl })
    .from(kitchenFeeds)
    .where(and(eq(kitchenFeeds.storeId, storeId), sql`${kitchenFeeds.hlsUrl} is not null`))
    .orderBy(desc(kitchenFeeds.createdAt))
    .limit(1);
  return row as { name: string; hlsUrl: string } | undefined;
}

/** 快检 results of the store on one China calendar day, in testing order. */
export function listRapidTestsOn(db: Queryable, storeId: string, day: string) {
  return db
    .select({
      item: rapidTests.item,
      result: rapidTests.result,
      value: rapidTests.value,
      testedAt: rapidTests.testedAt,
    })
    .from(rapidTests)
    .where(
      and(
        eq(rapidTests.storeId, storeId),
        sql`(${rapidTests.testedAt} at time zone 'Asia/Shanghai')::date = ${day}::date`,
      ),
    )
    .orderBy(asc(rapidTests.testedAt));
}
