import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gradingRuns, safetyCodes } from "../../db/schema.js";
import { TEST_PASSWORD, makeUser } from "../../test/factories.js";
import {
  GRADED_PERIOD,
  licensedStore,
  listSeriouslyDishonest,
  recordPoorMonth,
  type TestStore,
} from "../../test/grading-fixtures.js";
import { createTestApp, loginAs, type Session, type TestApp } from "../../test/test-app.js";

let t: TestApp;
let clean: TestStore;
let poor: TestStore;
let dishonest: TestStore;
let elsewhere: TestStore;
const as: Record<string, Session> = {};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  clean = await licensedStore(db);
  poor = await licensedStore(db);
  await recordPoorMonth(db, poor);
  dishonest = await licensedStore(db);
  await listSeriouslyDishonest(db, dishonest);
  elsewhere = await licensedStore(db, { regionCode: "310104" });
  const people = [
    { username: "g-admin", role: "admin", regionCode: null },
    { username: "g-leader", role: "leader", regionCode: "440106" },
    { username: "g-inspector", role: "inspector", regionCode: "440106" },
    { username: "g-shanghai", role: "inspector", regionCode: "310104" },
    { username: "g-owner", role: "business_owner", regionCode: "440106", businessId: poor.businessId },
    { username: "g-staff", role: "business_staff", regionCode: "440106", businessId: poor.businessId },
  ] as const;
  for (const person of people) {
    await makeUser(db, person);
    as[person.username] = await loginAs(t.app, person.username, TEST_PASSWORD);
  }
}, 60_000);
afterAll(() => t.close());

const startRun = (session: Session, body: object) =>
  session.inject({ method: "POST", url: "/api/v1/credit/runs", payload: body });

async function codeOf(storeId: string) {
  const [row] = await t.database.db.select().from(safetyCodes).where(eq(safetyCodes.storeId, storeId));
  return row!.code;
}

/** Waits for the background run of a model and period to finish (bounded: fails rather than hangs). */
async function runFinished(model: string, period: string) {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const [run] = await t.database.db.select().from(gradingRuns).where(eq(gradingRuns.period, period));
    if (run && run.model === model && run.status !== "running") return run;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the run did not finish");
}

describe("grading API", () => {
  it("only admins and leaders start runs; a future month is refused", async () => {
    expect(
      (await startRun(as["g-inspector"]!, { model: "zhenhai-3l4c", period: GRADED_PERIOD })).statusCode,
    ).toBe(403);
    expect(
      (await startRun(as["g-owner"]!, { model: "zhenhai-3l4c", period: GRADED_PERIOD })).statusCode,
    ).toBe(403);
    const future = await startRun(as["g-admin"]!, { model: "zhenhai-3l4c", period: "2999-01" });
    expect(future.statusCode).toBe(400);
    expect((await startRun(as["g-admin"]!, { model: "nope", period: GRADED_PERIOD })).statusCode).toBe(400);
  });

  it("starts a run (202), asking again returns the same run, officers follow its progress", async () => {
    const started = await startRun(as["g-admin"]!, { model: "zhenhai-3l4c", period: GRADED_PERIOD });
    expect(started.statusCode, started.body).toBe(202);
    expect(started.json()).toMatchObject({ model: "zhenhai-3l4c", period: GRADED_PERIOD, total: 4 });
    const run = await runFinished("zhenhai-3l4c", GRADED_PERIOD);
    expect(run).toMatchObject({ id: started.json().id, status: "done", processed: 4 });
    const again = await startRun(as["g-leader"]!, { model: "zhenhai-3l4c", period: GRADED_PERIOD });
    expect(again.statusCode).toBe(202);
    expect(again.json()).toMatchObject({ id: run.id, status: "done", processed: 4, total: 4 });
    const list = await as["g-inspector"]!.inject({ url: "/api/v1/credit/runs" });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([expect.objectContaining({ id: run.id, processed: 4, total: 4 })]);
    expect((await as["g-owner"]!.inject({ url: "/api/v1/credit/runs" })).statusCode).toBe(403);
  });

  it("seed 001: the 食安码 colour follows the grade (green, yellow, red by veto)", async () => {
    const scan = async (store: TestStore) =>
      (await t.app.inject({ url: `/s/${await codeOf(store.storeId)}` })).body;
    expect(await scan(clean)).toContain("绿码");
    expect(await scan(poor)).toContain("黄码");
    expect(await scan(dishonest)).toContain("红码");
  });

  it("a store's history shows the breakdown, indicators and what to improve", async () => {
    const response = await as["g-inspector"]!.inject({ url: `/api/v1/stores/${poor.storeId}/grades` });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.current).toMatchObject({ grade: "yellow", colour: "yellow", period: GRADED_PERIOD });
    const [grade] = body.history;
    expect(grade).toMatchObject({ period: GRADED_PERIOD, grade: "yellow", codeColour: "yellow", vetoed: [] });
    expect(grade.dimensions.map((d: { dimension: string }) => d.dimension)).toEqual([
      "public_credit",
      "industry_supervision",
      "social_governance",
    ]);
    expect(grade.indicators.length).toBeGreaterThanOrEqual(40);
    const improved = grade.improvements.map((i: { code: string }) => i.code);
    expect(improved.length).toBeGreaterThan(0);
    expect(grade.improvements[0].advice.zh).toMatch(/[\u4e00-\u9fff]/);
    type Shown = { code: string; score: number | null; advice?: { en: string } };
    const below = grade.indicators.filter((i: Shown) => i.score !== null && i.score < 100);
    expect(below.every((i: Shown) => i.advice?.en)).toBe(true);
    // Not recorded by the platform yet (明厨亮灶 cameras arrive with step 10): no score, no advice.
    const camera = grade.indicators.find((i: Shown) => i.code === "kitchen_cameras");
    expect(camera).toMatchObject({ score: null });
    expect(camera).not.toHaveProperty("advice");
    expect(
      grade.indicators.every((i: { code: string; label: { zh: string } }) => i.label.zh !== i.code),
    ).toBe(true);
    expect(body).not.toHaveProperty("facts");
  });

  it("out of jurisdiction → 404; the business sees its own store only (404 for others)", async () => {
    expect(
      (await as["g-shanghai"]!.inject({ url: `/api/v1/stores/${poor.storeId}/grades` })).statusCode,
    ).toBe(404);
    expect(
      (await as["g-shanghai"]!.inject({ url: `/api/v1/stores/${elsewhere.storeId}/grades` })).statusCode,
    ).toBe(200);
    for (const user of ["g-owner", "g-staff"]) {
      expect((await as[user]!.inject({ url: `/api/v1/stores/${poor.storeId}/grades` })).statusCode).toBe(200);
      expect((await as[user]!.inject({ url: `/api/v1/stores/${clean.storeId}/grades` })).statusCode).toBe(
        404,
      );
    }
  });

  it("counts stores per grade in the jurisdiction; another region → 404", async () => {
    const tianhe = await as["g-inspector"]!.inject({ url: "/api/v1/credit/grades" });
    expect(tianhe.statusCode).toBe(200);
    expect(tianhe.json()).toEqual({
      period: GRADED_PERIOD,
      items: [
        { model: "zhenhai-3l4c", grade: "blue", riskColour: "blue", count: 1 },
        { model: "zhenhai-3l4c", grade: "red", riskColour: "red", count: 1 },
        { model: "zhenhai-3l4c", grade: "yellow", riskColour: "yellow", count: 1 },
      ],
    });
    const national = await as["g-admin"]!.inject({
      url: `/api/v1/credit/grades?period=${GRADED_PERIOD}&grade=blue`,
    });
    expect(national.json().items).toEqual([
      { model: "zhenhai-3l4c", grade: "blue", riskColour: "blue", count: 2 },
    ]);
    expect((await as["g-inspector"]!.inject({ url: "/api/v1/credit/grades?region=310104" })).statusCode).toBe(
      404,
    );
    expect((await as["g-owner"]!.inject({ url: "/api/v1/credit/grades" })).statusCode).toBe(403);
  });
});
