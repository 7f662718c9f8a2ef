import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type DatabaseHandle } from "../db/client.js";
import { ensureRegions } from "../modules/regions/service.js";

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database on the
 * PostgreSQL server named by TEST_DATABASE_URL (dropped afterwards).
 */
export interface TestDatabase extends DatabaseHandle {
  /** Connection URL of the PostgreSQL database, if that is what the test runs on. */
  url: string | undefined;
}

async function adminQuery(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  let url: string | undefined;
  if (serverUrl) {
    const name = `shian_test_${randomBytes(6).toString("hex")}`;
    await adminQuery(serverUrl, `create database ${name}`);
    const parsed = new URL(serverUrl);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
  }
  const handle = await openDatabase({ databaseUrl: url, poolSize: 4 });
  await handle.migrate();
  await ensureRegions(handle.db);
  return {
    ...handle,
    url,
    close: async () => {
      await handle.close();
      if (serverUrl && url)
        await adminQuery(serverUrl, `drop database if exists ${new URL(url).pathname.slice(1)} with (force)`);
    },
  };
}
