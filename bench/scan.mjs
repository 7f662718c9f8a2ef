// The public read path on the generated province: scan page GET /s/{code} and GET /api/v1/verify/{licenseNo}
// served from PostgreSQL holding `shian seed --stores N` (1 000 000 full, 20 000 quick), each against a bare
// node:http server answering a body of the same size. Also records the generator's own time and the page size.
//   node bench/scan.mjs   (alone; BENCH_QUICK=1, BENCH_STORES=n, BENCH_CERTIFICATES=n, BENCH_KEEP=1 apply)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  BENCH_PASSPHRASE,
  benchStores,
  cliPath,
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
  withClient,
} from "./common.mjs";
import { benchAgainstBare } from "./http-load.mjs";

const DATABASE = "shian_bench_scan";

/**
 * The 食安码 and licence numbers of the stores whose licence has a signed certificate (the generator signs a
 * spread sample, docs/data-generator.md), in a scrambled but repeatable order.
 */
export async function certifiedStores(databaseUrl) {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query(
      `select sc.code, c.license_number as "licenseNo"
       from certificates c
       join licenses l on l.id = c.license_id
       join safety_codes sc on sc.store_id = l.store_id
       where c.superseded_at is null
       order by md5(sc.code)`,
    );
    return rows;
  });
}

export async function benchScan() {
  if (!(await postgresReachable())) {
    console.warn(
      "[bench] warning: scan/verify benchmarks skipped: PostgreSQL is not reachable (BENCH_PG_URL)",
    );
    return [];
  }
  const stores = benchStores();
  const certificates = Number(process.env.BENCH_CERTIFICATES || (quick ? 1_000 : 10_000));
  const databaseUrl = pgDatabaseUrl(DATABASE);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "shian-bench-scan-"));
  const env = { DATABASE_URL: databaseUrl, DATA_DIR: dataDir };
  const label = `PostgreSQL, ${stores.toLocaleString("en")} stores`;
  await recreateDatabase(DATABASE);
  let server;
  try {
    const seeded = await runNode(
      [
        cliPath,
        "seed",
        "--stores",
        String(stores),
        "--seed",
        "bench",
        "--certificates",
        String(certificates),
      ],
      { ...env, NODE_ENV: "test", LOG_LEVEL: "warn", SIGNING_KEY_PASSPHRASE: BENCH_PASSPHRASE },
    );
    log(
      `scan: generated ${stores} stores with ${certificates} certificates in ${seeded.seconds.toFixed(1)} s`,
    );
    // BENCH_PATHS=n loads only the first n of them (a hotter cache); by default all, spread like real scans.
    const targets = (await certifiedStores(databaseUrl)).slice(
      0,
      Number(process.env.BENCH_PATHS) || undefined,
    );
    if (targets.length === 0) throw new Error("the generated data set has no certificates to verify");

    const port = await freePort();
    const serveStarted = performance.now();
    const started = startNode([cliPath, "serve"], { env: serveEnv(port, env), ready: /shian is serving/ });
    server = (await started.started).child;
    log(`scan: server up in ${((performance.now() - serveStarted) / 1000).toFixed(1)} s`);
    await waitUntilQuiet(server.pid, { database: DATABASE, maxSeconds: quick ? 60 : 600 });
    const origin = `http://127.0.0.1:${port}`;
    const settings = loadSettings();

    const scan = await benchAgainstBare({
      name: "scan page GET /s/{code}",
      label,
      origin,
      paths: targets.map(({ code }) => `/s/${code}`),
      contentType: "text/html; charset=utf-8",
      settings,
    });
    const verify = await benchAgainstBare({
      name: "verify GET /api/v1/verify/{licenseNo}",
      label,
      origin,
      paths: targets.map(({ licenseNo }) => `/api/v1/verify/${licenseNo}`),
      contentType: "application/json; charset=utf-8",
      settings,
    });
    return [
      entry(
        `bulk data generator (${stores.toLocaleString("en")} stores, ${certificates.toLocaleString("en")} certificates)`,
        seeded.seconds,
        600,
        seeded.seconds / 600,
        "s wall clock incl. start-up (budget 600 s at 1 000 000 stores)",
      ),
      entry(
        "scan page size",
        scan.size,
        30 * 1024,
        scan.size / (30 * 1024),
        "bytes, mean of 20 (budget 30 KiB)",
      ),
      ...scan.entries,
      ...verify.entries,
    ];
  } finally {
    if (server) await stop(server);
    await dropDatabase(DATABASE);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await benchScan(), null, 2));
}
