import { and, asc, desc, eq, like, lte, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { inboxMessages, outbox, publicNotices } from "../../db/schema.js";

export type OutboxRow = typeof outbox.$inferSelect;

/** Queues a message; a second message with the same dedupe key is ignored (retries never send twice). */
export async function enqueue(db: Queryable, row: typeof outbox.$inferInsert) {
  await db.insert(outbox).values(row).onConflictDoNothing({ target: outbox.dedupeKey });
}

/** Claims due messages for this worker; other workers skip the locked rows. */
export async function claimDue(db: Queryable, limit: number): Promise<OutboxRow[]> {
  return db
    .select()
    .from(outbox)
    .where(and(eq(outbox.status, "pending"), lte(outbox.nextAttemptAt, sql`now()`)))
    .orderBy(asc(outbox.nextAttemptAt))
    .limit(limit)
    .for("update", { skipLocked: true });
}

export async function markSent(db: Queryable, id: string) {
  await db
    .update(outbox)
    .set({ status: "sent", sentAt: sql`now()`, attempts: sql`${outbox.attempts} + 1` })
    .where(eq(outbox.id, id));
}

export async function markFailed(db: Queryable, id: string, error: string, retryAt: Date | null) {
  await db
    .update(outbox)
    .set({
      attempts: sql`${outbox.attempts} + 1`,
      lastError: error.slice(0, 500),
      ...(retryAt ? { nextAttemptAt: retryAt } : { status: "failed" as const }),
    })
    .where(eq(outbox.id, id));
}

export async function insertInboxMessage(db: Queryable, row: typeof inboxMessages.$inferInsert) {
  await db.insert(inboxMessages).values(row);
}

export async function insertPublicNotice(db: Queryable, row: typeof publicNotices.$inferInsert) {
  await db.insert(publicNotices).values(row);
}

export async function listInbox(db: Queryable, businessId: string, limit: number) {
  return db
    .select()
    .from(inboxMessages)
    .where(eq(inboxMessages.businessId, businessId))
    .orderBy(desc(inboxMessages.createdAt))
    .limit(limit);
}

export async function listPublicNotices(db: Queryable, regionPrefix: string | null, limit: number) {
  return db
    .select()
    .from(publicNotices)
    .where(regionPrefix ? like(publicNotices.regionCode, `${regionPrefix}%`) : undefined)
    .orderBy(desc(publicNotices.publishedAt))
    .limit(limit);
}
