// `shian seed --stores N --seed S`: a province-sized register in PostgreSQL for benchmarks (docs/data-generator.md).
// Every table is streamed with COPY from generate.ts; the certificates of a share of the licences are issued by
// the real certificate service (Ed25519 JWS + SM2), whose SM2 signing is what bounds how many fit in the budget.

import { CREDIT_MODELS } from "@shian/domain";
import pg from "pg";
import type { Database } from "../../db/client.js";
import { issueCertificates } from "../certificates/service.js";
import { periodEnd, periodOf, shiftPeriod } from "../credit/period.js";
import { ensureAuthorityKeys, type Keyring } from "../keys/service.js";
import {
  BULK_TABLES,
  certifiedLicences,
  gradingRunId,
  licenceSequences,
  planGrade,
  planStore,
  type GenerationContext,
} from "./generate.js";
import { BULK_REGIONS, MAX_BULK_STORES, PROPORTIONS } from "./plan.js";
import { StoreRandom, seedWords } from "./random-source.js";
import { copyLines } from "./copy.js";
import { loadWithDeferredIndexes } from "./deferred-indexes.js";
import * as repo from "./repository.js";

/** The database cannot take a bulk data set (not empty, not PostgreSQL, bad options); the message says why. */
export class BulkSeedError extends Error {}

export interface BulkSeedOptions {
  /** The migrated database (drizzle) and its PostgreSQL URL, for the COPY connection. */
  db: Database;
  databaseUrl: string;
  stores: number;
  seed: string;
  /** "Now" of the data set: the graded month is the last one finished before it. Default: the current time. */
  asOf?: Date;
  /** How many licences get a signed certificate (spread evenly); default PROPORTIONS.certificates. */
  certificates?: number;
  keyring: Keyring;
  log?: (line: string) => void;
}

export interface TableTiming {
  table: string;
  rows: number;
  seconds: number;
}

export interface BulkSeedReport {
  period: string;
  tables: TableTiming[];
  totalSeconds: number;
}

/** The generation context of a data set: the same options give the same context, hence the same rows. */
export function generationContext(options: {
  stores: number;
  seed: string;
  asOf?: Date;
  regionNames?: ReadonlyMap<string, string>;
  keyring?: Keyring;
}): GenerationContext {
  const asOf = options.asOf ?? new Date();
  const period = shiftPeriod(periodOf(asOf), -1);
  return {
    stores: options.stores,
    words: seedWords(options.seed),
    period,
    periodStart: periodEnd(shiftPeriod(period, -1)).getTime(),
    periodEnd: periodEnd(period).getTime(),
    yearStart: periodEnd(shiftPeriod(period, -12)).getTime(),
    asOf: asOf.getTime(),
    regionNames: options.regionNames ?? new Map(),
    ...(options.keyring ? { keyring: options.keyring } : {}),
  };
}

const seconds = (since: number) => Math.round((performance.now() - since) / 10) / 100;

async function timed(
  timings: TableTiming[],
  log: (line: string) => void,
  table: string,
  work: () => Promise<number>,
) {
  const started = performance.now();
  const rows = await work();
  const timing = { table, rows, seconds: seconds(started) };
  timings.push(timing);
  log(`  ${table.padEnd(18)} ${String(rows).padStart(10)} rows ${timing.seconds.toFixed(1).padStart(7)} s`);
}

/** One grading run per model, done, so the scheduler does not grade the generated month again on start. */
async function recordGradingRuns(db: Database, context: GenerationContext) {
  const counts = new Map<string, number>();
  const random = new StoreRandom(context.words.a);
  const extra = new StoreRandom(context.words.b);
  for (let index = 0; index < context.stores; index++) {
    const grade = planGrade(planStore(random, index, context), extra);
    if (grade) counts.set(grade.model.id, (counts.get(grade.model.id) ?? 0) + 1);
  }
  const finishedAt = new Date(context.periodEnd + 3_600_000);
  await repo.insertGradingRuns(
    db,
    CREDIT_MODELS.map((model) => ({
      id: gradingRunId(context, model),
      model: model.id,
      modelVersion: model.version,
      period: context.period,
      status: "done" as const,
      total: counts.get(model.id) ?? 0,
      processed: counts.get(model.id) ?? 0,
      startedAt: new Date(context.periodEnd + 60_000),
      finishedAt,
    })),
  );
  return CREDIT_MODELS.length;
}

/** Signs the certificates of evenly spread licences (current version), in transactions of 1 000. */
async function certify(db: Database, context: GenerationContext, options: BulkSeedOptions) {
  const keys = certifiedLicences(context, options.certificates ?? PROPORTIONS.certificates);
  if (keys.length === 0) return 0;
  for (const authority of BULK_REGIONS) await ensureAuthorityKeys(db, options.keyring, authority);
  const deps = { keyring: options.keyring, publicBaseUrl: "" };
  for (let start = 0; start < keys.length; start += 1000) {
    const batch = keys.slice(start, start + 1000).map(({ licenseId, version }) => ({ licenseId, version }));
    await db.transaction((tx) => issueCertificates(tx, deps, batch));
  }
  return keys.length;
}

/**
 * Fills an empty, migrated PostgreSQL database with `stores` stores and everything around them. Refuses a
 * database that already holds stores (the generated ids and numbers would collide with them).
 */
export async function seedBulk(options: BulkSeedOptions): Promise<BulkSeedReport> {
  const log = options.log ?? (() => {});
  if (!Number.isInteger(options.stores) || options.stores < 1 || options.stores > MAX_BULK_STORES)
    throw new BulkSeedError(`--stores must be an integer from 1 to ${MAX_BULK_STORES}`);
  const certificates = options.certificates ?? PROPORTIONS.certificates;
  if (!Number.isInteger(certificates) || certificates < 0)
    throw new BulkSeedError("--certificates must be an integer ≥ 0");
  const existing = await repo.countStores(options.db);
  if (existing > 0)
    throw new BulkSeedError(
      `The database already holds ${existing} stores; bulk data goes into an empty database (createdb, then shian seed).`,
    );
  const started = performance.now();
  const context = generationContext({
    ...options,
    regionNames: await repo.regionNames(options.db, BULK_REGIONS),
  });
  log(`Generating ${options.stores} stores (seed "${options.seed}", graded month ${context.period}):`);
  const timings: TableTiming[] = [];
  await timed(timings, log, "grading_runs", () => recordGradingRuns(options.db, context));
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    await client.query("set synchronous_commit = off");
    await client.query("set maintenance_work_mem = '256MB'");
    await loadWithDeferredIndexes(
      client,
      BULK_TABLES.map((table) => table.table),
      async () => {
        for (const table of BULK_TABLES) {
          await timed(timings, log, table.table, () =>
            copyLines(client, table.table, table.columns, table.lines(context)),
          );
        }
      },
      ({ foreignKeys, indexes, seconds }) => {
        timings.push({ table: "indexes and foreign keys", rows: foreignKeys + indexes, seconds });
        log(`  restored ${indexes} indexes and ${foreignKeys} foreign keys in ${seconds.toFixed(1)} s`);
      },
    );
  } finally {
    await client.end();
  }
  await timed(timings, log, "license_sequences", async () => {
    const last = licenceSequences(context);
    await repo.raiseLicenceSequences(options.db, last);
    return last.size;
  });
  await timed(timings, log, "certificates", () => certify(options.db, context, options));
  await timed(timings, log, "analyze", async () => {
    await repo.analyze(options.db, [...BULK_TABLES.map((table) => table.table), "certificates"]);
    return 0;
  });
  const totalSeconds = seconds(started);
  log(`Done in ${totalSeconds.toFixed(1)} s.`);
  return { period: context.period, tables: timings, totalSeconds };
}
