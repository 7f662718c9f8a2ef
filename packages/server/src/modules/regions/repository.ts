import { asc, count, eq, isNull } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { regions } from "../../db/schema.js";

export async function countRegions(db: Queryable): Promise<number> {
  const [row] = await db.select({ n: count() }).from(regions);
  return row?.n ?? 0;
}

export async function insertRegions(db: Queryable, rows: (typeof regions.$inferInsert)[]) {
  const BATCH = 1000;
  for (let i = 0; i < rows.length; i += BATCH) {
    await db
      .insert(regions)
      .values(rows.slice(i, i + BATCH))
      .onConflictDoNothing();
  }
}

export async function listChildRegions(db: Queryable, parentCode: string | null) {
  return db
    .select()
    .from(regions)
    .where(parentCode ? eq(regions.parentCode, parentCode) : isNull(regions.parentCode))
    .orderBy(asc(regions.code));
}
