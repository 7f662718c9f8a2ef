// Snapshot retention (SNAPSHOT_RETENTION_DAYS): rows past expires_at and their files go, nothing else — not the
// uploaded files of DATA_DIR/files, not evidence copies, not the events (their snapshot_id becomes null).

import type { Database } from "../../db/client.js";
import { SYSTEM_CONTEXT, type RequestContext } from "../accounts/actor.js";
import { recordAudit } from "../audit/service.js";
import type { FileStore } from "../files/file-store.js";
import * as repo from "./repository.js";

/** How often the server runs the purge. */
export const SNAPSHOT_PURGE_INTERVAL_MS = 60 * 60_000;
const CHUNK = 500;

export interface PurgeSummary {
  rows: number;
  files: number;
}

/**
 * Deletes expired snapshot rows in chunks (one transaction each, audited), then the files that no remaining
 * row references; a file shared with a younger snapshot (same bytes) stays.
 */
export async function purgeExpiredSnapshots(
  db: Database,
  snapshotStore: FileStore,
  options: { now?: Date; signal?: AbortSignal; context?: RequestContext } = {},
): Promise<PurgeSummary> {
  const now = options.now ?? new Date();
  const summary: PurgeSummary = { rows: 0, files: 0 };
  for (;;) {
    if (options.signal?.aborted) break;
    const { hashes, unreferenced } = await db.transaction(async (tx) => {
      const deleted = await repo.deleteExpiredSnapshots(tx, now, CHUNK);
      const gone = await repo.unreferencedHashes(tx, deleted);
      if (deleted.length > 0) {
        await recordAudit(tx, options.context ?? SYSTEM_CONTEXT, {
          action: "kitchen_snapshot.purge",
          subjectType: "kitchen_snapshot",
          after: { rows: deleted.length, files: gone.length, before: now.toISOString() },
        });
      }
      return { hashes: deleted, unreferenced: gone };
    });
    for (const sha256 of unreferenced) if (await snapshotStore.delete(sha256)) summary.files += 1;
    summary.rows += hashes.length;
    if (hashes.length < CHUNK) break;
  }
  return summary;
}
