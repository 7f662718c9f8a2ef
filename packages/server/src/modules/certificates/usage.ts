// E-certificate usage (电子证照使用情况): verifications and downloads per China day, region and channel, for the
// statistics reports. Counting must not slow the public verify path, so a request only bumps an in-memory map;
// a timer (and the app's close) flushes it with one upsert whose region comes from the licence.

import { chinaDate } from "@shian/domain";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";

export type UsageKind = "verification" | "download";

/**
 * Where a use happened. Verifications: page (/v/:token), api (GET /api/v1/verify/:licenseNo), token
 * (POST /api/v1/verify/token), partner (partner certificate API), batch (partner batch verify).
 * Downloads: pdf, qr, json (signed certificate), partner-pdf.
 */
export type UsageChannel =
  "page" | "api" | "token" | "partner" | "batch" | "pdf" | "ofd" | "qr" | "json" | "partner-pdf";

export interface UsageCounter {
  /** Counts one use of a licence's certificate; cheap and synchronous. */
  count(licenseNo: string, kind: UsageKind, channel: UsageChannel, at?: Date): void;
  /** Writes what was counted since the last flush (one statement per 1 000 keys). */
  flush(): Promise<void>;
  /** Stops the timer and flushes. */
  close(): Promise<void>;
}

interface Logger {
  error(object: unknown, message?: string): void;
}

const FLUSH_INTERVAL_MS = 5_000;
const ROWS_PER_STATEMENT = 1_000;
const SEPARATOR = "\u0000";

export function createUsageCounter(
  db: Database,
  options: { intervalMs?: number; log?: Logger } = {},
): UsageCounter {
  let pending = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;
  let flushing: Promise<void> = Promise.resolve();

  const write = async (batch: Map<string, number>) => {
    const rows = [...batch].map(([key, n]) => [...key.split(SEPARATOR), n] as const);
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      const values = sql.join(
        rows
          .slice(start, start + ROWS_PER_STATEMENT)
          .map(
            ([day, licenseNo, kind, channel, n]) => sql`(${day}, ${licenseNo}, ${kind}, ${channel}, ${n})`,
          ),
        sql`, `,
      );
      // Unknown licence numbers (a batch check of a typo) drop out in the join: there is no region to count them in.
      await db.execute(sql`
        insert into certificate_usage (day, region_code, kind, channel, count)
        select v.day::date, l.region_code, v.kind, v.channel, sum(v.n::int)::int
        from (values ${values}) as v(day, license_no, kind, channel, n)
        join licenses l on l.number = v.license_no
        group by v.day, l.region_code, v.kind, v.channel
        on conflict (day, region_code, kind, channel)
        do update set count = certificate_usage.count + excluded.count`);
    }
  };

  const flushOnce = async () => {
    if (pending.size === 0) return;
    const batch = pending;
    pending = new Map();
    try {
      await write(batch);
    } catch (error) {
      // Keep the counts for the next flush rather than lose them.
      for (const [key, n] of batch) pending.set(key, (pending.get(key) ?? 0) + n);
      throw error;
    }
  };

  const flush = () => {
    // Flushes run one after another so a timer flush and a test's flush never write the same batch twice.
    flushing = flushing.catch(() => {}).then(flushOnce);
    return flushing;
  };

  return {
    count(licenseNo, kind, channel, at = new Date()) {
      const key = [chinaDate(at), licenseNo, kind, channel].join(SEPARATOR);
      pending.set(key, (pending.get(key) ?? 0) + 1);
      if (!timer) {
        timer = setInterval(() => {
          flush().catch((error: unknown) => options.log?.error(error, "certificate usage flush failed"));
        }, options.intervalMs ?? FLUSH_INTERVAL_MS);
        timer.unref();
      }
    },
    flush,
    async close() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await flush();
    },
  };
}

// One counter per database handle, so the certificate and partner routes of one app share it (and its timer).
const counters = new WeakMap<Database, UsageCounter>();

/** The usage counter of the app using `db`: created on first use; closed by the app's onClose hook. */
export function usageCounterFor(db: Database, log?: Logger): UsageCounter {
  let counter = counters.get(db);
  if (!counter) {
    counter = createUsageCounter(db, log ? { log } : {});
    counters.set(db, counter);
  }
  return counter;
}
