import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import type { Invalidation } from "./notify.js";

const POLL_MS = 25;
/** A replica further behind than this is broken, not lagging: the entries' TTL is the bound then. */
const GIVE_UP_MS = 60_000;

interface Logger {
  warn(message: string): void;
}

/** A pg_lsn's text form "16/B374D848" as a number that orders like the LSN. */
export function lsnValue(text: string): bigint {
  const [high = "0", low = "0"] = text.split("/");
  return (BigInt(`0x${high}`) << 32n) | BigInt(`0x${low}`);
}

interface Fence {
  lsn: string;
  messages: Invalidation[];
  since: number;
}

/**
 * With a read replica, an entry dropped when a change commits can be refilled at once from a replica that has
 * not replayed the change yet. The fence notes the primary's WAL position when the invalidation arrives (after
 * the commit, so at or past it) and applies the invalidation again once the replica has replayed that far:
 * staleness is bounded by the replica's lag, not by the cache's TTL.
 */
export function createReplicaFence(
  primary: Database,
  replica: Database,
  apply: (message: Invalidation) => void,
  log: Logger,
) {
  const fences: Fence[] = [];
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const scalar = async (db: Database, query: ReturnType<typeof sql>) => {
    const result = (await db.execute(query)) as unknown as { rows: Record<string, unknown>[] };
    return result.rows[0]?.value;
  };

  const poll = async () => {
    timer = undefined;
    if (stopped || fences.length === 0) return;
    try {
      // Null on a server that is not a standby: nothing to wait for.
      const replayed = await scalar(replica, sql`select pg_last_wal_replay_lsn()::text as value`);
      const position = typeof replayed === "string" ? lsnValue(replayed) : null;
      while (fences.length > 0) {
        const oldest = fences[0]!;
        const reached = position === null || lsnValue(oldest.lsn) <= position;
        if (!reached && Date.now() - oldest.since <= GIVE_UP_MS) break;
        fences.shift();
        oldest.messages.forEach(apply);
      }
    } catch (error) {
      log.warn(`replica fence: ${(error as Error).message}`);
    }
    schedule();
  };

  const schedule = () => {
    if (stopped || timer || fences.length === 0) return;
    timer = setTimeout(() => void poll(), POLL_MS);
    timer.unref();
  };

  return {
    /** Re-applies `message` once the replica has replayed what the primary has written so far. */
    async add(message: Invalidation): Promise<void> {
      const lsn = await scalar(primary, sql`select pg_current_wal_lsn()::text as value`);
      if (typeof lsn !== "string") return;
      const last = fences.at(-1);
      if (last && last.lsn === lsn) last.messages.push(message);
      else fences.push({ lsn, messages: [message], since: Date.now() });
      schedule();
    },
    stop(): void {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
