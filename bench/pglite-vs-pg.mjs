// The embedded database against PostgreSQL on the same small data set: `shian serve --demo --stores S` (2 000
// full, 500 quick) once on PGlite (DATA_DIR) and once on a fresh PostgreSQL database (DATABASE_URL), the same scan
// pages loaded the same way on each. Ratio = PGlite / PostgreSQL throughput.
//   node bench/pglite-vs-pg.mjs   (alone; BENCH_QUICK=1, BENCH_DEMO_STORES=n, BENCH_KEEP=1 apply)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  BENCH_PASSPHRASE,
  cliPath,
  dist,
  dropDatabase,
  entry,
  freePort,
  loadSettings,
  log,
  pgDatabaseUrl,
  postgresReachable,
  quick,
  recreateDatabase,
  runNode,
  serveEnv,
  startNode,
  stop,
  waitUntilQuiet,
} from "./common.mjs";
import { warmAndLoad } from "./http-load.mjs";

const DATABASE = "shian_bench_demo";

/** Scan-page paths of the demo's stores: the first page (100) of the public store list of each demo district. */
async function scanPaths(origin) {
  const { DEMO_DISTRICTS } = await import(dist("packages/domain/dist/index.js"));
  const paths = [];
  for (const { code } of DEMO_DISTRICTS) {
    const response = await fetch(`${origin}/api/v1/public/stores?region=${code}&limit=100`);
    if (!response.ok) throw new Error(`public store list of ${code} answered ${response.status}`);
    for (const store of (await response.json()).items)
      if (store.safetyCode) paths.push(`/s/${store.safetyCode}`);
  }
  if (paths.length === 0) throw new Error("the demo data set lists no store with a 食安码");
  return paths.sort();
}

/** Loads the demo data set into one database (`shian seed --demo`); resolves with the seconds it took. */
async function seedDemo(stores, env) {
  const { seconds } = await runNode([cliPath, "seed", "--demo", "--stores", String(stores)], {
    ...env,
    NODE_ENV: "test",
    LOG_LEVEL: "warn",
    SIGNING_KEY_PASSPHRASE: BENCH_PASSPHRASE,
  });
  return seconds;
}

/** Serves one seeded database, loads its scan pages, stops; returns the load figures. */
async function measureDemo(kind, env, database) {
  const port = await freePort();
  const started = startNode([cliPath, "serve"], { env: serveEnv(port, env), ready: /shian is serving/ });
  let server;
  try {
    server = (await started.started).child;
    await waitUntilQuiet(server.pid, { database, maxSeconds: quick ? 60 : 180 });
    const origin = `http://127.0.0.1:${port}`;
    const paths = await scanPaths(origin);
    const result = await warmAndLoad(origin, paths, loadSettings());
    log(
      `pglite-vs-pg: ${kind} ${Math.round(result.requestsPerSecond)} req/s (p50 ${result.p50} ms, p99 ${result.p99} ms, ` +
        `${result.failures} failures) over ${paths.length} scan pages`,
    );
    if (result.failures > 0)
      console.warn(`[bench] warning: ${kind} scan pages: ${result.failures} failed requests`);
    return result;
  } finally {
    if (server) await stop(server);
    else started.child.kill("SIGKILL");
  }
}

export async function benchPgliteVsPostgres() {
  if (!(await postgresReachable())) {
    console.warn("[bench] warning: PGlite vs PostgreSQL skipped: PostgreSQL is not reachable (BENCH_PG_URL)");
    return [];
  }
  const stores = Number(process.env.BENCH_DEMO_STORES || (quick ? 300 : 2_000));
  const embeddedEnv = { DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "shian-bench-pglite-")) };
  const postgresEnv = {
    DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "shian-bench-pg-")),
    DATABASE_URL: pgDatabaseUrl(DATABASE),
  };
  await recreateDatabase(DATABASE);
  try {
    // Both data sets are loaded at once (nothing is measured yet), then each is served and loaded alone.
    const [embeddedSeed, postgresSeed] = await Promise.all([
      seedDemo(stores, embeddedEnv),
      seedDemo(stores, postgresEnv),
    ]);
    log(
      `pglite-vs-pg: demo of ${stores} stores loaded (PGlite ${embeddedSeed.toFixed(1)} s, PostgreSQL ${postgresSeed.toFixed(1)} s, side by side)`,
    );
    const embedded = await measureDemo("PGlite", embeddedEnv);
    const postgres = await measureDemo("PostgreSQL", postgresEnv, DATABASE);
    return [
      entry(
        `scan page throughput, PGlite embedded vs PostgreSQL (demo, ${stores.toLocaleString("en")} stores)`,
        embedded.requestsPerSecond,
        postgres.requestsPerSecond,
        embedded.requestsPerSecond / postgres.requestsPerSecond,
        "req/s; baseline = the same pages served from PostgreSQL (no goal: informs the choice of database)",
      ),
    ];
  } finally {
    await dropDatabase(DATABASE);
    for (const { DATA_DIR } of [embeddedEnv, postgresEnv])
      fs.rmSync(DATA_DIR, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await benchPgliteVsPostgres(), null, 2));
}
