import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client.js";
import { createTestDatabase, type TestDatabase } from "../../test/test-database.js";
import { verifyAuditChain } from "../audit/service.js";
import { fingerprintDatabase, type DatabaseFingerprint } from "./service.js";

// Backup → restore round trip equal in counts and hashes, audit chain intact (SECURITY.md #20, #13;
// 等保 8.1.4.9a 数据备份恢复). The built CLI (dist/cli.js) is run as an operator runs it.
const CLI = fileURLToPath(new URL("../../../dist/cli.js", import.meta.url));
const serverUrl = process.env.TEST_DATABASE_URL;
const work = fs.mkdtempSync(path.join(os.tmpdir(), "shian-backup-test-"));
const backupFile = path.join(work, "shian.backup");
let source: TestDatabase | undefined;
let sourceEnv: Record<string, string>;
let targetEnv: Record<string, string>;
let targetUrl: string | undefined;

async function admin(text: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  const base = {
    ...process.env,
    NODE_ENV: "test",
    LOG_LEVEL: "warn",
    SIGNING_KEY_PASSPHRASE: "backup test signing passphrase",
  } as Record<string, string>;
  delete base.DATABASE_URL;
  if (serverUrl) {
    source = await createTestDatabase();
    const name = `shian_restore_${randomBytes(6).toString("hex")}`;
    await admin(`create database ${name}`);
    const parsed = new URL(serverUrl);
    parsed.pathname = `/${name}`;
    targetUrl = parsed.toString();
    sourceEnv = { ...base, DATABASE_URL: source.url!, DATA_DIR: path.join(work, "a") };
    targetEnv = { ...base, DATABASE_URL: targetUrl, DATA_DIR: path.join(work, "b") };
  } else {
    sourceEnv = { ...base, DATA_DIR: path.join(work, "a") };
    targetEnv = { ...base, DATA_DIR: path.join(work, "b") };
  }
});

afterAll(async () => {
  await source?.close();
  if (targetUrl) await admin(`drop database if exists ${new URL(targetUrl).pathname.slice(1)} with (force)`);
  fs.rmSync(work, { recursive: true, force: true });
});

function shian(env: Record<string, string>, ...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { env, encoding: "utf8", timeout: 180_000 });
}

async function fingerprintOf(env: Record<string, string>) {
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, poolSize: 1 });
  try {
    return {
      fingerprint: await fingerprintDatabase(database.db),
      audit: await verifyAuditChain(database.db),
    };
  } finally {
    await database.close();
  }
}

const kind = serverUrl ? "PostgreSQL (pg_dump -Fc / pg_restore)" : "PGlite (dumpDataDir / loadDataDir)";

describe(`shian backup and restore on ${kind}`, { timeout: 240_000 }, () => {
  let original: DatabaseFingerprint;

  it("backs up the demo database with a manifest of counts and hashes", async () => {
    const seeded = shian(sourceEnv, "seed", "--demo", "--stores", "6");
    expect(seeded.stdout).toContain("Demo data loaded");
    const result = shian(sourceEnv, "backup", "--out", backupFile);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(
      /^Backup written to .*: (pglite|postgres), \d+ tables, \d+ rows, \d+ migrations/,
    );
    expect(result.status).toBe(0);
    const header = fs.readFileSync(backupFile).subarray(0, 2_000_000).toString("utf8").split("\n");
    expect(header[0]).toBe("SHIAN-BACKUP 1");
    const manifest = JSON.parse(header[1]!) as DatabaseFingerprint & { kind: string };
    expect(manifest.kind).toBe(serverUrl ? "postgres" : "pglite");
    original = (await fingerprintOf(sourceEnv)).fingerprint;
    expect(manifest.tables).toEqual(original.tables);
    expect(original.tables.filter((table) => table.rows > 0).length).toBeGreaterThan(10);
  });

  it("restores into an empty target: every table equal in count and hash, audit chain intact", async () => {
    const result = shian(targetEnv, "restore", "--from", backupFile);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/tables match their counts and hashes/);
    expect(result.stdout).toMatch(/Audit chain intact: \d+ rows/);
    expect(result.status).toBe(0);
    const restored = await fingerprintOf(targetEnv);
    expect(restored.fingerprint).toEqual(original);
    expect(restored.audit).toMatchObject({ ok: true });
  });

  it("refuses to restore over a database that is not empty without --force", () => {
    const result = shian(targetEnv, "restore", "--from", backupFile);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/--force/);
  });

  it("--force replaces it, and the contents still match", async () => {
    const result = shian(targetEnv, "restore", "--from", backupFile, "--force");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect((await fingerprintOf(targetEnv)).fingerprint).toEqual(original);
  });

  it("a damaged backup (one changed byte of the payload) is refused before anything is touched", () => {
    const damaged = path.join(work, "damaged.backup");
    const bytes = fs.readFileSync(backupFile);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    fs.writeFileSync(damaged, bytes);
    const result = shian(
      { ...targetEnv, DATA_DIR: path.join(work, "c") },
      "restore",
      "--from",
      damaged,
      "--force",
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("is damaged");
  });

  it("the restored audit log exports and verifies with the CLI (shian audit export / verify-export)", () => {
    const day = (offset: number) =>
      new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
    const out = path.join(work, "audit.jsonl");
    const exported = shian(targetEnv, "audit", "export", "--from", day(-1), "--to", day(0), "--out", out);
    expect(exported.stderr).toBe("");
    expect(exported.stdout).toMatch(/Exported \d+ audit rows/);
    const verified = shian(targetEnv, "audit", "verify-export", out);
    expect(verified.stdout).toContain("valid (Ed25519 and SM2");
    expect(verified.status).toBe(0);
  });

  it.skipIf(serverUrl)(
    "PGlite: a backup while a server holds the data dir is refused with a clear message",
    () => {
      // The lock file of a running server: this test process is alive, so the lock is not stale.
      fs.writeFileSync(path.join(sourceEnv.DATA_DIR!, "shian.lock"), String(process.pid));
      const result = shian(sourceEnv, "backup", "--out", path.join(work, "live.backup"));
      fs.rmSync(path.join(sourceEnv.DATA_DIR!, "shian.lock"));
      expect(result.status).toBe(1);
      expect(result.stderr).toContain("in use by another shian process");
      expect(result.stderr).toContain("stop the server");
    },
  );
});
