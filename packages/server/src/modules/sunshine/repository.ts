import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { kitchenFeeds, rapidTests } from "../../db/schema.js";

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
