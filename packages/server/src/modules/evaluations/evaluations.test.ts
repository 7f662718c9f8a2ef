import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XIANGSHAN_WORKSHOP_WEEKLY } from "@shian/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gradeHistory } from "../../db/schema.js";
import { TEST_PASSWORD, makeUser } from "../../test/factories.js";
import { licensedStore, type TestStore } from "../../test/grading-fixtures.js";
import { auditActions } from "../../test/inspection-fixtures.js";
import { createTestApp, loginAs, type Session, type TestApp } from "../../test/test-app.js";

const hasPdftotext = spawnSync("which", ["pdftotext"]).status === 0;
const XIANGSHAN = "330225";
const ZHENHAI = "330211";

let t: TestApp;
let stall: TestStore;
let inspector: Session;
let leader: Session;
let admin: Session;
let owner: Session;
let zhenhaiInspector: Session;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  stall = await licensedStore(db, { regionCode: XIANGSHAN, subtype: "small_catering" });
  const users = [
    { username: "ev-inspector", role: "inspector", regionCode: XIANGSHAN },
    { username: "ev-leader", role: "leader", regionCode: XIANGSHAN },
    { username: "ev-admin", role: "admin", regionCode: null },
    { username: "ev-owner", role: "business_owner", regionCode: null, businessId: stall.businessId },
    { username: "ev-zhenhai", role: "inspector", regionCode: ZHENHAI },
  ] as const;
  for (const user of users) await makeUser(db, user);
  const login = (username: string) => loginAs(t.app, username, TEST_PASSWORD);
  [inspector, leader, admin, owner, zhenhaiInspector] = [
    await login("ev-inspector"),
    await login("ev-leader"),
    await login("ev-admin"),
    await login("ev-owner"),
    await login("ev-zhenhai"),
  ];
}, 60_000);
afterAll(() => t.close());

const answers = (failed: string[] = []) =>
  XIANGSHAN_WORKSHOP_WEEKLY.items.map((item) => ({
    code: item.code,
    result: failed.includes(item.code) ? "fail" : "pass",
  }));

const evaluate = (session: Session, week: string, failed: string[] = [], headers = {}) =>
  session.inject({
    method: "POST",
    url: "/api/v1/evaluations",
    headers,
    payload: { storeId: stall.storeId, week, results: answers(failed) },
  });

const month = (session: Session, value: string) =>
  session.inject({ url: `/api/v1/evaluations?store=${stall.storeId}&month=${value}` });

describe("seed 004 Xiangshan: 每周对鹵肉食品小作坊对照表单进行现场评价", () => {
  it("a weekly evaluation is scored; a retried request (same Idempotency-Key) records it once", async () => {
    const headers = { "idempotency-key": "evaluation-week-0001" };
    const first = await evaluate(inspector, "2026-10-07", [], headers);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ week: "2026-10-05", score: 100, failedItems: [] });
    const retry = await evaluate(inspector, "2026-10-07", [], headers);
    expect(retry.statusCode).toBe(201);
    expect(retry.json().id).toBe(first.json().id);
    const audit = await auditActions(t.database.db, "checklist_evaluation", first.json().id);
    expect(audit.map((row) => row.action)).toEqual(["evaluation.record"]);
  });

  it("a failed key item caps the week's score at 59", async () => {
    const response = await evaluate(inspector, "2026-11-02", ["raw_cooked_separated"]);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().score).toBe(59);
    expect(response.json().failedItems).toEqual([
      {
        code: "raw_cooked_separated",
        text: { zh: "生熟分开", en: "Raw and cooked foods kept apart" },
        key: true,
      },
    ]);
  });

  it("one evaluation per store and week: a second one is a conflict (409)", async () => {
    const response = await evaluate(leader, "2026-11-04");
    expect(response.statusCode).toBe(409);
  });

  it("officers of another district neither record nor see the store's evaluations (404)", async () => {
    expect((await evaluate(zhenhaiInspector, "2026-10-12")).statusCode).toBe(404);
    expect((await month(zhenhaiInspector, "2026-10")).statusCode).toBe(404);
    expect(
      (
        await zhenhaiInspector.inject({
          url: `/api/v1/evaluations/report.pdf?store=${stall.storeId}&month=2026-10`,
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe("seed 004 Xiangshan: 每月评价报告 with its four-colour risk", () => {
  it("a month of good weeks is blue; a month with a failed key item and unevaluated weeks is red", async () => {
    for (const [week, failed] of [
      ["2026-10-12", []],
      ["2026-10-19", ["sunshine_screen"]],
      ["2026-10-26", []],
    ] as const) {
      expect((await evaluate(inspector, week, [...failed])).statusCode).toBe(201);
    }
    const october = await month(inspector, "2026-10");
    expect(october.statusCode, october.body).toBe(200);
    expect(october.json()).toMatchObject({ month: "2026-10", average: 97.8, colour: "blue" });
    expect(october.json().weeks.map((week: { week: string }) => week.week)).toEqual([
      "2026-10-05",
      "2026-10-12",
      "2026-10-19",
      "2026-10-26",
    ]);
    const november = await month(owner, "2026-11");
    expect(november.statusCode).toBe(200);
    expect(november.json()).toMatchObject({ average: 11.8, colour: "red" });
    expect(november.json().weeks[1].evaluation).toBeNull();
  });

  it("the monthly evaluation report is a PDF naming the store, for officers and the store's business", async () => {
    for (const session of [inspector, owner]) {
      const response = await session.inject({
        url: `/api/v1/evaluations/report.pdf?store=${stall.storeId}&month=2026-11`,
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers["content-type"]).toContain("application/pdf");
      expect(response.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
      if (!hasPdftotext) continue;
      const file = join(mkdtempSync(join(tmpdir(), "evaluation-")), "report.pdf");
      writeFileSync(file, response.rawPayload);
      const text = execFileSync("pdftotext", [file, "-"], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      }).replace(/\s+/g, "");
      expect(text).toContain(stall.name.replace(/\s+/g, ""));
      expect(text).toContain("红色");
      expect(text).toContain("生熟分开");
    }
  });
});

describe("seed 004 Xiangshan: 累计扣除到一定积分后，对其作出停业、清场、不得参加下轮招投标等懲处", () => {
  it("12 points deducted in the year → one suspension proposal, not two on re-run; a leader decides it once", async () => {
    await t.database.db.insert(gradeHistory).values({
      storeId: stall.storeId,
      model: "xiangshan-points",
      period: "2026-11",
      modelVersion: "1",
      regionCode: XIANGSHAN,
      score: 88,
      grade: "yellow",
      riskColour: "yellow",
      vetoed: [],
      breakdown: {},
      facts: {},
    });
    expect((await evaluate(inspector, "2026-11-16")).statusCode).toBe(201);
    const run = await admin.inject({ method: "POST", url: "/api/v1/sanctions/run", payload: { year: 2026 } });
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json()).toEqual({ year: 2026, created: 0 });

    const listed = await inspector.inject({ url: "/api/v1/sanctions?status=proposed" });
    expect(listed.statusCode).toBe(200);
    const items = listed.json().items.filter((item: { storeId: string }) => item.storeId === stall.storeId);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      kind: "suspension",
      year: 2026,
      pointsDeducted: 12,
      status: "proposed",
    });
    expect((await zhenhaiInspector.inject({ url: "/api/v1/sanctions" })).json().items).toEqual([]);

    const decide = (session: Session) =>
      session.inject({
        method: "POST",
        url: `/api/v1/sanctions/${items[0].id}/decision`,
        payload: { approve: true, note: "累计扣分达12分，责令停业整顿" },
      });
    expect((await decide(inspector)).statusCode).toBe(403);
    const decided = await decide(leader);
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({
      status: "approved",
      decisionNote: "累计扣分达12分，责令停业整顿",
    });
    expect((await decide(leader)).statusCode).toBe(409);
    const audit = await auditActions(t.database.db, "sanction_proposal", items[0].id);
    expect(audit.map((row) => row.action)).toEqual(["sanction.propose", "sanction.approve"]);
  });
});
