import { desc, eq } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { selfChecks } from "../../db/schema.js";

export type SelfCheckRow = typeof selfChecks.$inferSelect;

export async function insertSelfCheck(
  db: Queryable,
  row: typeof selfChecks.$inferInsert,
): Promise<SelfCheckRow> {
  const [created] = await db.insert(selfChecks).values(row).returning();
  return created!;
}

/** A store's self-checks, latest first (the scan page reads the same rows). */
export async function listSelfChecks(db: Queryable, storeId: string, limit: number): Promise<SelfCheckRow[]> {
  return db
    .select()
    .from(selfChecks)
    .where(eq(selfChecks.storeId, storeId))
    .orderBy(desc(selfChecks.checkedOn), desc(selfChecks.createdAt))
    .limit(limit);
}
