import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { businesses } from "../../db/schema.js";
import { eq } from "drizzle-orm";
import { TEST_PASSWORD, makeStore, makeUser } from "../../test/factories.js";
import { auditActions } from "../../test/inspection-fixtures.js";
import { createTestApp, loginAs, type Session, type TestApp } from "../../test/test-app.js";
import { maskAddress, toCsv } from "./presenter.js";

// 红黑榜 and policy notices: officers publish in their jurisdiction; the public API and CSV show the store and
// the legal basis, never a person's data.
let t: TestApp;
let fenghua: Awaited<ReturnType<typeof makeStore>>;
let zhenhai: Awaited<ReturnType<typeof makeStore>>;
let inspector: Session;
let owner: Session;

beforeAll(async () => {
  t = await createTestApp();
  fenghua = await makeStore(t.database.db, "330213");
  zhenhai = await makeStore(t.database.db, "330211");
  await makeUser(t.database.db, { role: "inspector", regionCode: "330213", username: "fh-inspector" });
  await makeUser(t.database.db, {
    role: "business_owner",
    regionCode: "330213",
    username: "fh-owner",
    businessId: fenghua.businessId,
  });
  inspector = await loginAs(t.app, "fh-inspector", TEST_PASSWORD);
  owner = await loginAs(t.app, "fh-owner", TEST_PASSWORD);
});
afterAll(() => t.close());

const entry = (storeId: string, list = "black") => ({
  list,
  storeId,
  reason: "使用超过保质期的食品原料",
  legalBasis: "《食品安全法》第一百二十四条",
  expiresOn: "2999-12-31",
});

describe("red and black lists", () => {
  it("an officer publishes in the jurisdiction (audited); another region's store is 404", async () => {
    const published = await inspector.inject({
      method: "POST",
      url: "/api/v1/lists",
      payload: entry(fenghua.store.id),
    });
    expect(published.statusCode).toBe(201);
    expect((await auditActions(t.database.db, "list_entry", published.json().id))[0]!.action).toBe(
      "list.publish",
    );
    const outside = await inspector.inject({
      method: "POST",
      url: "/api/v1/lists",
      payload: entry(zhenhai.store.id),
    });
    expect(outside.statusCode).toBe(404);
    const past = await inspector.inject({
      method: "POST",
      url: "/api/v1/lists",
      payload: { ...entry(fenghua.store.id), expiresOn: "2000-01-01" },
    });
    expect(past.statusCode).toBe(400);
    expect(
      (await owner.inject({ method: "POST", url: "/api/v1/lists", payload: entry(fenghua.store.id) }))
        .statusCode,
    ).toBe(403);
  });

  it("the public list shows store, masked address, reason and legal basis — no personal data", async () => {
    const response = await t.app.inject({ url: "/api/v1/public/lists?list=black&region=330200" });
    expect(response.statusCode).toBe(200);
    const [item] = response.json().items;
    expect(Object.keys(item).sort()).toEqual(
      [
        "address",
        "expiresOn",
        "id",
        "legalBasis",
        "list",
        "publishedOn",
        "reason",
        "regionCode",
        "storeName",
      ].sort(),
    );
    expect(item.address).not.toMatch(/[0-9]/);
    const [business] = await t.database.db
      .select()
      .from(businesses)
      .where(eq(businesses.id, fenghua.businessId));
    expect(response.body).not.toContain(business!.legalRepresentative);
    expect(response.body).not.toContain(business!.phoneMasked!);
    expect((await t.app.inject({ url: "/api/v1/public/lists?region=330211" })).json().items).toEqual([]);
  });

  it("the CSV export has a BOM, a header and neutralises formulas", async () => {
    const response = await t.app.inject({ url: "/api/v1/public/lists.csv" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/csv/);
    expect(response.body.startsWith("\uFEFFlist,storeName,address")).toBe(true);
    expect(response.body).toContain("第一百二十四条");
    const csv = toCsv([
      {
        id: "x",
        list: "red",
        storeName: "=HYPERLINK()",
        address: "a",
        regionCode: "330213",
        reason: 'say "hi"',
        legalBasis: "b",
        publishedOn: "2024-01-01",
        expiresOn: "2025-01-01",
      },
    ]);
    expect(csv).toContain(`"'=HYPERLINK()"`);
    expect(csv).toContain(`"say ""hi"""`);
    expect(maskAddress("广东省广州市天河区体育西路123号")).toBe("广东省广州市天河区体育西路*号");
  });

  it("a withdrawn entry leaves the public list; withdrawing twice is 409", async () => {
    const { items } = (await inspector.inject({ url: "/api/v1/lists" })).json();
    const id = items[0].id;
    expect((await inspector.inject({ method: "POST", url: `/api/v1/lists/${id}/withdraw` })).statusCode).toBe(
      200,
    );
    expect((await inspector.inject({ method: "POST", url: `/api/v1/lists/${id}/withdraw` })).statusCode).toBe(
      409,
    );
    expect((await t.app.inject({ url: "/api/v1/public/lists" })).json().items).toEqual([]);
  });
});

describe("policy notices", () => {
  it("a district officer cannot post city-wide; businesses see notices of their region and form", async () => {
    const cityWide = await inspector.inject({
      method: "POST",
      url: "/api/v1/policy-notices",
      payload: { regionCode: "330200", title: "全市", body: "…" },
    });
    expect(cityWide.statusCode).toBe(403);
    const post = (payload: object) =>
      inspector.inject({ method: "POST", url: "/api/v1/policy-notices", payload });
    expect(
      (await post({ regionCode: "330213", title: "奉化区餐饮惠企政策", body: "贷款贴息" })).statusCode,
    ).toBe(201);
    const otherForm = fenghua.store.businessForm === "catering" ? "food_sales" : "catering";
    expect(
      (await post({ regionCode: "330213", businessForms: [otherForm], title: "只给别的业态", body: "…" }))
        .statusCode,
    ).toBe(201);
    expect(
      (
        await post({
          regionCode: "330213",
          businessForms: [fenghua.store.businessForm],
          title: "本业态",
          body: "…",
        })
      ).statusCode,
    ).toBe(201);
    const seen = (await owner.inject({ url: "/api/v1/policy-notices" }))
      .json()
      .items.map((n: { title: string }) => n.title);
    expect(seen.sort()).toEqual(["奉化区餐饮惠企政策", "本业态"].sort());
    expect((await inspector.inject({ url: "/api/v1/policy-notices" })).json().items).toHaveLength(3);
  });
});
