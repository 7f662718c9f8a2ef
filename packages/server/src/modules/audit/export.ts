// Signed audit export of a period (SECURITY.md #13–14; 等保 8.1.4.3c–d; ASVS 7.3.3): a JSON Lines file of the
// period's audit rows, one canonical JSON object (RFC 8785) a line, followed by one line holding the manifest
// signed by the platform's root keys (Ed25519 JWS and SM2, the keys that sign the trust list). The manifest names
// the period, the row count, the first and last seq, the chain hash at both ends and the SHA-256 of the row lines,
// so that a changed, added or removed byte or row, or a changed manifest, is found offline.

import { createHash } from "node:crypto";
import canonicalize from "canonicalize";
import { AppError } from "../../http/errors.js";
import type { Queryable } from "../../db/client.js";
import { actorLabel, type RequestContext } from "../accounts/actor.js";
import { jurisdictionPrefix } from "../accounts/jurisdiction.js";
import { loadRootDocumentSigner, type Keyring } from "../keys/service.js";
import type { SignedDocument } from "../keys/signer.js";
import { hashAuditRow } from "./audit-hash.js";
import { authorizeAuditExport } from "./policy.js";
import { findSeqRangeOfPeriod, listAuditRowsInRange } from "./repository.js";
import { recordAudit } from "./service.js";

export const AUDIT_EXPORT_TYPE = "shian-audit-export";
export const AUDIT_EXPORT_SIGNATURE_TYPE = "shian-audit-export-signature";
/** The longest period one export covers: a year (leap year included). */
export const MAX_EXPORT_DAYS = 366;
const BATCH = 2000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export interface ExportPeriod {
  /** First China day of the period (YYYY-MM-DD), inclusive. */
  from: string;
  /** Last China day of the period (YYYY-MM-DD), inclusive. */
  to: string;
  /** Midnight China time (UTC+8) of `from`, and of the day after `to` (exclusive). */
  start: Date;
  end: Date;
}

function periodError(en: string, zh: string): AppError {
  return new AppError("validation_failed", { en, "zh-CN": zh });
}

function chinaMidnight(day: string): Date | null {
  const match = DAY.exec(day);
  if (!match) return null;
  const date = new Date(`${day}T00:00:00+08:00`);
  // 2026-02-30 parses as March 2nd: the day must read back as itself.
  const back = new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  return Number.isNaN(date.getTime()) || back !== day ? null : date;
}

/** The period from `from` to `to`, both China days inclusive; 400 when either is not a day or the range is wrong. */
export function parseExportPeriod(from: string, to: string): ExportPeriod {
  const start = chinaMidnight(from);
  const last = chinaMidnight(to);
  if (!start || !last)
    throw periodError("from and to must be dates YYYY-MM-DD", "from 和 to 须为日期 YYYY-MM-DD");
  if (last < start) throw periodError("from must not be after to", "开始日期不能晚于结束日期");
  const days = Math.round((last.getTime() - start.getTime()) / DAY_MS) + 1;
  if (days > MAX_EXPORT_DAYS)
    throw periodError(
      `A period covers at most ${MAX_EXPORT_DAYS} days (got ${days})`,
      `导出期间最长 ${MAX_EXPORT_DAYS} 天`,
    );
  return { from, to, start, end: new Date(last.getTime() + DAY_MS) };
}

export interface AuditExportManifest {
  type: typeof AUDIT_EXPORT_TYPE;
  version: 1;
  period: { from: string; to: string; timeZone: "+08:00" };
  /** The region code the rows are limited to, or null for every row (national scope). */
  jurisdiction: string | null;
  /** True when the rows are every row of the period's seq range, so the chain links from end to end. */
  complete: boolean;
  rowCount: number;
  firstSeq: number | null;
  lastSeq: number | null;
  /** prevHash of the first row and hash of the last: where the export sits in the full chain. */
  chain: { startPrevHash: string | null; endHash: string | null };
  /** SHA-256 (hex) of the row lines, exactly as in the file (UTF-8, each ending in "\n"). */
  rowsSha256: string;
  exportedAt: string;
  exportedBy: string;
}

/** The last line of an export. `payload` is the canonical manifest that both signatures cover. */
export interface AuditExportSignature extends SignedDocument {
  type: typeof AUDIT_EXPORT_SIGNATURE_TYPE;
}

type AuditRow = Awaited<ReturnType<typeof listAuditRowsInRange>>[number];

function exportLine(row: AuditRow): string {
  return `${canonicalize({ ...row, at: row.at.toISOString() }) ?? ""}\n`;
}

export interface ExportAuditOptions {
  db: Queryable;
  keyring: Keyring;
  context: RequestContext;
  /** China days YYYY-MM-DD, both inclusive. */
  from: string;
  to: string;
  /** Receives the file line by line (rows, then the signed manifest); awaited, so it may write to a stream. */
  write(line: string): Promise<void> | void;
}

export interface ExportAuditResult {
  period: ExportPeriod;
  manifest: AuditExportManifest;
}

/**
 * Writes the period's rows and the signed manifest, then records who exported which period. A regional actor
 * gets the rows of their jurisdiction only (complete: false); a national actor or the CLI gets every row.
 */
export async function exportAuditPeriod(options: ExportAuditOptions): Promise<ExportAuditResult> {
  const { db, keyring, context } = options;
  const actor = context.actor;
  if (actor?.kind === "user") authorizeAuditExport(actor);
  else if (actor?.kind !== "system") throw new AppError("forbidden");
  const period = parseExportPeriod(options.from, options.to);
  const jurisdiction = context.actor?.regionCode ?? null;
  const regionPrefix = context.actor ? jurisdictionPrefix(context.actor) : null;
  // Load the signer first: with no usable key nothing is written and nothing audited.
  const signer = await loadRootDocumentSigner(db, keyring);
  const range = await findSeqRangeOfPeriod(db, period.start, period.end);
  const digest = createHash("sha256");
  let rowCount = 0;
  let first: AuditRow | undefined;
  let last: AuditRow | undefined;
  if (range) {
    let afterSeq = range.firstSeq - 1;
    for (;;) {
      const batch = await listAuditRowsInRange(db, { afterSeq, lastSeq: range.lastSeq, regionPrefix }, BATCH);
      for (const row of batch) {
        const line = exportLine(row);
        digest.update(line, "utf8");
        await options.write(line);
        first ??= row;
        last = row;
        rowCount += 1;
      }
      if (batch.length < BATCH) break;
      afterSeq = batch[batch.length - 1]!.seq;
    }
  }
  const manifest: AuditExportManifest = {
    type: AUDIT_EXPORT_TYPE,
    version: 1,
    period: { from: period.from, to: period.to, timeZone: "+08:00" },
    jurisdiction,
    complete: regionPrefix === null,
    rowCount,
    firstSeq: first?.seq ?? null,
    lastSeq: last?.seq ?? null,
    chain: { startPrevHash: first?.prevHash ?? null, endHash: last?.hash ?? null },
    rowsSha256: digest.digest("hex"),
    exportedAt: new Date().toISOString(),
    exportedBy: actorLabel(context.actor),
  };
  const signed = signer.signDocument(canonicalize(manifest) ?? "");
  const signature: AuditExportSignature = { type: AUDIT_EXPORT_SIGNATURE_TYPE, ...signed };
  await db.transaction((tx) =>
    recordAudit(tx, context, {
      action: "audit.export",
      subjectType: "audit_log",
      subjectId: `${period.from}..${period.to}`,
      regionCode: jurisdiction,
      after: {
        from: period.from,
        to: period.to,
        rowCount,
        firstSeq: manifest.firstSeq,
        lastSeq: manifest.lastSeq,
        rowsSha256: manifest.rowsSha256,
        edKid: signer.edKid,
      },
    }),
  );
  await options.write(`${canonicalize(signature) ?? ""}\n`);
  return { period, manifest };
}

// ---- verification (offline: needs only the file and the root public keys) ----

export type ExportVerdict =
  { ok: true; manifest: AuditExportManifest } | { ok: false; reason: string; line?: number };

/** Checks the signature of a manifest; true only when the required signatures verify. */
export type SignatureCheck = (signed: AuditExportSignature) => Promise<boolean> | boolean;

const HEX64 = /^[0-9a-f]{64}$/;

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function asSignature(value: Record<string, unknown> | undefined): AuditExportSignature | undefined {
  if (!value || value.type !== AUDIT_EXPORT_SIGNATURE_TYPE) return undefined;
  const { payload, jws, sm2Kid, sm2Signature } = value;
  if (typeof payload !== "string" || typeof jws !== "string") return undefined;
  if (typeof sm2Kid !== "string" || typeof sm2Signature !== "string") return undefined;
  return { type: AUDIT_EXPORT_SIGNATURE_TYPE, payload, jws, sm2Kid, sm2Signature };
}

function asManifest(value: Record<string, unknown> | undefined): AuditExportManifest | undefined {
  if (!value || value.type !== AUDIT_EXPORT_TYPE || value.version !== 1) return undefined;
  if (typeof value.rowCount !== "number" || typeof value.rowsSha256 !== "string") return undefined;
  if (typeof value.complete !== "boolean" || typeof value.chain !== "object" || value.chain === null)
    return undefined;
  return value as unknown as AuditExportManifest;
}

function rowFields(row: Record<string, unknown>) {
  const str = (key: string) => (typeof row[key] === "string" ? (row[key] as string) : null);
  const { prevHash: _prev, hash: _hash, ...rest } = row;
  return {
    fields: { ...rest, at: new Date(str("at") ?? "") } as unknown as Parameters<typeof hashAuditRow>[1],
    prevHash: str("prevHash"),
    hash: str("hash"),
  };
}

const EXPECTED_KEYS = [
  "action",
  "actorId",
  "actorLabel",
  "after",
  "at",
  "before",
  "hash",
  "ip",
  "outcome",
  "prevHash",
  "regionCode",
  "requestId",
  "seq",
  "subjectId",
  "subjectType",
].join(",");

/**
 * Verifies an export file: the manifest's signature, the SHA-256 of the row lines, the row count, each row's hash
 * from its own fields, the links between consecutive rows, and (for a complete export) that no seq is missing.
 */
export async function verifyAuditExport(
  text: string,
  checkSignature: SignatureCheck,
): Promise<ExportVerdict> {
  if (!text.endsWith("\n"))
    return { ok: false, reason: "the file does not end with a line break (truncated?)" };
  const lines = text.slice(0, -1).split("\n");
  const signatureLine = lines.pop() ?? "";
  const signature = asSignature(parseJsonObject(signatureLine));
  if (!signature)
    return { ok: false, reason: "the last line is not a signed manifest", line: lines.length + 1 };
  if (!(await checkSignature(signature)))
    return { ok: false, reason: "the manifest's signature does not verify", line: lines.length + 1 };
  const manifest = asManifest(parseJsonObject(signature.payload));
  if (!manifest) return { ok: false, reason: "the signed manifest is not an audit export manifest" };

  const digest = createHash("sha256");
  for (const line of lines) digest.update(`${line}\n`, "utf8");
  if (digest.digest("hex") !== manifest.rowsSha256)
    return { ok: false, reason: "the SHA-256 of the rows differs from the manifest" };
  if (lines.length !== manifest.rowCount)
    return { ok: false, reason: `${lines.length} rows, the manifest says ${manifest.rowCount}` };

  let previous: { seq: number; hash: string } | undefined;
  for (const [index, line] of lines.entries()) {
    const lineNo = index + 1;
    const row = parseJsonObject(line);
    if (!row || canonicalize(row) !== line || Object.keys(row).sort().join(",") !== EXPECTED_KEYS)
      return { ok: false, reason: "not an audit row in canonical JSON", line: lineNo };
    const { fields, prevHash, hash } = rowFields(row);
    const seq = row.seq;
    if (typeof seq !== "number" || !Number.isInteger(seq) || !prevHash || !hash || !HEX64.test(hash))
      return { ok: false, reason: "a row lacks seq, prevHash or hash", line: lineNo };
    if (Number.isNaN(fields.at.getTime()))
      return { ok: false, reason: "a row has no valid time", line: lineNo };
    if (hashAuditRow(prevHash, fields) !== hash)
      return { ok: false, reason: `row seq=${seq} does not match its hash`, line: lineNo };
    if (previous) {
      if (seq <= previous.seq) return { ok: false, reason: `row seq=${seq} is out of order`, line: lineNo };
      if (seq === previous.seq + 1 && prevHash !== previous.hash)
        return { ok: false, reason: `row seq=${seq} does not link to row seq=${previous.seq}`, line: lineNo };
      if (manifest.complete && seq !== previous.seq + 1)
        return { ok: false, reason: `rows missing before seq=${seq}`, line: lineNo };
    } else if (seq !== manifest.firstSeq || prevHash !== manifest.chain.startPrevHash) {
      return { ok: false, reason: "the first row is not the one the manifest names", line: lineNo };
    }
    previous = { seq, hash };
  }
  if ((previous?.seq ?? null) !== manifest.lastSeq || (previous?.hash ?? null) !== manifest.chain.endHash)
    return { ok: false, reason: "the last row is not the one the manifest names" };
  return { ok: true, manifest };
}
