import { asc, desc, gt, sql } from "drizzle-orm";
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
