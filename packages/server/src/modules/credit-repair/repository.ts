import { and, asc, eq, inArray, like, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { businesses, creditRepairs, penalties, stores } from "../../db/schema.js";

export type RepairRow = typeof creditRepairs.$inferSelect;
export type RepairStatus = RepairRow["status"];

const withPenalty = {
  repair: creditRepairs,
  decisionNumber: penalties.decisionNumber,
  storeId: penalties.storeId,
  storeName: stores.name,
  businessName: businesses.name,
};

export type RepairWithPenalty = {
  repair: RepairRow;
  decisionNumber: string;
  storeId: string;
  storeName: string;
  businessName: string;
};

function selectRepairs(db: Queryable) {
  return db
    .select(withPenalty)
    .from(creditRepairs)
    .innerJoin(penalties, eq(penalties.id, creditRepairs.penaltyId))
    .innerJoin(stores, eq(stores.id, penalties.storeId))
    .innerJoin(businesses, eq(businesses.id, creditRepairs.businessId));
}

export async function insertRepair(
  db: Queryable,
  row: typeof creditRepairs.$inferInsert,
): Promise<RepairRow> {
  const [created] = await db.insert(creditRepairs).values(row).returning();
  return created!;
}

export async function findRepair(db: Queryable, id: string): Promise<RepairWithPenalty | undefined> {
  const [row] = await selectRepairs(db).where(eq(creditRepairs.id, id)).limit(1);
  return row;
}

/** Locks the repair row (not the joined ones) for a decision. */
export async function lockRepair(db: Queryable, id: string): Promise<void> {
  await db.select({ id: creditRepairs.id }).from(creditRepairs).where(eq(creditRepairs.id, id)).for("update");
}

/** A pending or approved application for the penalty: a second one is refused. */
export async function findLiveRepairOfPenalty(db: Queryable, penaltyId: string) {
  const [row] = await db
    .select()
    .from(creditRepairs)
    .where(
      and(eq(creditRepairs.penaltyId, penaltyId), inArray(creditRepairs.status, ["pending", "approved"])),
    )
    .limit(1);
  return row;
}

export async function updateRepair(
  db: Queryable,
  id: string,
  patch: Partial<typeof creditRepairs.$inferInsert>,
): Promise<RepairRow> {
  const [updated] = await db.update(creditRepairs).set(patch).where(eq(creditRepairs.id, id)).returning();
  return updated!;
}

export interface RepairFilter {
  regionPrefix: string | null;
  businessId: string | null;
  status?: RepairStatus | undefined;
  limit: number;
}

/** Oldest first: the queue is worked in the order of application. */
export async function listRepairs(db: Queryable, filter: RepairFilter): Promise<RepairWithPenalty[]> {
  const conditions: SQL[] = [];
  if (filter.regionPrefix) conditions.push(like(creditRepairs.regionCode, `${filter.regionPrefix}%`));
  if (filter.businessId) conditions.push(eq(creditRepairs.businessId, filter.businessId));
  if (filter.status) conditions.push(eq(creditRepairs.status, filter.status));
  return selectRepairs(db)
    .where(and(...conditions))
    .orderBy(asc(creditRepairs.createdAt), asc(creditRepairs.id))
    .limit(filter.limit);
}
