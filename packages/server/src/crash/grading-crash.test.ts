import { findModel } from "@shian/domain";
import { and, asc, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client.js";
import { auditLog, gradeHistory, gradingRuns, storeGrades } from "../db/schema.js";
import { verifyAuditChain } from "../modules/audit/service.js";
import { runGrading } from "../modules/credit/grading.js";
import {
  crashSeed,
  databaseName,
  killChildren,
  makeCrashTarget,
  runCli,
  withTarget,
  type CrashTarget,
} from "../test/crash-harness.js";
import { createTestDatabase } from "../test/test-database.js";
import { GRADED_PERIOD, licensedStore, raiseRedAlert, recordPoorMonth } from "../test/grading-fixtures.js";

// SECURITY.md #19 (ASVS 5.0 V15.4.2, 等保 8.1.4.9): `shian credit run` killed with SIGKILL after a seeded number
// of committed chunks and run again grades every store of the month exactly once, leaves one consistent
// grading_runs row and ends with the same grades as a run that was never interrupted (docs/grading.md).

const MODEL = "zhenhai-3l4c";
const STORES = 16;
const CHUNK = 1;
const { seed, random } = crashSeed("grading");
// Kill once a progress line reports at least this many stores (a chunk boundary), six chunks before the end
// (the process must not finish before the signal lands).
const KILL_AFTER = CHUNK * random.int(1, STORES / CHUNK - 6);

/** The same small register in each database; returns the store ids in creation order. */
async function seedRegister(handle: DatabaseHandle): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < STORES; i += 1) {
    const store = await licensedStore(handle.db);
    if (i % 3 === 0) await recordPoorMonth(handle.db, store);
    if (i % 5 === 0) await raiseRedAlert(handle.db, store);
    ids.push(store.storeId);
  }
  return ids;
}

/** What the run leaves behind, with stores named by their creation order (ids differ between databases). */
async function snapshot({ db }: DatabaseHandle, storeIds: string[]) {
  {
    const history = await db
      .select()
      .from(gradeHistory)
      .where(and(eq(gradeHistory.model, MODEL), eq(gradeHistory.period, GRADED_PERIOD)))
      .orderBy(asc(gradeHistory.storeId));
    const runs = await db.select().from(gradingRuns).where(eq(gradingRuns.model, MODEL));
    const current = await db.select().from(storeGrades).where(eq(storeGrades.model, MODEL));
    const actions = await db
      .select({ action: auditLog.action, n: count() })
      .from(auditLog)
      .where(eq(auditLog.subjectType, "grading_run"))
      .groupBy(auditLog.action)
      .orderBy(asc(auditLog.action));
    const index = (storeId: string) => storeIds.indexOf(storeId);
    return {
      graded: history.map((row) => index(row.storeId)).sort((a, b) => a - b),
      grades: Object.fromEntries(
        history.map((row) => [
          index(row.storeId),
          {
            score: row.score,
            grade: row.grade,
            riskColour: row.riskColour,
            vetoed: row.vetoed,
            breakdown: row.breakdown,
          },
        ]),
      ),
      current: current
        .map((row) => ({ store: index(row.storeId), period: row.period, grade: row.grade, score: row.score }))
        .sort((a, b) => a.store - b.store),
      runs: runs.map((run) => ({
        period: run.period,
        status: run.status,
        total: run.total,
        processed: run.processed,
        finished: run.finishedAt !== null,
        error: run.error,
      })),
      actions: Object.fromEntries(actions.map((row) => [row.action, row.n])),
      chain: await verifyAuditChain(db),
    };
  }
}

let crashed: CrashTarget;
let crashedStores: string[];
let expected: Awaited<ReturnType<typeof snapshot>>;

beforeAll(async () => {
  crashed = await makeCrashTarget({
    prepare: async (handle) => void (crashedStores = await seedRegister(handle)),
  });
  // The reference: the same register graded by one uninterrupted run, in this process.
  const clean = await createTestDatabase();
  try {
    const cleanStores = await seedRegister(clean);
    await runGrading(clean.db, { model: findModel(MODEL)!, period: GRADED_PERIOD, chunkSize: CHUNK });
    expected = await snapshot(clean, cleanStores);
  } finally {
    await clean.close();
  }
}, 120_000);

afterAll(async () => {
  await killChildren();
  await crashed?.close();
});

describe(`shian credit run killed with SIGKILL mid-way (${databaseName}, seed ${seed})`, () => {
  it(`SECURITY.md #19: killed after ≥ ${KILL_AFTER} stores, rerun grades each store once, like a clean run`, async () => {
    const args = [
      "credit",
      "run",
      "--period",
      GRADED_PERIOD,
      "--model",
      MODEL,
      "--chunk-size",
      String(CHUNK),
    ];
    const progress = (stdout: string) =>
      [...stdout.matchAll(/: (\d+)\/\d+ \(/g)].map((match) => Number(match[1])).at(-1) ?? 0;

    const killed = await runCli(crashed.env, args, ({ stdout }) => progress(stdout) >= KILL_AFTER);
    console.log(`[crash] grading: killed after ${progress(killed.stdout)}/${STORES} stores reported`);
    expect(killed.signal).toBe("SIGKILL");
    expect(killed.stdout).not.toContain("stores graded");

    const middle = await withTarget(crashed, (handle) => snapshot(handle, crashedStores));
    expect(middle.runs).toHaveLength(1);
    expect(middle.runs[0]!.status).toBe("running");
    // Every committed chunk is there, and the cursor counts exactly the stores graded.
    expect(middle.runs[0]!.processed).toBeGreaterThanOrEqual(progress(killed.stdout));
    expect(middle.graded).toHaveLength(middle.runs[0]!.processed);
    expect(middle.runs[0]!.processed).toBeLessThan(STORES);

    const resumed = await runCli(crashed.env, args);
    expect(resumed.stderr).not.toMatch(/Error/);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(`${MODEL} ${GRADED_PERIOD}: ${STORES} stores graded`);

    const after = await withTarget(crashed, (handle) => snapshot(handle, crashedStores));
    const everyStore = Array.from({ length: STORES }, (_, i) => i);
    expect(after.graded).toEqual(everyStore);
    expect(expected.graded).toEqual(everyStore);
    expect(after.grades).toEqual(expected.grades);
    expect(after.current).toEqual(expected.current);
    expect(after.current.every((row) => row.period === GRADED_PERIOD)).toBe(true);
    expect(after.runs).toEqual([
      {
        period: GRADED_PERIOD,
        status: "done",
        total: STORES,
        processed: STORES,
        finished: true,
        error: null,
      },
    ]);
    expect(after.runs).toEqual(expected.runs);
    expect(after.actions).toEqual({ "credit.run.finish": 1, "credit.run.resume": 1, "credit.run.start": 1 });
    expect(expected.actions).toEqual({ "credit.run.finish": 1, "credit.run.start": 1 });
    expect(expected.chain.ok).toBe(true);
    expect(after.chain.ok).toBe(true);
    // Grades differ between stores, so equal results are not equal by accident.
    expect(new Set(Object.values(after.grades).map((g) => g.grade)).size).toBeGreaterThan(1);
  }, 180_000);
});
