import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import pg from "pg";
import { schema } from "./schema.js";
import { lockDataDir } from "./data-dir-lock.js";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** A database handle or an open transaction: repositories accept either. */
export type Queryable = Database | Transaction;

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

export interface DatabaseHandle {
  kind: "pglite" | "postgres";
  db: Database;
  /** Reads that may lag (scan pages, verification) go here: a replica when DATABASE_READ_URL is set. */
  readDb: Database;
  poolStats(): PoolStats;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export const migrationsFolder = fileURLToPath(new URL("../../drizzle", import.meta.url));

export interface OpenOptions {
  databaseUrl?: string | undefined;
  databaseReadUrl?: string | undefined;
  /** PGlite data directory; undefined = in memory (tests). */
  dataDir?: string | undefined;
  /** In-memory PGlite only: start from this dumpDataDir() tarball (tests copy a migrated template). */
  loadDataDir?: Blob | undefined;
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options)
    : openPglite(options.dataDir, options.loadDataDir);
}

async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<DatabaseHandle> {
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  try {
    const client = await PGlite.create(dataDir ? path.join(dataDir, "pglite") : undefined, { loadDataDir });
    const db = drizzlePglite({ client, schema }) as unknown as Database;
    return {
      kind: "pglite",
      db,
      readDb: db,
      poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
      migrate: () => migratePglite(db as never, { migrationsFolder }),
      close: async () => {
        await client.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

async function openPostgres(url: string, options: OpenOptions): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
  const readPool = options.databaseReadUrl
    ? new pg.Pool({ connectionString: options.databaseReadUrl, max: options.poolSize ?? 10 })
    : undefined;
  // An idle connection closed by the server (restart, failover, a dropped test database) must not crash the
  // process: the pool discards it and opens a new one on the next query.
  for (const p of [pool, readPool]) {
    p?.on("error", (error) => console.warn(`PostgreSQL connection lost: ${error.message}`));
  }
  const db = drizzlePg(pool, { schema }) as unknown as Database;
  const readDb = readPool ? (drizzlePg(readPool, { schema }) as unknown as Database) : db;
  return {
    kind: "postgres",
    db,
    readDb,
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    migrate: () => migratePg(db as never, { migrationsFolder }),
    close: async () => {
      await pool.end();
      await readPool?.end();
    },
  };
}
