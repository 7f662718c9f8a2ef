import { and, asc, desc, gt, gte, like, lt, lte, max, min, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { auditLog } from "../../db/schema.js";

// Any constant works; it names the lock that serialises appends to the hash chain.
const AUDIT_CHAIN_LOCK = 7_314_082_001;

export async function lockAuditChain(tx: Queryable): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
}

export async function findLastAuditRow(tx: Queryable) {
  const [row] = await tx
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  return row;
}

export async function insertAuditRow(tx: Queryable, row: typeof auditLog.$inferInsert): Promise<void> {
  await tx.insert(auditLog).values(row);
}

export async function listAuditRowsAfter(db: Queryable, afterSeq: number, limit: number) {
  return db.select().from(auditLog).where(gt(auditLog.seq, afterSeq)).orderBy(asc(auditLog.seq)).limit(limit);
}

// — step 8: audit export —

/** The seq range of a period: the first row at or after `start` to the last row before `end` (null if empty). */
export async function findSeqRangeOfPeriod(db: Queryable, start: Date, end: Date) {
  const [first] = await db
    .select({ seq: min(auditLog.seq) })
    .from(auditLog)
    .where(gte(auditLog.at, start));
  const [last] = await db
    .select({ seq: max(auditLog.seq) })
    .from(auditLog)
    .where(lt(auditLog.at, end));
  const firstSeq = first?.seq == null ? null : Number(first.seq);
  const lastSeq = last?.seq == null ? null : Number(last.seq);
  return firstSeq === null || lastSeq === null || firstSeq > lastSeq ? null : { firstSeq, lastSeq };
}

/** Rows after `afterSeq` up to `lastSeq`, in seq order; with a region prefix only rows of that jurisdiction. */
export async function listAuditRowsInRange(
  db: Queryable,
  range: { afterSeq: number; lastSeq: number; regionPrefix: string | null },
  limit: number,
) {
  const conditions: SQL[] = [gt(auditLog.seq, range.afterSeq), lte(auditLog.seq, range.lastSeq)];
  if (range.regionPrefix !== null) conditions.push(like(auditLog.regionCode, `${range.regionPrefix}%`));
  return db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(asc(auditLog.seq))
    .limit(limit);
}
