import { sql } from "drizzle-orm";
import pg from "pg";
import type { Database, Queryable } from "../../db/client.js";

/**
 * Cross-node invalidation of the public read caches (scan pages, verification answers) by PostgreSQL
 * LISTEN/NOTIFY. A change NOTIFYs `shian_public_cache` with `<kind>:<key>`; PostgreSQL delivers a NOTIFY only
 * when its transaction commits, so a node never drops an entry and re-reads the old state of an open transaction.
 * Every app process holds one LISTEN connection to the primary (startInvalidationListener) and drops what the
 * message names — its own messages included, which closes the window between the in-transaction local drop and
 * the commit. PGlite is one process: the local drop is all there is and nothing is published.
 */
export const PUBLIC_CACHE_CHANNEL = "shian_public_cache";

/** `store`: the scan pages of a store id; `license`: the verification of a licence number; `all`: every page. */
export type InvalidationKind = "store" | "license" | "all";

export interface Invalidation {
  kind: InvalidationKind;
  key: string;
}

const KINDS: ReadonlySet<string> = new Set<InvalidationKind>(["store", "license", "all"]);
// Store ids are UUIDs and licence numbers JY/SC + 14 digits: a newline never occurs, so it separates a batch.
const KEY = /^[A-Za-z0-9-]{0,64}$/;

export function encodeInvalidation({ kind, key }: Invalidation): string {
  return `${kind}:${key}`;
}

/** Null for anything that is not one of ours (the channel is not authenticated beyond the database login). */
export function parseInvalidation(payload: string): Invalidation | null {
  const colon = payload.indexOf(":");
  if (colon < 0) return null;
  const kind = payload.slice(0, colon);
  const key = payload.slice(colon + 1);
  return KINDS.has(kind) && KEY.test(key) ? { kind: kind as InvalidationKind, key } : null;
}

interface Logger {
  warn(message: string): void;
}

let publisher: { db: Database; log: Logger } | null = null;
let pending = new Set<string>();
let flushQueued = false;

/**
 * PostgreSQL deployments publish through the primary; null (PGlite, or the app closing) stops publishing.
 * Returns a function that clears the publisher if it is still this one (tests build several apps in turn).
 */
export function setInvalidationPublisher(db: Database | null, log: Logger = console): () => void {
  const current = db ? { db, log } : null;
  publisher = current;
  return () => {
    if (publisher === current) publisher = null;
  };
}

/** One statement however many messages: pg_notify over the newline-separated payloads. */
function notifyStatement(payloads: readonly string[]) {
  return sql`select pg_notify(${PUBLIC_CACHE_CHANNEL}, payload)
    from unnest(string_to_array(${payloads.join("\n")}, E'\\n')) as payload`;
}

/** NOTIFY as part of `tx`: other nodes hear it when (and only if) the transaction commits. */
export async function publishInTransaction(tx: Queryable, messages: readonly Invalidation[]): Promise<void> {
  if (!publisher || messages.length === 0) return;
  await tx.execute(notifyStatement(messages.map(encodeInvalidation)));
}

/**
 * NOTIFY on its own, for callers that invalidate after their transaction committed (ratings, alerts, grading):
 * batched per turn of the event loop, fire and forget — a lost message is bounded by the caches' TTL.
 */
export function publishSoon(message: Invalidation): void {
  if (!publisher) return;
  pending.add(encodeInvalidation(message));
  if (flushQueued) return;
  flushQueued = true;
  setImmediate(() => {
    flushQueued = false;
    const batch = [...pending];
    pending = new Set();
    const target = publisher;
    if (!target || batch.length === 0) return;
    target.db
      .execute(notifyStatement(batch))
      .catch((error: unknown) =>
        target.log.warn(`public cache NOTIFY failed (entries expire by TTL): ${(error as Error).message}`),
      );
  });
}

export interface ListenerOptions {
  /** The primary (NOTIFY is not replicated to standbys' listeners). */
  connectionString: string;
  onInvalidation(message: Invalidation): void;
  /** Called on every (re)connection: messages sent while not listening are lost, so drop everything. */
  onListening(): void;
  log: Logger;
  minDelayMs?: number;
  maxDelayMs?: number;
}

export interface Listener {
  /** Resolves once the first LISTEN is in place (or the listener was stopped). */
  ready: Promise<void>;
  stop(): Promise<void>;
}

/** One dedicated LISTEN connection, reconnected with exponential backoff when it drops. */
export function startInvalidationListener(options: ListenerOptions): Listener {
  const minDelay = options.minDelayMs ?? 250;
  const maxDelay = options.maxDelayMs ?? 10_000;
  let delay = minDelay;
  let stopped = false;
  let client: pg.Client | null = null;
  let timer: NodeJS.Timeout | undefined;
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const retry = () => {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, delay);
    timer.unref();
    delay = Math.min(delay * 2, maxDelay);
  };

  const lost = (candidate: pg.Client, reason: string) => {
    if (client !== candidate) return;
    client = null;
    options.log.warn(`public cache LISTEN connection lost (${reason}); reconnecting`);
    candidate.end().catch(() => {});
    retry();
  };

  async function connect() {
    const candidate = new pg.Client({ connectionString: options.connectionString });
    candidate.on("error", (error) => lost(candidate, error.message));
    candidate.on("end", () => lost(candidate, "closed"));
    candidate.on("notification", (notice) => {
      if (notice.channel !== PUBLIC_CACHE_CHANNEL || !notice.payload) return;
      const message = parseInvalidation(notice.payload);
      if (message) options.onInvalidation(message);
    });
    try {
      await candidate.connect();
      await candidate.query(`LISTEN ${PUBLIC_CACHE_CHANNEL}`);
    } catch (error) {
      options.log.warn(`public cache LISTEN failed: ${(error as Error).message}; retrying`);
      candidate.end().catch(() => {});
      retry();
      return;
    }
    if (stopped) {
      await candidate.end().catch(() => {});
      return;
    }
    client = candidate;
    delay = minDelay;
    options.onListening();
    markReady();
  }

  void connect();
  return {
    ready,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      markReady();
      const current = client;
      client = null;
      await current?.end().catch(() => {});
    },
  };
}
