// Crash tests (SECURITY.md #19, ASVS 5.0 V2.3.3 / V15.4.2, 等保 8.1.4.9): the built CLI (dist/cli.js — build it
// with `npx tsc -b packages/server`) as an operator runs it, on a PGlite data dir or a PostgreSQL database of its
// own, killed with SIGKILL at a seeded point and started again. Every child started here is registered and
// killed by killChildren() (call it in afterAll), so a failing test leaves no process behind.

import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRandom, type SeededRandom } from "@shian/domain";
import { openDatabase, type DatabaseHandle } from "../db/client.js";
import { ensureRegions } from "../modules/regions/service.js";
import { createTestDatabase } from "./test-database.js";

export const CLI = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));
export const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
export const databaseName = onPostgres ? "PostgreSQL" : "PGlite";
/** Fixed so that sealed secrets written by the test can be opened by the processes it starts. */
export const TEST_PASSPHRASE = "crash-test-signing-passphrase";

/** The seed of a crash test's kill points: CRASH_SEED reproduces a run; otherwise a fresh one, printed. */
export function crashSeed(test: string): { seed: string; random: SeededRandom } {
  const seed = process.env.CRASH_SEED ?? `${test}-${Date.now().toString(36)}`;
  console.log(`[crash] ${test}: seed ${seed} (rerun with CRASH_SEED=${seed})`);
  return { seed, random: createRandom(seed) };
}

/** A database the CLI processes share: env for them, open() for the test while no process holds it. */
export interface CrashTarget {
  env: Record<string, string>;
  /** PGlite: only while no CLI process runs (the data dir is locked), and once one has migrated it. */
  open(): Promise<DatabaseHandle>;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database for the CLI (PostgreSQL with TEST_DATABASE_URL, else a PGlite data dir); `prepare`
 * writes the test's data while the database is open anyway.
 */
export async function makeCrashTarget(
  options: { env?: Record<string, string>; prepare?: (handle: DatabaseHandle) => Promise<void> } = {},
): Promise<CrashTarget> {
  const base = {
    ...process.env,
    NODE_ENV: "test",
    LOG_LEVEL: "warn",
    SIGNING_KEY_PASSPHRASE: TEST_PASSPHRASE,
    ...options.env,
  } as Record<string, string>;
  delete base.DATABASE_URL;
  delete base.DATABASE_READ_URL;
  delete base.DATA_DIR;
  if (onPostgres) {
    const database = await createTestDatabase();
    await options.prepare?.(database);
    return {
      env: { ...base, DATABASE_URL: database.url! },
      open: async () => ({ ...database, close: async () => {} }),
      close: () => database.close(),
    };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "shian-crash-"));
  if (options.prepare) {
    // Without data to prepare, the first CLI process migrates the empty data dir itself.
    const handle = await openDatabase({ dataDir });
    try {
      await handle.migrate();
      await ensureRegions(handle.db);
      await options.prepare(handle);
    } finally {
      await handle.close();
    }
  }
  return {
    env: { ...base, DATA_DIR: dataDir },
    open: () => openDatabase({ dataDir }),
    close: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** Opens the target, runs `read`, closes it again (the PGlite lock is free for the next process). */
export async function withTarget<T>(target: CrashTarget, read: (handle: DatabaseHandle) => Promise<T>) {
  const handle = await target.open();
  try {
    return await read(handle);
  } finally {
    await handle.close();
  }
}

const children = new Set<ChildProcess>();

function track(child: ChildProcess) {
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

/** SIGKILL (kill -9) and wait until the process is gone. */
export async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

/** Kills every child this harness started that still runs: for afterAll and finally blocks. */
export async function killChildren(): Promise<void> {
  await Promise.all([...children].map(killHard));
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI to its end; with killWhen, sends SIGKILL as soon as the output so far satisfies it (checked on
 * every chunk of stdout or stderr).
 */
export function runCli(
  env: Record<string, string>,
  args: string[],
  killWhen?: (output: { stdout: string; stderr: string }) => boolean,
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = track(spawn(process.execPath, [CLI, ...args], { env }));
    const run = { stdout: "", stderr: "" };
    let killed = false;
    const check = () => {
      if (!killed && killWhen?.(run)) {
        killed = true;
        child.kill("SIGKILL");
      }
    };
    child.stdout!.on("data", (chunk: Buffer) => {
      run.stdout += chunk.toString("utf8");
      check();
    });
    child.stderr!.on("data", (chunk: Buffer) => {
      run.stderr += chunk.toString("utf8");
      check();
    });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ ...run, code, signal }));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

export interface ServerProcess {
  baseUrl: string;
  child: ChildProcess;
  output(): string;
  /** kill -9, and wait for the exit. */
  kill(): Promise<void>;
  /** SIGTERM (the server finishes its job round and closes), kill -9 after 15 s; waits for the exit. */
  stop(): Promise<void>;
}

/** `shian serve` on a free port; resolves once it says it is serving. */
export async function startServe(
  env: Record<string, string>,
  args: string[] = [],
  options: { timeoutMs?: number; onSpawn?: (server: ServerProcess) => void } = {},
): Promise<ServerProcess> {
  const { timeoutMs = 120_000 } = options;
  const port = await freePort();
  const child = track(
    spawn(process.execPath, [CLI, "serve", ...args], {
      env: { ...env, PORT: String(port), HOST: "127.0.0.1" },
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );
  let output = "";
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const server: ServerProcess = {
    baseUrl: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    kill: () => killHard(child),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
  options.onSpawn?.(server);
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not serving after ${timeoutMs} ms`)), timeoutMs);
      child.stdout!.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("shian is serving")) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`exited with ${code ?? signal}`));
      });
    });
  } catch (error) {
    await server.kill();
    throw new Error(`${(error as Error).message}\n--- serve output ---\n${output.slice(-4000)}`);
  }
  return server;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
