import { and, desc, eq, like, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { inspections, stores, tasks } from "../../db/schema.js";

export type InspectionRow = typeof inspections.$inferSelect;
export type TaskRow = typeof tasks.$inferSelect;

export async function insertInspection(
  db: Queryable,
  row: typeof inspections.$inferInsert,
): Promise<InspectionRow> {
  const [created] = await db.insert(inspections).values(row).returning();
  return created!;
}

export async function updateInspection(
  db: Queryable,
  id: string,
  patch: Partial<typeof inspections.$inferInsert>,
): Promise<InspectionRow> {
  const [updated] = await db.update(inspections).set(patch).where(eq(inspections.id, id)).returning();
  return updated!;
}

export async function findInspectionById(db: Queryable, id: string): Promise<InspectionRow | undefined> {
  const [row] = await db.select().from(inspections).where(eq(inspections.id, id)).limit(1);
  return row;
}

/** The oldest planned patrol of a volunteer at a store, locked for the update that completes it. */
export async function findPlannedPatrol(
  db: Queryable,
  volunteerId: string,
  storeId: string,
): Promise<InspectionRow | undefined> {
  const [row] = await db
    .select()
    .from(inspections)
    .where(
      and(
        eq(inspections.inspectorId, volunteerId),
        eq(inspections.storeId, storeId),
        eq(inspections.kind, "volunteer_patrol"),
        eq(inspections.status, "planned"),
      ),
    )
    .orderBy(inspections.createdAt)
    .limit(1)
    .for("update");
  return row;
}

export interface InspectionFilter {
  regionPrefix: string | null;
  businessId?: string | null;
  inspectorId?: string | null;
  storeId?: string | undefined;
  kind?: string | undefined;
  status?: string | undefined;
  limit: number;
}

/** Inspections with their store's name, newest first. */
export async function listInspections(db: Queryable, filter: InspectionFilter) {
  const conditions: SQL[] = [];
  if (filter.regionPrefix) conditions.push(like(inspections.regionCode, `${filter.regionPrefix}%`));
  if (filter.businessId) conditions.push(eq(stores.businessId, filter.businessId));
  if (filter.inspectorId) conditions.push(eq(inspections.inspectorId, filter.inspectorId));
  if (filter.storeId) conditions.push(eq(inspections.storeId, filter.storeId));
  if (filter.kind) conditions.push(eq(inspections.kind, filter.kind as InspectionRow["kind"]));
  if (filter.status) conditions.push(eq(inspections.status, filter.status as InspectionRow["status"]));
  return db
    .select({
      inspection: inspections,
      storeName: stores.name,
      storeAddress: stores.address,
      storeLat: stores.lat,
      storeLng: stores.lng,
    })
    .from(inspections)
    .innerJoin(stores, eq(stores.id, inspections.storeId))
    .where(and(...conditions))
    .orderBy(desc(inspections.createdAt), desc(inspections.id))
    .limit(filter.limit);
}

export async function findTaskForUpdate(db: Queryable, id: string): Promise<TaskRow | undefined> {
  const [row] = await db.select().from(tasks).where(eq(tasks.id, id)).limit(1).for("update");
  return row;
}

export async function markTaskDone(db: Queryable, id: string): Promise<void> {
  await db.update(tasks).set({ status: "done" }).where(eq(tasks.id, id));
}
