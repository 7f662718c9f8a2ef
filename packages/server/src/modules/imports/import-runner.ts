import type { FastifyBaseLogger } from "fastify";
import type { Database } from "../../db/client.js";
import type { RequestContext } from "../accounts/actor.js";
import type { ImportFormat, ImportSource } from "./file-reader.js";
import { ImportConflictError, runImportJob, type ImportHooks } from "./service.js";

/** Runs import jobs in the background of this process (console uploads): at most one runner per job. */
export interface ImportRunner {
  start(job: { jobId: string; source: ImportSource; format: ImportFormat; context: RequestContext }): void;
  /** Resolves when the job's runner in this process has stopped (at once when there is none). */
  wait(jobId: string): Promise<void>;
  /** Stops every runner after its current batch (the jobs stay resumable) and waits for them. */
  close(): Promise<void>;
}

export function createImportRunner(
  db: Database,
  options: { hooks?: ImportHooks; batchSize?: number; log?: FastifyBaseLogger } = {},
): ImportRunner {
  const running = new Map<string, Promise<void>>();
  const controller = new AbortController();
  return {
    start({ jobId, source, format, context }) {
      if (running.has(jobId) || controller.signal.aborted) return;
      const task = runImportJob({
        db,
        context,
        jobId,
        source,
        format,
        run: { ...options.hooks, batchSize: options.batchSize, signal: controller.signal },
      }).then(
        () => undefined,
        (error: unknown) => {
          // A conflict means another process carries the job on; anything else is logged and the job is failed.
          if (!(error instanceof ImportConflictError))
            options.log?.error({ err: error, jobId }, "import job failed");
        },
      );
      running.set(jobId, task);
      void task.finally(() => running.delete(jobId));
    },
    async wait(jobId) {
      await running.get(jobId);
    },
    async close() {
      controller.abort();
      await Promise.allSettled(running.values());
    },
  };
}
