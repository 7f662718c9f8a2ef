import { and, eq, isNotNull, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inspections, stores } from "../../db/schema.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { personalDataIn, seedOpenData, type OpenDataFixture } from "../../test/open-data-fixtures.js";

let t: TestApp;
let f: OpenDataFixture;
/** Every reply body, checked for personal data at the end. */
const bodies: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  f = await seedOpenData(t.database.db);
}, 60_000);
afterAll(() => t.close());

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await t.app.inject({ url, headers });
  bodies.push(response.body);
  return response;
}

interface Page<T> {
  items: T[];
  next: string | null;
}
interface StoreItem {
  storeId: string;
  regionCode: string;
  colour: string;
  name: string;
  addressMasked: string;
  licence: { number: string; validFrom: string } | null;
  lastInspection: { date: string; result: string | null } | null;
}
interface InspectionItem {
  id: string;
  storeId: string;
  date: string;
  type: string;
  result: string;
  violations: { code: string; description: { zh: string; en: string } }[];
}

/** Follows `next` to the end and returns every item in order. */
async function all<T>(url: string, limit: number): Promise<T[]> {
  const items: T[] = [];
  let next: string | null = null;
  for (let page = 0; page < 100; page += 1) {
    const separator = url.includes("?") ? "&" : "?";
    const response = await get(
      `${url}${separator}limit=${limit}${next ? `&cursor=${encodeURIComponent(next)}` : ""}`,
    );
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as Page<T>;
    items.push(...body.items);
    next = body.next;
    if (!next) return items;
  }
  throw new Error("paging did not end");
}

describe("GET /api/v1/open/stores", () => {
  it("pages through every store exactly once, whatever the page size", async () => {
    const expected = (await t.database.db.select({ id: stores.id }).from(stores)).map((row) => row.id).sort();
    for (const limit of [1, 2, 3, 500]) {
      const ids = (await all<StoreItem>("/api/v1/open/stores", limit)).map((item) => item.storeId);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual(expected);
    }
  });

  it("publishes the colour by the scan page's rule, the licence, grade and last inspection", async () => {
    const items = await all<StoreItem>("/api/v1/open/stores", 100);
    const byId = new Map(items.map((item) => [item.storeId, item]));
    expect(byId.get(f.green.storeId)).toMatchObject({
      colour: "green",
      grade: "A",
      name: '老王"面馆",天河分店',
      addressMasked: "广东省广州市天河区天河路,体育西路口**号",
      regionCode: "440106",
      regionName: "天河区",
      licence: { status: "valid", validFrom: "2024-01-01", validTo: "2029-12-31" },
      lastInspection: { date: "2026-11-20", result: "pass", score: 100 },
    });
    expect(byId.get(f.yellow.storeId)).toMatchObject({ colour: "yellow", grade: "C" });
    // seed 004 Xiangshan: an open red alert makes the code red whatever the grade.
    expect(byId.get(f.redAlert.storeId)).toMatchObject({ colour: "red", grade: "A" });
    // DEFAULT_SAFETY_COLOUR (green) for a licensed store not graded yet.
    expect(byId.get(f.ungraded.storeId)).toMatchObject({
      colour: "green",
      grade: null,
      lastInspection: null,
    });
    // No valid licence: red.
    expect(byId.get(f.unlicensed.storeId)).toMatchObject({ colour: "red", licence: null });
  });

  it("filters by region: a city covers its counties, a county only itself", async () => {
    const guangzhou = await all<StoreItem>("/api/v1/open/stores?region=440100", 2);
    expect(guangzhou.length).toBe(5);
    expect(guangzhou.every((item) => item.regionCode === "440106")).toBe(true);
    const ningbo = await all<StoreItem>("/api/v1/open/stores?region=330200", 2);
    expect(ningbo.map((item) => item.regionCode).sort()).toEqual(["330211", "330213"]);
    const fenghua = await all<StoreItem>("/api/v1/open/stores?region=330213", 2);
    expect(fenghua.map((item) => item.storeId)).toEqual([f.ningboA.storeId]);
    const zhejiang = await all<StoreItem>("/api/v1/open/stores?region=330000", 2);
    expect(zhejiang.length).toBe(2);
  });

  it("filters by colour and by licensed-since date", async () => {
    const red = await all<StoreItem>("/api/v1/open/stores?colour=red", 1);
    expect(red.map((item) => item.storeId).sort()).toEqual([f.redAlert.storeId, f.unlicensed.storeId].sort());
    const yellowInNingbo = await all<StoreItem>("/api/v1/open/stores?colour=yellow&region=330200", 5);
    expect(yellowInNingbo.map((item) => item.storeId)).toEqual([f.ningboA.storeId]);
    const recent = await all<StoreItem>("/api/v1/open/stores?licensedSince=2026-01-01", 5);
    expect(recent.map((item) => item.storeId)).toEqual([f.ningboA.storeId]);
  });

  it("is publicly cacheable for five minutes and answers 304 to a current ETag", async () => {
    const first = await get("/api/v1/open/stores?region=440100&limit=3");
    expect(first.statusCode).toBe(200);
    expect(first.headers["cache-control"]).toBe("public, max-age=300");
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^".+"$/);
    const again = await get("/api/v1/open/stores?region=440100&limit=3", { "if-none-match": etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
    const weak = await get("/api/v1/open/stores?region=440100&limit=3", {
      "if-none-match": `"x", W/${etag}`,
    });
    expect(weak.statusCode).toBe(304);
    const other = await get("/api/v1/open/stores?region=330200&limit=3", { "if-none-match": etag });
    expect(other.statusCode).toBe(200);
  });
});

describe("GET /api/v1/open/inspections", () => {
  it("pages through every finished inspection exactly once, oldest first, ties broken by id", async () => {
    const expected = (
      await t.database.db
        .select({ id: inspections.id })
        .from(inspections)
        .where(and(eq(inspections.status, "done"), isNotNull(inspections.inspectedAt)))
    )
      .map((row) => row.id)
      .sort();
    expect(expected.length).toBe(8);
    for (const limit of [1, 2, 3, 500]) {
      const items = await all<InspectionItem>("/api/v1/open/inspections", limit);
      const ids = items.map((item) => item.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual(expected);
      const dates = items.map((item) => item.date);
      expect(dates).toEqual([...dates].sort());
    }
  });

  it("publishes type, result, score and the failed items as violations, with the checklist's wording", async () => {
    const items = await all<InspectionItem>("/api/v1/open/inspections?region=330213", 10);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      storeId: f.ningboA.storeId,
      date: "2026-11-02",
      type: "routine",
      result: "fail",
      score: 80,
    });
    expect(items[0]!.violations.map((v) => v.code).sort()).toEqual(["no_expired_food", "premises_clean"]);
    for (const violation of items[0]!.violations) {
      expect(violation.description.zh.length).toBeGreaterThan(2);
      expect(violation.description.en.length).toBeGreaterThan(2);
    }
  });

  it("filters by China dates (from and to inclusive), region and the store's current colour", async () => {
    const day15 = await all<InspectionItem>("/api/v1/open/inspections?from=2026-10-15&to=2026-10-15", 1);
    // 23:30 China time on the 15th is the 15th; 00:10 on the 16th is not.
    expect(day15.map((item) => item.date)).toEqual(["2026-10-15", "2026-10-15", "2026-10-15"]);
    const fromSixteenth = await all<InspectionItem>("/api/v1/open/inspections?from=2026-10-16", 2);
    expect(fromSixteenth.every((item) => item.date >= "2026-10-16")).toBe(true);
    expect(fromSixteenth).toHaveLength(4);
    const untilSeptember = await all<InspectionItem>("/api/v1/open/inspections?to=2026-09-30", 2);
    expect(untilSeptember.map((item) => item.storeId)).toEqual([f.shanghai.storeId]);
    const red = await all<InspectionItem>("/api/v1/open/inspections?colour=red", 2);
    expect(red.map((item) => item.storeId)).toEqual([f.redAlert.storeId]);
    const [sqlCount] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(inspections)
      .innerJoin(stores, eq(stores.id, inspections.storeId))
      .where(and(eq(inspections.status, "done"), like(stores.regionCode, "4401%")));
    const guangzhou = await all<InspectionItem>("/api/v1/open/inspections?region=440100", 2);
    expect(guangzhou).toHaveLength(sqlCount!.n);
  });

  it("answers 304 to a current ETag", async () => {
    const first = await get("/api/v1/open/inspections?limit=2");
    const again = await get("/api/v1/open/inspections?limit=2", {
      "if-none-match": String(first.headers.etag),
    });
    expect(again.statusCode).toBe(304);
    expect(first.headers["cache-control"]).toBe("public, max-age=300");
  });
});

describe("validation", () => {
  const storeCursor = async () => (await get("/api/v1/open/stores?limit=1")).json().next as string;

  it.each([
    ["/api/v1/open/stores?colour=purple", "colour"],
    ["/api/v1/open/stores?limit=0", "limit"],
    ["/api/v1/open/stores?limit=501", "limit"],
    ["/api/v1/open/stores?region=4401", "region pattern"],
    ["/api/v1/open/stores?region=990000", "no such province"],
    ["/api/v1/open/stores?licensedSince=2026-02-30", "date not in the calendar"],
    ["/api/v1/open/stores?cursor=abc", "bad cursor"],
    ["/api/v1/open/stores?cursor=eyJrIjoicyIsImlkIjoieCJ9", "cursor with a bad id"],
    ["/api/v1/open/inspections?from=2026-13-01", "month 13"],
    ["/api/v1/open/inspections?from=20261001", "date format"],
    ["/api/v1/open/inspections?from=2026-10-02&to=2026-10-01", "to before from"],
    ["/api/v1/open/inspections?colour=blue", "colour"],
    ["/api/v1/open/stores?name=x", "unknown parameter"],
  ])("%s → 400 problem+json (%s)", async (url) => {
    const response = await get(url);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
  });

  it("a store cursor is refused by the inspections list, and a forged timestamp too", async () => {
    const response = await get(`/api/v1/open/inspections?cursor=${await storeCursor()}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().type).toBe("urn:shian:problem:open_data_bad_cursor");
    const forged = Buffer.from(
      JSON.stringify({ k: "i", at: "2026-02-30 10:00:00+00", id: f.green.storeId }),
    ).toString("base64url");
    expect((await get(`/api/v1/open/inspections?cursor=${forged}`)).statusCode).toBe(400);
  });
});

describe("personal data (PIPL arts. 25, 73)", () => {
  it("no reply carries a legal representative, phone, ID number, staff or inspector name, or a note", async () => {
    await all("/api/v1/open/stores", 500);
    await all("/api/v1/open/inspections", 500);
    expect(bodies.length).toBeGreaterThan(20);
    for (const body of bodies) expect(personalDataIn(body)).toEqual([]);
    // Field names too: nothing about people is even present as an empty field.
    for (const body of bodies) expect(body).not.toMatch(/"(inspector\w*|legal\w*|phone\w*|photo\w*|note)"/i);
  });
});
