import { and, asc, eq, gt, like, or, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { ratings, stores } from "../../db/schema.js";

export type Moderation = "pending" | "approved" | "rejected";

/** Inserts a rating unless the device rated the store that day (unique index); undefined in that case. */
export async function insertRating(db: Queryable, row: typeof ratings.$inferInsert) {
  const [created] = await db.insert(ratings).values(row).onConflictDoNothing().returning();
  return created;
}

const ratingWithStore = {
  id: ratings.id,
  storeId: ratings.storeId,
  storeName: stores.name,
  regionCode: stores.regionCode,
  stars: ratings.stars,
  comment: ratings.comment,
  ratedOn: ratings.ratedOn,
  moderation: ratings.moderation,
  createdAt: ratings.createdAt,
};

export async function findRating(db: Queryable, id: string) {
  const [row] = await db
    .select(ratingWithStore)
    .from(ratings)
    .innerJoin(stores, eq(stores.id, ratings.storeId))
    .where(eq(ratings.id, id))
    .limit(1);
  return row;
}

export type RatingRow = NonNullable<Awaited<ReturnType<typeof findRating>>>;

export async function updateModeration(db: Queryable, id: string, moderation: Moderation) {
  await db.update(ratings).set({ moderation }).where(eq(ratings.id, id));
}

export interface RatingFilter {
  regionPrefix: string | null;
  moderation: Moderation | null;
  /** created_at as PostgreSQL text (microseconds kept) and id of the last row seen. */
  after: { createdAt: string; id: string } | null;
  limit: number;
}

/** Ratings of stores in a region, oldest first (a moderation queue), keyset on (created_at, id). */
export async function listRatings(db: Queryable, filter: RatingFilter) {
  const conditions: SQL[] = [];
  if (filter.regionPrefix) conditions.push(like(stores.regionCode, `${filter.regionPrefix}%`));
  if (filter.moderation) conditions.push(eq(ratings.moderation, filter.moderation));
  if (filter.after) {
    conditions.push(
      or(
        sql`${ratings.createdAt} > ${filter.after.createdAt}::timestamptz`,
        and(
          sql`${ratings.createdAt} = ${filter.after.createdAt}::timestamptz`,
          gt(ratings.id, filter.after.id),
        ),
      )!,
    );
  }
  return db
    .select({ ...ratingWithStore, cursorAt: sql<string>`${ratings.createdAt}::text` })
    .from(ratings)
    .innerJoin(stores, eq(stores.id, ratings.storeId))
    .where(and(...conditions))
    .orderBy(asc(ratings.createdAt), asc(ratings.id))
    .limit(filter.limit);
}
