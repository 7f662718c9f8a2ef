// npm run bench (BENCH_QUICK=1 for a short run): each benchmark next to its baseline, measured in the same run
// and process tree, printed as a table and written to bench/results.json as [{ name, value, baseline, ratio,
// unit }], the machine to bench/machine.json. One module per benchmark; this file only orders them.
// See docs/benchmarks.md for what each entry measures and the environment variables.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchDir, log } from "./common.mjs";
import { benchGrading } from "./grading.mjs";
import { benchImport } from "./import.mjs";
import { describeMachine, formatMachine } from "./machine.mjs";
import { benchPgliteVsPostgres } from "./pglite-vs-pg.mjs";
import { benchScan } from "./scan.mjs";
import { benchVerifyToken } from "./verify-token.mjs";

const BENCHMARKS = [
  ["verify-token", benchVerifyToken],
  ["scan", benchScan],
  ["pglite-vs-pg", benchPgliteVsPostgres],
  ["import", benchImport],
  ["grading", () => benchGrading({ quick: process.env.BENCH_QUICK === "1", log })],
];
/** BENCH_ONLY=scan,import runs a subset (results.json then holds only theirs). */
const only = process.env.BENCH_ONLY?.split(",").map((name) => name.trim());

const began = performance.now();
const machine = await describeMachine();
log(`machine: ${formatMachine(machine)}`);

const results = [];
const failed = [];
const timings = {};
for (const [name, bench] of BENCHMARKS) {
  if (only && !only.includes(name)) continue;
  const started = performance.now();
  log(`${name}: starting`);
  try {
    results.push(...(await bench()));
  } catch (error) {
    failed.push(name);
    console.error(`[bench] ${name} failed:`, error);
  }
  timings[name] = Number(((performance.now() - started) / 1000).toFixed(1));
  log(`${name}: ${timings[name]} s`);
}

const width = Math.max(9, ...results.map((r) => r.name.length));
const cell = (value, size) => String(value).padStart(size);
console.log(`\n${formatMachine(machine)}`);
console.log(
  `${"benchmark".padEnd(width)}  ${cell("value", 12)}  ${cell("baseline", 12)}  ${cell("ratio", 7)}  unit`,
);
for (const r of results) {
  console.log(
    `${r.name.padEnd(width)}  ${cell(r.value, 12)}  ${cell(r.baseline, 12)}  ${cell(r.ratio, 7)}  ${r.unit}`,
  );
}
const seconds = Number(((performance.now() - began) / 1000).toFixed(1));
console.log(`\n${results.length} entries in ${seconds} s ${JSON.stringify(timings)}`);

fs.writeFileSync(path.join(benchDir, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
fs.writeFileSync(
  path.join(benchDir, "machine.json"),
  `${JSON.stringify(
    { ...machine, loadAverageAtEnd: os.loadavg().map((x) => Number(x.toFixed(2))), seconds, timings, failed },
    null,
    2,
  )}\n`,
);
if (failed.length > 0) {
  console.error(`[bench] failed: ${failed.join(", ")}`);
  process.exitCode = 1;
}
