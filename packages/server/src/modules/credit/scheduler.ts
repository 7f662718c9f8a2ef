// The monthly grading schedule, in the server process (like the outbox worker): on start and every hour, each
// model whose previous month has no final run (one finished after the month ended) is graded for it. A run is
// idempotent and resumable, so a restart, a second node or a tick during a run does no harm (chunks lock the run).

import { CREDIT_MODELS } from "@shian/domain";
import type { Database } from "../../db/client.js";
import { isFinal, runGrading } from "./grading.js";
import { findRun } from "./grading-repository.js";
import { periodOf, shiftPeriod } from "./period.js";

export const SCHEDULE_INTERVAL_MS = 3_600_000;

/** Grades last month with every model that has not finished it; returns the models run. */
export async function gradePreviousMonth(
  db: Database,
  now = new Date(),
  signal?: AbortSignal,
): Promise<string[]> {
  const period = shiftPeriod(periodOf(now), -1);
  const ran: string[] = [];
  for (const model of CREDIT_MODELS) {
    const run = await findRun(db, model.id, period);
    if ((run && isFinal(run)) || signal?.aborted) continue;
    await runGrading(db, { model, period, now, signal });
    ran.push(model.id);
  }
  return ran;
}
