import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { businesses, storeGrades } from "../../db/schema.js";
import { TEST_PASSWORD, makeStore, makeUser } from "../../test/factories.js";
import { auditActions } from "../../test/inspection-fixtures.js";
import { createTestApp, loginAs, type Session, type TestApp } from "../../test/test-app.js";

// 码上金融 (seed 001): well-graded businesses are referred to partner banks only with their own, named,
// withdrawable consent (PIPL); 守信激励 (seed 004 Zhenhai): what each store's grade qualifies for.
type Made = Awaited<ReturnType<typeof makeStore>>;
let t: TestApp;
let admin: Session;
let leader: Session;
let outsideLeader: Session;
const owners: Record<string, Session> = {};
const made: Record<string, Made> = {};
let bankId: string;

async function business(
  key: string,
  regionCode: string,
  grade: { model: string; grade: string; riskColour: string },
) {
  made[key] = await makeStore(t.database.db, regionCode);
  await t.database.db.insert(storeGrades).values({
    storeId: made[key].store.id,
    colour: grade.riskColour === "red" ? "red" : "green",
    gradedOn: "2026-11-01",
    period: "2026-10",
    ...grade,
  });
  await makeUser(t.database.db, {
    role: "business_owner",
    regionCode,
    username: `owner-${key}`,
    businessId: made[key].businessId,
  });
  owners[key] = await loginAs(t.app, `owner-${key}`, TEST_PASSWORD);
}

const GREEN = { model: "zhenhai-3l4c", grade: "green", riskColour: "green" };

beforeAll(async () => {
  t = await createTestApp();
  await makeUser(t.database.db, { role: "admin", regionCode: "330211", username: "zh-admin" });
  await makeUser(t.database.db, { role: "leader", regionCode: "330211", username: "zh-leader" });
  await makeUser(t.database.db, { role: "leader", regionCode: "330225", username: "xs-leader" });
  admin = await loginAs(t.app, "zh-admin", TEST_PASSWORD);
  leader = await loginAs(t.app, "zh-leader", TEST_PASSWORD);
  outsideLeader = await loginAs(t.app, "xs-leader", TEST_PASSWORD);
  await business("consenting", "330211", GREEN);
  await business("silent", "330211", GREEN);
  await business("withdrawing", "330211", GREEN);
  await business("blue", "330211", { model: "zhenhai-3l4c", grade: "blue", riskColour: "blue" });
  await business("xiangshan", "330225", { model: "xiangshan-points", grade: "blue", riskColour: "blue" });
});
afterAll(() => t.close());

async function referredUsccs(): Promise<string[]> {
  const response = await leader.inject({ url: `/api/v1/bank-partners/${bankId}/referrals.xlsx` });
  expect(response.statusCode).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const usccs: string[] = [];
  workbook.worksheets[0]!.eachRow((row, n) => {
    if (n > 1) usccs.push(String(row.getCell(2).value));
  });
  return usccs.sort();
}

const usccOf = async (key: string) =>
  (await t.database.db.select().from(businesses).where(eq(businesses.id, made[key]!.businessId)))[0]!.uscc;

const consent = (key: string) =>
  owners[key]!.inject({
    method: "POST",
    url: "/api/v1/portal/referral-consents",
    payload: { bankPartnerId: bankId },
  });

describe("bank referrals with consent", () => {
  it("an administrator registers a bank partner of the jurisdiction (audited); duplicates are 409", async () => {
    const created = await admin.inject({
      method: "POST",
      url: "/api/v1/bank-partners",
      payload: { name: "宁波银行镇海支行", regionCode: "330211" },
    });
    expect(created.statusCode).toBe(201);
    bankId = created.json().id;
    expect((await auditActions(t.database.db, "bank_partner", bankId))[0]!.action).toBe(
      "bank_partner.register",
    );
    const again = await admin.inject({
      method: "POST",
      url: "/api/v1/bank-partners",
      payload: { name: "宁波银行镇海支行", regionCode: "330211" },
    });
    expect(again.statusCode).toBe(409);
    const outside = await admin.inject({
      method: "POST",
      url: "/api/v1/bank-partners",
      payload: { name: "象山农商银行", regionCode: "330225" },
    });
    expect(outside.statusCode).toBe(403);
    expect(
      (
        await leader.inject({
          method: "POST",
          url: "/api/v1/bank-partners",
          payload: { name: "x银行", regionCode: "330211" },
        })
      ).statusCode,
    ).toBe(403);
  });

  it("businesses see the banks of their region and consent by their own decision (audited)", async () => {
    const listedForOwner = (await owners.consenting!.inject({ url: "/api/v1/portal/bank-partners" })).json()
      .items;
    expect(listedForOwner).toEqual([expect.objectContaining({ id: bankId, consentedAt: null })]);
    expect((await owners.xiangshan!.inject({ url: "/api/v1/portal/bank-partners" })).json().items).toEqual(
      [],
    );
    expect((await consent("xiangshan")).statusCode).toBe(404);
    for (const key of ["consenting", "withdrawing", "blue"])
      expect((await consent(key)).statusCode).toBe(200);
    const after = (await owners.consenting!.inject({ url: "/api/v1/portal/bank-partners" })).json().items;
    expect(after[0].consentedAt).not.toBeNull();
    expect((await auditActions(t.database.db, "referral_consent", bankId)).map((a) => a.action)).toEqual([
      "referral_consent.give",
      "referral_consent.give",
      "referral_consent.give",
    ]);
  });

  it("seed 001 银行推荐: only consenting green businesses are exported; a non-consenting green business is absent", async () => {
    const usccs = await referredUsccs();
    expect(usccs).toEqual([await usccOf("consenting"), await usccOf("withdrawing")].sort());
    expect(usccs).not.toContain(await usccOf("silent"));
    expect(usccs).not.toContain(await usccOf("blue"));
    const csv = await leader.inject({ url: `/api/v1/bank-partners/${bankId}/referrals.csv` });
    expect(csv.body.startsWith('\uFEFF"企业名称"')).toBe(true);
    expect(csv.body.trim().split("\r\n")).toHaveLength(3);
    expect(
      (await outsideLeader.inject({ url: `/api/v1/bank-partners/${bankId}/referrals.csv` })).statusCode,
    ).toBe(404);
    expect((await auditActions(t.database.db, "bank_partner", bankId)).map((a) => a.action)).toContain(
      "bank_partner.referral_export",
    );
  });

  it("a withdrawn consent removes the business from the next export; withdrawing twice is 404", async () => {
    const url = `/api/v1/portal/referral-consents/${bankId}`;
    const withdrawn = await owners.withdrawing!.inject({ method: "DELETE", url });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().consentedAt).toBeNull();
    expect((await owners.withdrawing!.inject({ method: "DELETE", url })).statusCode).toBe(404);
    expect(await referredUsccs()).toEqual([await usccOf("consenting")]);
  });
});

describe("red-list incentives (守信激励)", () => {
  it("seed 004 Zhenhai: a green (红榜) store gets the 500 000-yuan credit loan and the 240-yuan 阳光厨房 subsidy", async () => {
    const [store] = (await owners.consenting!.inject({ url: "/api/v1/portal/incentives" })).json().items;
    expect(store.grade).toMatchObject({ model: "zhenhai-3l4c", riskColour: "green" });
    const byCode = Object.fromEntries(
      store.incentives.map((i: { code: string; maxYuan: number }) => [i.code, i]),
    );
    expect(byCode.credit_loan.maxYuan).toBe(500_000);
    expect(byCode.sunshine_kitchen_subsidy.maxYuan).toBe(240);
    expect(Object.keys(byCode)).toEqual(
      expect.arrayContaining([
        "consumption_vouchers",
        "service_vouchers",
        "bank_referral",
        "red_list_praise",
      ]),
    );
  });

  it("a blue Zhenhai store gets service vouchers only; Xiangshan's blue is its best grade (bank referral)", async () => {
    const [blue] = (await owners.blue!.inject({ url: "/api/v1/portal/incentives" })).json().items;
    expect(blue.incentives.map((i: { code: string }) => i.code)).toEqual(["service_vouchers"]);
    const [xiangshan] = (await owners.xiangshan!.inject({ url: "/api/v1/portal/incentives" })).json().items;
    expect(xiangshan.incentives.map((i: { code: string }) => i.code)).toEqual(["bank_referral"]);
  });
});
