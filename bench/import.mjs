// Legacy-licence import (存量证书电子化转换) of N rows (1 000 000 full, 20 000 quick) through the real importer —
// the imports service as `shian import licenses` runs it (parse, validate, businesses/stores/licences/versions,
// batches of 1 000, audit) — against PostgreSQL COPY of the same CSV file into a plain table of the same 15 text
// columns: the floor for moving those bytes into the database.
//   node bench/import.mjs   (alone; BENCH_QUICK=1, BENCH_STORES=n / BENCH_IMPORT_ROWS=n, BENCH_KEEP=1 apply)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import copyStreams from "pg-copy-streams";
import {
  benchStores,
  dist,
  dropDatabase,
  entry,
  log,
  pgDatabaseUrl,
  postgresReachable,
  recreateDatabase,
  runNode,
  withClient,
} from "./common.mjs";

const DATABASE = "shian_bench_import";

/** Applies the server's migrations and reference data through its own runtime. */
async function migrate(databaseUrl) {
  const { loadConfig } = await import(dist("packages/server/dist/config.js"));
  const { openMigratedDatabase } = await import(dist("packages/server/dist/runtime.js"));
  const handle = await openMigratedDatabase(loadConfig({ DATABASE_URL: databaseUrl }));
  await handle.close();
}

/** COPY of the file into a fresh plain table with the import file's columns (all text, no index); seconds. */
async function copyFile(databaseUrl, file) {
  const { IMPORT_COLUMNS } = await import(dist("packages/server/dist/modules/imports/columns.js"));
  return withClient(databaseUrl, async (client) => {
    await client.query("drop table if exists bench_legacy_copy");
    await client.query(
      `create table bench_legacy_copy (${IMPORT_COLUMNS.map((column) => `${column} text`).join(", ")})`,
    );
    const started = performance.now();
    await pipeline(
      fs.createReadStream(file),
      client.query(copyStreams.from("copy bench_legacy_copy from stdin (format csv, header true)")),
    );
    const seconds = (performance.now() - started) / 1000;
    const { rows } = await client.query("select count(*)::int as n from bench_legacy_copy");
    await client.query("drop table bench_legacy_copy");
    return { seconds, rows: rows[0].n };
  });
}

/** In the child process: the import of the file, timed from the service call to its end. */
async function importInChild(databaseUrl, file) {
  const { openDatabase } = await import(dist("packages/server/dist/db/client.js"));
  const { runImportCommand } = await import(dist("packages/server/dist/modules/imports/cli-command.js"));
  const handle = await openDatabase({ databaseUrl });
  let summary = "";
  const sink = (keep) =>
    Object.assign(
      new Writable({
        write(chunk, _encoding, done) {
          if (keep) summary += chunk;
          done();
        },
      }),
      { isTTY: false },
    );
  const started = performance.now();
  const code = await runImportCommand(handle.db, file, { stdout: sink(true), stderr: sink(false) });
  const seconds = (performance.now() - started) / 1000;
  await handle.close();
  if (code !== 0) throw new Error(`import exited ${code}: ${summary}`);
  process.stdout.write(
    `${JSON.stringify({ seconds, summary: summary.split("\n").slice(0, 2).join(" ") })}\n`,
  );
}

export async function benchImport() {
  if (!(await postgresReachable())) {
    console.warn("[bench] warning: import benchmark skipped: PostgreSQL is not reachable (BENCH_PG_URL)");
    return [];
  }
  const rows = Number(process.env.BENCH_IMPORT_ROWS || benchStores());
  const databaseUrl = pgDatabaseUrl(DATABASE);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shian-bench-import-"));
  const file = path.join(dir, "register.csv");
  try {
    const { writeTestCsv } = await import(dist("packages/server/dist/modules/imports/test-data.js"));
    let started = performance.now();
    await writeTestCsv(file, { rows, badFraction: 0, seed: "bench" });
    const megabytes = fs.statSync(file).size / 1024 / 1024;
    log(
      `import: wrote ${rows} rows (${megabytes.toFixed(0)} MiB) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    await recreateDatabase(DATABASE);
    await migrate(databaseUrl);
    const copy = await copyFile(databaseUrl, file);
    if (copy.rows !== rows) throw new Error(`COPY loaded ${copy.rows} rows, expected ${rows}`);
    started = performance.now();
    const child = await runNode([fileURLToPath(import.meta.url), "--child", databaseUrl, file]);
    const imported = JSON.parse(child.stdout.trim().split("\n").at(-1));
    log(
      `import: ${imported.summary} in ${imported.seconds.toFixed(1)} s (${Math.round(rows / imported.seconds)} rows/s; ` +
        `child wall clock ${child.seconds.toFixed(1)} s); COPY ${copy.seconds.toFixed(2)} s ` +
        `(${Math.round(rows / copy.seconds)} rows/s)`,
    );
    return [
      entry(
        `legacy import of ${rows.toLocaleString("en")} rows vs COPY (PostgreSQL)`,
        rows / imported.seconds,
        rows / copy.seconds,
        copy.seconds / imported.seconds,
        "rows/s, CSV, no certificate signing (goal: ratio ≥ 0.5)",
      ),
    ];
  } finally {
    await dropDatabase(DATABASE);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--child") {
  await importInChild(process.argv[3], process.argv[4]);
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await benchImport(), null, 2));
}
