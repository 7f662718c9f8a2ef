import type { FastifyBaseLogger } from "fastify";

export interface PeriodicJob {
  /** Names the job in the log when a run fails. */
  name: string;
  intervalMs: number;
  /** Runs once at start too (hourly schedules that must not wait an hour after a restart). */
  runAtStart?: boolean;
  /** One run; `signal` aborts when the server stops (long runs end after their current chunk). */
  run(signal: AbortSignal): Promise<void>;
}

/**
 * Runs `job` every interval in the server process. A run that outlasts the interval is not overlapped: ticks
 * during it are skipped and the next tick after it runs again. Returns a function that stops the schedule and
 * waits for the run in progress.
 */
export function startPeriodicJob(job: PeriodicJob, log: FastifyBaseLogger): () => Promise<void> {
  const stopping = new AbortController();
  let running: Promise<void> | undefined;
  const tick = () => {
    if (running) return;
    running = job
      .run(stopping.signal)
      .catch((error: unknown) => log.error({ err: error }, `${job.name} failed`))
      .finally(() => {
        running = undefined;
      });
  };
  if (job.runAtStart) tick();
  const timer = setInterval(tick, job.intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    stopping.abort();
    await running;
  };
}
