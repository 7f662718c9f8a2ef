// Backup and restore (SECURITY.md #20; 等保 8.1.4.9a 数据备份恢复; docs/operations.md).
//
// A backup file is one line `SHIAN-BACKUP 1`, one line of manifest JSON, then the payload: a gzip tarball of
// the PGlite data directory (PGlite dumpDataDir) or a pg_dump custom-format archive. The manifest names the kind,
// the migration level, the time, the payload's size and SHA-256, and every table's row count and content hash,
// which a restore checks against the restored database before it reports success.

import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import pg from "pg";
import type { Database, Queryable } from "../../db/client.js";
import { lockDataDir } from "../../db/data-dir-lock.js";
import { schema } from "../../db/schema.js";
import { verifyAuditChain, type AuditVerdict } from "../audit/service.js";
import {
  countOwnTables,
  listTables,
  migrationLevel,
  setCanonicalTextSettings,
  tableFingerprint,
} from "./repository.js";

const MAGIC = "SHIAN-BACKUP 1\n";
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
export const PG_DUMP = process.env.PG_DUMP_PATH ?? "/usr/bin/pg_dump";
export const PG_RESTORE = process.env.PG_RESTORE_PATH ?? "/usr/bin/pg_restore";

/** An operator error: printed as one line, exit 1. */
export class BackupError extends Error {}

export interface TableFingerprint {
  name: string;
  rows: number;
  md5: string;
}

export interface DatabaseFingerprint {
  migration: { applied: number; lastCreatedAt: string | null };
  tables: TableFingerprint[];
}

export interface BackupManifest extends DatabaseFingerprint {
  format: "shian-backup";
  version: 1;
  kind: "pglite" | "postgres";
  payload: "pglite-datadir-tar-gzip" | "pg_dump-custom";
  payloadBytes: number;
  payloadSha256: string;
  createdAt: string;
}

/** Migration level and per-table counts and hashes, inside a transaction the caller opened. */
async function fingerprintInTransaction(tx: Queryable): Promise<DatabaseFingerprint> {
  await setCanonicalTextSettings(tx);
  const tables: TableFingerprint[] = [];
  for (const table of await listTables(tx))
    tables.push({ name: table.name, ...(await tableFingerprint(tx, table)) });
  return { migration: await migrationLevel(tx), tables };
}

/** Migration level and per-table counts and hashes, read in one transaction (one snapshot). */
export async function fingerprintDatabase(db: Queryable): Promise<DatabaseFingerprint> {
  return db.transaction((tx) => fingerprintInTransaction(tx));
}

/** The tables whose count or hash differ between a manifest and a database (empty when equal). */
export function compareFingerprints(expected: DatabaseFingerprint, actual: DatabaseFingerprint): string[] {
  const problems: string[] = [];
  const actualByName = new Map(actual.tables.map((table) => [table.name, table]));
  for (const table of expected.tables) {
    const found = actualByName.get(table.name);
    if (!found) problems.push(`${table.name}: missing`);
    else if (found.rows !== table.rows)
      problems.push(`${table.name}: ${found.rows} rows, expected ${table.rows}`);
    else if (found.md5 !== table.md5) problems.push(`${table.name}: content differs`);
    actualByName.delete(table.name);
  }
  for (const name of actualByName.keys()) problems.push(`${name}: not in the backup`);
  if (expected.migration.applied !== actual.migration.applied)
    problems.push(`migrations: ${actual.migration.applied} applied, expected ${expected.migration.applied}`);
  return problems;
}

// ---- file format ----

function sha256File(file: string, start = 0): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    fs.createReadStream(file, { start })
      .on("data", (chunk) => hash.update(chunk))
      .on("end", () => resolve(hash.digest("hex")))
      .on("error", reject);
  });
}

/** Writes header, manifest and the payload file to `out` through a temporary file, then renames it. */
async function writeBackupFile(
  out: string,
  manifest: Omit<BackupManifest, "payloadBytes" | "payloadSha256">,
  payloadFile: string,
): Promise<BackupManifest> {
  const full: BackupManifest = {
    ...manifest,
    payloadBytes: fs.statSync(payloadFile).size,
    payloadSha256: await sha256File(payloadFile),
  };
  const partial = `${out}.partial`;
  fs.writeFileSync(partial, `${MAGIC}${JSON.stringify(full)}\n`, { mode: 0o600 });
  await new Promise<void>((resolve, reject) => {
    fs.createReadStream(payloadFile)
      .pipe(fs.createWriteStream(partial, { flags: "a" }))
      .on("finish", resolve)
      .on("error", reject);
  });
  const fd = fs.openSync(partial, "r+");
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.renameSync(partial, out);
  return full;
}

/** Reads and checks a backup file's manifest and payload digest; returns where the payload starts. */
export async function readBackupFile(
  file: string,
): Promise<{ manifest: BackupManifest; payloadOffset: number }> {
  if (!fs.existsSync(file)) throw new BackupError(`${file} does not exist`);
  const fd = fs.openSync(file, "r");
  const head = Buffer.alloc(MAX_MANIFEST_BYTES + MAGIC.length + 1);
  const read = fs.readSync(fd, head, 0, head.length, 0);
  fs.closeSync(fd);
  if (head.subarray(0, MAGIC.length).toString("latin1") !== MAGIC)
    throw new BackupError(`${file} is not a shian backup`);
  const end = head.subarray(0, read).indexOf(0x0a, MAGIC.length);
  if (end < 0) throw new BackupError(`${file}: the manifest is cut or too long`);
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(head.subarray(MAGIC.length, end).toString("utf8")) as BackupManifest;
  } catch {
    throw new BackupError(`${file}: the manifest is not JSON`);
  }
  if (manifest.format !== "shian-backup" || manifest.version !== 1)
    throw new BackupError(`${file}: unknown backup format`);
  const payloadOffset = end + 1;
  const size = fs.statSync(file).size - payloadOffset;
  if (size !== manifest.payloadBytes || (await sha256File(file, payloadOffset)) !== manifest.payloadSha256)
    throw new BackupError(`${file} is damaged: its payload does not match the SHA-256 of its manifest`);
  return { manifest, payloadOffset };
}

function tempFile(name: string): { file: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shian-backup-"));
  return { file: path.join(dir, name), remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

function assertNewOutput(out: string): void {
  if (fs.existsSync(out))
    throw new BackupError(`${out} exists: choose another --out (a backup is never overwritten)`);
}

// ---- PGlite ----

function pgliteDir(dataDir: string): string {
  return path.join(dataDir, "pglite");
}

/**
 * Backs up a PGlite data directory. PGlite has one connection, held by a running server: the data-dir lock
 * refuses while one runs (stop it first, or use PostgreSQL for online backups).
 */
export async function backupPglite(dataDir: string, out: string): Promise<BackupManifest> {
  assertNewOutput(out);
  if (!fs.existsSync(path.join(pgliteDir(dataDir), "PG_VERSION")))
    throw new BackupError(`${dataDir} holds no PGlite database`);
  const unlock = lockDataDir(dataDir);
  const temp = tempFile("pglite.tar.gz");
  try {
    const client = await PGlite.create(pgliteDir(dataDir));
    try {
      const db = drizzlePglite({ client, schema }) as unknown as Database;
      const fingerprint = await fingerprintDatabase(db);
      const dump = await client.dumpDataDir("gzip");
      fs.writeFileSync(temp.file, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
      return await writeBackupFile(
        out,
        {
          format: "shian-backup",
          version: 1,
          kind: "pglite",
          payload: "pglite-datadir-tar-gzip",
          createdAt: new Date().toISOString(),
          ...fingerprint,
        },
        temp.file,
      );
    } finally {
      await client.close();
    }
  } finally {
    temp.remove();
    unlock();
  }
}

export interface RestoreResult {
  manifest: BackupManifest;
  audit: AuditVerdict;
  /** Where the database that was replaced went (PGlite with --force). */
  movedAside?: string;
}

async function checkRestored(db: Database, manifest: BackupManifest): Promise<AuditVerdict> {
  const problems = compareFingerprints(manifest, await fingerprintDatabase(db));
  if (problems.length > 0)
    throw new BackupError(
      `The restored database differs from the backup: ${problems.slice(0, 10).join("; ")}`,
    );
  return verifyAuditChain(db);
}

/**
 * Restores a PGlite backup into DATA_DIR. An existing database there is refused unless `force`, and then moved
 * aside (never deleted). A running server holds the data-dir lock, so the restore refuses while it runs.
 */
export async function restorePglite(file: string, dataDir: string, force: boolean): Promise<RestoreResult> {
  const { manifest, payloadOffset } = await readBackupFile(file);
  if (manifest.kind !== "pglite")
    throw new BackupError(`${file} is a ${manifest.kind} backup: restore it with DATABASE_URL set`);
  const unlock = lockDataDir(dataDir);
  try {
    const target = pgliteDir(dataDir);
    let movedAside: string | undefined;
    if (fs.existsSync(target) && fs.readdirSync(target).length > 0) {
      if (!force)
        throw new BackupError(
          `${dataDir} already holds a database: pass --force to restore over it (it is moved aside, not deleted)`,
        );
      movedAside = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
      fs.renameSync(target, movedAside);
    }
    const payload = fs.readFileSync(file).subarray(payloadOffset);
    const client = await PGlite.create(target, { loadDataDir: new Blob([payload]) });
    try {
      const audit = await checkRestored(drizzlePglite({ client, schema }) as unknown as Database, manifest);
      return { manifest, audit, ...(movedAside ? { movedAside } : {}) };
    } finally {
      await client.close();
    }
  } finally {
    unlock();
  }
}

// ---- PostgreSQL ----

/** The URL without its password, and the password for PGPASSWORD (kept out of the process list). */
function splitPassword(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  return { url: parsed.toString(), env: password ? { ...process.env, PGPASSWORD: password } : process.env };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    child.on("error", (error) => reject(new BackupError(`cannot run ${command}: ${error.message}`)));
    child.on("close", (code) =>
      code === 0
        ? resolve()
        : reject(
            new BackupError(
              `${path.basename(command)} failed (exit ${code}): ${stderr.trim().slice(0, 2000)}`,
            ),
          ),
    );
  });
}

/**
 * pg_dump -Fc of the database, consistent with the manifest: the counts and hashes are read in a repeatable-read
 * transaction whose snapshot pg_dump shares (--snapshot), so writes during the backup are in neither or both.
 */
export async function backupPostgres(databaseUrl: string, out: string): Promise<BackupManifest> {
  assertNewOutput(out);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const temp = tempFile("database.dump");
  try {
    await client.query("begin isolation level repeatable read read only");
    const snapshot = (await client.query<{ id: string }>("select pg_export_snapshot() as id")).rows[0]!.id;
    const db = drizzlePg(client, { schema }) as unknown as Database;
    // Already in the snapshot's transaction: a nested db.transaction() would commit it.
    const fingerprint = await fingerprintInTransaction(db);
    const target = splitPassword(databaseUrl);
    await run(
      PG_DUMP,
      ["-Fc", `--snapshot=${snapshot}`, "-f", temp.file, `--dbname=${target.url}`],
      target.env,
    );
    await client.query("commit");
    return await writeBackupFile(
      out,
      {
        format: "shian-backup",
        version: 1,
        kind: "postgres",
        payload: "pg_dump-custom",
        createdAt: new Date().toISOString(),
        ...fingerprint,
      },
      temp.file,
    );
  } finally {
    temp.remove();
    await client.end();
  }
}

/**
 * pg_restore --clean --if-exists into DATABASE_URL, in one transaction (a failed restore changes nothing). A
 * database that already has shian's tables is refused unless `force`.
 */
export async function restorePostgres(
  file: string,
  databaseUrl: string,
  force: boolean,
): Promise<RestoreResult> {
  const { manifest, payloadOffset } = await readBackupFile(file);
  if (manifest.kind !== "postgres")
    throw new BackupError(
      `${file} is a ${manifest.kind} backup: restore it with DATA_DIR and no DATABASE_URL`,
    );
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  pool.on("error", () => {});
  const temp = tempFile("database.dump");
  try {
    const db = drizzlePg(pool, { schema }) as unknown as Database;
    if (!force && (await countOwnTables(db)) > 0)
      throw new BackupError(
        "The target database is not empty: pass --force to replace its contents (pg_restore --clean), or create an empty database",
      );
    await new Promise<void>((resolve, reject) => {
      fs.createReadStream(file, { start: payloadOffset })
        .pipe(fs.createWriteStream(temp.file, { mode: 0o600 }))
        .on("finish", resolve)
        .on("error", reject);
    });
    const target = splitPassword(databaseUrl);
    await run(
      PG_RESTORE,
      [
        "--clean",
        "--if-exists",
        "--no-owner",
        "--single-transaction",
        "--exit-on-error",
        `--dbname=${target.url}`,
        temp.file,
      ],
      target.env,
    );
    return { manifest, audit: await checkRestored(db, manifest) };
  } finally {
    temp.remove();
    await pool.end();
  }
}
