import type { FastifyBaseLogger } from "fastify";
import type { Database } from "../../db/client.js";
import type { Adapters } from "./adapters.js";
import { claimDue, markFailed, markSent } from "./repository.js";

export const MAX_ATTEMPTS = 8;

/** Exponential backoff: 5 s, 10 s, 20 s … for attempts 1…7; then the message is marked failed. */
export function retryAt(attempts: number, now = Date.now()): Date | null {
  return attempts + 1 >= MAX_ATTEMPTS ? null : new Date(now + 5000 * 2 ** attempts);
}

/** Delivers what is due, one transaction per batch; returns how many messages were tried. */
export async function deliverDue(
  db: Database,
  adapters: Adapters,
  log: FastifyBaseLogger,
  batch = 20,
): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await claimDue(tx, batch);
    for (const message of due) {
      try {
        // A savepoint per message: one failed delivery does not undo the others.
        await tx.transaction((savepoint) => adapters[message.channel](savepoint, message));
        await markSent(tx, message.id);
      } catch (error) {
        log.warn({ outboxId: message.id, channel: message.channel, err: error }, "outbox delivery failed");
        await markFailed(tx, message.id, (error as Error).message, retryAt(message.attempts));
      }
    }
    return due.length;
  });
}

/** Polls the outbox every `intervalMs` in this process; stop() waits for the running round. */
export function startOutboxWorker(
  db: Database,
  adapters: Adapters,
  log: FastifyBaseLogger,
  intervalMs = 1000,
) {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const timer = setInterval(() => {
    running = running
      .then(() => (stopped ? 0 : deliverDue(db, adapters, log)))
      .catch((error) => log.error({ err: error }, "outbox round failed"));
  }, intervalMs);
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
