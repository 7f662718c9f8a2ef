import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alerts, businesses, inspections, staff, storeGrades, users } from "../../db/schema.js";
import { makeUser, TEST_KEYRING } from "../../test/factories.js";
import { sealBusinessPhone, staffRowWithHealthCertificate } from "../entities/personal-data.js";

import { routineResults } from "../../test/grading-fixtures.js";
import { issueRestaurantLicence } from "../../test/licensing-flow.js";
import { licensingCast } from "../../test/officers.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { scanPageCache } from "../safety-code/cache.js";
import { createSafetyCodes, safetyCodeOfStore } from "../safety-code/service.js";

// Issue 8 "business-side boards": the in-shop board / e-photo-frame (亮照亮证, step 3) also shows the store's
// current 食安码 colour (the scan page's rule, seed 001) and its last inspection, in zh-CN and en.

const PLANTED = {
  legalRepresentative: "欧阳锋秘",
  phone: "13912345678",
  idNumber: "11010119900307777X",
  staffName: "黄药师傅",
  inspectorName: "洪七公检查员",
  note: "王重阳",
};

let t: TestApp;
let storeId: string;
let businessId: string;
let code: string;

beforeAll(async () => {
  // A non-default DEFAULT_SAFETY_COLOUR shows the configuration reaches the board.
  t = await createTestApp({ DEFAULT_SAFETY_COLOUR: "yellow" });
  const cast = await licensingCast(t.app, t.database.db, "440106", "board");
  storeId = cast.store.id;
  businessId = cast.businessId;
  // Planted before issuance, so the signed certificate payload holds them too.
  await t.database.db
    .update(businesses)
    .set({
      legalRepresentative: PLANTED.legalRepresentative,
      ...sealBusinessPhone(TEST_KEYRING, businessId, PLANTED.phone),
    })
    .where(eq(businesses.id, businessId));
  await issueRestaurantLicence(cast.owner, cast.officers, storeId);
  await t.database.db.insert(staff).values(
    staffRowWithHealthCertificate(TEST_KEYRING, {
      businessId,
      storeId,
      name: PLANTED.staffName,
      healthCertificateNo: PLANTED.idNumber,
      healthCertificateIssuer: "天河区疾控中心",
      healthCertificateValidTo: "2027-09-30",
    }),
  );
  await createSafetyCodes(t.database.db, [storeId]);
  code = (await safetyCodeOfStore(t.database.db, storeId))!;
}, 60_000);
afterAll(() => t.close());

const board = async (query: string) => {
  const response = await t.app.inject({ url: `/display/${storeId}?${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.body;
};

describe("in-shop board: 食安码 colour and last inspection", () => {
  it("a licensed store not graded yet shows the configured default colour, and no inspection yet", async () => {
    const zh = await board("lang=zh-CN&frame=1");
    expect(zh).toContain("黄码 · 食品安全状况一般");
    expect(zh).toContain('data-colour="yellow"');
    expect(zh).toContain("暂无检查记录");
    const en = await board("lang=en");
    expect(en).toContain("Yellow · fair food safety");
    expect(en).toContain("No inspections yet");
  });

  it("shows the grade's colour and the last finished inspection (date, type, result) in both languages", async () => {
    const inspector = await makeUser(t.database.db, { role: "inspector", regionCode: "440106" });
    await t.database.db
      .update(users)
      .set({ displayName: PLANTED.inspectorName })
      .where(eq(users.id, inspector.id));
    await t.database.db.insert(storeGrades).values({
      storeId,
      grade: "A",
      colour: "green",
      gradedOn: "2026-11-01",
      model: "test",
      period: "2026-10",
    });
    for (const [at, failed] of [
      ["2026-10-01T10:00:00+08:00", []],
      ["2026-11-02T10:00:00+08:00", ["premises_clean"]],
    ] as const) {
      await t.database.db.insert(inspections).values({
        kind: "routine",
        storeId,
        regionCode: "440106",
        template: "routine",
        status: "done",
        inspectorId: inspector.id,
        inspectedAt: new Date(at),
        results: routineResults([...failed]).map((item) =>
          item.result === "fail" ? { ...item, note: `${PLANTED.note} ${PLANTED.phone}` } : item,
        ),
        outcome: failed.length ? "rectify" : "pass",
        score: failed.length ? 90 : 100,
      });
    }
    // A planned visit is not an inspection yet.
    await t.database.db.insert(inspections).values({
      kind: "random_draw",
      storeId,
      regionCode: "440106",
      template: "routine",
      status: "planned",
      plannedFor: "2026-12-20",
    });
    const zh = await board("lang=zh-CN");
    expect(zh).toContain("绿码 · 食品安全状况良好");
    expect(zh).toContain("2026-11-02 · 日常检查 · 限期整改");
    const en = await board("lang=en&frame=1");
    expect(en).toContain("Green · good food safety");
    expect(en).toContain("2026-11-02 · Routine · Rectify");
    expect(en).not.toContain("2026-10-01");
  });

  it("agrees with the scan page: an open red alert turns both red (seed 004 Xiangshan)", async () => {
    await t.database.db.insert(alerts).values({
      rule: "health_certificate_expired",
      severity: "red",
      storeId,
      regionCode: "440106",
      subjectKey: "staff-1",
      status: "open",
      details: {},
    });
    scanPageCache.clear();
    const scan = await t.app.inject({ url: `/s/${code}?lang=zh-CN` });
    expect(scan.body).toContain("红码 · 食品安全状况较差");
    const zh = await board("lang=zh-CN");
    expect(zh).toContain("红码 · 食品安全状况较差");
    expect(zh).toContain('data-colour="red"');
    await t.database.db.execute(sql`update alerts set status = 'closed' where store_id = ${storeId}`);
    expect(await board("lang=zh-CN")).toContain("绿码");
  });

  it("carries no personal data: legal representative, phone, ID number, staff or inspector names, notes", async () => {
    for (const query of ["lang=zh-CN", "lang=en", "frame=1"]) {
      const html = await board(query);
      expect(Object.values(PLANTED).filter((value) => html.includes(value))).toEqual([]);
    }
  });
});
