import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq, ne, notExists } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alerts, gradeHistory, gradingRuns, licenses, storeGrades } from "../../db/schema.js";
import { createTestDatabase, type TestDatabase } from "../../test/test-database.js";
import { localFileStore } from "../files/file-store.js";
import { seedDemo } from "../demo/seed-demo.js";
import { periodOf } from "./period.js";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db, {
    stores: 120,
    seed: "grading-demo",
    nodeEnv: "test",
    fileStore: localFileStore(fs.mkdtempSync(path.join(os.tmpdir(), "shian-grading-demo-"))),
    certificates: {
      keyring: { passphrase: "demo-test-passphrase-0123" },
      publicBaseUrl: "http://localhost:3000",
    },
  });
}, 120_000);
afterAll(() => database.close());

describe("monthly run on the demo data", () => {
  it("grades every licensed store of the demo data for the current month, with every model's run done", async () => {
    const period = periodOf(new Date());
    const runs = await database.db.select().from(gradingRuns).where(eq(gradingRuns.period, period));
    expect(runs.map((run) => run.model).sort()).toEqual(["rizhao-abcd", "xiangshan-points", "zhenhai-3l4c"]);
    expect(runs.every((run) => run.status === "done")).toBe(true);
    const licensed = await database.db
      .selectDistinct({ storeId: licenses.storeId })
      .from(licenses)
      .where(ne(licenses.status, "cancelled"));
    expect(licensed.length).toBeGreaterThan(20);
    const ungraded = await database.db
      .selectDistinct({ storeId: licenses.storeId })
      .from(licenses)
      .where(
        and(
          ne(licenses.status, "cancelled"),
          notExists(
            database.db
              .select()
              .from(storeGrades)
              .where(and(eq(storeGrades.storeId, licenses.storeId), eq(storeGrades.period, period))),
          ),
        ),
      );
    expect(ungraded).toEqual([]);
    const history = await database.db.select().from(gradeHistory).where(eq(gradeHistory.period, period));
    expect(history).toHaveLength(licensed.length);
    expect(runs.reduce((sum, run) => sum + run.processed, 0)).toBe(licensed.length);
  });

  it("the demo month's history gives Zhenhai grades of several colours, and an expired health certificate a red alert", async () => {
    const grades = await database.db
      .select({ colour: gradeHistory.riskColour })
      .from(gradeHistory)
      .where(eq(gradeHistory.model, "zhenhai-3l4c"));
    expect(new Set(grades.map((g) => g.colour)).size).toBeGreaterThanOrEqual(3);
    const red = await database.db
      .select()
      .from(alerts)
      .where(and(eq(alerts.rule, "health_certificate_expired"), eq(alerts.status, "open")));
    expect(red.length).toBeGreaterThanOrEqual(1);
    const [graded] = await database.db
      .select()
      .from(gradeHistory)
      .where(eq(gradeHistory.storeId, red[0]!.storeId));
    expect(graded?.facts).toMatchObject({ redAlerts: 1, healthCertificatesExpired: 1 });
  });
});
