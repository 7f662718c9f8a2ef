// npm run bench (BENCH_QUICK=1 for a short run): each benchmark next to its baseline, measured in the same run,
// printed as ratios and written to bench/results.json as [{ name, value, baseline, ratio, unit }].
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { benchGrading } from "./grading.mjs";
import { load } from "./load.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, "..");
const quick = process.env.BENCH_QUICK === "1";
const seconds = quick ? 3 : 10;
const results = [];

function record(name, value, baseline, unit, higherIsBetter = true) {
  const ratio = higherIsBetter ? value / baseline : baseline / value;
  results.push({
    name,
    value: Number(value.toFixed(3)),
    baseline: Number(baseline.toFixed(3)),
    ratio: Number(ratio.toFixed(3)),
    unit,
  });
}

/** Starts a child process and resolves with its first stdout line matching `ready`. */
function start(args, env, ready) {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let buffer = "";
    child.stdout.on("data", (chunk) => {
      buffer += chunk;
      const match = ready.exec(buffer);
      if (match) resolve({ child, match });
    });
    child.on("exit", (code) => reject(new Error(`${args.join(" ")} exited ${code}`)));
  });
}

async function json(url) {
  const response = await fetch(url);
  return response.json();
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "shian-bench-"));
const port = 3900 + Math.floor(Math.random() * 90);
const server = await start(
  ["packages/server/dist/cli.js", "serve", "--demo", "--stores", quick ? "60" : "600"],
  {
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    NODE_ENV: "test",
    PUBLIC_RATE_LIMIT: "1000000",
  },
  /shian is serving/,
);
const base = `http://127.0.0.1:${port}`;
try {
  // A licensed store: the verify benchmark needs its licence number.
  const listed = (await json(`${base}/api/v1/public/stores?region=440106&limit=50`)).items;
  const store = listed.find((item) => item.licenseNo);
  const scanUrl = `${base}/s/${store.safetyCode}`;
  const scanBody = await (await fetch(scanUrl)).text();
  const verifyUrl = `${base}/api/v1/verify/${store.licenseNo}`;
  const verifyBody = await (await fetch(verifyUrl)).text();
  results.push({
    name: "scan page size",
    value: Buffer.byteLength(scanBody),
    baseline: 30 * 1024,
    ratio: Number((Buffer.byteLength(scanBody) / (30 * 1024)).toFixed(3)),
    unit: "bytes (budget 30 KiB)",
  });

  for (const [name, url, size] of [
    ["scan page GET /s/{code}", scanUrl, Buffer.byteLength(scanBody)],
    ["verify GET /api/v1/verify/{licenseNo}", verifyUrl, Buffer.byteLength(verifyBody)],
  ]) {
    const bare = await start([path.join(here, "bare-server.mjs"), String(size)], {}, /^(\d+)\n/);
    const bareUrl = `http://127.0.0.1:${bare.match[1]}/`;
    await load(bareUrl, { seconds: 1 });
    const baseline = await load(bareUrl, { seconds });
    bare.child.kill();
    await load(url, { seconds: 1 });
    const measured = await load(url, { seconds });
    record(`${name} throughput (PGlite)`, measured.requestsPerSecond, baseline.requestsPerSecond, "req/s");
    record(`${name} p99`, measured.p99, baseline.p99, "ms", false);
    if (measured.errors > 0) console.warn(`${name}: ${measured.errors} errors`);
  }
} finally {
  server.child.kill("SIGINT");
}

// Offline token verification (packages/domain verifyToken) vs node:crypto.verify over the same bytes.
const { verifyToken } = await import(path.join(root, "packages/domain/dist/index.js"));
const { publicKey, privateKey } = crypto.generateKeyPairSync("ed25519");
const jwk = { ...publicKey.export({ format: "jwk" }), kid: "bench-ed", alg: "EdDSA", use: "sig" };
const b64 = (value) => Buffer.from(value).toString("base64url");
const claims = {
  n: "JY14401060000010",
  v: 1,
  h: "广州市天河区鸿福餐饮管理有限公司",
  e: "2030-01-01",
  i: "2025-01-01",
  l: "revocation-1",
  x: 1,
};
const input = `${b64(JSON.stringify({ alg: "EdDSA", kid: "bench-ed" }))}.${b64(JSON.stringify(claims))}`;
const signature = crypto.sign(null, Buffer.from(input), privateKey);
const token = `${input}.${b64(signature)}`;
const jwks = { keys: [jwk] };
const iterations = quick ? 2000 : 10000;
let started = performance.now();
for (let i = 0; i < iterations; i++) crypto.verify(null, Buffer.from(input), publicKey, signature);
const rawPerSecond = iterations / ((performance.now() - started) / 1000);
started = performance.now();
for (let i = 0; i < iterations; i++) {
  const verdict = await verifyToken(token, jwks, { now: new Date("2026-01-01") });
  if (!verdict.valid) throw new Error(`bench token not valid: ${verdict.reason}`);
}
record(
  "verifyToken vs crypto.verify (Ed25519)",
  iterations / ((performance.now() - started) / 1000),
  rawPerSecond,
  "ops/s",
);

// Monthly grading on PostgreSQL vs the bare SQL aggregate, its peak RSS and the 20 % draw (bench/grading.mjs).
results.push(...(await benchGrading({ quick })));

const width = Math.max(...results.map((r) => r.name.length));
console.log(
  `${"benchmark".padEnd(width)}  ${"value".padStart(12)}  ${"baseline".padStart(12)}  ${"ratio".padStart(7)}  unit`,
);
for (const r of results) {
  console.log(
    `${r.name.padEnd(width)}  ${String(r.value).padStart(12)}  ${String(r.baseline).padStart(12)}  ${String(r.ratio).padStart(7)}  ${r.unit}`,
  );
}
fs.writeFileSync(path.join(here, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
fs.rmSync(dataDir, { recursive: true, force: true });
