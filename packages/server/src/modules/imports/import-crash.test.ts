import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { asc, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../db/client.js";
import {
  auditLog,
  businesses,
  certificates,
  importErrors,
  importJobs,
  licenseSequences,
  licenses,
  stores,
} from "../../db/schema.js";
import { createTestDatabase, type TestDatabase } from "../../test/test-database.js";
import { writeTestCsv, type TestDataStats } from "./test-data.js";

// The CLI as an operator runs it (the built dist/cli.js, see cli.test.ts), killed with SIGKILL in the middle of
// an import and run again: the result must equal one clean run. The CLI signs a certificate per imported licence
// in each batch (the certificates hook), which is most of this test's time.
const CLI = fileURLToPath(new URL("../../../dist/cli.js", import.meta.url));
const ROWS = 20_000;
const BATCH = 500;
const KILL_AFTER_ROWS = 2_000;
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

interface Target {
  env: Record<string, string>;
  open(): Promise<DatabaseHandle>;
  close(): Promise<void>;
}

async function makeTarget(): Promise<Target> {
  const base = { ...process.env, NODE_ENV: "test", LOG_LEVEL: "warn" } as Record<string, string>;
  delete base.DATABASE_URL;
  delete base.DATA_DIR;
  if (onPostgres) {
    const database: TestDatabase = await createTestDatabase();
    return {
      env: { ...base, DATABASE_URL: database.url! },
      open: async () => ({ ...database, close: async () => {} }),
      close: () => database.close(),
    };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "shian-import-cli-"));
  return {
    env: { ...base, DATA_DIR: dataDir },
    // The CLI has exited: the data dir's lock is free again.
    open: () => openDatabase({ dataDir }),
    close: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** processed-row counts of the progress lines, in order. */
  progress: number[];
}

/** Runs the CLI; with killAfterRows, sends SIGKILL as soon as a progress line shows that many rows committed. */
function shian(env: Record<string, string>, args: string[], killAfterRows?: number): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env });
    const run: CliRun = { code: null, signal: null, stdout: "", stderr: "", progress: [] };
    child.stdout.on("data", (chunk: Buffer) => (run.stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => {
      run.stderr += chunk.toString("utf8");
      run.progress = [...run.stderr.matchAll(/ (\d+)\/\d+ rows/g)].map((match) => Number(match[1]));
      if (killAfterRows !== undefined && (run.progress.at(-1) ?? 0) >= killAfterRows) child.kill("SIGKILL");
    });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ ...run, code, signal }));
  });
}

/** Everything an import leaves behind, in a comparable form. */
async function snapshot(target: Target) {
  const handle = await target.open();
  try {
    const db = handle.db;
    const numbers = await db.select({ number: licenses.number }).from(licenses).orderBy(asc(licenses.number));
    const errors = await db
      .select({ rowNumber: importErrors.rowNumber, errors: importErrors.errors })
      .from(importErrors)
      .orderBy(asc(importErrors.rowNumber));
    const [businessCount] = await db.select({ n: count() }).from(businesses);
    const [storeCount] = await db.select({ n: count() }).from(stores);
    const duplicateStores = await db
      .select({ businessId: stores.businessId })
      .from(stores)
      .groupBy(stores.businessId, stores.address)
      .having(sql`count(*) > 1`);
    const jobs = await db
      .select({
        status: importJobs.status,
        totalRows: importJobs.totalRows,
        processedRows: importJobs.processedRows,
        importedRows: importJobs.importedRows,
        errorRows: importJobs.errorRows,
      })
      .from(importJobs);
    const batches = await db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, "import.batch"));
    const resumes = await db
      .select({ n: count() })
      .from(auditLog)
      .where(eq(auditLog.action, "import.resume"));
    const sequences = await db.select().from(licenseSequences).orderBy(asc(licenseSequences.prefix));
    // The CLI wires the certificates step into the import's hook: whatever it writes is in the batch too.
    const [certificateCount] = await db.select({ n: count() }).from(certificates);
    return {
      numbers: numbers.map((row) => row.number),
      errors: errors.map((row) => ({ rowNumber: row.rowNumber, fields: row.errors.map((e) => e.field) })),
      businesses: businessCount!.n,
      stores: storeCount!.n,
      duplicateStores: duplicateStores.length,
      jobs,
      batches: batches[0]!.n,
      resumes: resumes[0]!.n,
      sequences,
      certificates: certificateCount!.n,
    };
  } finally {
    await handle.close();
  }
}

let dir: string;
let file: string;
let stats: TestDataStats;
let crashed: Target;
let clean: Target;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "shian-import-file-"));
  file = path.join(dir, "register.csv");
  stats = await writeTestCsv(file, { rows: ROWS, badFraction: 0.01 });
  crashed = await makeTarget();
  clean = await makeTarget();
});
afterAll(async () => {
  await crashed?.close();
  await clean?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe(`shian import licenses, killed with SIGKILL midway (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  it("resumes after the last committed batch and ends exactly like a clean run", async () => {
    const args = ["import", "licenses", file, "--batch-size", String(BATCH)];
    const killed = await shian(crashed.env, args, KILL_AFTER_ROWS);
    expect(killed.signal).toBe("SIGKILL");
    expect(killed.stdout).not.toContain("Imported");
    const committed = killed.progress.at(-1)!;
    expect(committed).toBeGreaterThanOrEqual(KILL_AFTER_ROWS);
    expect(committed).toBeLessThan(ROWS);

    const resumed = await shian(crashed.env, args);
    expect(resumed.stderr).not.toMatch(/Error/);
    expect(resumed.code).toBe(0);
    // It carried on after the batches the killed run committed (at least those it reported).
    expect(resumed.progress[0]).toBeGreaterThan(committed);
    expect(resumed.progress.at(-1)).toBe(ROWS);
    expect(resumed.stdout).toContain(
      `Rows: ${ROWS} — imported ${stats.goodRows}, skipped as already present 0, errors ${stats.badRows.size}.`,
    );

    const single = await shian(clean.env, args);
    expect(single.code).toBe(0);
    expect(single.stdout).toContain(`Rows: ${ROWS} — imported ${stats.goodRows}`);
    expect(single.stdout).toContain("Rows with errors (first 20 of 200");

    const [after, expected] = [await snapshot(crashed), await snapshot(clean)];
    expect(after.numbers.length).toBe(stats.goodRows);
    expect(new Set(after.numbers).size).toBe(stats.goodRows);
    expect(after.numbers).toEqual(expected.numbers);
    expect(after.errors).toEqual(expected.errors);
    expect(after.errors.map((row) => row.rowNumber)).toEqual([...stats.badRows.keys()]);
    expect(after.businesses).toBe(stats.businesses);
    expect(after.stores).toBe(stats.stores);
    expect({ businesses: expected.businesses, stores: expected.stores }).toEqual({
      businesses: stats.businesses,
      stores: stats.stores,
    });
    expect(after.duplicateStores).toBe(0);
    expect(after.jobs).toEqual(expected.jobs);
    expect(after.jobs).toEqual([
      {
        status: "done",
        totalRows: ROWS,
        processedRows: ROWS,
        importedRows: stats.goodRows,
        errorRows: stats.badRows.size,
      },
    ]);
    // The killed batch rolled back with its audit row: one audit row per committed batch either way.
    expect(after.batches).toBe(ROWS / BATCH);
    expect(expected.batches).toBe(ROWS / BATCH);
    expect(after.resumes).toBe(1);
    expect(after.sequences).toEqual(expected.sequences);
    expect(after.certificates).toBe(expected.certificates);
  }, 480_000);

  it("exits 1 naming the problem for a file it cannot import, and creates no job", async () => {
    const bad = path.join(dir, "no-header.csv");
    fs.writeFileSync(bad, "licence,holder\nJY1,x\n");
    const result = await shian(clean.env, ["import", "licenses", bad]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("The header lacks the columns license_no, holder_name");
    const missing = await shian(clean.env, ["import", "licenses", path.join(dir, "nope.csv")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("No such file");
    expect((await snapshot(clean)).jobs.length).toBe(1);
  }, 120_000);
});
