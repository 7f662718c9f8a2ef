import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { safetyCodes, storeGrades } from "../../db/schema.js";
import { makeStore } from "../../test/factories.js";
import { applyAndApprove, type Officers } from "../../test/licensing-flow.js";
import { licensingCast } from "../../test/officers.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { scanPageCache } from "./cache.js";
import { createSafetyCodes } from "./service.js";

const BASE = "https://shian.example.gov.cn";
let t: TestApp;
let officers: Officers;

interface Licensed {
  storeId: string;
  storeName: string;
  licenseId: string;
  licenseNo: string;
  code: string;
}

async function codeOf(storeId: string): Promise<string> {
  const [row] = await t.database.db.select().from(safetyCodes).where(eq(safetyCodes.storeId, storeId));
  return row!.code;
}

async function licensedStore(prefix: string): Promise<Licensed> {
  const cast = await licensingCast(t.app, t.database.db, "440106", prefix);
  officers = cast.officers;
  const approved = await applyAndApprove(cast.owner, cast.officers, {
    kind: "new",
    licenseType: "JY",
    storeId: cast.store.id,
    businessForm: "catering",
    subtype: "restaurant_small",
    items: [{ code: "hot_food" }],
  });
  const licenseNo = (await cast.owner.inject({ url: `/api/v1/licenses/${approved.licenseId}` })).json()
    .number;
  await createSafetyCodes(t.database.db, [cast.store.id]);
  return {
    storeId: cast.store.id,
    storeName: cast.store.name,
    licenseId: approved.licenseId!,
    licenseNo,
    code: await codeOf(cast.store.id),
  };
}

let green: Licensed;
let graded: Licensed;
let suspended: Licensed;
let unlicensed: { storeId: string; code: string; name: string };

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_BASE_URL: BASE });
  green = await licensedStore("sc-green");
  graded = await licensedStore("sc-graded");
  suspended = await licensedStore("sc-susp");
  const response = await officers.approver.inject({
    method: "POST",
    url: `/api/v1/licenses/${suspended.licenseId}/status`,
    payload: { status: "suspended", reason: "test" },
  });
  expect(response.statusCode, response.body).toBe(200);
  await t.database.db
    .insert(storeGrades)
    .values({ storeId: graded.storeId, grade: "B", colour: "yellow", gradedOn: "2025-05-20", model: "test" });
  const { store } = await makeStore(t.database.db, "310104");
  await createSafetyCodes(t.database.db, [store.id]);
  unlicensed = { storeId: store.id, code: await codeOf(store.id), name: store.name };
  scanPageCache.clear();
}, 60_000);
afterAll(() => t.close());

const scan = (code: string, headers: Record<string, string> = {}) =>
  t.app.inject({ url: `/s/${code}`, headers });

describe("safety codes", () => {
  it("gives each store one code; creating again keeps it", async () => {
    expect(green.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    await createSafetyCodes(t.database.db, [green.storeId, graded.storeId]);
    expect(await codeOf(green.storeId)).toBe(green.code);
    expect(new Set([green.code, graded.code, suspended.code, unlicensed.code]).size).toBe(4);
  });

  it("a store created through POST /api/v1/stores gets a code", async () => {
    const cast = await licensingCast(t.app, t.database.db, "440106", "sc-new");
    const created = await cast.owner.inject({
      method: "POST",
      url: "/api/v1/stores",
      payload: {
        name: "码上新店",
        address: "广东省广州市天河区天河路1号",
        regionCode: "440106",
        businessForm: "catering",
        subtype: "restaurant_small",
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(await codeOf(created.json().id)).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
  });

  it("the QR PNG carries {PUBLIC_BASE_URL}/s/{code}; unknown code → 404", async () => {
    const png = await t.app.inject({ url: `/api/v1/safety-codes/${green.code.toLowerCase()}/qr.png` });
    expect(png.statusCode).toBe(200);
    expect(png.headers["content-type"]).toBe("image/png");
    expect((await t.app.inject({ url: "/api/v1/safety-codes/ZZZZZZZZZZ/qr.png" })).statusCode).toBe(404);
  });
});

describe("scan page /s/{code}", () => {
  it("shows colour, store, licence number, links the certificate; small, no phone numbers, fast", async () => {
    scanPageCache.clear();
    const started = performance.now();
    const response = await scan(green.code);
    const coldMs = performance.now() - started;
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/text\/html/);
    expect(response.headers["cache-control"]).toMatch(/max-age=30/);
    const body = response.body;
    expect(Buffer.byteLength(body)).toBeLessThan(30 * 1024);
    expect(body).toContain(green.storeName);
    expect(body).toContain(green.licenseNo);
    expect(body).toContain("绿码");
    expect(body).toMatch(/href="\/v\/[A-Za-z0-9_.-]+"/);
    expect(body).toContain(`/s/${green.code}/complaint`);
    expect(body).toContain(`action="/s/${green.code}/rate"`);
    expect(body).not.toMatch(/1[3-9]\d{9}/);
    expect(body).not.toContain("<script");
    expect(response.headers["set-cookie"]).toMatch(/shian_device=[^;]+;.*HttpOnly/i);
    const warm = performance.now();
    for (let i = 0; i < 50; i += 1) await scan(green.code.toLowerCase());
    const warmMs = (performance.now() - warm) / 50;
    console.log(
      `scan page: ${Buffer.byteLength(body)} bytes, cold ${coldMs.toFixed(1)} ms, cached ${warmMs.toFixed(2)} ms`,
    );
  });

  it("answers 304 to a matching If-None-Match", async () => {
    const first = await scan(green.code);
    const again = await scan(green.code, { "if-none-match": String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
  });

  it("colours: default green, yellow from store_grades with the grade date, red when suspended or unlicensed", async () => {
    const yellow = await scan(graded.code);
    expect(yellow.body).toContain("黄码");
    expect(yellow.body).toContain("2025-05-20");
    const red = await scan(suspended.code);
    expect(red.body).toContain("红码");
    expect(red.body).toContain("已暂停");
    const none = await scan(unlicensed.code);
    expect(none.body).toContain("红码");
    expect(none.body).toContain("无有效许可证");
  });

  it("speaks English with ?lang=en or Accept-Language", async () => {
    expect((await scan(`${green.code}?lang=en`)).body).toContain("Green · good food safety");
    const accepted = await scan(graded.code, { "accept-language": "en-US,en;q=0.9" });
    expect(accepted.body).toContain("Yellow");
    expect(accepted.body).toContain('lang="en"');
  });

  it("an unknown or malformed code is a 404 HTML page", async () => {
    for (const code of ["ZZZZZZZZZZ", "not-a-code!"]) {
      const response = await scan(encodeURIComponent(code));
      expect(response.statusCode).toBe(404);
      expect(response.headers["content-type"]).toMatch(/text\/html/);
      expect(response.body).toContain("未找到该食安码");
    }
  });
});

describe("public store search", () => {
  const search = (query: string) => t.app.inject({ url: `/api/v1/public/stores?${query}` });

  it("filters by region and colour, with masked addresses", async () => {
    const response = await search("region=440106&limit=100");
    expect(response.statusCode).toBe(200);
    const items = response.json().items as { storeId: string; colour: string; addressMasked: string }[];
    expect(items.map((i) => i.storeId)).toEqual(expect.arrayContaining([green.storeId, suspended.storeId]));
    expect(items.map((i) => i.storeId)).not.toContain(unlicensed.storeId);
    for (const item of items) expect(item.addressMasked).toMatch(/\*\*/);
    const red = (await search("region=440106&colour=red&limit=100")).json().items as { storeId: string }[];
    expect(red.map((i) => i.storeId)).toContain(suspended.storeId);
    expect(red.map((i) => i.storeId)).not.toContain(green.storeId);
    const yellow = (await search("colour=yellow")).json().items as { storeId: string; grade: string }[];
    expect(yellow).toEqual([expect.objectContaining({ storeId: graded.storeId, grade: "B" })]);
  });

  it("finds by name and near a point, nearest first, with a keyset cursor", async () => {
    const byName = (await search(`q=${encodeURIComponent(green.storeName)}`)).json().items;
    expect(byName[0]).toMatchObject({
      storeId: green.storeId,
      safetyCode: green.code,
      licenseNo: green.licenseNo,
    });
    const detail = await t.app.inject({ url: `/api/v1/public/stores/${green.storeId}` });
    expect(detail.json()).toMatchObject({ name: green.storeName, colour: "green" });
    const store = detail.json() as { lat: number; lng: number };
    const near = (await search(`near=${store.lat},${store.lng}&radiusKm=10&limit=1`)).json();
    expect(near.items[0]).toMatchObject({ storeId: green.storeId, distanceKm: 0 });
    expect(near.nextCursor).toEqual(expect.any(String));
    const next = (
      await search(`near=${store.lat},${store.lng}&radiusKm=10&limit=1&cursor=${near.nextCursor}`)
    ).json();
    expect(next.items[0].storeId).not.toBe(green.storeId);
    expect(next.items[0].distanceKm).toBeGreaterThanOrEqual(0);
    const far = (await search(`near=${store.lat},${store.lng}&radiusKm=10&limit=100`)).json().items as {
      storeId: string;
    }[];
    expect(far.map((i) => i.storeId)).not.toContain(unlicensed.storeId); // Shanghai is not within 10 km of Guangzhou
  });
});
