import { chinaDate } from "@shian/domain";
import { randomUUID } from "node:crypto";
import type { Database, Transaction } from "../../db/client.js";
import { AppError } from "../../http/errors.js";
import type { Actor, RequestContext } from "../accounts/actor.js";
import { recordAudit } from "../audit/service.js";
import { buildLicenseContent } from "../licensing/license-issuer.js";
import { ImportFileError, type RawRow } from "./columns.js";
import {
  bufferSource,
  countRows,
  detectImportFormat,
  inspectSource,
  readRows,
  unsupportedFile,
  type ImportFormat,
  type ImportSource,
} from "./file-reader.js";
import type { ImportRunner } from "./import-runner.js";
import { canImport, canReadJob } from "./policy.js";
import * as repo from "./repository.js";
import { validateRow, type ImportRow, type RowContext } from "./row-validation.js";

export const DEFAULT_BATCH_SIZE = 1000;

/** Extension points of an import, e.g. certificates issued in bulk for the licences of each batch. */
export interface ImportHooks {
  /** Runs inside each batch's transaction with the ids of the licences that batch created (none skipped). */
  onLicensesImported?: (tx: Transaction, licenseIds: string[]) => Promise<void>;
}

export interface ImportProgress {
  jobId: string;
  totalRows: number;
  processedRows: number;
  importedRows: number;
  skippedRows: number;
  errorRows: number;
}

export interface RunImportOptions extends ImportHooks {
  /** Rows per transaction (default 1 000). */
  batchSize?: number;
  /** The clock (licences that ended before today are imported as expired). */
  now?: () => Date;
  /** Called after each committed batch. */
  onProgress?: (progress: ImportProgress) => void;
  /** Stops between batches; the job stays "running" and resumes on the next import of the file. */
  signal?: AbortSignal;
}

export interface OpenedImport {
  job: repo.ImportJobRow;
  format: ImportFormat;
  /** False when the file's job existed already (resumed, or finished and only reported). */
  created: boolean;
}

/** Another process advanced the job under us: this runner stops, the other one carries on. */
export class ImportConflictError extends Error {
  constructor(readonly jobId: string) {
    super(`import job ${jobId} is being processed elsewhere`);
  }
}

const jurisdictionOf = (actor: Actor | null) => actor?.regionCode ?? null;
const userIdOf = (actor: Actor | null) => (actor?.kind === "user" ? actor.id : null);

/** The calendar date in China (UTC+8). */

export function progressOf(job: repo.ImportJobRow): ImportProgress {
  return {
    jobId: job.id,
    totalRows: job.totalRows,
    processedRows: job.processedRows,
    importedRows: job.importedRows,
    skippedRows: job.processedRows - job.importedRows - job.errorRows,
    errorRows: job.errorRows,
  };
}

function requireImporter(actor: Actor | null): Actor {
  if (!actor || !canImport(actor)) throw new AppError("forbidden");
  return actor;
}

/**
 * Finds or creates the job of a file. The job is the file's SHA-256 for the importer's jurisdiction: the same
 * file imported again resumes (or just reports) its job; a new file is counted (a full parse, so a malformed
 * file fails here) and gets a new job.
 */
export async function openImportJob(options: {
  db: Database;
  context: RequestContext;
  source: ImportSource;
}): Promise<OpenedImport> {
  const { db, context, source } = options;
  const actor = requireImporter(context.actor);
  const info = await inspectSource(source);
  const jurisdiction = jurisdictionOf(actor);
  const existing = await repo.findJobForFile(db, info.sha256, jurisdiction);
  if (existing) return { job: existing, format: info.format, created: false };
  const totalRows = await countRows(source, info.format);
  const opened = await db.transaction(async (tx) => {
    await repo.lockFileKey(tx, info.sha256);
    const concurrent = await repo.findJobForFile(tx, info.sha256, jurisdiction);
    if (concurrent) return { job: concurrent, created: false };
    const created = await repo.insertJob(tx, {
      fileSha256: info.sha256,
      fileName: source.fileName.slice(-200),
      status: "running",
      totalRows,
      createdBy: userIdOf(actor),
    });
    await recordAudit(tx, context, {
      action: "import.start",
      subjectType: "import_job",
      subjectId: created.id,
      regionCode: jurisdiction,
      after: {
        fileName: created.fileName,
        sha256: info.sha256,
        format: info.format,
        size: info.size,
        totalRows,
      },
    });
    return { job: created, created: true };
  });
  return { ...opened, format: info.format };
}

interface BatchCounts {
  imported: number;
  skipped: number;
  errors: number;
}

interface RunState {
  db: Database;
  context: RequestContext;
  jobId: string;
  rowContext: RowContext;
  regionNames: Map<string, string>;
  hooks: ImportHooks;
}

/**
 * Imports the rows of a job's file not yet processed, one transaction per batch, and finishes the job.
 * After a crash the next run starts after the last committed batch; the result is the same as one clean run.
 */
export async function runImportJob(options: {
  db: Database;
  context: RequestContext;
  jobId: string;
  source: ImportSource;
  format: ImportFormat;
  run?: RunImportOptions;
}): Promise<repo.ImportJobRow> {
  const { db, context, jobId, source, format } = options;
  const run = options.run ?? {};
  requireImporter(context.actor);
  const found = await repo.findJob(db, jobId);
  if (!found) throw new AppError("not_found");
  if (found.job.status === "done") return found.job;
  const batchSize = run.batchSize ?? DEFAULT_BATCH_SIZE;
  const now = run.now ?? (() => new Date());
  const counties = await repo.listCountyRegions(db);
  const state: RunState = {
    db,
    context,
    jobId,
    rowContext: {
      countyCodes: new Set(counties.map((county) => county.code)),
      jurisdiction: found.creatorRegion,
      today: chinaDate(now()),
    },
    regionNames: new Map(counties.map((county) => [county.code, county.name])),
    hooks: run,
  };
  let job = found.job;
  if (job.status !== "running" || job.processedRows > 0) {
    job = await db.transaction(async (tx) => {
      const updated = await repo.updateJob(tx, jobId, { status: "running", finishedAt: null });
      await recordAudit(tx, context, {
        action: "import.resume",
        subjectType: "import_job",
        subjectId: jobId,
        regionCode: found.creatorRegion,
        after: { fromRow: job.processedRows, previousStatus: job.status },
      });
      return updated;
    });
  }
  const batches = readBatches(readRows(source, format), job.processedRows, batchSize, state.rowContext);
  try {
    // The next batch is read and validated while the current one is written (PostgreSQL works meanwhile).
    let next = batches.next();
    for (;;) {
      const current = await next;
      if (current.done) return run.signal?.aborted ? job : await finishJob(state, current.value);
      if (run.signal?.aborted) return job;
      next = batches.next();
      try {
        job = await importBatch(state, current.value);
      } catch (error) {
        next.catch(() => {}); // abandoned: its own error, if any, is not the one to report
        throw error;
      }
      run.onProgress?.(progressOf(job));
    }
  } catch (error) {
    if (!(error instanceof ImportConflictError)) await failJob(state, error);
    throw error;
  } finally {
    await batches.return(0).catch(() => {});
  }
}

interface ValidatedBatch {
  /** How many data rows of the file come before this batch. */
  offset: number;
  rows: RawRow[];
  good: ImportRow[];
  bad: repo.ImportErrorRow[];
}

/** The rows after the first `skip`, in validated batches; returns how many data rows the file has. */
async function* readBatches(
  rows: AsyncGenerator<RawRow>,
  skip: number,
  batchSize: number,
  context: RowContext,
): AsyncGenerator<ValidatedBatch, number> {
  let seen = 0;
  let batch: RawRow[] = [];
  const validated = (raw: RawRow[]): ValidatedBatch => {
    const result: ValidatedBatch = { offset: seen - raw.length, rows: raw, good: [], bad: [] };
    for (const row of raw) {
      const check = validateRow(row, context);
      if (check.ok) result.good.push(check.row);
      else result.bad.push({ rowNumber: row.rowNumber, errors: check.errors });
    }
    return result;
  };
  try {
    for await (const row of rows) {
      seen += 1;
      if (seen <= skip) continue;
      batch.push(row);
      if (batch.length < batchSize) continue;
      yield validated(batch);
      batch = [];
    }
    if (batch.length > 0) yield validated(batch);
    return seen;
  } finally {
    await rows.return(undefined);
  }
}

/** Writes one validated batch in one transaction: its licences, their businesses and stores, its errors. */
async function importBatch(state: RunState, batch: ValidatedBatch): Promise<repo.ImportJobRow> {
  const { rows, good, bad, offset } = batch;
  return state.db.transaction(async (tx) => {
    const job = await repo.lockJob(tx, state.jobId);
    if (!job || job.processedRows !== offset || job.status !== "running")
      throw new ImportConflictError(state.jobId);
    const { licenseIds, counts, conflicts } = await writeLicences(tx, state, good);
    const errors = [...bad, ...conflicts].sort((a, b) => a.rowNumber - b.rowNumber);
    counts.errors = errors.length;
    await repo.insertImportErrors(tx, state.jobId, errors);
    if (licenseIds.length > 0) await state.hooks.onLicensesImported?.(tx, licenseIds);
    const updated = await repo.updateJob(tx, state.jobId, {
      processedRows: job.processedRows + rows.length,
      importedRows: job.importedRows + counts.imported,
      errorRows: job.errorRows + counts.errors,
    });
    // One audit row per batch (not per licence: 100 000 rows would drown the chain), written last so the
    // audit chain lock is held only for the end of the transaction.
    await recordAudit(tx, state.context, {
      action: "import.batch",
      subjectType: "import_job",
      subjectId: state.jobId,
      regionCode: state.rowContext.jurisdiction,
      after: {
        fromRow: rows[0]!.rowNumber,
        toRow: rows.at(-1)!.rowNumber,
        rows: rows.length,
        imported: counts.imported,
        skipped: counts.skipped,
        errors: counts.errors,
      },
    });
    return updated;
  });
}

const storeKey = (businessId: string, address: string) => `${businessId}\u0000${address}`;

async function writeLicences(tx: Transaction, state: RunState, good: ImportRow[]) {
  const counts: BatchCounts = { imported: 0, skipped: 0, errors: 0 };
  const conflicts: repo.ImportErrorRow[] = [];
  // A number already in the register (an earlier import, an earlier row of this file) is skipped: idempotent.
  // Held by another business (another USCC), it is an error: the register and the file disagree.
  const holders = await repo.findLicenceHolders(
    tx,
    good.map((row) => row.licenseNumber),
  );
  const rows: ImportRow[] = [];
  for (const row of good) {
    const holder = holders.get(row.licenseNumber);
    if (holder === undefined) {
      holders.set(row.licenseNumber, row.uscc);
      rows.push(row);
    } else if (holder === row.uscc) {
      counts.skipped += 1;
    } else {
      conflicts.push({
        rowNumber: row.rowNumber,
        errors: [
          {
            field: "license_no",
            message: `license_no：“${row.licenseNumber}”已登记在另一经营者（统一社会信用代码 ${holder}）名下`,
            messageEn: `license_no: "${row.licenseNumber}" is already registered to another holder (USCC ${holder})`,
          },
        ],
      });
    }
  }
  if (rows.length === 0) return { licenseIds: [], counts, conflicts };

  // Businesses by USCC: the first row naming one creates it; existing businesses are left as they are.
  const newBusinesses = new Map<string, ImportRow>();
  for (const row of rows) if (!newBusinesses.has(row.uscc)) newBusinesses.set(row.uscc, row);
  const { ids: businessIds, created } = await repo.ensureBusinesses(
    tx,
    [...newBusinesses.values()].map((row) => ({
      uscc: row.uscc,
      name: row.holderName,
      legalRepresentative: row.legalRepresentative,
      regionCode: row.regionCode,
    })),
  );

  // Stores by (business, address).
  const storeIds = new Map<string, string>();
  const olderBusinesses = [...businessIds].filter(([uscc]) => !created.has(uscc)).map(([, id]) => id);
  for (const store of await repo.findStoresOfBusinesses(tx, olderBusinesses))
    if (!storeIds.has(storeKey(store.businessId, store.address)))
      storeIds.set(storeKey(store.businessId, store.address), store.id);
  const newStores = new Map<string, ImportRow>();
  for (const row of rows) {
    const key = storeKey(businessIds.get(row.uscc)!, row.storeAddress);
    if (!storeIds.has(key) && !newStores.has(key)) newStores.set(key, row);
  }
  const inserted = await repo.insertStores(
    tx,
    [...newStores.values()].map((row) => ({
      businessId: businessIds.get(row.uscc)!,
      name: row.storeName,
      address: row.storeAddress,
      regionCode: row.regionCode,
      businessForm: row.businessForm,
      subtype: row.subtype,
    })),
  );
  for (const store of inserted) storeIds.set(storeKey(store.businessId, store.address), store.id);

  const sequences = new Map<string, number>();
  const licenceRows: repo.NewLicence[] = [];
  for (const row of rows) {
    const businessId = businessIds.get(row.uscc)!;
    sequences.set(row.sequencePrefix, Math.max(sequences.get(row.sequencePrefix) ?? 0, row.sequence));
    const content = buildLicenseContent({
      business: { name: row.holderName, uscc: row.uscc, legalRepresentative: row.legalRepresentative },
      store: { address: row.storeAddress },
      authorityRegionName: state.regionNames.get(row.regionCode) ?? null,
      request: row.request,
    });
    licenceRows.push({
      id: randomUUID(),
      number: row.licenseNumber,
      type: row.licenseType,
      businessId,
      storeId: storeIds.get(storeKey(businessId, row.storeAddress))!,
      regionCode: row.regionCode,
      status: row.status,
      validFrom: row.validFrom,
      validTo: row.validTo,
      issuedAt: new Date(`${row.issuedOn}T00:00:00+08:00`).toISOString(),
      content: { ...content, number: row.licenseNumber },
    });
  }
  // The sequences move past every imported number of our format, so numbers issued later never collide.
  await repo.insertImportedLicences(tx, licenceRows, sequences);
  counts.imported = licenceRows.length;
  return { licenseIds: licenceRows.map((row) => row.id), counts, conflicts };
}

async function finishJob(state: RunState, rowsInFile: number): Promise<repo.ImportJobRow> {
  return state.db.transaction(async (tx) => {
    const job = await repo.lockJob(tx, state.jobId);
    if (!job || job.processedRows !== rowsInFile) throw new ImportConflictError(state.jobId);
    if (job.status === "done") return job;
    const updated = await repo.updateJob(tx, state.jobId, {
      status: "done",
      totalRows: rowsInFile,
      finishedAt: new Date(),
    });
    const progress = progressOf(updated);
    await recordAudit(tx, state.context, {
      action: "import.finish",
      subjectType: "import_job",
      subjectId: state.jobId,
      regionCode: state.rowContext.jurisdiction,
      after: {
        totalRows: progress.totalRows,
        importedRows: progress.importedRows,
        skippedRows: progress.skippedRows,
        errorRows: progress.errorRows,
      },
    });
    return updated;
  });
}

/** A fatal error (unreadable file, database gone): the job is marked failed; importing the file again resumes. */
async function failJob(state: RunState, error: unknown): Promise<void> {
  try {
    await state.db.transaction(async (tx) => {
      await repo.updateJob(tx, state.jobId, { status: "failed", finishedAt: new Date() });
      await recordAudit(tx, state.context, {
        action: "import.finish",
        subjectType: "import_job",
        subjectId: state.jobId,
        regionCode: state.rowContext.jurisdiction,
        outcome: "failure",
        after: { error: error instanceof ImportFileError ? error.en : "internal error" },
      });
    });
  } catch {
    // The database itself may be what failed; the job then stays "running" and resumes all the same.
  }
}

export interface ImportSummary {
  job: repo.ImportJobRow;
  progress: ImportProgress;
  /** The first rows with errors (20 by default), in row order. */
  firstErrors: repo.ImportErrorRow[];
  /** False when the file had been imported completely before: nothing was done. */
  ran: boolean;
}

/** The CLI's use case: open the file's job, run it to the end, report. */
export async function importLicenses(options: {
  db: Database;
  context: RequestContext;
  source: ImportSource;
  run?: RunImportOptions;
  errorsShown?: number;
}): Promise<ImportSummary> {
  const opened = await openImportJob(options);
  const ran = opened.job.status !== "done";
  const job = ran
    ? await runImportJob({ ...options, jobId: opened.job.id, format: opened.format })
    : opened.job;
  const firstErrors = await repo.listImportErrors(options.db, job.id, 0, options.errorsShown ?? 20);
  return { job, progress: progressOf(job), firstErrors, ran };
}

/** A job as its readers see it; outside the reader's jurisdiction it does not exist. */
export async function getImportJob(db: Database, actor: Actor, jobId: string): Promise<repo.ImportJobRow> {
  const found = await repo.findJob(db, jobId);
  if (!found || !canReadJob(actor, found.creatorRegion)) throw new AppError("not_found");
  return found.job;
}

export async function listImportErrors(
  db: Database,
  actor: Actor,
  jobId: string,
  query: { cursor?: string | undefined; limit: number },
): Promise<{ items: repo.ImportErrorRow[]; nextCursor: string | null }> {
  await getImportJob(db, actor, jobId);
  const items = await repo.listImportErrors(db, jobId, Number(query.cursor ?? 0), query.limit);
  const nextCursor = items.length === query.limit ? String(items.at(-1)!.rowNumber) : null;
  return { items, nextCursor };
}

/**
 * The console's use case: checks the upload by content, opens its job and starts it in the background of this
 * process (unless it finished before). Returns the job id at once.
 */
export async function startImport(options: {
  db: Database;
  runner: ImportRunner;
  context: RequestContext;
  fileName: string;
  bytes: Buffer;
}): Promise<string> {
  const { db, runner, context, fileName, bytes } = options;
  requireImporter(context.actor);
  if (!detectImportFormat(bytes)) {
    const problem = unsupportedFile();
    throw new AppError("unsupported_file_type", { "zh-CN": problem.zh, en: problem.en });
  }
  const source = bufferSource(fileName, bytes);
  let opened: OpenedImport;
  try {
    opened = await openImportJob({ db, context, source });
  } catch (error) {
    if (error instanceof ImportFileError)
      throw new AppError("validation_failed", { "zh-CN": error.zh, en: error.en });
    throw error;
  }
  if (opened.job.status !== "done")
    runner.start({ jobId: opened.job.id, source, format: opened.format, context });
  return opened.job.id;
}
