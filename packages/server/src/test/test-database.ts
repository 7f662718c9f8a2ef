import fs from "node:fs";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { openDatabase, type DatabaseHandle } from "../db/client.js";
import { ensureRegions } from "../modules/regions/service.js";
import type {} from "./global-setup.js";

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database on the
 * PostgreSQL server named by TEST_DATABASE_URL (dropped afterwards).
 */
export interface TestDatabase extends DatabaseHandle {
  /** Connection URL of the PostgreSQL database, if that is what the test runs on. */
  url: string | undefined;
}

export interface TestDatabaseOptions {
  /**
   * Copy the migrated template with regions that vitest's globalSetup (test/global-setup.ts) prepared once per run,
   * instead of migrating and loading the regions here (seconds per file). Default true; the result is the same
   * database either way. Without a template (a run without that globalSetup) it migrates as before.
   */
  fromTemplate?: boolean;
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

/** A value the globalSetup provided, or undefined outside a vitest run that has it. */
function provided(key: "shianTemplateDatabase" | "shianTemplateTarball"): string | undefined {
  try {
    return inject(key);
  } catch {
    return undefined;
  }
}

let tarball: Blob | undefined;
function templateTarball(file: string): Blob {
  tarball ??= new Blob([fs.readFileSync(file)]);
  return tarball;
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const fromTemplate = options.fromTemplate ?? true;
  const serverUrl = process.env.TEST_DATABASE_URL;
  let url: string | undefined;
  let loadDataDir: Blob | undefined;
  if (serverUrl) {
    const name = `shian_test_${randomBytes(6).toString("hex")}`;
    const template = fromTemplate ? provided("shianTemplateDatabase") : undefined;
    await adminQuery(
      serverUrl,
      template ? `create database ${name} template ${template}` : `create database ${name}`,
    );
    const parsed = new URL(serverUrl);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
  } else {
    const file = fromTemplate ? provided("shianTemplateTarball") : undefined;
    if (file) loadDataDir = templateTarball(file);
  }
  const handle = await openDatabase({ databaseUrl: url, poolSize: 4, loadDataDir });
  // A no-op on a copy of the template (its migrations are all recorded), kept so that a test database is always at
  // the latest migration.
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
