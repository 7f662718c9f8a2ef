import type { Config } from "../../config.js";
import type { DatabaseHandle } from "../../db/client.js";
import { applyInvalidation, dropAllPublicCaches } from "./invalidation.js";
import { startInvalidationListener } from "./notify.js";
import { createReplicaFence } from "./replica-fence.js";

interface Logger {
  warn(message: string): void;
}

/**
 * On PostgreSQL, one LISTEN connection per app on the primary; the app starts serving once it listens (else a
 * change made on another node before that would stay cached here until the TTL). With a read replica, every
 * invalidation is applied again once the replica has replayed it (replica-fence.ts). Returns the stop function.
 */
export async function startPublicCacheListener(
  config: Pick<Config, "databaseUrl" | "databaseReadUrl">,
  database: DatabaseHandle,
  log: Logger,
): Promise<() => Promise<void>> {
  if (database.kind !== "postgres" || !config.databaseUrl) return async () => {};
  const fence = config.databaseReadUrl
    ? createReplicaFence(database.db, database.readDb, applyInvalidation, log)
    : null;
  const listener = startInvalidationListener({
    connectionString: config.databaseUrl,
    onInvalidation: (message) => {
      applyInvalidation(message);
      fence?.add(message).catch((error: unknown) => log.warn(`replica fence: ${(error as Error).message}`));
    },
    onListening: dropAllPublicCaches,
    log,
  });
  await listener.ready;
  return async () => {
    fence?.stop();
    await listener.stop();
  };
}
