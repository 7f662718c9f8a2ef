import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, safetyCodes } from "../../db/schema.js";
import { TEST_PASSWORD, makeStore, makeUser } from "../../test/factories.js";
import { createTestApp, loginAs, type Session, type TestApp } from "../../test/test-app.js";
import { createSafetyCodes } from "../safety-code/service.js";
import { isAbusive } from "./abusive-words.js";

let t: TestApp;
let code: string;
let storeId: string;
let inspector: Session;
let outsider: Session;
let ip = 0;

/** Each call from its own address, so the 10/min limit of the rating routes does not interfere. */
function rate(payload: object, cookie?: string) {
  ip += 1;
  return t.app.inject({
    method: "POST",
    url: "/api/v1/public/ratings",
    payload,
    remoteAddress: `10.0.0.${ip}`,
    headers: cookie ? { cookie } : {},
  });
}

function deviceCookie(response: { cookies: { name: string; value: string }[] }): string {
  const cookie = response.cookies.find((c) => c.name === "shian_device");
  return `shian_device=${cookie!.value}`;
}

beforeAll(async () => {
  t = await createTestApp();
  const { store } = await makeStore(t.database.db, "440106");
  storeId = store.id;
  await createSafetyCodes(t.database.db, [store.id]);
  const [row] = await t.database.db.select().from(safetyCodes).where(eq(safetyCodes.storeId, store.id));
  code = row!.code;
  await makeUser(t.database.db, { role: "inspector", regionCode: "440106", username: "rt-inspector" });
  await makeUser(t.database.db, { role: "inspector", regionCode: "310104", username: "rt-outsider" });
  inspector = await loginAs(t.app, "rt-inspector", TEST_PASSWORD);
  outsider = await loginAs(t.app, "rt-outsider", TEST_PASSWORD);
});
afterAll(() => t.close());

describe("ratings", () => {
  it("one rating per device per store per day: the second is a 409 problem", async () => {
    const first = await rate({ safetyCode: code.toLowerCase(), stars: 4 });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ moderation: "approved" });
    const setCookie = String(first.headers["set-cookie"]);
    expect(setCookie).toMatch(/HttpOnly/i);
    const second = await rate({ safetyCode: code, stars: 1 }, deviceCookie(first));
    expect(second.statusCode).toBe(409);
    expect(second.headers["content-type"]).toMatch(/application\/problem\+json/);
  });

  it("refuses stars outside 1–5, comments over 500 characters and unknown codes", async () => {
    expect((await rate({ safetyCode: code, stars: 6 })).statusCode).toBe(400);
    expect((await rate({ safetyCode: code, stars: 3, comment: "好".repeat(501) })).statusCode).toBe(400);
    expect((await rate({ safetyCode: "ZZZZZZZZZZ", stars: 3 })).statusCode).toBe(404);
  });

  it("rejects an abusive comment at once (word list as data)", async () => {
    expect(isAbusive("这家店老板是个傻 逼")).toBe(true);
    expect(isAbusive("F.u.c.k this")).toBe(true);
    expect(isAbusive("菜很好吃，服务热情")).toBe(false);
    const response = await rate({ safetyCode: code, stars: 1, comment: "老板是傻逼" });
    expect(response.json()).toMatchObject({ moderation: "rejected" });
  });

  it("a comment is hidden until an inspector of the district approves it; outside the district → 404; audited", async () => {
    const comment = "面条很筋道，店面干净 13812345678";
    const created = await rate({ safetyCode: code, stars: 5, comment });
    expect(created.json()).toMatchObject({ moderation: "pending" });
    const id = created.json().id as string;
    expect((await t.app.inject({ url: `/s/${code}` })).body).not.toContain("面条很筋道");

    const pending = await inspector.inject({ url: "/api/v1/ratings?moderation=pending" });
    expect(pending.statusCode).toBe(200);
    expect(pending.json().items).toEqual([expect.objectContaining({ id, storeId, comment })]);
    expect((await outsider.inject({ url: "/api/v1/ratings?moderation=pending" })).json().items).toEqual([]);

    const denied = await outsider.inject({
      method: "POST",
      url: `/api/v1/ratings/${id}/moderate`,
      payload: { decision: "approve" },
    });
    expect(denied.statusCode).toBe(404);

    const approved = await inspector.inject({
      method: "POST",
      url: `/api/v1/ratings/${id}/moderate`,
      payload: { decision: "approve" },
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ moderation: "approved" });
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.subjectId, id));
    expect(audit).toMatchObject({ action: "rating.moderate", after: { moderation: "approved" } });

    const page = (await t.app.inject({ url: `/s/${code}` })).body;
    expect(page).toContain("面条很筋道");
    expect(page).toContain("4.5 星（2 条评价）");
    expect(page).not.toMatch(/1[3-9]\d{9}/);
  });

  it("the HTML form on the scan page posts a rating and answers a thank-you page", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: `/s/${code}/rate`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ stars: "3", comment: "还行", lang: "en" }).toString(),
      remoteAddress: "10.1.0.1",
    });
    expect(response.statusCode).toBe(201);
    expect(response.headers["content-type"]).toMatch(/text\/html/);
    expect(response.body).toContain("Thank you for your rating");
    const again = await t.app.inject({
      method: "POST",
      url: `/s/${code}/rate`,
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: deviceCookie(response) },
      payload: "stars=2",
      remoteAddress: "10.1.0.1",
    });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain("您今天已评价过该店");
  });

  it("limits ratings to 10 per minute per IP", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) {
      const response = await t.app.inject({
        method: "POST",
        url: "/api/v1/public/ratings",
        payload: { safetyCode: code, stars: 3 },
        remoteAddress: "10.2.0.1",
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.at(-1)).toBe(429);
  });
});
