import { inArray } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { foodSafetyIncidents, samplingResults, stores } from "../../db/schema.js";

export async function findStoreRegions(db: Queryable, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: stores.id, regionCode: stores.regionCode })
    .from(stores)
    .where(inArray(stores.id, ids));
  return new Map(rows.map((row) => [row.id, row.regionCode]));
}

/** Inserts the results whose report number is new; returns the report numbers inserted. */
export async function insertSamplingResults(
  tx: Queryable,
  rows: (typeof samplingResults.$inferInsert)[],
): Promise<string[]> {
  const inserted = await tx
    .insert(samplingResults)
    .values(rows)
    .onConflictDoNothing({ target: samplingResults.reportNumber })
    .returning({ reportNumber: samplingResults.reportNumber });
  return inserted.map((row) => row.reportNumber);
}

export async function insertIncident(tx: Queryable, row: typeof foodSafetyIncidents.$inferInsert) {
  const [created] = await tx.insert(foodSafetyIncidents).values(row).returning();
  return created!;
}
