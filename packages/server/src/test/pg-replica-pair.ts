// A throw-away PostgreSQL primary and a streaming hot standby in temp dirs on free loopback ports, built with the
// Debian PostgreSQL 15 binaries, for tests of DATABASE_READ_URL (docs/scaling.md). initdb and postgres refuse to
// run as root, so when the tests run as root (CI) every server command runs as the `postgres` user.

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

/** PG_BIN, else Debian's PostgreSQL 15 (the CI machine's), else the newest Debian version installed. */
export const PG_BIN = process.env.PG_BIN ?? debianBinaries();

function debianBinaries(): string {
  const preferred = "/usr/lib/postgresql/15/bin";
  if (fs.existsSync(preferred)) return preferred;
  const versions = fs.existsSync("/usr/lib/postgresql")
    ? fs.readdirSync("/usr/lib/postgresql").filter((name) => /^\d+$/.test(name))
    : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  return newest ? `/usr/lib/postgresql/${newest}/bin` : preferred;
}
const TOOLS = ["initdb", "pg_ctl", "pg_basebackup", "postgres"];
const DATABASE = "shian";
const isRoot = process.getuid?.() === 0;

/** Why a replica pair cannot be started here, or null when it can. */
export function replicaPairUnavailable(): string | null {
  const missing = TOOLS.filter((tool) => !fs.existsSync(path.join(PG_BIN, tool)));
  if (missing.length > 0) return `PostgreSQL binaries missing in ${PG_BIN}: ${missing.join(", ")}`;
  if (isRoot) {
    if (!fs.existsSync("/usr/sbin/runuser") && !fs.existsSync("/sbin/runuser")) return "runuser missing";
    try {
      execFileSync("id", ["-u", "postgres"], { stdio: "ignore" });
    } catch {
      return "no postgres user to run the servers as (initdb refuses root)";
    }
  }
  return null;
}

function asServerUser(tool: string, args: string[]): string {
  const binary = path.join(PG_BIN, tool);
  const [command, argv] = isRoot ? ["runuser", ["-u", "postgres", "--", binary, ...args]] : [binary, args];
  return execFileSync(command, argv, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function serverSettings(port: number, socketDir: string): string {
  return [
    "",
    "# — test replica pair —",
    "listen_addresses = '127.0.0.1'",
    `port = ${port}`,
    `unix_socket_directories = '${socketDir}'`,
    "wal_level = replica",
    "max_wal_senders = 4",
    "hot_standby = on",
    // A throw-away cluster: durability only slows the test down.
    "fsync = off",
    "max_connections = 50",
    "shared_buffers = 32MB",
    "",
  ].join("\n");
}

async function query<T>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface ReplicaPair {
  primaryUrl: string;
  replicaUrl: string;
  /** Runs one statement on a fresh connection (superuser, trust auth). */
  query<T>(on: "primary" | "replica", text: string, values?: unknown[]): Promise<T[]>;
  /** Waits until the replica has replayed everything the primary has written so far. */
  waitForReplay(timeoutMs?: number): Promise<void>;
  /** Stops WAL replay on the replica (it keeps receiving WAL) and waits until it is paused. */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  /** Stops both servers (immediate) and deletes their directories. */
  destroy(): Promise<void>;
}

export async function startReplicaPair(): Promise<ReplicaPair> {
  // The postgres user must reach the directory: a root-only TMPDIR would not do, /tmp always does.
  const root = fs.mkdtempSync(path.join(isRoot ? "/tmp" : os.tmpdir(), "shian-replica-"));
  fs.chmodSync(root, 0o700);
  if (isRoot) execFileSync("chown", ["postgres:postgres", root]);
  const primaryDir = path.join(root, "primary");
  const replicaDir = path.join(root, "replica");
  const started: string[] = [];
  const stopAll = () => {
    for (const dir of started.reverse()) {
      try {
        asServerUser("pg_ctl", ["-D", dir, "-m", "immediate", "-w", "stop"]);
      } catch {
        // Already down: nothing to stop.
      }
    }
    started.length = 0;
    fs.rmSync(root, { recursive: true, force: true });
  };
  try {
    const [primaryPort, replicaPort] = [await freePort(), await freePort()];
    asServerUser("initdb", ["-D", primaryDir, "--auth=trust", "-U", "postgres", "-E", "UTF8", "--locale=C"]);
    fs.appendFileSync(path.join(primaryDir, "postgresql.conf"), serverSettings(primaryPort, root));
    fs.appendFileSync(
      path.join(primaryDir, "pg_hba.conf"),
      "\nhost replication all 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 trust\n",
    );
    asServerUser("pg_ctl", [
      "-D",
      primaryDir,
      "-l",
      path.join(root, "primary.log"),
      "-w",
      "-t",
      "30",
      "start",
    ]);
    started.push(primaryDir);
    const primaryServer = `postgres://postgres@127.0.0.1:${primaryPort}`;
    await query(`${primaryServer}/postgres`, `create database ${DATABASE}`);

    // -R writes standby.signal and primary_conninfo; the copied postgresql.conf gets the replica's own port.
    asServerUser("pg_basebackup", [
      ...["-h", "127.0.0.1", "-p", String(primaryPort), "-U", "postgres"],
      ...["-D", replicaDir, "-R", "-X", "stream", "-c", "fast"],
    ]);
    fs.appendFileSync(path.join(replicaDir, "postgresql.conf"), serverSettings(replicaPort, root));
    asServerUser("pg_ctl", [
      "-D",
      replicaDir,
      "-l",
      path.join(root, "replica.log"),
      "-w",
      "-t",
      "30",
      "start",
    ]);
    started.push(replicaDir);

    const primaryUrl = `${primaryServer}/${DATABASE}`;
    const replicaUrl = `postgres://postgres@127.0.0.1:${replicaPort}/${DATABASE}`;
    const urlOf = (on: "primary" | "replica") => (on === "primary" ? primaryUrl : replicaUrl);
    const pair: ReplicaPair = {
      primaryUrl,
      replicaUrl,
      query: (on, text, values) => query(urlOf(on), text, values),
      async waitForReplay(timeoutMs = 20_000) {
        const [primary] = await query<{ lsn: string }>(
          primaryUrl,
          "select pg_current_wal_lsn()::text as lsn",
        );
        const lsn = primary!.lsn;
        const deadline = Date.now() + timeoutMs;
        for (;;) {
          const [row] = await query<{ caught: boolean }>(
            replicaUrl,
            "select coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false) as caught",
            [lsn],
          );
          if (row!.caught) return;
          if (Date.now() > deadline)
            throw new Error(`replica did not replay up to ${lsn} in ${timeoutMs} ms`);
          await sleep(50);
        }
      },
      async pauseReplay() {
        await query(replicaUrl, "select pg_wal_replay_pause()");
        for (;;) {
          const [row] = await query<{ state: string }>(
            replicaUrl,
            "select pg_get_wal_replay_pause_state() as state",
          );
          if (row!.state === "paused") return;
          await sleep(20);
        }
      },
      async resumeReplay() {
        await query(replicaUrl, "select pg_wal_replay_resume()");
      },
      async destroy() {
        stopAll();
      },
    };
    return pair;
  } catch (error) {
    const logs = ["primary.log", "replica.log"]
      .map((name) => path.join(root, name))
      .filter((file) => fs.existsSync(file))
      .map((file) => `--- ${path.basename(file)}\n${fs.readFileSync(file, "utf8").slice(-2000)}`)
      .join("\n");
    stopAll();
    if (logs) (error as Error).message += `\n${logs}`;
    throw error;
  }
}
