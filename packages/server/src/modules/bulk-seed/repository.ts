// The bulk generator's SQL besides the COPYs (STYLE.md rule 3: SQL only in repositories).

import { count, inArray, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { gradingRuns, licenseSequences, regions, stores } from "../../db/schema.js";

export async function countStores(db: Queryable): Promise<number> {
  const [row] = await db.select({ n: count() }).from(stores);
  return row?.n ?? 0;
}

export async function regionNames(db: Queryable, codes: readonly string[]): Promise<Map<string, string>> {
  const rows = await db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(inArray(regions.code, [...codes]));
  return new Map(rows.map((row) => [row.code, row.name]));
}

/** The sequences continue after the generated numbers, so that the next issued licence does not collide. */
export async function raiseLicenceSequences(db: Queryable, last: ReadonlyMap<string, number>) {
  const rows = [...last].map(([prefix, value]) => ({ prefix, last: value }));
  for (let start = 0; start < rows.length; start += 500) {
    await db
      .insert(licenseSequences)
      .values(rows.slice(start, start + 500))
      .onConflictDoUpdate({
        target: licenseSequences.prefix,
        set: { last: sql`greatest(${licenseSequences.last}, excluded.last)` },
      });
  }
}

export async function insertGradingRuns(db: Queryable, rows: (typeof gradingRuns.$inferInsert)[]) {
  if (rows.length > 0) await db.insert(gradingRuns).values(rows);
}

/** Fresh planner statistics for the loaded tables (the grading and scan queries plan on them). */
export async function analyze(db: Queryable, tables: readonly string[]) {
  await db.execute(
    sql`analyze ${sql.join(
      tables.map((table) => sql.identifier(table)),
      sql`, `,
    )}`,
  );
}
