import { RIZHAO_ABCD, XIANGSHAN_POINTS, ZHENHAI_3L4C, gradeStore, type StoreFacts } from "@shian/domain";
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, gradeHistory, gradingRuns, inspections, storeGrades } from "../../db/schema.js";
import { makeStore } from "../../test/factories.js";
import { createTestDatabase, type TestDatabase } from "../../test/test-database.js";
import { countPopulation, populationOf } from "./facts-sql.js";
import { isFinal, regradeStore, runGrading } from "./grading.js";
import { gradePreviousMonth } from "./scheduler.js";
import {
  GRADED_PERIOD,
  licensedStore,
  listSeriouslyDishonest,
  publishOnList,
  raiseRedAlert,
  recordAccident,
  recordPoorMonth,
  routineResults,
  type TestStore,
} from "../../test/grading-fixtures.js";

let database: TestDatabase;
let clean: TestStore;
let poor: TestStore;
let dishonest: TestStore;
let xiangshan: TestStore;
let xiangshanInMay: TestStore;
let producer: TestStore;
let unlicensedId: string;
const shanghai: TestStore[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  clean = await licensedStore(db);
  poor = await licensedStore(db);
  await recordPoorMonth(db, poor);
  dishonest = await licensedStore(db);
  await listSeriouslyDishonest(db, dishonest);
  xiangshan = await licensedStore(db, { subtype: "small_catering" });
  await raiseRedAlert(db, xiangshan);
  xiangshanInMay = await licensedStore(db, { subtype: "small_catering" });
  await db.insert(inspections).values({
    kind: "routine",
    storeId: xiangshanInMay.storeId,
    regionCode: xiangshanInMay.regionCode,
    template: "routine",
    status: "done",
    inspectedAt: new Date("2026-05-15T10:00:00+08:00"),
    results: routineResults(["no_expired_food"]),
    outcome: "fail",
    score: 40,
  });
  producer = await licensedStore(db, { licenceType: "SC", subtype: "food_production" });
  await recordAccident(db, producer);
  for (let i = 0; i < 5; i += 1) shanghai.push(await licensedStore(db, { regionCode: "310104" }));
  await publishOnList(db, shanghai[0]!, "black");
  await publishOnList(db, shanghai[1]!, "red");
  unlicensedId = (await makeStore(db, "440106")).store.id;
}, 60_000);
afterAll(() => database.close());

async function history(storeId: string, period = GRADED_PERIOD) {
  const [row] = await database.db
    .select()
    .from(gradeHistory)
    .where(and(eq(gradeHistory.storeId, storeId), eq(gradeHistory.period, period)));
  return row;
}

async function currentGrade(storeId: string) {
  const [row] = await database.db.select().from(storeGrades).where(eq(storeGrades.storeId, storeId));
  return row;
}

describe("monthly grading (seed 004: grades computed from what the platform records)", () => {
  it("seed 004 Zhenhai: facts in SQL (failed key item, upheld complaint, overdue rectification, expired certificate) → yellow; a clean store → blue, green code", async () => {
    const run = await runGrading(database.db, { model: ZHENHAI_3L4C, period: GRADED_PERIOD });
    expect(run).toMatchObject({ status: "done", processed: 8, total: 8, model: "zhenhai-3l4c" });
    const row = (await history(poor.storeId))!;
    expect(row.facts).toMatchObject({
      licenceValid: true,
      inspectionsDone: 1,
      inspectionsFailed: 1,
      failedItems: 2,
      failedKeyItems: 1,
      volunteerPatrols: 1,
      rectificationsOpened: 1,
      rectificationsClosedOnTime: 0,
      rectificationsOverdue: 1,
      complaints: 1,
      complaintsUpheld: 1,
      staffCount: 2,
      healthCertificatesExpired: 1,
      onSeriousDishonestyList: false,
      commitmentSigned: false,
      commitmentsBroken: 0,
      kitchenCameras: null,
    } satisfies Partial<StoreFacts>);
    const expected = gradeStore(ZHENHAI_3L4C, row.facts as StoreFacts);
    expect(row).toMatchObject({
      grade: expected.evaluation.grade,
      riskColour: expected.evaluation.colour,
      score: expected.evaluation.score,
      modelVersion: ZHENHAI_3L4C.version,
      runId: run.id,
    });
    expect(row.breakdown).toMatchObject({
      dimensions: expected.evaluation.breakdown,
      improvements: expected.improvements.map(({ code, score }) => ({ code, score })),
    });
    expect((row.breakdown as { indicators: unknown[] }).indicators).toHaveLength(expected.indicators.length);
    expect(row).toMatchObject({ grade: "yellow", riskColour: "yellow" });
    const cleanRow = (await history(clean.storeId))!;
    expect(cleanRow).toMatchObject({ grade: "blue", riskColour: "blue" });
    expect(await currentGrade(clean.storeId)).toMatchObject({ colour: "green" });
    expect(row.score).toBeLessThan(cleanRow.score);
    expect(await currentGrade(poor.storeId)).toMatchObject({
      grade: expected.evaluation.grade,
      colour: expected.evaluation.codeColour,
      period: GRADED_PERIOD,
      model: "zhenhai-3l4c",
    });
  });

  it("reads the 红黑榜 entries in force into the facts", async () => {
    expect((await history(shanghai[0]!.storeId))!.facts).toMatchObject({
      onBlackList: true,
      onRedList: false,
    });
    expect((await history(shanghai[1]!.storeId))!.facts).toMatchObject({
      onBlackList: false,
      onRedList: true,
    });
    expect((await history(shanghai[2]!.storeId))!.facts).toMatchObject({
      onBlackList: false,
      onRedList: false,
    });
  });

  it("seed 004 Zhenhai: a store on the serious-dishonesty list is red by veto, and its 食安码 turns red", async () => {
    const row = (await history(dishonest.storeId))!;
    expect(row).toMatchObject({ grade: "red", riskColour: "red", vetoed: ["serious_dishonesty"] });
    expect(await currentGrade(dishonest.storeId)).toMatchObject({ colour: "red", riskColour: "red" });
  });

  it("grades each store with one model: Xiangshan's 小餐饮 and producers are not in Zhenhai's run", async () => {
    expect(await history(xiangshan.storeId)).toBeUndefined();
    expect(await history(producer.storeId)).toBeUndefined();
    expect(await history(unlicensedId)).toBeUndefined();
  });

  it("seed 004 Xiangshan: a red alert forces red; Rizhao: a food-safety accident forces D", async () => {
    await runGrading(database.db, { model: XIANGSHAN_POINTS, period: GRADED_PERIOD });
    await runGrading(database.db, { model: RIZHAO_ABCD, period: GRADED_PERIOD });
    expect(await history(xiangshan.storeId)).toMatchObject({ grade: "red", vetoed: ["red_alert"] });
    expect(await currentGrade(xiangshan.storeId)).toMatchObject({ colour: "red", model: "xiangshan-points" });
    expect(await history(producer.storeId)).toMatchObject({ grade: "D", vetoed: ["food_safety_accident"] });
    expect(await currentGrade(producer.storeId)).toMatchObject({ colour: "red", model: "rizhao-abcd" });
  });

  it("seed 004 Xiangshan: points come off a yearly allowance, so a violation in May still counts in October", async () => {
    const row = (await history(xiangshanInMay.storeId))!;
    expect(row.facts).toMatchObject({ inspectionsFailed: 1, failedKeyItems: 1 });
    expect(Number(row.score)).toBe(90);
  });

  it("is idempotent: the same period again returns the finished run and changes no row", async () => {
    const before = await database.db.select().from(gradeHistory).orderBy(gradeHistory.storeId);
    const first = await database.db.select().from(gradingRuns).where(eq(gradingRuns.model, "zhenhai-3l4c"));
    const again = await runGrading(database.db, { model: ZHENHAI_3L4C, period: GRADED_PERIOD });
    expect(again.id).toBe(first[0]!.id);
    expect(await database.db.select().from(gradeHistory).orderBy(gradeHistory.storeId)).toEqual(before);
    const runs = await database.db.select().from(gradingRuns).where(eq(gradingRuns.model, "zhenhai-3l4c"));
    expect(runs).toEqual(first);
  });

  it("resumes a run interrupted after its first chunk and grades every store exactly once", async () => {
    const period = "2026-09";
    const progress: number[] = [];
    await expect(
      runGrading(database.db, {
        model: ZHENHAI_3L4C,
        period,
        chunkSize: 3,
        onProgress: () => {
          throw new Error("simulated crash after the first chunk");
        },
      }),
    ).rejects.toThrow(/simulated crash/);
    const [failed] = await database.db
      .select()
      .from(gradingRuns)
      .where(and(eq(gradingRuns.model, "zhenhai-3l4c"), eq(gradingRuns.period, period)));
    expect(failed).toMatchObject({ status: "failed", processed: 3 });
    const graded = () =>
      database.db
        .select({ storeId: gradeHistory.storeId })
        .from(gradeHistory)
        .where(and(eq(gradeHistory.model, "zhenhai-3l4c"), eq(gradeHistory.period, period)));
    expect(await graded()).toHaveLength(3);

    const done = await runGrading(database.db, {
      model: ZHENHAI_3L4C,
      period,
      chunkSize: 3,
      onProgress: ({ processed }) => progress.push(processed),
    });
    const population = await countPopulation(database.db, populationOf(ZHENHAI_3L4C), null);
    expect(done).toMatchObject({ id: failed!.id, status: "done", processed: population, total: population });
    expect(progress).toEqual([6]);
    const ids = (await graded()).map((row) => row.storeId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(population);

    const audit = await database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, failed!.id), like(auditLog.action, "credit.run.%")))
      .orderBy(auditLog.seq);
    expect(audit.map((a) => a.action)).toEqual([
      "credit.run.start",
      "credit.run.fail",
      "credit.run.resume",
      "credit.run.finish",
    ]);
  });

  it("keeps the newer grade: re-running an older month does not replace the current grade", async () => {
    expect(await currentGrade(dishonest.storeId)).toMatchObject({ period: GRADED_PERIOD });
  });

  it("refuses a period that has not started", async () => {
    await expect(
      runGrading(database.db, { model: ZHENHAI_3L4C, period: "2999-01", now: new Date("2026-11-26") }),
    ).rejects.toThrow(/not started/);
  });

  it("regradeStore re-computes the current period for one store (after a repair or an alert)", async () => {
    const today = "2026-11-26";
    const [evaluation] = await database.db.transaction((tx) => regradeStore(tx, clean.storeId, today));
    expect(evaluation!.model).toBe("zhenhai-3l4c");
    expect(await history(clean.storeId, "2026-11")).toMatchObject({ runId: null, grade: evaluation!.grade });
    expect(await currentGrade(clean.storeId)).toMatchObject({ period: "2026-11", gradedOn: today });
    expect(await database.db.transaction((tx) => regradeStore(tx, unlicensedId, today))).toEqual([]);
  });

  it("grades a month again once it has ended when it was graded before its end (demo data, early request)", async () => {
    const period = "2026-08";
    const early = await runGrading(database.db, {
      model: ZHENHAI_3L4C,
      period,
      now: new Date("2026-08-20T12:00:00+08:00"),
    });
    expect(early.status).toBe("done");
    expect(isFinal(early)).toBe(false);
    const final = await runGrading(database.db, {
      model: ZHENHAI_3L4C,
      period,
      now: new Date("2026-09-02T01:00:00+08:00"),
    });
    expect(final).toMatchObject({ id: early.id, status: "done", processed: early.processed });
    expect(isFinal(final)).toBe(true);
    const again = await runGrading(database.db, {
      model: ZHENHAI_3L4C,
      period,
      now: new Date("2026-09-03T01:00:00+08:00"),
    });
    expect(again).toEqual(final);
  });

  it("the monthly schedule grades last month with every model that has no final run, once", async () => {
    expect(await gradePreviousMonth(database.db, new Date("2026-11-26T09:00:00+08:00"))).toEqual([]);
    const december = new Date("2026-12-01T09:00:00+08:00");
    expect(await gradePreviousMonth(database.db, december)).toEqual([
      "zhenhai-3l4c",
      "rizhao-abcd",
      "xiangshan-points",
    ]);
    expect(await gradePreviousMonth(database.db, december)).toEqual([]);
  });
});
