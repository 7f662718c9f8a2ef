import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
import {
  crashSeed,
  killChildren,
  makeCrashTarget,
  onPostgres,
  runCli,
  type CrashTarget,
  type CliRun,
} from "../../test/crash-harness.js";
import { writeTestCsv, type TestDataStats } from "./test-data.js";

// The CLI as an operator runs it (the built dist/cli.js, see cli.test.ts), killed with SIGKILL in the middle of
// an import and run again: the result must equal one clean run (SECURITY.md #19). The CLI signs a certificate per
// imported licence in each batch (the certificates hook), which is most of this test's time. The spawn, kill and
// database helpers are shared with the other crash tests (src/test/crash-harness.ts, src/crash/).
// Small (the crash tests together stay near two minutes per database); the kill point is seeded and logged.
const ROWS = 1_200;
const BATCH = 50;
const { seed, random } = crashSeed("import");
const KILL_AFTER_ROWS = BATCH * random.int(2, 12);

type Target = CrashTarget;
const makeTarget = () => makeCrashTarget();

/** processed-row counts of the import's progress lines (stderr), in order. */
const progressOf = (stderr: string) =>
  [...stderr.matchAll(/ (\d+)\/\d+ rows/g)].map((match) => Number(match[1]));

/** Runs the CLI; with killAfterRows, sends SIGKILL as soon as a progress line shows that many rows committed. */
async function shian(
  env: Record<string, string>,
  args: string[],
  killAfterRows?: number,
): Promise<CliRun & { progress: number[] }> {
  const run = await runCli(
    env,
    args,
    killAfterRows === undefined
      ? undefined
      : ({ stderr }) => (progressOf(stderr).at(-1) ?? 0) >= killAfterRows,
  );
  return { ...run, progress: progressOf(run.stderr) };
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
  stats = await writeTestCsv(file, { rows: ROWS, badFraction: 0.02 });
  crashed = await makeTarget();
  clean = await makeTarget();
}, 120_000);
afterAll(async () => {
  await killChildren();
  await crashed?.close();
  await clean?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe(`shian import licenses, killed with SIGKILL midway (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  it(`resumes after the last committed batch (killed after ≥ ${KILL_AFTER_ROWS} rows, seed ${seed}) and ends exactly like a clean run`, async () => {
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
    expect(single.stdout).toContain(`Rows with errors (first 20 of ${stats.badRows.size}`);

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
  }, 240_000);

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
