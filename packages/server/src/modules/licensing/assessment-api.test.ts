import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.js";

// Every restriction and exemption of the Guangdong rules (粤市监规字〔2019〕2号) through the public API.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

interface Reply {
  category: number;
  onsiteInspectionRequired: boolean;
  commitmentEligible: boolean;
  allowed: boolean;
  violations: { rule: string; article: string; message: string }[];
  requiredMaterials: { code: string; name: string }[];
}

async function assess(body: object, language = "zh-CN"): Promise<Reply> {
  const response = await t.app.inject({
    method: "POST",
    url: "/api/v1/licensing/assessments",
    payload: { kind: "new", ...body },
    headers: { "accept-language": language },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Reply;
}

const articles = (reply: Reply) => reply.violations.map((v) => v.article);
const materials = (reply: Reply) => reply.requiredMaterials.map((m) => m.code);
const item = (code: string, extra: object = {}) => ({ code, ...extra });
const shop = (subtype: string, items: object[], facts: object = {}) => ({
  businessForm: subtypeForm(subtype),
  subtype,
  items,
  ...facts,
});
function subtypeForm(subtype: string) {
  if (
    [
      "supermarket",
      "convenience_store",
      "grocery",
      "food_trader",
      "vending",
      "online_seller",
      "sales_chain_hq",
    ].includes(subtype)
  ) {
    return "food_sales";
  }
  return [
    "school",
    "university",
    "kindergarten",
    "staff_canteen",
    "elderly_care",
    "construction_site",
  ].includes(subtype)
    ? "unit_canteen"
    : "catering";
}

describe("POST /api/v1/licensing/assessments", () => {
  it("art. 6: a subtype outside its business form → 400 listing the allowed subtypes", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/licensing/assessments",
      payload: {
        kind: "new",
        businessForm: "food_sales",
        subtype: "restaurant_small",
        items: [item("hot_food")],
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().detail).toContain("supermarket");
  });

  it("art. 7: unknown item codes → 400 listing the allowed codes", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/licensing/assessments",
      payload: { kind: "new", ...shop("restaurant_small", [item("caviar_making")]) },
      headers: { "accept-language": "en" },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().detail).toContain("hot_food");
  });

  it("art. 7: food management only for chain HQs and catering management firms", async () => {
    expect(articles(await assess(shop("restaurant_small", [item("food_management")])))).toContain("art. 7");
    expect((await assess(shop("catering_management", [item("food_management")]))).allowed).toBe(true);
  });

  it("art. 8: an online seller without a physical store may not prepare food nor sell bulk cooked food", async () => {
    expect(
      articles(await assess(shop("online_seller", [item("hot_food")], { hasPhysicalStore: false }))),
    ).toContain("art. 8");
    expect(
      articles(
        await assess(
          shop("online_seller", [item("bulk_sales", { cookedFood: true })], { hasPhysicalStore: false }),
        ),
      ),
    ).toContain("art. 8");
    expect(
      (await assess(shop("online_seller", [item("prepackaged_sales")], { hasPhysicalStore: false }))).allowed,
    ).toBe(true);
  });

  it.each([
    ["supermarket", [item("prepackaged_sales")], {}, 1],
    ["restaurant_medium", [item("hot_food")], {}, 2],
    ["staff_canteen", [item("hot_food")], { processingAreaM2: 60, diners: 200 }, 2],
    ["central_kitchen", [item("hot_food")], { processingAreaM2: 400, fullTimeSafetyManagers: 1 }, 3],
    ["bakery", [item("pastry")], {}, 4],
    ["catering_chain_hq", [item("food_management")], {}, 5],
  ])("art. 9: %s is review category %s", async (subtype, items, facts, category) => {
    expect((await assess(shop(subtype, items, facts))).category).toBe(category);
  });

  it("art. 24: a food seller that also cooks is reviewed with the catering requirements too", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/licensing/assessments",
      payload: { kind: "new", ...shop("supermarket", [item("prepackaged_sales"), item("hot_food")]) },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().onsiteInspectionRequired).toBe(true);
  });

  it.each([
    [
      "prepackaged food only",
      shop("convenience_store", [item("prepackaged_sales", { coldChain: true })]),
      false,
    ],
    ["health food only", shop("grocery", [item("special_food_sales", { kinds: ["health_food"] })]), false],
    ["infant formula", shop("grocery", [item("special_food_sales", { kinds: ["infant_formula"] })]), true],
    ["food management", shop("sales_chain_hq", [item("food_management")]), false],
    ["vending", shop("vending", [item("prepackaged_sales")]), false],
    ["online seller", shop("online_seller", [item("prepackaged_sales")], { hasPhysicalStore: false }), false],
    ["bulk food", shop("grocery", [item("bulk_sales")]), true],
    ["hot food", shop("restaurant_small", [item("hot_food")]), true],
  ])("art. 10: on-site inspection for %s → %s", async (_name, body, required) => {
    expect((await assess(body)).onsiteInspectionRequired).toBe(required);
  });

  it("art. 10: a change that keeps premises, equipment and layout is exempt; one that changes them is not", async () => {
    const body = shop("restaurant_small", [item("hot_food")]);
    expect((await assess({ ...body, kind: "change", premisesChanged: false })).onsiteInspectionRequired).toBe(
      false,
    );
    expect((await assess({ ...body, kind: "change", premisesChanged: true })).onsiteInspectionRequired).toBe(
      true,
    );
    expect((await assess({ ...body, kind: "reissue" })).onsiteInspectionRequired).toBe(false);
  });

  it("art. 11: the basic materials, and the additive disclosure rule for catering", async () => {
    const catering = materials(await assess(shop("restaurant_small", [item("hot_food")])));
    expect(catering).toEqual(
      expect.arrayContaining([
        "application_form",
        "subject_qualification",
        "id_documents",
        "layout_and_process",
        "safety_management_rules",
        "additive_disclosure_rule",
      ]),
    );
    expect(materials(await assess(shop("supermarket", [item("prepackaged_sales")])))).not.toContain(
      "additive_disclosure_rule",
    );
  });

  it("art. 18: bulk cooked food needs the producer's agreement and licence", async () => {
    expect(
      materials(await assess(shop("supermarket", [item("bulk_sales", { cookedFood: true })]))),
    ).toContain("producer_agreement_and_license");
  });

  it("art. 19: vending needs the device documents", async () => {
    expect(materials(await assess(shop("vending", [item("prepackaged_sales")])))).toContain(
      "vending_device_docs",
    );
  });

  it("art. 20: an online seller lists its devices", async () => {
    expect(
      materials(await assess(shop("online_seller", [item("prepackaged_sales")], { hasPhysicalStore: true }))),
    ).toContain("online_device_list");
  });

  it("art. 22–23: separate storage sites are declared", async () => {
    expect(
      materials(await assess(shop("supermarket", [item("prepackaged_sales")], { separateStorage: true }))),
    ).toContain("storage_site_info");
  });

  it("art. 25: a canteen's processing area is at least 30 m²; a contracted canteen gives its contract", async () => {
    const small = await assess(
      shop("staff_canteen", [item("hot_food")], { processingAreaM2: 20, diners: 50 }),
    );
    expect(articles(small)).toContain("art. 25");
    const enough = await assess(
      shop("staff_canteen", [item("hot_food")], {
        processingAreaM2: 40,
        diners: 100,
        contractedCanteen: true,
      }),
    );
    expect(enough.allowed).toBe(true);
    expect(materials(enough)).toContain("canteen_contract");
  });

  it("art. 28: school and kindergarten canteens may not apply for cold or raw food; universities may", async () => {
    const facts = { processingAreaM2: 100, diners: 300 };
    expect(articles(await assess(shop("school", [item("hot_food"), item("cold_food")], facts)))).toContain(
      "art. 28",
    );
    expect(articles(await assess(shop("kindergarten", [item("raw_food")], facts)))).toContain("art. 28");
    expect((await assess(shop("university", [item("hot_food"), item("cold_food")], facts))).allowed).toBe(
      true,
    );
  });

  it("art. 30: home-brewed liquor needs a test report", async () => {
    expect(
      materials(await assess(shop("restaurant_small", [item("beverage", { homeBrewedLiquor: true })]))),
    ).toContain("liquor_test_report");
  });

  it("art. 31: a central kitchen needs a full-time safety manager", async () => {
    const reply = await assess(
      shop("central_kitchen", [item("hot_food")], { processingAreaM2: 400, fullTimeSafetyManagers: 0 }),
    );
    expect(articles(reply)).toContain("art. 31");
  });

  it("art. 32: a group-meal supplier's processing area is at least 300 m²", async () => {
    const reply = await assess(
      shop("group_meal_delivery", [item("hot_food")], { processingAreaM2: 250, fullTimeSafetyManagers: 1 }),
    );
    expect(articles(reply)).toContain("art. 32");
  });

  it("art. 33: no cold food or decorated cakes delivered, except a central kitchen's braised meat", async () => {
    const facts = { processingAreaM2: 400, fullTimeSafetyManagers: 1 };
    expect(
      articles(await assess(shop("group_meal_delivery", [item("cold_food", { braisedMeat: true })], facts))),
    ).toContain("art. 33");
    expect(
      articles(await assess(shop("central_kitchen", [item("pastry", { decorated: true })], facts))),
    ).toContain("art. 33");
    expect(
      (await assess(shop("central_kitchen", [item("cold_food", { braisedMeat: true })], facts))).allowed,
    ).toBe(true);
  });

  it("art. 13: food sellers, beverage shops, bakeries and small catering may take the commitment path", async () => {
    expect((await assess(shop("bakery", [item("pastry")]))).commitmentEligible).toBe(true);
    expect((await assess(shop("small_catering", [item("hot_food")]))).commitmentEligible).toBe(true);
    expect((await assess(shop("restaurant_large", [item("hot_food")]))).commitmentEligible).toBe(false);
  });

  it("answers in English when asked", async () => {
    const reply = await assess(shop("restaurant_small", [item("food_management")]), "en");
    expect(reply.violations[0]!.message).toMatch(/[A-Za-z]/);
    expect(reply.requiredMaterials[0]!.name).toMatch(/^[A-Z]/);
  });

  it("SAMR 2023: prepackaged-only sales is a filing, not a licence", async () => {
    const reply = await assess({
      ruleset: "samr-2023",
      ...shop("convenience_store", [item("prepackaged_sales")]),
    });
    expect(reply.allowed).toBe(false);
    expect(reply.violations.map((v) => v.rule)).toContain("filing_only");
  });

  it("an unknown ruleset → 400 listing the rulesets", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/licensing/assessments",
      payload: { ruleset: "mars-2099", kind: "new", ...shop("bakery", [item("pastry")]) },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().detail).toContain("guangdong-2019");
  });
});
