// The monthly grading job (月度评级): one grading_runs row per model and period; the model's stores are read in
// keyset chunks (facts-sql.ts), graded by the domain (gradeStore) and written — history, current grade and run
// progress — in ONE transaction per chunk. A crash loses at most the chunk in flight; running again resumes from
// the run's cursor. A finished run is returned as it is. Memory holds one chunk, whatever the register's size.

import {
  CREDIT_MODELS,
  chinaDate,
  gradeStore,
  type CreditModel,
  type Evaluation,
  type Improvement,
  type IndicatorResult,
  type StoreGrade,
} from "@shian/domain";
import type { Database, Queryable } from "../../db/client.js";
import { SYSTEM_CONTEXT, type RequestContext } from "../accounts/actor.js";
import { recordAudit } from "../audit/service.js";
import { invalidateAllStores, invalidateStore } from "../safety-code/cache.js";
import {
  computeStoreFacts,
  countPopulation,
  isInPopulation,
  populationOf,
  type StoreFactsRow,
} from "./facts-sql.js";
import * as repo from "./grading-repository.js";
import { periodEnd, periodOf, periodWindow } from "./period.js";

export const DEFAULT_CHUNK_SIZE = 1000;

export interface RunProgress {
  runId: string;
  processed: number;
  total: number;
}

export interface RunGradingOptions {
  model: CreditModel;
  /** 'YYYY-MM', China time; not later than the current month. */
  period: string;
  /** Who started the run (the CLI and the scheduler run as the system). */
  startedBy?: RequestContext;
  chunkSize?: number;
  /** Called after each committed chunk. */
  onProgress?: (progress: RunProgress) => void;
  /** Stops between chunks (server shutdown); the run stays "running" and resumes next time. */
  signal?: AbortSignal;
  now?: Date;
}

/**
 * What history keeps beside the score. Indicators and improvements are stored without their bilingual label
 * and advice (≈ 9 KB a store otherwise, at a million stores a month); the presenter adds them back by code.
 */
export interface GradeBreakdown {
  dimensions: Evaluation["breakdown"];
  codeColour: Evaluation["codeColour"];
  supervision: Evaluation["supervision"];
  indicators: Omit<IndicatorResult, "label" | "advice">[];
  /** Worst first. */
  improvements: Pick<Improvement, "code" | "score">[];
}

/** Runs in progress in this process: a second request for the same run waits for the first. */
const active = new Map<string, Promise<repo.GradingRunRow>>();

/** Grades a model's stores for a period; idempotent and resumable (see the top of this file). */
export async function runGrading(db: Database, options: RunGradingOptions): Promise<repo.GradingRunRow> {
  const { run, created } = await openRun(db, options);
  return continueRun(db, run, { ...options, resumed: !created });
}

/**
 * Finds the run of the model and period, or creates it with its start audit entry. A month graded before it
 * ended (the demo data, an early request) is graded again from the start once it has ended; a month graded
 * after its end is final.
 */
export async function openRun(
  db: Database,
  { model, period, startedBy = SYSTEM_CONTEXT, now = new Date() }: RunGradingOptions,
): Promise<{ run: repo.GradingRunRow; created: boolean }> {
  if (period > periodOf(now)) throw new RangeError(`period ${period} has not started yet`);
  periodWindow(period, now);
  return db.transaction(async (tx) => {
    const existing = await repo.findRun(tx, model.id, period, { lock: true });
    const provisional = existing?.status === "done" && !isFinal(existing) && now >= periodEnd(period);
    if (existing && !provisional) return { run: existing, created: false };
    const fresh = {
      modelVersion: model.version,
      status: "running" as const,
      total: await countPopulation(tx, populationOf(model), null),
      processed: 0,
      lastStoreId: null,
      error: null,
      startedBy: startedBy.actor?.kind === "user" ? startedBy.actor.id : null,
      startedAt: now,
      finishedAt: null,
    };
    const opened = existing
      ? { run: await repo.updateRun(tx, existing.id, fresh), created: true }
      : await repo.ensureRun(tx, { model: model.id, period, ...fresh });
    if (!opened.created) return opened; // another process created it a moment ago
    await recordAudit(tx, startedBy, {
      action: "credit.run.start",
      subjectType: "grading_run",
      subjectId: opened.run.id,
      after: { model: model.id, modelVersion: model.version, period, total: fresh.total, again: provisional },
    });
    return opened;
  });
}

/** A run done after its month ended: nothing will grade that month again. */
export function isFinal(run: repo.GradingRunRow): boolean {
  return run.status === "done" && run.finishedAt !== null && run.finishedAt >= periodEnd(run.period);
}

/** Works a run to its end (nothing to do when it is done); concurrent callers in this process share one. */
export function continueRun(
  db: Database,
  run: repo.GradingRunRow,
  options: RunGradingOptions & { resumed: boolean },
): Promise<repo.GradingRunRow> {
  if (run.status === "done") return Promise.resolve(run);
  const inFlight = active.get(run.id);
  if (inFlight) return inFlight;
  const work = workRun(db, run, options).finally(() => active.delete(run.id));
  active.set(run.id, work);
  return work;
}

async function workRun(
  db: Database,
  run: repo.GradingRunRow,
  options: RunGradingOptions & { resumed: boolean },
): Promise<repo.GradingRunRow> {
  const { model, startedBy = SYSTEM_CONTEXT, chunkSize = DEFAULT_CHUNK_SIZE, onProgress, resumed } = options;
  const population = populationOf(model);
  try {
    if (resumed) {
      const current = await db.transaction(async (tx) => {
        const current = await repo.lockRun(tx, run.id);
        if (current.status === "done") return current; // another process finished it meanwhile
        const remaining = await countPopulation(tx, population, current.lastStoreId);
        await repo.updateRun(tx, run.id, {
          status: "running",
          error: null,
          total: current.processed + remaining,
        });
        await recordAudit(tx, startedBy, {
          action: "credit.run.resume",
          subjectType: "grading_run",
          subjectId: run.id,
          before: { status: current.status, processed: current.processed },
          after: { model: model.id, period: run.period, remaining },
        });
        return current;
      });
      if (current.status === "done") return current;
    }
    for (;;) {
      const step = await gradeNextChunk(db, run.id, model, startedBy, chunkSize, options.now);
      invalidateAllStores();
      if (step.status === "done") return step;
      onProgress?.({ runId: step.id, processed: step.processed, total: step.total });
      if (options.signal?.aborted) return step;
    }
  } catch (error) {
    // Best effort: if the database is gone the run stays "running", which resumes the same way.
    await markFailed(db, run.id, startedBy, error).catch(() => undefined);
    throw error;
  }
}

async function markFailed(db: Database, runId: string, context: RequestContext, error: unknown) {
  await db.transaction(async (tx) => {
    const failed = await repo.updateRun(tx, runId, { status: "failed", error: String(error) });
    await recordAudit(tx, context, {
      action: "credit.run.fail",
      subjectType: "grading_run",
      subjectId: runId,
      outcome: "failure",
      after: { processed: failed.processed, error: failed.error },
    });
  });
}

/** One chunk in one transaction: facts, grades, history, current grades, cursor — or the run's end. */
async function gradeNextChunk(
  db: Database,
  runId: string,
  model: CreditModel,
  context: RequestContext,
  chunkSize: number,
  now = new Date(),
): Promise<repo.GradingRunRow> {
  return db.transaction(async (tx) => {
    const run = await repo.lockRun(tx, runId);
    if (run.status === "done") return run;
    const window = periodWindow(run.period, now);
    const rows = await computeStoreFacts(tx, populationOf(model), window, {
      after: run.lastStoreId,
      limit: chunkSize,
    });
    await writeGrades(tx, model, run.period, run.id, chinaDate(now), rows);
    const processed = run.processed + rows.length;
    if (rows.length === chunkSize) {
      return repo.updateRun(tx, runId, { processed, lastStoreId: rows.at(-1)!.storeId });
    }
    const done = await repo.updateRun(tx, runId, {
      processed,
      total: processed,
      lastStoreId: rows.at(-1)?.storeId ?? run.lastStoreId,
      status: "done",
      finishedAt: now,
    });
    await recordAudit(tx, context, {
      action: "credit.run.finish",
      subjectType: "grading_run",
      subjectId: runId,
      after: { model: model.id, period: run.period, processed },
    });
    return done;
  });
}

async function writeGrades(
  tx: Queryable,
  model: CreditModel,
  period: string,
  runId: string | null,
  gradedOn: string,
  rows: StoreFactsRow[],
): Promise<Evaluation[]> {
  const graded = rows.map((row) => ({ row, grade: gradeStore(model, row.facts) }));
  const gradedAt = new Date();
  await repo.upsertGradeHistory(
    tx,
    graded.map(({ row, grade }) => ({
      storeId: row.storeId,
      model: model.id,
      period,
      modelVersion: model.version,
      runId,
      regionCode: row.regionCode,
      score: grade.evaluation.score,
      grade: grade.evaluation.grade,
      riskColour: grade.evaluation.colour,
      vetoed: grade.evaluation.vetoed,
      breakdown: breakdownOf(grade),
      facts: row.facts,
      gradedAt,
    })),
  );
  await repo.upsertStoreGrades(
    tx,
    graded.map(({ row, grade }) => ({
      storeId: row.storeId,
      grade: grade.evaluation.grade,
      colour: grade.evaluation.codeColour,
      riskColour: grade.evaluation.colour,
      score: grade.evaluation.score,
      period,
      model: model.id,
      gradedOn,
    })),
  );
  return graded.map(({ grade }) => grade.evaluation);
}

function breakdownOf({ evaluation, indicators, improvements }: StoreGrade): GradeBreakdown {
  return {
    dimensions: evaluation.breakdown,
    codeColour: evaluation.codeColour,
    supervision: evaluation.supervision,
    indicators: indicators.map(({ code, group, dimension, score, weight }) => ({
      code,
      group,
      dimension,
      score,
      weight,
    })),
    improvements: improvements.map(({ code, score }) => ({ code, score })),
  };
}

/**
 * Re-computes one store's grade for the current period (after a credit repair, an alert…) in the caller's
 * transaction, with every model whose population holds it (normally one). `today` is the China date.
 * Returns the evaluations; none for a store no model grades (no licence).
 */
export async function regradeStore(tx: Queryable, storeId: string, today: string): Promise<Evaluation[]> {
  const profile = await repo.findStoreProfile(tx, storeId);
  if (!profile) return [];
  const now = new Date();
  const asOf = chinaDate(now) === today ? now : new Date(`${today}T23:59:59.999+08:00`);
  const window = periodWindow(today.slice(0, 7), asOf);
  const evaluations: Evaluation[] = [];
  for (const model of CREDIT_MODELS) {
    const population = populationOf(model);
    if (!isInPopulation(population, profile)) continue;
    const rows = await computeStoreFacts(tx, population, window, { storeId });
    evaluations.push(...(await writeGrades(tx, model, window.period, null, today, rows)));
  }
  invalidateStore(storeId);
  return evaluations;
}
