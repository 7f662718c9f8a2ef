// Soak: a bounded mixed load on loopback for SOAK_SECONDS (default 600), outside CI. One `shian serve --demo` on
// PostgreSQL takes, at the same time, scan pages, verify calls, complaint submissions and logins, in one-minute
// rounds; after each round the server's resident memory is read from /proc. Prints a table per round and writes
// bench/soak-results.json; docs/benchmarks.md records a run.
//   npm run build && node bench/soak.mjs        (SOAK_SECONDS=120 for a short run, SOAK_STORES=n demo stores)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import {
  benchDir,
  cliPath,
  dropDatabase,
  freePort,
  log,
  pgDatabaseUrl,
  postgresReachable,
  recreateDatabase,
  serveEnv,
  startNode,
  stop,
  waitUntilQuiet,
} from "./common.mjs";
import { certifiedStores } from "./scan.mjs";

const DATABASE = "shian_bench_soak";
const SECONDS = Number(process.env.SOAK_SECONDS || 600);
const ROUND_SECONDS = Math.min(60, SECONDS);
const STORES = Number(process.env.SOAK_STORES || 2000);
const DEMO_PASSWORD = "shian-demo";
const LOGIN_USERS = ["inspector", "acceptor", "reviewer", "approver", "leader", "owner"];
const BOUNDARY = "----shian-soak-boundary";

/** Resident set size of a process in MiB (VmRSS), read from /proc. */
function residentMiB(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) / 1024;
}

function complaintBody(code, n) {
  const field = (name, value) =>
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  return (
    field("storeCode", code) +
    field("category", "hygiene") +
    field("description", `浸泡测试投诉 #${n}：后厨地面有积水，员工未戴帽子。`) +
    `--${BOUNDARY}--\r\n`
  );
}

/** Each mix is one autocannon instance: its own connections, cycling through its own requests. */
function mixes(targets) {
  let scan = 0;
  let verify = 0;
  let complaint = 0;
  let login = 0;
  return [
    {
      name: "scan",
      connections: 8,
      request: {
        method: "GET",
        setupRequest: (r) => ({ ...r, path: `/s/${targets[scan++ % targets.length].code}` }),
      },
    },
    {
      name: "verify",
      connections: 4,
      request: {
        method: "GET",
        setupRequest: (r) => ({
          ...r,
          path: `/api/v1/verify/${targets[verify++ % targets.length].licenseNo}`,
        }),
      },
    },
    {
      name: "complaint",
      connections: 1,
      request: {
        method: "POST",
        path: "/api/v1/public/complaints",
        headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
        setupRequest: (r) => {
          complaint += 1;
          return { ...r, body: complaintBody(targets[complaint % targets.length].code, complaint) };
        },
      },
    },
    {
      name: "login",
      connections: 1,
      request: {
        method: "POST",
        path: "/api/v1/auth/login",
        headers: { "content-type": "application/json" },
        // Each login from its own address (behind one trusted proxy), as many users log in at once: the per-IP
        // login limit (30 a minute) would otherwise answer 429 to one address's flood.
        setupRequest: (r) => {
          login += 1;
          const address = `10.${(login >> 16) & 255}.${(login >> 8) & 255}.${login & 255}`;
          return {
            ...r,
            headers: { ...r.headers, "x-forwarded-for": address },
            body: JSON.stringify({
              username: LOGIN_USERS[login % LOGIN_USERS.length],
              password: DEMO_PASSWORD,
            }),
          };
        },
      },
    },
  ];
}

async function round(origin, loads, seconds) {
  const results = await Promise.all(
    loads.map((mix) =>
      autocannon({ url: origin, connections: mix.connections, duration: seconds, requests: [mix.request] }),
    ),
  );
  return loads.map((mix, i) => ({
    mix: mix.name,
    requests: results[i].requests.total,
    perSecond: Math.round(results[i].requests.average),
    p99: results[i].latency.p99,
    errors: results[i].errors + results[i].timeouts + results[i].non2xx,
  }));
}

async function soak() {
  if (!(await postgresReachable())) throw new Error("PostgreSQL is not reachable (BENCH_PG_URL)");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "shian-soak-"));
  const env = { DATABASE_URL: pgDatabaseUrl(DATABASE), DATA_DIR: dataDir };
  await recreateDatabase(DATABASE);
  const port = await freePort();
  const started = startNode([cliPath, "serve", "--demo", "--stores", String(STORES)], {
    // Jobs on: a soak runs the server as deployed. Public and complaint limits off: those come from one address.
    env: serveEnv(port, { ...env, JOBS: "on", COMPLAINT_RATE_LIMIT: "1000000", TRUST_PROXY_HOPS: "1" }),
    ready: /shian is serving/,
  });
  const server = (await started.started).child;
  try {
    await waitUntilQuiet(server.pid, { database: DATABASE, maxSeconds: 300 });
    const origin = `http://127.0.0.1:${port}`;
    const targets = await certifiedStores(env.DATABASE_URL);
    const loads = mixes(targets);
    const rounds = [];
    const began = Date.now();
    for (let n = 1; (Date.now() - began) / 1000 < SECONDS - 1; n += 1) {
      const results = await round(origin, loads, ROUND_SECONDS);
      const rss = Number(residentMiB(server.pid).toFixed(1));
      rounds.push({ round: n, rssMiB: rss, results });
      log(
        `round ${n}: rss ${rss} MiB · ` +
          results.map((r) => `${r.mix} ${r.perSecond}/s p99 ${r.p99} ms err ${r.errors}`).join(" · "),
      );
    }
    return { seconds: SECONDS, stores: STORES, targets: targets.length, rounds };
  } finally {
    await stop(server);
    await dropDatabase(DATABASE);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const report = await soak();
const all = report.rounds.flatMap((r) => r.results);
const errors = all.reduce((sum, r) => sum + r.errors, 0);
const rss = report.rounds.map((r) => r.rssMiB);
console.log(`\nsoak ${report.seconds} s, ${report.stores} demo stores, ${report.targets} certified stores`);
for (const mix of ["scan", "verify", "complaint", "login"]) {
  const rows = all.filter((r) => r.mix === mix);
  const total = rows.reduce((sum, r) => sum + r.requests, 0);
  console.log(
    `${mix.padEnd(9)} ${String(total).padStart(8)} requests, p99 per round ${rows.map((r) => r.p99).join("/")} ms, ` +
      `errors ${rows.reduce((sum, r) => sum + r.errors, 0)}`,
  );
}
console.log(`rss per round (MiB): ${rss.join(" ")}; errors ${errors}`);
fs.writeFileSync(path.join(benchDir, "soak-results.json"), `${JSON.stringify(report, null, 2)}\n`);
if (errors > 0) process.exitCode = 1;
