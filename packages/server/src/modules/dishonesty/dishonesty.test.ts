import ExcelJS from "exceljs";
import { chinaDate } from "@shian/domain";
import { and, eq, gte, isNull, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, businesses, dishonestyEntries } from "../../db/schema.js";
import { TEST_PASSWORD, makeStore, makeUser } from "../../test/factories.js";
import { auditActions } from "../../test/inspection-fixtures.js";
import { createTestApp, loginAs, type Session, type TestApp } from "../../test/test-app.js";
import { toCsv } from "./table-export.js";

// 严重违法失信名单 (seed 004 Rizhao: 失信联合惩戒): serious penalties list the business; leaders list and remove by
// hand; officers export the entries in force for partner departments.
let t: TestApp;
let listed: Awaited<ReturnType<typeof makeStore>>;
let manual: Awaited<ReturnType<typeof makeStore>>;
let elsewhere: Awaited<ReturnType<typeof makeStore>>;
let inspector: Session;
let leader: Session;
let outsideLeader: Session;
const today = chinaDate(new Date());

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  listed = await makeStore(db, "330211");
  manual = await makeStore(db, "330211");
  elsewhere = await makeStore(db, "330225");
  await makeUser(db, { role: "inspector", regionCode: "330211", username: "zh-insp" });
  await makeUser(db, { role: "leader", regionCode: "330211", username: "zh-lead" });
  await makeUser(db, { role: "leader", regionCode: "330225", username: "xs-lead" });
  inspector = await loginAs(t.app, "zh-insp", TEST_PASSWORD);
  leader = await loginAs(t.app, "zh-lead", TEST_PASSWORD);
  outsideLeader = await loginAs(t.app, "xs-lead", TEST_PASSWORD);
  const penalty = await inspector.inject({
    method: "POST",
    url: "/api/v1/penalties",
    payload: {
      storeId: listed.store.id,
      decisionNumber: "甬镇市监处罚〔2026〕5号",
      decidedOn: today,
      violation: '=HYPERLINK("x") 使用非食品原料生产食品',
      legalBasis: "《中华人民共和国食品安全法》第一百二十三条",
      fineYuan: 150000,
      severity: "serious",
    },
  });
  expect(penalty.statusCode).toBe(201);
});
afterAll(() => t.close());

const manualEntry = (businessId: string) => ({
  businessId,
  reason: "拒不执行人民法院生效判决（法院反馈）",
  legalBasis: "《市场监督管理严重违法失信名单管理办法》第二条",
  listedOn: today,
  until: "2099-12-31",
});

/** The entries in force in Zhenhai, counted in SQL. */
async function activeCount(): Promise<number> {
  const [row] = await t.database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(dishonestyEntries)
    .where(
      and(
        like(dishonestyEntries.regionCode, "330211%"),
        isNull(dishonestyEntries.removedAt),
        gte(dishonestyEntries.until, today),
      ),
    );
  return row!.n;
}

async function exportedRows(): Promise<string[][]> {
  const response = await inspector.inject({ url: "/api/v1/dishonesty/export.xlsx" });
  expect(response.statusCode).toBe(200);
  expect(response.headers["content-type"]).toContain("spreadsheetml");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(String)));
  return rows;
}

describe("serious-dishonesty list and joint punishment", () => {
  let manualId: string;

  it("leaders list a business by hand in their jurisdiction (audited); inspectors cannot; other regions are 404", async () => {
    const created = await leader.inject({
      method: "POST",
      url: "/api/v1/dishonesty",
      payload: manualEntry(manual.businessId),
    });
    expect(created.statusCode).toBe(201);
    manualId = created.json().id;
    expect((await auditActions(t.database.db, "dishonesty_entry", manualId))[0]!.action).toBe(
      "dishonesty.list",
    );
    expect(
      (
        await inspector.inject({
          method: "POST",
          url: "/api/v1/dishonesty",
          payload: manualEntry(manual.businessId),
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await leader.inject({
          method: "POST",
          url: "/api/v1/dishonesty",
          payload: manualEntry(elsewhere.businessId),
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await leader.inject({
          method: "POST",
          url: "/api/v1/dishonesty",
          payload: { ...manualEntry(manual.businessId), until: "2000-01-01" },
        })
      ).statusCode,
    ).toBe(400);
  });

  it("officers see their jurisdiction's entries; another district sees none", async () => {
    const items = (await inspector.inject({ url: "/api/v1/dishonesty?active=true" })).json().items;
    expect(items).toHaveLength(2);
    expect(items.map((i: { businessId: string }) => i.businessId).sort()).toEqual(
      [listed.businessId, manual.businessId].sort(),
    );
    expect((await outsideLeader.inject({ url: "/api/v1/dishonesty" })).json().items).toEqual([]);
  });

  it("seed 004 Rizhao 联合惩戒: the xlsx export opens with exceljs and its rows match the SQL count", async () => {
    const rows = await exportedRows();
    expect(rows[0]).toEqual([
      "企业名称",
      "统一社会信用代码",
      "法定代表人",
      "列入事由",
      "法律依据",
      "列入日期",
      "列入期限至",
      "列入机关",
    ]);
    expect(rows.length - 1).toBe(await activeCount());
    const [business] = await t.database.db
      .select()
      .from(businesses)
      .where(eq(businesses.id, listed.businessId));
    const row = rows.find((r) => r[1] === business!.uscc)!;
    expect(row[0]).toBe(business!.name);
    expect(row[2]).toBe(business!.legalRepresentative);
    expect(row[3]!.startsWith("'=HYPERLINK")).toBe(true);
    expect(row[7]).toBe("镇海区市场监督管理局");
    const exports = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "dishonesty.export"));
    expect(exports.at(-1)!.after).toMatchObject({ format: "xlsx", rows: rows.length - 1 });
  });

  it("the CSV export has a BOM, the same header, and one line per entry in force", async () => {
    const response = await leader.inject({ url: "/api/v1/dishonesty/export.csv" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/csv/);
    expect(response.body.startsWith('\uFEFF"企业名称","统一社会信用代码","法定代表人"')).toBe(true);
    expect(response.body.trim().split("\r\n")).toHaveLength(1 + (await activeCount()));
    expect(toCsv([{ header: "a", value: (r: string) => r }], ['say "hi"', "+1"])).toBe(
      '\uFEFF"a"\r\n"say ""hi"""\r\n"\'+1"\r\n',
    );
  });

  it("a removed entry leaves the list in force and the export; removing twice is 409", async () => {
    const url = `/api/v1/dishonesty/${manualId}/remove`;
    expect((await outsideLeader.inject({ method: "POST", url, payload: { reason: "x" } })).statusCode).toBe(
      404,
    );
    const removed = await leader.inject({ method: "POST", url, payload: { reason: "法院撤销失信决定" } });
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toMatchObject({ removedReason: "法院撤销失信决定" });
    expect((await leader.inject({ method: "POST", url, payload: { reason: "again" } })).statusCode).toBe(409);
    expect((await inspector.inject({ url: "/api/v1/dishonesty?active=true" })).json().items).toHaveLength(1);
    expect((await inspector.inject({ url: "/api/v1/dishonesty" })).json().items).toHaveLength(2);
    expect((await exportedRows()).length - 1).toBe(1);
    expect(await activeCount()).toBe(1);
  });
});
