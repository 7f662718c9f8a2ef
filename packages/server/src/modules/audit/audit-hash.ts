import { createHash } from "node:crypto";
import canonicalize from "canonicalize";

export const GENESIS_HASH = "0".repeat(64);

export interface AuditFields {
  seq: number;
  at: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  regionCode: string | null;
  outcome: string;
  ip: string | null;
  requestId: string | null;
  before: unknown;
  after: unknown;
}

/** SHA-256 over the previous row's hash and the row's canonical JSON (RFC 8785). */
export function hashAuditRow(prevHash: string, row: AuditFields): string {
  const canonical = canonicalize({ ...row, at: row.at.toISOString(), prevHash });
  return createHash("sha256")
    .update(canonical ?? "")
    .digest("hex");
}
