import { and, count, desc, eq, like, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { gradeHistory, gradingRuns, licenses, storeGrades, stores } from "../../db/schema.js";

export type GradingRunRow = typeof gradingRuns.$inferSelect;
export type GradeHistoryRow = typeof gradeHistory.$inferSelect;
export type NewGradeHistory = typeof gradeHistory.$inferInsert;
export type NewStoreGrade = typeof storeGrades.$inferInsert;

/** Creates the run of a model and period unless it exists; returns the row and whether it was created now. */
export async function ensureRun(
  db: Queryable,
  row: typeof gradingRuns.$inferInsert,
): Promise<{ run: GradingRunRow; created: boolean }> {
  const [created] = await db.insert(gradingRuns).values(row).onConflictDoNothing().returning();
  if (created) return { run: created, created: true };
  const [existing] = await db
    .select()
    .from(gradingRuns)
    .where(and(eq(gradingRuns.model, row.model), eq(gradingRuns.period, row.period)));
  return { run: existing!, created: false };
}

/** Locks the run: one chunk at a time per run, whatever the number of processes working on it. */
export async function lockRun(tx: Queryable, id: string): Promise<GradingRunRow> {
  const [row] = await tx.select().from(gradingRuns).where(eq(gradingRuns.id, id)).for("update");
  return row!;
}

export async function updateRun(
  db: Queryable,
  id: string,
  patch: Partial<typeof gradingRuns.$inferInsert>,
): Promise<GradingRunRow> {
  const [row] = await db.update(gradingRuns).set(patch).where(eq(gradingRuns.id, id)).returning();
  return row!;
}

export async function findRun(db: Queryable, model: string, period: string, options = { lock: false }) {
  const query = db
    .select()
    .from(gradingRuns)
    .where(and(eq(gradingRuns.model, model), eq(gradingRuns.period, period)));
  const [row] = await (options.lock ? query.for("update") : query);
  return row;
}

export async function listRuns(db: Queryable, filter: { model?: string | undefined; limit: number }) {
  return db
    .select()
    .from(gradingRuns)
    .where(filter.model ? eq(gradingRuns.model, filter.model) : undefined)
    .orderBy(desc(gradingRuns.period), gradingRuns.model)
    .limit(filter.limit);
}

/** The latest period a run of any model finished. */
export async function latestDonePeriod(db: Queryable): Promise<string | undefined> {
  const [row] = await db
    .select({ period: gradingRuns.period })
    .from(gradingRuns)
    .where(eq(gradingRuns.status, "done"))
    .orderBy(desc(gradingRuns.period))
    .limit(1);
  return row?.period;
}

/**
 * One statement per chunk: a store re-graded for the same model and period replaces its row. The rows travel as
 * one JSON parameter read with jsonb_to_recordset (as in imports/repository.ts), not thirteen parameters a row:
 * this write is most of a run's time.
 */
export async function upsertGradeHistory(tx: Queryable, rows: NewGradeHistory[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    insert into ${gradeHistory} (store_id, model, period, model_version, run_id, region_code, score, grade,
      risk_colour, vetoed, breakdown, facts, graded_at)
    select x."storeId", x.model, x.period, x."modelVersion", x."runId", x."regionCode", x.score, x.grade,
      x."riskColour", x.vetoed, x.breakdown, x.facts, x."gradedAt"
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x("storeId" uuid, model text, period text,
      "modelVersion" text, "runId" uuid, "regionCode" text, score numeric, grade text, "riskColour" text,
      vetoed text[], breakdown jsonb, facts jsonb, "gradedAt" timestamptz)
    on conflict (store_id, model, period) do update set
      model_version = excluded.model_version,
      run_id = coalesce(excluded.run_id, ${gradeHistory}.run_id),
      region_code = excluded.region_code,
      score = excluded.score,
      grade = excluded.grade,
      risk_colour = excluded.risk_colour,
      vetoed = excluded.vetoed,
      breakdown = excluded.breakdown,
      facts = excluded.facts,
      graded_at = excluded.graded_at`);
}

/**
 * The current grade behind the 食安码 colour: replaced only by a grade of the same or a later period, so
 * re-running an old month never overwrites a newer grade.
 */
export async function upsertStoreGrades(tx: Queryable, rows: NewStoreGrade[]): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insert(storeGrades)
    .values(rows)
    .onConflictDoUpdate({
      target: storeGrades.storeId,
      set: {
        grade: sql`excluded.grade`,
        colour: sql`excluded.colour`,
        gradedOn: sql`excluded.graded_on`,
        model: sql`excluded.model`,
        period: sql`excluded.period`,
        score: sql`excluded.score`,
        riskColour: sql`excluded.risk_colour`,
      },
      setWhere: sql`${storeGrades.period} is null or ${storeGrades.period} <= excluded.period`,
    });
}

/** The store's subtype, region, business and licence types (cancelled licences aside). */
export async function findStoreProfile(db: Queryable, storeId: string) {
  const [store] = await db
    .select({
      id: stores.id,
      name: stores.name,
      subtype: stores.subtype,
      regionCode: stores.regionCode,
      businessId: stores.businessId,
    })
    .from(stores)
    .where(eq(stores.id, storeId));
  if (!store) return undefined;
  const types = await db
    .selectDistinct({ type: licenses.type })
    .from(licenses)
    .where(and(eq(licenses.storeId, storeId), sql`${licenses.status} <> 'cancelled'`));
  return { ...store, licenceTypes: types.map((t) => t.type) };
}

export async function findStoreGrade(db: Queryable, storeId: string) {
  const [row] = await db.select().from(storeGrades).where(eq(storeGrades.storeId, storeId));
  return row;
}

export async function listGradeHistory(db: Queryable, storeId: string, limit: number) {
  return db
    .select()
    .from(gradeHistory)
    .where(eq(gradeHistory.storeId, storeId))
    .orderBy(desc(gradeHistory.period), gradeHistory.model)
    .limit(limit);
}

/** How many stores got each grade in a period, per model, within a region prefix. */
export async function gradeDistribution(
  db: Queryable,
  filter: { period: string; regionPrefix: string | null; grade?: string | undefined },
) {
  const conditions: SQL[] = [eq(gradeHistory.period, filter.period)];
  if (filter.regionPrefix) conditions.push(like(gradeHistory.regionCode, `${filter.regionPrefix}%`));
  if (filter.grade) conditions.push(eq(gradeHistory.grade, filter.grade));
  return db
    .select({
      model: gradeHistory.model,
      grade: gradeHistory.grade,
      riskColour: gradeHistory.riskColour,
      count: count(),
    })
    .from(gradeHistory)
    .where(and(...conditions))
    .groupBy(gradeHistory.model, gradeHistory.grade, gradeHistory.riskColour)
    .orderBy(gradeHistory.model, gradeHistory.grade);
}
