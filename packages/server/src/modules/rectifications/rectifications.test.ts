import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rectifications, tasks } from "../../db/schema.js";
import { TEST_PASSWORD, makeStore, makeUser } from "../../test/factories.js";
import { createTestApp, loginAs, type Session, type TestApp } from "../../test/test-app.js";
import { answers, auditActions, uploadPhoto } from "../../test/inspection-fixtures.js";
import { escalateOverdueRectifications } from "./service.js";

// 整改闭环: order → business reply with evidence → inspector accepts or reopens with a new deadline; overdue orders
// are escalated (audited, with an officers' task).
let t: TestApp;
let store: Awaited<ReturnType<typeof makeStore>>;
let inspector: Session;
let owner: Session;
let otherOwner: Session;
let orderIds: string[];

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  store = await makeStore(db, "330213");
  const other = await makeStore(db, "330213");
  await makeUser(db, { role: "inspector", regionCode: "330213", username: "fh-inspector" });
  await makeUser(db, { role: "inspector", regionCode: "330211", username: "zh-inspector" });
  await makeUser(db, {
    role: "business_owner",
    regionCode: "330213",
    username: "fh-owner",
    businessId: store.businessId,
  });
  await makeUser(db, {
    role: "business_owner",
    regionCode: "330213",
    username: "other-owner",
    businessId: other.businessId,
  });
  inspector = await loginAs(t.app, "fh-inspector", TEST_PASSWORD);
  owner = await loginAs(t.app, "fh-owner", TEST_PASSWORD);
  otherOwner = await loginAs(t.app, "other-owner", TEST_PASSWORD);
  const recorded = await inspector.inject({
    method: "POST",
    url: "/api/v1/inspections",
    payload: {
      storeId: store.store.id,
      kind: "routine",
      template: "routine",
      results: answers("routine", { signage: { result: "fail" }, no_expired_food: { result: "fail" } }),
      lat: store.store.lat!,
      lng: store.store.lng!,
    },
  });
  orderIds = recorded.json().rectificationIds;
});
afterAll(() => t.close());

describe("rectifications", () => {
  it("the business lists its own orders; another business and another region see none", async () => {
    const own = await owner.inject({ url: "/api/v1/rectifications" });
    expect(own.json().items).toHaveLength(2);
    expect(own.json().items[0]).toMatchObject({
      itemCode: "no_expired_food",
      critical: true,
      status: "open",
    });
    expect((await otherOwner.inject({ url: "/api/v1/rectifications" })).json().items).toEqual([]);
    expect((await otherOwner.inject({ url: `/api/v1/rectifications/${orderIds[0]}` })).statusCode).toBe(404);
    const zh = await loginAs(t.app, "zh-inspector", TEST_PASSWORD);
    expect((await zh.inject({ url: "/api/v1/rectifications" })).json().items).toEqual([]);
    expect(
      (await zh.inject({ method: "POST", url: `/api/v1/rectifications/${orderIds[0]}/accept` })).statusCode,
    ).toBe(404);
  });

  it("reply with evidence, reopen with a reason, reply again, accept", async () => {
    const id = orderIds[0]!;
    const photo = await uploadPhoto(owner);
    const early = await inspector.inject({ method: "POST", url: `/api/v1/rectifications/${id}/accept` });
    expect(early.statusCode).toBe(409);
    const replied = await owner.inject({
      method: "POST",
      url: `/api/v1/rectifications/${id}/reply`,
      payload: { reply: "已清理过期食品", evidenceFileIds: [photo] },
    });
    expect(replied.statusCode).toBe(200);
    expect(replied.json()).toMatchObject({ status: "replied", evidenceFileIds: [photo] });
    expect(
      (
        await otherOwner.inject({
          method: "POST",
          url: `/api/v1/rectifications/${id}/reply`,
          payload: { reply: "x", evidenceFileIds: [photo] },
        })
      ).statusCode,
    ).toBe(404);
    const reopened = await inspector.inject({
      method: "POST",
      url: `/api/v1/rectifications/${id}/reopen`,
      payload: { reason: "照片不清晰" },
    });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json().status).toBe("reopened");
    await owner.inject({
      method: "POST",
      url: `/api/v1/rectifications/${id}/reply`,
      payload: { reply: "重新拍照", evidenceFileIds: [photo] },
    });
    const accepted = await inspector.inject({ method: "POST", url: `/api/v1/rectifications/${id}/accept` });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ status: "closed" });
    expect(accepted.json().closedAt).not.toBeNull();
    const actions = await auditActions(t.database.db, "rectification", id);
    expect(actions.map((a) => a.action)).toEqual([
      "rectification.open",
      "rectification.reply",
      "rectification.reopen",
      "rectification.reply",
      "rectification.accept",
    ]);
    expect(actions[2]!.after).toMatchObject({ reason: "照片不清晰" });
    // A business cannot accept its own order.
    expect(
      (await owner.inject({ method: "POST", url: `/api/v1/rectifications/${id}/accept` })).statusCode,
    ).toBe(403);
  });

  it("escalates overdue open orders once, with an audit entry and an officers' task", async () => {
    const open = orderIds[1]!;
    const later = new Date(Date.now() + 8 * 86_400_000);
    expect(await escalateOverdueRectifications(t.database.db, later)).toBe(1);
    expect(await escalateOverdueRectifications(t.database.db, later)).toBe(0);
    const [row] = await t.database.db.select().from(rectifications).where(eq(rectifications.id, open));
    expect(row!.escalatedAt).not.toBeNull();
    expect((await auditActions(t.database.db, "rectification", open)).map((a) => a.action)).toContain(
      "rectification.escalate",
    );
    const overdue = await t.database.db.select().from(tasks).where(eq(tasks.kind, "rectification_overdue"));
    expect(overdue).toHaveLength(1);
  });
});
