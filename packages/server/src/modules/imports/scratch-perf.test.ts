import os from "node:os";
import path from "node:path";
import { it } from "vitest";
import { SYSTEM_CONTEXT } from "../accounts/actor.js";
import { createTestDatabase } from "../../test/test-database.js";
import { fileSource } from "./file-reader.js";
import { importLicenses } from "./service.js";
import { writeTestCsv } from "./test-data.js";

it("perf", async () => {
  const N = Number(process.env.N ?? 10000);
  const file = path.join(os.tmpdir(), `imp-${N}.csv`);
  let t = Date.now();
  const stats = await writeTestCsv(file, { rows: N, badFraction: 0.01 });
  console.log(
    "gen",
    Date.now() - t,
    stats.goodRows,
    stats.businesses,
    stats.stores,
    stats.scRows,
    stats.legacyCheckDigits,
  );
  const db = await createTestDatabase();
  t = Date.now();
  const summary = await importLicenses({
    db: db.db,
    context: SYSTEM_CONTEXT,
    source: fileSource(file),
    run: {
      onProgress: (p) => {
        if (p.processedRows % 5000 === 0) console.log(p.processedRows, Date.now() - t);
      },
    },
  });
  const ms = Date.now() - t;
  console.log(
    "import",
    ms,
    "ms",
    Math.round(N / (ms / 1000)),
    "rows/s",
    summary.progress,
    summary.firstErrors.slice(0, 8).map((e) => JSON.stringify(e)),
  );
  await db.close();
}, 600_000);
