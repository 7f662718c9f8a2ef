import {
  and,
  arrayContains,
  asc,
  desc,
  eq,
  gt,
  inArray,
  isNull,
  like,
  lt,
  or,
  sql,
  type SQL,
} from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import {
  drawCommitments,
  draws,
  inspectorConflicts,
  planItems,
  storeGrades,
  stores,
  supervisionPlans,
  users,
} from "../../db/schema.js";

export type PlanRow = typeof supervisionPlans.$inferSelect;
export type PlanItemRow = typeof planItems.$inferSelect;
export type CommitmentRow = typeof drawCommitments.$inferSelect;
export type DrawRow = typeof draws.$inferSelect;
export type ConflictRow = typeof inspectorConflicts.$inferSelect;

const INSERT_BATCH = 1000;

// ——— commitments ———

/** Null when the district already has a commitment for the period. */
export async function insertCommitment(
  db: Queryable,
  row: typeof drawCommitments.$inferInsert,
): Promise<CommitmentRow | undefined> {
  const [created] = await db.insert(drawCommitments).values(row).onConflictDoNothing().returning();
  return created;
}

export async function findCommitment(
  db: Queryable,
  regionCode: string,
  period: string,
): Promise<CommitmentRow | undefined> {
  const [row] = await db
    .select()
    .from(drawCommitments)
    .where(and(eq(drawCommitments.regionCode, regionCode), eq(drawCommitments.period, period)));
  return row;
}

export async function findCommitmentById(db: Queryable, id: string): Promise<CommitmentRow | undefined> {
  const [row] = await db.select().from(drawCommitments).where(eq(drawCommitments.id, id));
  return row;
}

export async function listCommitments(
  db: Queryable,
  filter: { regionPrefix: string | null; period?: string | undefined },
): Promise<CommitmentRow[]> {
  const conditions: SQL[] = [];
  if (filter.regionPrefix) conditions.push(like(drawCommitments.regionCode, `${filter.regionPrefix}%`));
  if (filter.period) conditions.push(eq(drawCommitments.period, filter.period));
  return db
    .select()
    .from(drawCommitments)
    .where(and(...conditions))
    .orderBy(desc(drawCommitments.period), asc(drawCommitments.regionCode))
    .limit(500);
}

// ——— what a plan is made from ———

/** The district's stores graded by the model, with their current grade, sorted by store id. */
export async function gradedStoresOfDistrict(db: Queryable, regionCode: string, model: string) {
  return db
    .select({ storeId: storeGrades.storeId, grade: storeGrades.grade })
    .from(storeGrades)
    .innerJoin(stores, eq(stores.id, storeGrades.storeId))
    .where(and(eq(stores.regionCode, regionCode), eq(storeGrades.model, model)))
    .orderBy(asc(storeGrades.storeId));
}

/** Enabled inspectors whose jurisdiction is one of the codes, or national (null). */
export async function inspectorsCovering(db: Queryable, regionCodes: string[]) {
  return db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.role, "inspector"),
        isNull(users.disabledAt),
        or(inArray(users.regionCode, regionCodes), isNull(users.regionCode)),
      ),
    )
    .orderBy(asc(users.id));
}

/** (store, inspector) pairs of the district barred by a declared conflict with the store's business (回避). */
export async function conflictsInDistrict(db: Queryable, regionCode: string) {
  return db
    .select({ storeId: stores.id, userId: inspectorConflicts.userId })
    .from(inspectorConflicts)
    .innerJoin(stores, eq(stores.businessId, inspectorConflicts.businessId))
    .where(eq(stores.regionCode, regionCode));
}

/** The inspectors drawn per store by the latest earlier plan of the district and model that had a draw. */
export async function previousDrawnPairs(
  db: Queryable,
  plan: { regionCode: string; model: string; period: string },
) {
  const [previous] = await db
    .select({ id: supervisionPlans.id })
    .from(supervisionPlans)
    .innerJoin(draws, eq(draws.planId, supervisionPlans.id))
    .where(
      and(
        eq(supervisionPlans.regionCode, plan.regionCode),
        eq(supervisionPlans.model, plan.model),
        lt(supervisionPlans.period, plan.period),
      ),
    )
    .orderBy(desc(supervisionPlans.period))
    .limit(1);
  if (!previous) return [];
  return db
    .select({ storeId: planItems.storeId, inspectorIds: planItems.inspectorIds })
    .from(planItems)
    .where(and(eq(planItems.planId, previous.id), eq(planItems.mode, "offline")));
}

// ——— plans, draws, items ———

/** Null when the district already has a plan for the period and model. */
export async function insertPlan(
  db: Queryable,
  row: typeof supervisionPlans.$inferInsert,
): Promise<PlanRow | undefined> {
  const [created] = await db.insert(supervisionPlans).values(row).onConflictDoNothing().returning();
  return created;
}

export async function insertDraw(db: Queryable, row: typeof draws.$inferInsert): Promise<DrawRow> {
  const [created] = await db.insert(draws).values(row).returning();
  return created!;
}

export async function insertPlanItems(db: Queryable, rows: (typeof planItems.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    await db.insert(planItems).values(rows.slice(i, i + INSERT_BATCH));
  }
}

export async function findPlanById(db: Queryable, id: string): Promise<PlanRow | undefined> {
  const [row] = await db.select().from(supervisionPlans).where(eq(supervisionPlans.id, id));
  return row;
}

export async function listPlans(
  db: Queryable,
  filter: { regionPrefixes: string[]; period?: string | undefined },
): Promise<(PlanRow & { drawId: string | null })[]> {
  const conditions: SQL[] = filter.regionPrefixes.map((prefix) =>
    like(supervisionPlans.regionCode, `${prefix}%`),
  );
  if (filter.period) conditions.push(eq(supervisionPlans.period, filter.period));
  const rows = await db
    .select({ plan: supervisionPlans, drawId: draws.id })
    .from(supervisionPlans)
    .leftJoin(draws, eq(draws.planId, supervisionPlans.id))
    .where(and(...conditions))
    .orderBy(desc(supervisionPlans.period), asc(supervisionPlans.regionCode), asc(supervisionPlans.model))
    .limit(200);
  return rows.map((row) => ({ ...row.plan, drawId: row.drawId }));
}

/** Per plan, grade and mode: items, items done, visits required and done (visits beyond the requirement not counted). */
export async function planCompletion(db: Queryable, planIds: string[]) {
  if (planIds.length === 0) return [];
  return db
    .select({
      planId: planItems.planId,
      grade: planItems.grade,
      mode: planItems.mode,
      items: sql<number>`count(*)::int`,
      itemsDone: sql<number>`(count(*) filter (where ${planItems.visitsDone} >= ${planItems.visitsRequired}))::int`,
      visitsRequired: sql<number>`coalesce(sum(${planItems.visitsRequired}), 0)::int`,
      visitsDone: sql<number>`coalesce(sum(least(${planItems.visitsDone}, ${planItems.visitsRequired})), 0)::int`,
    })
    .from(planItems)
    .where(inArray(planItems.planId, planIds))
    .groupBy(planItems.planId, planItems.grade, planItems.mode);
}

export interface ItemFilter {
  planId: string;
  mode?: "online" | "offline" | undefined;
  grade?: string | undefined;
  /** Only the offline items this inspector was drawn for. */
  inspectorId?: string | undefined;
  afterId?: string | undefined;
  limit: number;
}

export async function listPlanItems(db: Queryable, filter: ItemFilter) {
  const conditions: SQL[] = [eq(planItems.planId, filter.planId)];
  if (filter.mode) conditions.push(eq(planItems.mode, filter.mode));
  if (filter.grade) conditions.push(eq(planItems.grade, filter.grade));
  if (filter.inspectorId) conditions.push(arrayContains(planItems.inspectorIds, [filter.inspectorId]));
  if (filter.afterId) conditions.push(gt(planItems.id, filter.afterId));
  return db
    .select({ item: planItems, storeName: stores.name })
    .from(planItems)
    .innerJoin(stores, eq(stores.id, planItems.storeId))
    .where(and(...conditions))
    .orderBy(asc(planItems.id))
    .limit(filter.limit);
}

export async function displayNamesOf(db: Queryable, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, ids));
}

export async function findDrawById(db: Queryable, id: string): Promise<DrawRow | undefined> {
  const [row] = await db.select().from(draws).where(eq(draws.id, id));
  return row;
}

export async function offlineItemsOfDraw(db: Queryable, drawId: string) {
  return db
    .select({ storeId: planItems.storeId, inspectorIds: planItems.inspectorIds })
    .from(planItems)
    .where(and(eq(planItems.drawId, drawId), eq(planItems.mode, "offline")));
}

// ——— progress ———

/** The store's first unfinished item of the mode in a plan of the period, locked for the update. */
export async function findOpenItemForUpdate(
  db: Queryable,
  query: { storeId: string; period: string; mode: "online" | "offline" },
): Promise<PlanItemRow | undefined> {
  const [row] = await db
    .select({ item: planItems })
    .from(planItems)
    .innerJoin(supervisionPlans, eq(supervisionPlans.id, planItems.planId))
    .where(
      and(
        eq(planItems.storeId, query.storeId),
        eq(planItems.mode, query.mode),
        eq(supervisionPlans.period, query.period),
        lt(planItems.visitsDone, planItems.visitsRequired),
      ),
    )
    .orderBy(asc(supervisionPlans.createdAt), asc(planItems.id))
    .limit(1)
    .for("update", { of: planItems });
  return row?.item;
}

export async function addVisit(db: Queryable, itemId: string): Promise<void> {
  await db
    .update(planItems)
    .set({ visitsDone: sql`${planItems.visitsDone} + 1` })
    .where(eq(planItems.id, itemId));
}

// ——— conflicts ———

/** Null when the conflict is already recorded. */
export async function insertConflict(
  db: Queryable,
  row: typeof inspectorConflicts.$inferInsert,
): Promise<ConflictRow | undefined> {
  const [created] = await db.insert(inspectorConflicts).values(row).onConflictDoNothing().returning();
  return created;
}
