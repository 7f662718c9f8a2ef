import { and, asc, desc, eq, gte, isNull, like, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { businesses, dishonestyEntries, regions } from "../../db/schema.js";

export type DishonestyEntryRow = typeof dishonestyEntries.$inferSelect;
export type NewDishonestyEntry = typeof dishonestyEntries.$inferInsert;

export async function insertDishonestyEntry(
  db: Queryable,
  row: NewDishonestyEntry,
): Promise<DishonestyEntryRow> {
  const [created] = await db.insert(dishonestyEntries).values(row).returning();
  return created!;
}

export async function findDishonestyEntryForUpdate(db: Queryable, id: string) {
  const [row] = await db
    .select()
    .from(dishonestyEntries)
    .where(eq(dishonestyEntries.id, id))
    .limit(1)
    .for("update");
  return row;
}

export async function removeDishonestyEntry(db: Queryable, id: string, at: Date, reason: string) {
  const [row] = await db
    .update(dishonestyEntries)
    .set({ removedAt: at, removedReason: reason })
    .where(eq(dishonestyEntries.id, id))
    .returning();
  return row!;
}

/** Removes the entries a penalty put on the list (after its credit repair); returns them. */
export async function removeEntriesOfPenalty(db: Queryable, penaltyId: string, at: Date, reason: string) {
  return db
    .update(dishonestyEntries)
    .set({ removedAt: at, removedReason: reason })
    .where(and(eq(dishonestyEntries.penaltyId, penaltyId), isNull(dishonestyEntries.removedAt)))
    .returning();
}

export interface DishonestyFilter {
  regionPrefix: string | null;
  /** Only entries in force on this day (not removed, not past their period). */
  activeOn?: string | undefined;
}

function conditionsOf(filter: DishonestyFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.regionPrefix) conditions.push(like(dishonestyEntries.regionCode, `${filter.regionPrefix}%`));
  if (filter.activeOn) {
    conditions.push(isNull(dishonestyEntries.removedAt), gte(dishonestyEntries.until, filter.activeOn));
  }
  return conditions;
}

/** Entries with the business's name and USCC, newest first. */
export async function listDishonestyEntries(db: Queryable, filter: DishonestyFilter & { limit: number }) {
  return db
    .select({ entry: dishonestyEntries, businessName: businesses.name, uscc: businesses.uscc })
    .from(dishonestyEntries)
    .innerJoin(businesses, eq(businesses.id, dishonestyEntries.businessId))
    .where(and(...conditionsOf(filter)))
    .orderBy(desc(dishonestyEntries.listedOn), desc(dishonestyEntries.id))
    .limit(filter.limit);
}

/** The joint-punishment rows (联合惩戒): the legal representative is part of this legal disclosure. */
export async function listJointPunishmentRows(db: Queryable, filter: DishonestyFilter) {
  return db
    .select({
      businessName: businesses.name,
      uscc: businesses.uscc,
      legalRepresentative: businesses.legalRepresentative,
      reason: dishonestyEntries.reason,
      legalBasis: dishonestyEntries.legalBasis,
      listedOn: dishonestyEntries.listedOn,
      until: dishonestyEntries.until,
      regionName: regions.name,
    })
    .from(dishonestyEntries)
    .innerJoin(businesses, eq(businesses.id, dishonestyEntries.businessId))
    .leftJoin(regions, eq(regions.code, dishonestyEntries.regionCode))
    .where(and(...conditionsOf(filter)))
    .orderBy(asc(dishonestyEntries.listedOn), asc(dishonestyEntries.id));
}
