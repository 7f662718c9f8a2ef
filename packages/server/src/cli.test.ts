import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./test/test-database.js";

// The `shian` CLI as an operator runs it: the built dist/cli.js (npm test builds it first, see pretest).
const CLI = fileURLToPath(new URL("../dist/cli.js", import.meta.url));

let database: TestDatabase | undefined;
let env: Record<string, string>;

beforeAll(async () => {
  const base = { ...process.env, NODE_ENV: "test", LOG_LEVEL: "warn" } as Record<string, string>;
  delete base.DATABASE_URL;
  if (process.env.TEST_DATABASE_URL) {
    database = await createTestDatabase();
    env = { ...base, DATABASE_URL: database.url! };
  } else {
    env = { ...base, DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "shian-cli-")) };
  }
});
afterAll(() => database?.close());

function shian(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { env, encoding: "utf8", timeout: 120_000 });
}

/** A direct UPDATE by a database superuser who bypasses the append-only trigger, as an attacker with DB access would. */
async function tamperAuditRow(seq: number) {
  const statements = [
    "alter table audit_log disable trigger audit_log_no_change",
    `update audit_log set action = 'tampered' where seq = ${seq}`,
    "alter table audit_log enable trigger audit_log_no_change",
  ];
  if (env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    for (const statement of statements) await client.query(statement);
    await client.end();
    return;
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const db = await PGlite.create(path.join(env.DATA_DIR!, "pglite"));
  for (const statement of statements) await db.exec(statement);
  await db.close();
}

// Each test spawns the CLI, which migrates and may seed: allow as long as the spawn itself may take.
describe("shian CLI", { timeout: 120_000 }, () => {
  it("migrate prepares an empty database", () => {
    const result = shian("migrate");
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("Database is up to date.");
    expect(result.status).toBe(0);
  });

  it("seed --demo loads demo data once", () => {
    const first = shian("seed", "--demo", "--stores", "12");
    expect(first.stdout).toMatch(/Demo data loaded: 12 businesses, 21 stores, \d+ licences, 8 applications/);
    const second = shian("seed", "--demo", "--stores", "12");
    expect(second.stdout).toContain("already has users");
  });

  it("users create refuses a weak password and creates a user with a strong one", () => {
    const weak = spawnSync(
      process.execPath,
      [CLI, "users", "create", "--username", "chen", "--role", "inspector", "--region", "330213"],
      {
        env: { ...env, SHIAN_PASSWORD: "short" },
        encoding: "utf8",
      },
    );
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain("at least 12 characters");
    const strong = spawnSync(
      process.execPath,
      [CLI, "users", "create", "--username", "chen", "--role", "inspector", "--region", "330213"],
      {
        env: { ...env, SHIAN_PASSWORD: "a strong passphrase for an inspector" },
        encoding: "utf8",
      },
    );
    expect(strong.stdout).toContain("Created user chen (inspector, 330213)");
  });

  it("audit verify passes on an untouched database", () => {
    const result = shian("audit", "verify");
    expect(result.stdout).toMatch(/Audit chain intact: \d+ rows/);
    expect(result.status).toBe(0);
  });

  it("audit verify fails naming the row after a direct UPDATE", async () => {
    await tamperAuditRow(5);
    const result = shian("audit", "verify");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Audit chain broken at row seq=5 (hash_mismatch)");
  });

  it("a bad configuration value exits 1 naming the variable", () => {
    const result = spawnSync(process.execPath, [CLI, "migrate"], {
      env: { ...env, PORT: "eighty" },
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Invalid PORT: expected an integer from 0 to 65535");
  });
});
