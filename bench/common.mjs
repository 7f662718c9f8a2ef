// Shared helpers of the benchmark modules: result entries, sizes, child processes, PostgreSQL databases.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import pg from "pg";

export const benchDir = path.dirname(fileURLToPath(import.meta.url));
export const root = path.join(benchDir, "..");
export const cliPath = path.join(root, "packages/server/dist/cli.js");
/** A module of the built server or domain, by its path from the repository root. */
export const dist = (file) => pathToFileURL(path.join(root, file)).href;

export const quick = process.env.BENCH_QUICK === "1";
/** The PostgreSQL server the benchmarks create their databases on (no database name). */
export const pgServerUrl = (process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432").replace(
  /\/+$/,
  "",
);
export const pgDatabaseUrl = (database) => `${pgServerUrl}/${database}`;
/** Passphrase that seals the bench databases' signing keys (throw-away data). */
export const BENCH_PASSPHRASE = "bench-signing-passphrase-not-secret";

/** Stores of the generated data sets: BENCH_STORES overrides both sizes (1 000 000 full, 20 000 quick). */
export function benchStores() {
  return Number(process.env.BENCH_STORES || (quick ? 20_000 : 1_000_000));
}

/** Load settings of the HTTP benchmarks: autocannon connections and bounded durations, in seconds. */
export function loadSettings() {
  return {
    connections: Number(process.env.BENCH_CONNECTIONS || 16),
    seconds: Number(process.env.BENCH_SECONDS || (quick ? 5 : 20)),
    warmupSeconds: quick ? 1 : 5,
  };
}

const round = (x) => Number(x.toFixed(3));

/** One line of results.json. The goal is spelled out in `unit`, since the file has no column for it. */
export function entry(name, value, baseline, ratio, unit) {
  return { name, value: round(value), baseline: round(baseline), ratio: round(ratio), unit };
}

export const log = (message) => console.log(`[bench] ${message}`);

/**
 * Starts a Node child process and resolves with it and the match once its stdout matches `ready`. stderr is passed
 * through; stdout is kept (`child.output()`) for the commands that report on it.
 */
export function startNode(args, { env = {}, ready = /.^/, cwd = root } = {}) {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let buffer = "";
  child.output = () => buffer;
  child.finished = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  const started = new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk) => {
      buffer += chunk;
      const match = ready.exec(buffer);
      if (match) resolve({ child, match });
    });
    child.on("exit", (code) =>
      reject(new Error(`node ${args.join(" ")} exited ${code} before it was ready`)),
    );
  });
  started.catch(() => {}); // awaited by those who start a server; a command run to its end never is
  return { child, started };
}

/** Runs a Node command to its end; resolves with its stdout and the seconds it took, rejects on exit ≠ 0. */
export async function runNode(args, env = {}) {
  const began = performance.now();
  const { child } = startNode(args, { env });
  const { code } = await child.finished;
  if (code !== 0) throw new Error(`node ${args.join(" ")} exited ${code}`);
  return { stdout: child.output(), seconds: (performance.now() - began) / 1000 };
}

/** Stops a child process (SIGINT lets the server close its database) and waits for it. */
export async function stop(child, signal = "SIGINT") {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await child.finished;
  clearTimeout(timer);
}

export async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function postgresReachable() {
  try {
    await withClient(`${pgServerUrl}/postgres`, (client) => client.query("select 1"));
    return true;
  } catch {
    return false;
  }
}

/** Creates (after dropping) a bench database; the name is ours, never a user's. */
export async function recreateDatabase(database) {
  if (!/^shian_bench_[a-z_]+$/.test(database)) throw new Error(`not a bench database: ${database}`);
  await withClient(`${pgServerUrl}/postgres`, async (client) => {
    await client.query(`drop database if exists ${database} with (force)`);
    await client.query(`create database ${database}`);
  });
}

/** Drops a bench database unless BENCH_KEEP=1 (kept for a look). */
export async function dropDatabase(database) {
  if (process.env.BENCH_KEEP === "1") return;
  if (!/^shian_bench_[a-z_]+$/.test(database)) throw new Error(`not a bench database: ${database}`);
  await withClient(`${pgServerUrl}/postgres`, (client) =>
    client.query(`drop database if exists ${database} with (force)`),
  );
}

/** CPU seconds a process has used so far (utime + stime from /proc), or undefined off Linux. */
function cpuSeconds(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until a freshly started server is idle: its start-up jobs (open-data feed, statistics reports) run at
 * once and would otherwise be measured with the load. Idle = under 5 % of a core for two seconds in a row and, on
 * PostgreSQL, no other active query in its database. Gives up after `maxSeconds` with a warning.
 */
export async function waitUntilQuiet(pid, { database, maxSeconds = 120 } = {}) {
  const began = Date.now();
  const deadline = began + maxSeconds * 1000;
  let quietFor = 0;
  while (Date.now() < deadline) {
    const before = cpuSeconds(pid);
    await sleep(1000);
    const after = cpuSeconds(pid);
    let busy = before !== undefined && after !== undefined && after - before > 0.05;
    if (!busy && database) {
      const { rows } = await withClient(pgDatabaseUrl(database), (client) =>
        client.query(
          "select count(*)::int as n from pg_stat_activity where datname = $1 and state = 'active' and pid <> pg_backend_pid()",
          [database],
        ),
      );
      busy = rows[0].n > 0;
    }
    quietFor = busy ? 0 : quietFor + 1;
    if (quietFor >= 2) {
      log(`server quiet after ${((Date.now() - began) / 1000).toFixed(0)} s`);
      return;
    }
  }
  console.warn(`[bench] warning: the server was still busy after ${maxSeconds} s; measuring anyway`);
}

/** Environment of a `shian serve` under load: no rate limit, background jobs out of the way, quiet logs. */
export function serveEnv(port, extra = {}) {
  return {
    PORT: String(port),
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    NODE_ENV: "test",
    PUBLIC_RATE_LIMIT: "1000000",
    SIGNING_KEY_PASSPHRASE: BENCH_PASSPHRASE,
    JOBS: "off",
    ...extra,
  };
}

/** A port free on loopback right now (the kernel picks it; the server binds it just after). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}
