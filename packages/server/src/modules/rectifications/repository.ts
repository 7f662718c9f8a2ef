import { and, asc, eq, inArray, isNull, like, lt, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { inspections, rectifications, stores } from "../../db/schema.js";

export type RectificationRow = typeof rectifications.$inferSelect;
export type RectificationStatus = RectificationRow["status"];

export async function insertRectifications(
  db: Queryable,
  rows: (typeof rectifications.$inferInsert)[],
): Promise<RectificationRow[]> {
  if (rows.length === 0) return [];
  return db.insert(rectifications).values(rows).returning();
}

export async function updateRectification(
  db: Queryable,
  id: string,
  patch: Partial<typeof rectifications.$inferInsert>,
): Promise<RectificationRow> {
  const [updated] = await db.update(rectifications).set(patch).where(eq(rectifications.id, id)).returning();
  return updated!;
}

const withStore = {
  rectification: rectifications,
  template: inspections.template,
  storeName: stores.name,
  businessId: stores.businessId,
};

/** One order with its store and the template of its inspection, locked when `lock` is set. */
export async function findRectification(db: Queryable, id: string, lock = false) {
  const query = db
    .select(withStore)
    .from(rectifications)
    .innerJoin(stores, eq(stores.id, rectifications.storeId))
    .innerJoin(inspections, eq(inspections.id, rectifications.inspectionId))
    .where(eq(rectifications.id, id))
    .limit(1);
  const [row] = lock ? await query.for("update", { of: rectifications }) : await query;
  return row;
}

export type RectificationWithStore = NonNullable<Awaited<ReturnType<typeof findRectification>>>;

export interface RectificationFilter {
  regionPrefix: string | null;
  businessId?: string | null;
  storeId?: string | undefined;
  status?: RectificationStatus | undefined;
  inspectionId?: string | undefined;
  limit: number;
}

/** Orders soonest due first. */
export async function listRectifications(db: Queryable, filter: RectificationFilter) {
  const conditions: SQL[] = [];
  if (filter.regionPrefix) conditions.push(like(rectifications.regionCode, `${filter.regionPrefix}%`));
  if (filter.businessId) conditions.push(eq(stores.businessId, filter.businessId));
  if (filter.storeId) conditions.push(eq(rectifications.storeId, filter.storeId));
  if (filter.status) conditions.push(eq(rectifications.status, filter.status));
  if (filter.inspectionId) conditions.push(eq(rectifications.inspectionId, filter.inspectionId));
  return db
    .select(withStore)
    .from(rectifications)
    .innerJoin(stores, eq(stores.id, rectifications.storeId))
    .innerJoin(inspections, eq(inspections.id, rectifications.inspectionId))
    .where(and(...conditions))
    .orderBy(asc(rectifications.dueAt), asc(rectifications.id))
    .limit(filter.limit);
}

/** Marks open orders past their deadline escalated; returns the rows it changed. */
export async function markOverdueEscalated(db: Queryable, now: Date): Promise<RectificationRow[]> {
  return db
    .update(rectifications)
    .set({ escalatedAt: now })
    .where(
      and(
        inArray(rectifications.status, ["open", "reopened"]),
        lt(rectifications.dueAt, now),
        isNull(rectifications.escalatedAt),
      ),
    )
    .returning();
}
