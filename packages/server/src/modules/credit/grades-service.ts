// Use cases behind the grading API: start a run (it continues in the background), list runs, a store's grades
// with their breakdown, and the grade distribution of a jurisdiction.

import { findModel } from "@shian/domain";
import type { Database } from "../../db/client.js";
import { AppError } from "../../http/errors.js";
import type { RequestContext, UserActor } from "../accounts/actor.js";
import { findStoreById } from "../entities/repository.js";
import { continueRun, openRun } from "./grading.js";
import { authorizeStoreGrades, distributionPrefix } from "./grading-policy.js";
import * as repo from "./grading-repository.js";
import { periodOf } from "./period.js";

/** How many past grades a store's history shows (two years of months). */
const HISTORY_LIMIT = 24;

/**
 * Opens the run of a model and period (or finds it: the request is idempotent) and returns it at once with the
 * work that grades it; a finished run's work is nothing.
 */
export async function requestGradingRun(
  db: Database,
  context: RequestContext,
  input: { model: string; period: string },
  signal: AbortSignal,
  now = new Date(),
) {
  const model = findModel(input.model);
  if (!model) throw new AppError("not_found");
  if (input.period > periodOf(now)) {
    throw new AppError(
      "validation_failed",
      { "zh-CN": "该月份尚未开始，无法评级", en: "This month has not started yet" },
      [{ pointer: "/body/period", message: "must not be after the current month" }],
    );
  }
  const { run, created } = await openRun(db, { model, period: input.period, startedBy: context, now });
  const work = continueRun(db, run, {
    model,
    period: input.period,
    startedBy: context,
    resumed: !created,
    signal,
  });
  return { run, work };
}

export async function listGradingRuns(db: Database, query: { model?: string | undefined; limit: number }) {
  return repo.listRuns(db, query);
}

/** A store's current grade and its history, newest first; 404 outside the actor's sight. */
export async function storeGrades(db: Database, actor: UserActor, storeId: string) {
  const store = await findStoreById(db, storeId);
  authorizeStoreGrades(actor, store);
  const [current, history] = await Promise.all([
    repo.findStoreGrade(db, storeId),
    repo.listGradeHistory(db, storeId, HISTORY_LIMIT),
  ]);
  return { store, current, history };
}

/** Stores per grade in a period (the latest graded one by default) within the jurisdiction. */
export async function gradeDistribution(
  db: Database,
  actor: UserActor,
  query: { period?: string | undefined; region?: string | undefined; grade?: string | undefined },
) {
  const regionPrefix = distributionPrefix(actor, query.region);
  const period = query.period ?? (await repo.latestDonePeriod(db));
  if (!period) return { period: null, items: [] };
  const items = await repo.gradeDistribution(db, { period, regionPrefix, grade: query.grade });
  return { period, items };
}
