import { chinaDate } from "@shian/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dishonestyEntries, inboxMessages, penalties, storeGrades } from "../../db/schema.js";
import { TEST_PASSWORD, makeUser } from "../../test/factories.js";
import { auditActions, uploadPhoto } from "../../test/inspection-fixtures.js";
import { createTestApp, loginAs, type Session, type TestApp } from "../../test/test-app.js";
import { regradeStore } from "../credit/grading.js";
import { licensedStore, type TestStore } from "../../test/grading-fixtures.js";
import { repairDueOn } from "./presenter.js";

let t: TestApp;
let producer: TestStore;
let other: TestStore;
let inspector: Session;
let outsider: Session;
let owner: Session;
let otherOwner: Session;
let serious: { id: string };
let recent: { id: string };
const today = chinaDate(new Date());

async function recordPenalty(payload: Record<string, unknown>) {
  const response = await inspector.inject({
    method: "POST",
    url: "/api/v1/penalties",
    payload: {
      storeId: producer.storeId,
      violation: "生产经营添加非食用物质的食品",
      legalBasis: "《中华人民共和国食品安全法》第一百二十三条",
      ...payload,
    },
  });
  expect(response.statusCode).toBe(201);
  return response.json() as { id: string };
}

const grade = async (storeId: string) =>
  (await t.database.db.select().from(storeGrades).where(eq(storeGrades.storeId, storeId)))[0];

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  producer = await licensedStore(db, { regionCode: "371102", licenceType: "SC", subtype: "food_production" });
  other = await licensedStore(db, { regionCode: "371102", licenceType: "SC", subtype: "food_production" });
  await makeUser(db, { role: "inspector", regionCode: "371102", username: "rz-officer" });
  await makeUser(db, { role: "leader", regionCode: "330211", username: "zh-leader" });
  await makeUser(db, {
    role: "business_owner",
    regionCode: null,
    username: "rz-maker",
    businessId: producer.businessId,
  });
  await makeUser(db, {
    role: "business_owner",
    regionCode: null,
    username: "rz-other",
    businessId: other.businessId,
  });
  inspector = await loginAs(t.app, "rz-officer", TEST_PASSWORD);
  outsider = await loginAs(t.app, "zh-leader", TEST_PASSWORD);
  owner = await loginAs(t.app, "rz-maker", TEST_PASSWORD);
  otherOwner = await loginAs(t.app, "rz-other", TEST_PASSWORD);
  // Decided more than a year ago: a serious penalty of the food sector is repairable after one year.
  serious = await recordPenalty({
    decisionNumber: "日东市监处罚〔2025〕3号",
    decidedOn: "2025-01-10",
    fineYuan: 100000,
    severity: "serious",
  });
  recent = await recordPenalty({
    decisionNumber: "日东市监处罚〔2026〕88号",
    decidedOn: today,
    severity: "general",
  });
});
afterAll(() => t.close());

const apply = (session: Session, penaltyId: string, evidenceFileIds: string[]) =>
  session.inject({
    method: "POST",
    url: "/api/v1/portal/credit-repairs",
    payload: { penaltyId, statement: "罚款已缴纳，问题原料已全部销毁，已完成整改。", evidenceFileIds },
  });

describe("credit repair (信用修复)", () => {
  let repairId: string;

  it("seed 004 Rizhao 即申即办: refused before repairableFrom, with another business's files, or for another's penalty", async () => {
    const evidence = await uploadPhoto(owner);
    const early = await apply(owner, recent.id, [evidence]);
    expect(early.statusCode).toBe(422);
    expect(early.json().detail).toContain("起方可申请信用修复");

    const foreignFile = await uploadPhoto(otherOwner);
    expect((await apply(owner, serious.id, [foreignFile])).statusCode).toBe(400);
    expect((await apply(otherOwner, serious.id, [foreignFile])).statusCode).toBe(404);

    const applied = await apply(owner, serious.id, [evidence]);
    expect(applied.statusCode).toBe(201);
    repairId = applied.json().id;
    expect(applied.json()).toMatchObject({ status: "pending", dueOn: repairDueOn(new Date()) });
    expect((await auditActions(t.database.db, "credit_repair", repairId))[0]!.action).toBe(
      "credit_repair.apply",
    );
    const twice = await apply(owner, serious.id, [evidence]);
    expect(twice.statusCode).toBe(409);
  });

  it("the queue is the jurisdiction's, oldest first, with the day the decision is due", async () => {
    const queue = (await inspector.inject({ url: "/api/v1/credit-repairs?status=pending" })).json().items;
    expect(queue).toHaveLength(1);
    expect(queue[0]).toMatchObject({
      id: repairId,
      decisionNumber: "日东市监处罚〔2025〕3号",
      overdue: false,
    });
    expect(queue[0].dueToday).toBe(queue[0].dueOn === today);
    expect((await outsider.inject({ url: "/api/v1/credit-repairs" })).json().items).toEqual([]);
    expect((await otherOwner.inject({ url: "/api/v1/portal/credit-repairs" })).json().items).toEqual([]);
    expect((await owner.inject({ url: "/api/v1/portal/credit-repairs" })).json().items).toHaveLength(1);
    const decide = { approve: true, note: "" };
    expect(
      (
        await outsider.inject({
          method: "POST",
          url: `/api/v1/credit-repairs/${repairId}/decision`,
          payload: decide,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await owner.inject({
          method: "POST",
          url: `/api/v1/credit-repairs/${repairId}/decision`,
          payload: decide,
        })
      ).statusCode,
    ).toBe(403);
  });

  it("seed 004 Rizhao 当日结: a repair decided the same day restores the grade", async () => {
    await t.database.db.transaction((tx) => regradeStore(tx, producer.storeId, today));
    expect(await grade(producer.storeId)).toMatchObject({ model: "rizhao-abcd", grade: "D" });

    const decided = await inspector.inject({
      method: "POST",
      url: `/api/v1/credit-repairs/${repairId}/decision`,
      payload: { approve: true, note: "材料齐全，准予修复" },
    });
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toMatchObject({ status: "approved", dueToday: false });
    expect(chinaDate(decided.json().decidedAt)).toBe(today);

    const [penalty] = await t.database.db.select().from(penalties).where(eq(penalties.id, serious.id));
    expect(penalty!.repairedAt).not.toBeNull();
    const [entry] = await t.database.db
      .select()
      .from(dishonestyEntries)
      .where(eq(dishonestyEntries.penaltyId, serious.id));
    expect(entry!.removedAt).not.toBeNull();
    expect(entry!.removedReason).toContain("信用修复");
    const restored = await grade(producer.storeId);
    expect(restored!.grade).not.toBe("D");
    expect(restored!.gradedOn).toBe(today);

    expect((await auditActions(t.database.db, "credit_repair", repairId)).map((a) => a.action)).toEqual([
      "credit_repair.apply",
      "credit_repair.approve",
    ]);
    expect((await auditActions(t.database.db, "dishonesty_entry", entry!.id)).map((a) => a.action)).toEqual([
      "dishonesty.list",
      "dishonesty.remove",
    ]);
    const inbox = await t.database.db
      .select()
      .from(inboxMessages)
      .where(eq(inboxMessages.businessId, producer.businessId));
    expect(inbox.map((m) => m.title)).toContain("信用修复申请已通过");

    const again = await inspector.inject({
      method: "POST",
      url: `/api/v1/credit-repairs/${repairId}/decision`,
      payload: { approve: false, note: "重复" },
    });
    expect(again.statusCode).toBe(409);
    expect((await apply(owner, serious.id, [await uploadPhoto(owner)])).statusCode).toBe(409);
  });

  it("a rejection needs a reason and leaves the penalty unrepaired", async () => {
    const minor = await recordPenalty({
      decisionNumber: "日东市监处罚〔2026〕90号",
      decidedOn: today,
      severity: "minor",
    });
    const applied = await apply(owner, minor.id, [await uploadPhoto(owner)]);
    expect(applied.statusCode).toBe(201);
    const url = `/api/v1/credit-repairs/${applied.json().id}/decision`;
    expect(
      (await inspector.inject({ method: "POST", url, payload: { approve: false, note: " " } })).statusCode,
    ).toBe(400);
    const rejected = await inspector.inject({
      method: "POST",
      url,
      payload: { approve: false, note: "缴款凭证不清晰" },
    });
    expect(rejected.json()).toMatchObject({ status: "rejected", decisionNote: "缴款凭证不清晰" });
    const [penalty] = await t.database.db.select().from(penalties).where(eq(penalties.id, minor.id));
    expect(penalty!.repairedAt).toBeNull();
    expect((await apply(owner, minor.id, [await uploadPhoto(owner)])).statusCode).toBe(201);
  });

  it("the decision is due the same working day, or the next one for a weekend application", () => {
    expect(repairDueOn(new Date("2026-11-25T09:00:00+08:00"))).toBe("2026-11-25");
    expect(repairDueOn(new Date("2026-11-28T09:00:00+08:00"))).toBe("2026-11-30");
  });
});
