import { chinaDate } from "@shian/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { foodSafetyIncidents, samplingResults } from "../../db/schema.js";
import { TEST_PASSWORD, makeStore, makeUser } from "../../test/factories.js";
import { auditActions } from "../../test/inspection-fixtures.js";
import { createTestApp, loginAs, type Session, type TestApp } from "../../test/test-app.js";

// 抽检结果导入 (seed 004 Xiangshan: 产品抽检不合格 raises a red alert) and 食品安全事故 records (Rizhao's D veto).
let t: TestApp;
let inspector: Session;
let storeId: string;
let foreignStoreId: string;
const yesterday = chinaDate(new Date(Date.now() - 86_400_000));
const tomorrow = chinaDate(new Date(Date.now() + 86_400_000));

const row = (reportNumber: string, overrides: object = {}) => ({
  reportNumber,
  storeId,
  sampledOn: yesterday,
  product: "卤鸭脖",
  item: "亚硝酸盐",
  result: "fail",
  ...overrides,
});

async function reportNumbers(): Promise<string[]> {
  const rows = await t.database.db.select().from(samplingResults).where(eq(samplingResults.storeId, storeId));
  return rows.map((r) => r.reportNumber).sort();
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  storeId = (await makeStore(db, "330225")).store.id;
  foreignStoreId = (await makeStore(db, "330211")).store.id;
  await makeUser(db, { role: "inspector", regionCode: "330225", username: "xs-sampler" });
  await makeUser(db, { role: "acceptor", regionCode: "330225", username: "xs-acceptor" });
  inspector = await loginAs(t.app, "xs-sampler", TEST_PASSWORD);
});
afterAll(() => t.close());

describe("sampling results import", () => {
  it("imports a JSON array; sending it again reports duplicates and changes nothing", async () => {
    const payload = [row("NB-2026-001"), row("NB-2026-002", { result: "pass", item: undefined })];
    const first = await inspector.inject({ method: "POST", url: "/api/v1/sampling-results", payload });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ inserted: 2, duplicates: [] });
    const again = await inspector.inject({ method: "POST", url: "/api/v1/sampling-results", payload });
    expect(again.json()).toEqual({ inserted: 0, duplicates: ["NB-2026-001", "NB-2026-002"] });
    expect(await reportNumbers()).toEqual(["NB-2026-001", "NB-2026-002"]);
  });

  it("is all or nothing: one bad row (unknown or foreign store, future date, repeated number) imports none", async () => {
    const bad = await inspector.inject({
      method: "POST",
      url: "/api/v1/sampling-results",
      payload: [
        row("NB-2026-010"),
        row("NB-2026-011", { storeId: foreignStoreId }),
        row("NB-2026-012", { sampledOn: tomorrow }),
        row("NB-2026-010"),
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      "/body/1/storeId",
      "/body/2/sampledOn",
      "/body/3/reportNumber",
    ]);
    const invalid = await inspector.inject({
      method: "POST",
      url: "/api/v1/sampling-results",
      payload: [row("NB-2026-013", { result: "maybe" })],
    });
    expect(invalid.statusCode).toBe(400);
    expect(await reportNumbers()).toEqual(["NB-2026-001", "NB-2026-002"]);
  });

  it("accepts the same rows as CSV (English or Chinese headers), judged by content", async () => {
    const csv =
      "\uFEFF报告编号,门店ID,抽样日期,样品名称,检验项目,结论\n" +
      `NB-2026-020,${storeId},${yesterday},酱牛肉,菌落总数,不合格\n` +
      `NB-2026-021,${storeId},${yesterday},白斩鸡,,合格\n`;
    const imported = await inspector.inject({
      method: "POST",
      url: "/api/v1/sampling-results",
      headers: { "content-type": "text/csv" },
      payload: csv,
    });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toEqual({ inserted: 2, duplicates: [] });
    const [fail] = await t.database.db
      .select()
      .from(samplingResults)
      .where(eq(samplingResults.reportNumber, "NB-2026-020"));
    expect(fail).toMatchObject({ result: "fail", item: "菌落总数", product: "酱牛肉" });
    const binary = await inspector.inject({
      method: "POST",
      url: "/api/v1/sampling-results",
      headers: { "content-type": "text/csv" },
      payload: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]),
    });
    expect(binary.statusCode).toBe(400);
    const wrongHeader = await inspector.inject({
      method: "POST",
      url: "/api/v1/sampling-results",
      headers: { "content-type": "text/csv" },
      payload: "name,phone\n张三,13800000000\n",
    });
    expect(wrongHeader.statusCode).toBe(400);
  });

  it("only inspectors and admins import", async () => {
    const acceptor = await loginAs(t.app, "xs-acceptor", TEST_PASSWORD);
    const refused = await acceptor.inject({
      method: "POST",
      url: "/api/v1/sampling-results",
      payload: [row("NB-2026-030")],
    });
    expect(refused.statusCode).toBe(403);
  });
});

describe("food-safety incidents", () => {
  it("an inspector records an incident of a store in the district, audited; another district's store is 404", async () => {
    const recorded = await inspector.inject({
      method: "POST",
      url: "/api/v1/food-safety-incidents",
      payload: { storeId, occurredOn: yesterday, description: "12 人食用卤味后腹泻，已送检" },
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(recorded.json()).toMatchObject({ storeId, regionCode: "330225", occurredOn: yesterday });
    const id = recorded.json().id;
    expect((await auditActions(t.database.db, "food_safety_incident", id)).map((a) => a.action)).toEqual([
      "food_safety_incident.record",
    ]);
    const foreign = await inspector.inject({
      method: "POST",
      url: "/api/v1/food-safety-incidents",
      payload: { storeId: foreignStoreId, occurredOn: yesterday, description: "x" },
    });
    expect(foreign.statusCode).toBe(404);
    const future = await inspector.inject({
      method: "POST",
      url: "/api/v1/food-safety-incidents",
      payload: { storeId, occurredOn: tomorrow, description: "x" },
    });
    expect(future.statusCode).toBe(400);
    expect(await t.database.db.select().from(foodSafetyIncidents)).toHaveLength(1);
  });
});
