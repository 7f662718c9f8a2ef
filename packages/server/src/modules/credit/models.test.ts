import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OFFICER_ROLES } from "../accounts/roles.js";
import { TEST_PASSWORD, makeStore, makeUser } from "../../test/factories.js";
import { createTestApp, loginAs, type Session, type TestApp } from "../../test/test-app.js";

// The credit models for the console and the what-if calculator (seed 004): officers only.
let t: TestApp;
let officers: Session[];
let owner: Session;

beforeAll(async () => {
  t = await createTestApp();
  officers = [];
  for (const role of OFFICER_ROLES) {
    await makeUser(t.database.db, { role, regionCode: "330211", username: `models-${role}` });
    officers.push(await loginAs(t.app, `models-${role}`, TEST_PASSWORD));
  }
  const store = await makeStore(t.database.db, "330211");
  await makeUser(t.database.db, {
    role: "business_owner",
    regionCode: "330211",
    username: "models-owner",
    businessId: store.businessId,
  });
  owner = await loginAs(t.app, "models-owner", TEST_PASSWORD);
});
afterAll(() => t.close());

const evaluate = (session: Session, payload: object) =>
  session.inject({ method: "POST", url: "/api/v1/credit/evaluate", payload });

describe("POST /api/v1/credit/evaluate", () => {
  it("seed 004 Zhenhai: 30 % public credit + 60 % industry + 10 % social governance, with the breakdown", async () => {
    const response = await evaluate(officers[0]!, {
      model: "zhenhai-3l4c",
      dimensions: { public_credit: 90, industry_supervision: 80, social_governance: 70 },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      model: "zhenhai-3l4c",
      version: "1",
      score: 82,
      grade: "blue",
      colour: "blue",
      codeColour: "green",
      vetoed: [],
      breakdown: [
        { dimension: "public_credit", weight: 0.3, score: 90, contribution: 27 },
        { dimension: "industry_supervision", weight: 0.6, score: 80, contribution: 48 },
        { dimension: "social_governance", weight: 0.1, score: 70, contribution: 7 },
      ],
      supervision: { online: true, offlineShare: 0.2, visitsPerMonth: 1 },
    });
  });

  it("seed 004 Rizhao: D by veto when on the serious-dishonesty list even with score 95", async () => {
    const response = await evaluate(officers[0]!, {
      model: "rizhao-abcd",
      dimensions: { general: 95, professional: 95 },
      vetoes: ["serious_dishonesty"],
    });
    expect(response.json()).toMatchObject({
      score: 95,
      grade: "D",
      colour: "red",
      vetoed: ["serious_dishonesty"],
    });
  });

  it("every officer role may use it", async () => {
    for (const session of officers) {
      const response = await evaluate(session, {
        model: "xiangshan-points",
        dimensions: { commitment_points: 70 },
      });
      expect(response.statusCode).toBe(200);
      expect(response.json().grade).toBe("orange");
    }
  });

  it("an unknown model is 400 and lists the models", async () => {
    const response = await evaluate(officers[0]!, { model: "ningbo", dimensions: {} });
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json().errors).toEqual([
      {
        pointer: "/body/model",
        message: "unknown model ningbo; allowed: zhenhai-3l4c, rizhao-abcd, xiangshan-points",
      },
    ]);
  });

  it("an unknown or missing dimension is 400 and lists the model's dimensions", async () => {
    const response = await evaluate(officers[0]!, {
      model: "rizhao-abcd",
      dimensions: { general: 80, public_credit: 80 },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      "/body/dimensions/public_credit",
      "/body/dimensions/professional",
    ]);
    expect(body.detail).toContain("allowed: general, professional");
  });

  it("an unknown veto is 400 and lists the model's vetoes", async () => {
    const response = await evaluate(officers[0]!, {
      model: "xiangshan-points",
      dimensions: { commitment_points: 80 },
      vetoes: ["serious_dishonesty"],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toEqual({
      pointer: "/body/vetoes",
      message: "unknown veto serious_dishonesty; allowed: red_alert",
    });
  });

  it("a dimension score outside 0..100 is 400", async () => {
    const response = await evaluate(officers[0]!, {
      model: "rizhao-abcd",
      dimensions: { general: 101, professional: 1 },
    });
    expect(response.statusCode).toBe(400);
  });

  it("is 401 for anonymous callers and 403 for a business owner", async () => {
    const payload = { model: "rizhao-abcd", dimensions: { general: 80, professional: 80 } };
    expect((await t.app.inject({ method: "POST", url: "/api/v1/credit/evaluate", payload })).statusCode).toBe(
      401,
    );
    expect((await evaluate(owner, payload)).statusCode).toBe(403);
  });
});

describe("GET /api/v1/credit/models", () => {
  it("lists the three models with version, dimensions, bands, vetoes, supervision and indicators", async () => {
    const response = await officers[0]!.inject({ url: "/api/v1/credit/models" });
    expect(response.statusCode).toBe(200);
    const items = response.json().items;
    expect(items.map((m: { id: string }) => m.id)).toEqual([
      "zhenhai-3l4c",
      "rizhao-abcd",
      "xiangshan-points",
    ]);
    const zhenhai = items[0];
    expect(zhenhai.dimensions.map((d: { weight: number }) => d.weight)).toEqual([0.3, 0.6, 0.1]);
    expect(zhenhai.bands.map((b: { minScore: number }) => b.minScore)).toEqual([90, 80, 60, 0]);
    expect(zhenhai.supervision[3]).toEqual({
      grade: "red",
      online: true,
      offlineShare: 1,
      visitsPerMonth: 2,
    });
    expect(zhenhai.groups).toHaveLength(11);
    expect(zhenhai.indicators.length).toBeGreaterThanOrEqual(40);
    expect(zhenhai.indicators[0]).toEqual({
      code: "pc_basics",
      group: "basics",
      label: { zh: "公共信用·基本情况（省级组件）", en: "Public credit: basics (provincial component)" },
    });
    expect(items[2].population).toEqual({ licenceType: "JY", subtypes: ["small_catering"] });
    expect(items[2].vetoes.map((v: { code: string }) => v.code)).toEqual(["red_alert"]);
  });

  it("is 401 for anonymous callers and 403 for a business owner", async () => {
    expect((await t.app.inject({ url: "/api/v1/credit/models" })).statusCode).toBe(401);
    expect((await owner.inject({ url: "/api/v1/credit/models" })).statusCode).toBe(403);
  });
});
