import { and, desc, eq, inArray, isNull, like, type SQL } from "drizzle-orm";
import type { CommitmentItem } from "@shian/domain";
import type { Queryable } from "../../db/client.js";
import { commitmentBreaches, commitmentLetters, stores } from "../../db/schema.js";

export type LetterRow = Omit<typeof commitmentLetters.$inferSelect, "items"> & { items: CommitmentItem[] };
export type BreachRow = typeof commitmentBreaches.$inferSelect;

const asLetter = (row: typeof commitmentLetters.$inferSelect): LetterRow => ({
  ...row,
  items: row.items as CommitmentItem[],
});

export async function insertLetter(db: Queryable, row: typeof commitmentLetters.$inferInsert) {
  const [created] = await db.insert(commitmentLetters).values(row).returning();
  return asLetter(created!);
}

/** Withdraws the store's letters in force (normally one) and returns them, locked by the update. */
export async function withdrawCurrentLetters(db: Queryable, storeId: string, at: Date) {
  const rows = await db
    .update(commitmentLetters)
    .set({ withdrawnAt: at })
    .where(and(eq(commitmentLetters.storeId, storeId), isNull(commitmentLetters.withdrawnAt)))
    .returning({ id: commitmentLetters.id });
  return rows.map((row) => row.id);
}

export async function findLetterForUpdate(db: Queryable, id: string): Promise<LetterRow | undefined> {
  const [row] = await db
    .select()
    .from(commitmentLetters)
    .where(eq(commitmentLetters.id, id))
    .limit(1)
    .for("update");
  return row && asLetter(row);
}

/** The letter in force of a store (what its scan page shows), if it signed one. */
export async function findCurrentLetter(db: Queryable, storeId: string): Promise<LetterRow | undefined> {
  const [row] = await db
    .select()
    .from(commitmentLetters)
    .where(and(eq(commitmentLetters.storeId, storeId), isNull(commitmentLetters.withdrawnAt)))
    .orderBy(desc(commitmentLetters.signedAt))
    .limit(1);
  return row && asLetter(row);
}

export async function insertBreach(db: Queryable, row: typeof commitmentBreaches.$inferInsert) {
  const [created] = await db.insert(commitmentBreaches).values(row).returning();
  return created!;
}

export interface LetterFilter {
  businessId?: string;
  regionPrefix?: string | null;
  storeId?: string | undefined;
  limit: number;
}

/** Letters, newest first, with their store's name. */
export async function listLetters(db: Queryable, filter: LetterFilter) {
  const conditions: SQL[] = [];
  if (filter.businessId) conditions.push(eq(commitmentLetters.businessId, filter.businessId));
  if (filter.regionPrefix) conditions.push(like(commitmentLetters.regionCode, `${filter.regionPrefix}%`));
  if (filter.storeId) conditions.push(eq(commitmentLetters.storeId, filter.storeId));
  const rows = await db
    .select({ letter: commitmentLetters, storeName: stores.name })
    .from(commitmentLetters)
    .innerJoin(stores, eq(stores.id, commitmentLetters.storeId))
    .where(and(...conditions))
    .orderBy(desc(commitmentLetters.signedAt))
    .limit(filter.limit);
  return rows.map((row) => ({ letter: asLetter(row.letter), storeName: row.storeName }));
}

export async function listBreaches(db: Queryable, letterIds: readonly string[]): Promise<BreachRow[]> {
  if (letterIds.length === 0) return [];
  return db
    .select()
    .from(commitmentBreaches)
    .where(inArray(commitmentBreaches.letterId, [...letterIds]))
    .orderBy(desc(commitmentBreaches.recordedAt));
}
