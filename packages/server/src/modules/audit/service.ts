import type { Queryable } from "../../db/client.js";
import { actorLabel, type RequestContext } from "../accounts/actor.js";
import { GENESIS_HASH, hashAuditRow, type AuditFields } from "./audit-hash.js";
import { findLastAuditRow, insertAuditRow, listAuditRowsAfter, lockAuditChain } from "./repository.js";

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId?: string | null;
  regionCode?: string | null;
  outcome?: "success" | "failure";
  before?: unknown;
  after?: unknown;
}

function toJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

/** Appends one row to the audit chain inside the caller's transaction (STYLE.md rule 4). */
export async function recordAudit(tx: Queryable, context: RequestContext, entry: AuditEntry): Promise<void> {
  await lockAuditChain(tx);
  const last = await findLastAuditRow(tx);
  const fields: AuditFields = {
    seq: (last?.seq ?? 0) + 1,
    at: new Date(),
    actorId: context.actor?.id ?? null,
    actorLabel: actorLabel(context.actor),
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    regionCode: entry.regionCode ?? null,
    outcome: entry.outcome ?? "success",
    ip: context.ip || null,
    requestId: context.requestId || null,
    before: toJson(entry.before),
    after: toJson(entry.after),
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await insertAuditRow(tx, { ...fields, prevHash, hash: hashAuditRow(prevHash, fields) });
}

export type AuditVerdict =
  | { ok: true; rows: number }
  | { ok: false; rows: number; seq: number; reason: "hash_mismatch" | "prev_hash_mismatch" | "sequence_gap" };

/** Walks the chain in order and names the first row that does not follow from its predecessor. */
export async function verifyAuditChain(db: Queryable, batchSize = 5000): Promise<AuditVerdict> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let rows = 0;
  for (;;) {
    const batch = await listAuditRowsAfter(db, expectedSeq - 1, batchSize);
    for (const row of batch) {
      if (row.seq !== expectedSeq) return { ok: false, rows, seq: row.seq, reason: "sequence_gap" };
      if (row.prevHash !== prevHash) return { ok: false, rows, seq: row.seq, reason: "prev_hash_mismatch" };
      const { prevHash: _stored, hash, ...fields } = row;
      if (hashAuditRow(prevHash, fields) !== hash)
        return { ok: false, rows, seq: row.seq, reason: "hash_mismatch" };
      prevHash = hash;
      expectedSeq += 1;
      rows += 1;
    }
    if (batch.length < batchSize) return { ok: true, rows };
  }
}
