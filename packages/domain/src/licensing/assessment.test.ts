import { describe, expect, it } from "vitest";
import {
  RULESETS,
  assessApplication,
  guangdong2019,
  samr2023,
  validateAssessmentInput,
} from "./assessment.js";
import { GUANGDONG_2019_RULES, foodSellerPreparationCategory } from "./guangdong-2019.js";
import type { AssessmentInput, Rule, Ruleset } from "./ruleset.js";

function application(overrides: Partial<AssessmentInput> = {}): AssessmentInput {
  return {
    kind: "new",
    businessForm: "catering",
    subtype: "restaurant_small",
    items: [{ code: "hot_food" }],
    ...overrides,
  };
}

function canteen(overrides: Partial<AssessmentInput> = {}): AssessmentInput {
  return application({
    businessForm: "unit_canteen",
    subtype: "staff_canteen",
    processingAreaM2: 60,
    diners: 200,
    ...overrides,
  });
}

function centralKitchen(overrides: Partial<AssessmentInput> = {}): AssessmentInput {
  return application({
    subtype: "central_kitchen",
    processingAreaM2: 400,
    fullTimeSafetyManagers: 1,
    ...overrides,
  });
}

function seller(overrides: Partial<AssessmentInput> = {}): AssessmentInput {
  return application({
    businessForm: "food_sales",
    subtype: "supermarket",
    items: [{ code: "bulk_sales" }],
    ...overrides,
  });
}

const ruleIds = (input: AssessmentInput, ruleset: Ruleset = guangdong2019) =>
  assessApplication(input, ruleset).violations.map((v) => v.rule);
const materials = (input: AssessmentInput) => assessApplication(input).requiredMaterials.map((m) => m.code);

describe("assessApplication under guangdong-2019", () => {
  it("allows a plain small restaurant and returns the full shape", () => {
    const result = assessApplication(application());
    expect(result).toMatchObject({
      ruleset: "guangdong-2019",
      category: 2,
      reviewCategories: [2],
      onsiteInspectionRequired: true,
      commitmentEligible: false,
      filingOnly: false,
      allowed: true,
      violations: [],
    });
    for (const material of result.requiredMaterials) {
      expect(material.name.zh).not.toBe("");
      expect(material.name.en).not.toBe("");
      expect(material.article).toMatch(/^art\. \d+/);
    }
  });

  it("cites an article and gives both languages in every violation", () => {
    const result = assessApplication(
      application({ businessForm: "food_sales", subtype: "kindergarten", items: [{ code: "raw_food" }] }),
    );
    expect(result.allowed).toBe(false);
    for (const violation of result.violations) {
      expect(violation.article).toMatch(/^art\. \d+/);
      expect(violation.message.zh).toMatch(/\p{Script=Han}/u);
      expect(violation.message.en).toMatch(/[a-z]/);
    }
  });

  it("gives every Guangdong rule an id, an article and a bilingual summary", () => {
    const ids = GUANGDONG_2019_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of GUANGDONG_2019_RULES) {
      expect(rule.id).toMatch(/^[a-z_]+$/);
      expect(rule.article).toMatch(/^art\. \d+$/);
      expect(rule.checks.zh).not.toBe("");
      expect(rule.checks.en).not.toBe("");
    }
  });

  // ---- art. 5 / 6 / 7: taxonomy ----

  it("art. 5: an application must list at least one item", () => {
    expect(ruleIds(application({ items: [] }))).toContain("items_listed");
    expect(ruleIds(application())).not.toContain("items_listed");
  });

  it("art. 5: an item may not be listed twice", () => {
    expect(ruleIds(application({ items: [{ code: "hot_food" }, { code: "hot_food" }] }))).toEqual([
      "items_listed",
    ]);
  });

  it("art. 6: a subtype outside its business form is a violation listing the allowed subtypes", () => {
    const result = assessApplication(application({ businessForm: "food_sales", subtype: "bakery" }));
    expect(result.violations.map((v) => v.rule)).toEqual(["subtype_in_form"]);
    expect(result.violations[0]?.article).toBe("art. 6");
    expect(result.violations[0]?.message.zh).toContain("商场超市");
    expect(result.violations[0]?.message.en).toContain("Supermarket");
  });

  it("art. 6: a subtype inside its business form passes", () => {
    expect(
      ruleIds(application({ businessForm: "catering", subtype: "bakery", items: [{ code: "pastry" }] })),
    ).toEqual([]);
  });

  it("art. 7: a qualifier of another item is a violation", () => {
    const result = assessApplication(application({ items: [{ code: "hot_food", decorated: true }] }));
    expect(result.violations.map((v) => v.rule)).toEqual(["item_qualifiers"]);
    expect(result.violations[0]?.message.en).toContain("does not apply");
  });

  it("art. 7: special food without kinds and other food without a variety are violations", () => {
    expect(ruleIds(seller({ items: [{ code: "special_food_sales" }] }))).toEqual(["item_qualifiers"]);
    expect(ruleIds(application({ items: [{ code: "other_food_making" }] }))).toEqual(["item_qualifiers"]);
    expect(ruleIds(application({ items: [{ code: "other_food_making", variety: "月饼" }] }))).toEqual([]);
  });

  it("art. 7: food management is refused to a supermarket or a restaurant", () => {
    expect(ruleIds(seller({ items: [{ code: "food_management" }] }))).toEqual(["food_management_scope"]);
    expect(ruleIds(application({ items: [{ code: "hot_food" }, { code: "food_management" }] }))).toEqual([
      "food_management_scope",
    ]);
  });

  it("art. 7: food management is allowed to chain headquarters and catering management companies", () => {
    expect(ruleIds(seller({ subtype: "sales_chain_hq", items: [{ code: "food_management" }] }))).toEqual([]);
    expect(
      ruleIds(application({ subtype: "catering_chain_hq", items: [{ code: "food_management" }] })),
    ).toEqual([]);
    expect(
      ruleIds(application({ subtype: "catering_management", items: [{ code: "food_management" }] })),
    ).toEqual([]);
  });

  // ---- art. 8: online sellers ----

  it("art. 8: an online seller without a physical store may not apply for a preparation item", () => {
    const input = seller({
      subtype: "online_seller",
      hasPhysicalStore: false,
      items: [{ code: "beverage" }],
    });
    expect(ruleIds(input)).toEqual(["online_seller_without_store"]);
  });

  it("art. 8: an online seller without a physical store may not sell bulk cooked food", () => {
    const input = seller({
      subtype: "online_seller",
      hasPhysicalStore: false,
      items: [{ code: "bulk_sales", cookedFood: true }],
    });
    expect(ruleIds(input)).toEqual(["online_seller_without_store"]);
  });

  it("art. 8: an online seller with a physical store may apply for preparation items and bulk cooked food", () => {
    const input = seller({
      subtype: "online_seller",
      hasPhysicalStore: true,
      items: [{ code: "hot_food" }, { code: "bulk_sales", cookedFood: true }],
    });
    expect(ruleIds(input)).toEqual([]);
  });

  it("art. 8: an online seller without a store may still sell prepackaged and plain bulk food", () => {
    const input = seller({
      subtype: "online_seller",
      hasPhysicalStore: false,
      items: [{ code: "prepackaged_sales" }, { code: "bulk_sales" }],
    });
    expect(ruleIds(input)).toEqual([]);
  });

  it("art. 8: an online seller applying for preparation must say whether it has a physical store", () => {
    const result = assessApplication(seller({ subtype: "online_seller", items: [{ code: "hot_food" }] }));
    expect(result.violations.map((v) => v.rule)).toEqual(["online_seller_without_store"]);
    expect(result.violations[0]?.message.en).toContain("must state whether");
  });

  // ---- art. 9 / 24: review category ----

  it.each([
    ["supermarket", "food_sales", 1],
    ["convenience_store", "food_sales", 1],
    ["grocery", "food_sales", 1],
    ["food_trader", "food_sales", 1],
    ["vending", "food_sales", 1],
    ["online_seller", "food_sales", 1],
    ["sales_chain_hq", "food_sales", 5],
    ["restaurant_large", "catering", 2],
    ["restaurant_medium", "catering", 2],
    ["restaurant_small", "catering", 2],
    ["central_kitchen", "catering", 3],
    ["group_meal_delivery", "catering", 3],
    ["beverage_shop", "catering", 4],
    ["bakery", "catering", 4],
    ["small_catering", "catering", 4],
    ["catering_chain_hq", "catering", 5],
    ["catering_management", "catering", 5],
    ["school", "unit_canteen", 2],
    ["university", "unit_canteen", 2],
    ["kindergarten", "unit_canteen", 2],
    ["staff_canteen", "unit_canteen", 2],
    ["elderly_care", "unit_canteen", 2],
    ["construction_site", "unit_canteen", 2],
  ] as const)("art. 9: a %s is reviewed under category %i", (subtype, businessForm, category) => {
    const result = assessApplication(
      application({ businessForm, subtype, items: [{ code: "prepackaged_sales" }] }),
    );
    expect(result.category).toBe(category);
    expect(result.reviewCategories).toEqual([category]);
    expect(result.notices).toContainEqual(
      expect.objectContaining({ rule: "review_category", article: "art. 9" }),
    );
  });

  it("art. 24: a food seller that makes pastry or beverages only is also reviewed under category 4", () => {
    const result = assessApplication(
      seller({ items: [{ code: "bulk_sales" }, { code: "pastry" }, { code: "beverage" }] }),
    );
    expect(result.category).toBe(1);
    expect(result.reviewCategories).toEqual([1, 4]);
    expect(result.notices).toContainEqual(
      expect.objectContaining({ rule: "food_seller_preparation", article: "art. 24" }),
    );
  });

  it("art. 24: a food seller that makes hot, cold, raw or other food is also reviewed under category 2", () => {
    expect(assessApplication(seller({ items: [{ code: "hot_food" }] })).reviewCategories).toEqual([1, 2]);
    expect(foodSellerPreparationCategory([{ code: "pastry" }, { code: "cold_food" }])).toBe(2);
    expect(foodSellerPreparationCategory([{ code: "other_food_making", variety: "豆浆" }])).toBe(2);
  });

  it("art. 24: a food seller without preparation items and a restaurant are not cross-reviewed", () => {
    expect(foodSellerPreparationCategory([{ code: "bulk_sales" }])).toBeNull();
    expect(assessApplication(seller()).reviewCategories).toEqual([1]);
    expect(assessApplication(application({ items: [{ code: "pastry" }] })).reviewCategories).toEqual([2]);
  });

  // ---- art. 10: on-site inspection ----

  it("art. 10: prepackaged food sales only need no on-site inspection", () => {
    const result = assessApplication(seller({ items: [{ code: "prepackaged_sales", coldChain: true }] }));
    expect(result.onsiteInspectionRequired).toBe(false);
    expect(result.notices).toContainEqual(
      expect.objectContaining({ rule: "onsite_inspection", article: "art. 10" }),
    );
  });

  it("art. 10: health food and special medical food sales and food management need no on-site inspection", () => {
    const special = seller({
      items: [
        { code: "prepackaged_sales" },
        { code: "special_food_sales", kinds: ["health_food", "medical_formula"] },
      ],
    });
    expect(assessApplication(special).onsiteInspectionRequired).toBe(false);
    const hq = application({ subtype: "catering_chain_hq", items: [{ code: "food_management" }] });
    expect(assessApplication(hq).onsiteInspectionRequired).toBe(false);
  });

  it("art. 10: infant formula sales need an on-site inspection", () => {
    const input = seller({
      items: [{ code: "special_food_sales", kinds: ["health_food", "infant_formula"] }],
    });
    expect(assessApplication(input).onsiteInspectionRequired).toBe(true);
  });

  it("art. 10: bulk food sales and any preparation need an on-site inspection", () => {
    expect(assessApplication(seller()).onsiteInspectionRequired).toBe(true);
    expect(assessApplication(application()).onsiteInspectionRequired).toBe(true);
  });

  it("art. 10: online sellers and vending machines need no on-site inspection", () => {
    expect(assessApplication(seller({ subtype: "online_seller" })).onsiteInspectionRequired).toBe(false);
    expect(assessApplication(seller({ subtype: "vending" })).onsiteInspectionRequired).toBe(false);
  });

  it("art. 10: an online seller's store that prepares food or sells bulk cooked food is inspected", () => {
    const cooks = seller({ subtype: "online_seller", hasPhysicalStore: true, items: [{ code: "hot_food" }] });
    expect(assessApplication(cooks).onsiteInspectionRequired).toBe(true);
    const cooked = seller({ subtype: "vending", items: [{ code: "bulk_sales", cookedFood: true }] });
    expect(assessApplication(cooked).onsiteInspectionRequired).toBe(true);
  });

  it.each(["change", "renewal", "reissue"] as const)(
    "art. 10: a %s that keeps premises, equipment and layout needs no on-site inspection",
    (kind) => {
      expect(assessApplication(application({ kind })).onsiteInspectionRequired).toBe(false);
      expect(assessApplication(application({ kind, premisesChanged: false })).onsiteInspectionRequired).toBe(
        false,
      );
    },
  );

  it.each(["change", "renewal", "reissue"] as const)(
    "art. 10: a %s that changes the premises needs an on-site inspection",
    (kind) => {
      expect(assessApplication(application({ kind, premisesChanged: true })).onsiteInspectionRequired).toBe(
        true,
      );
    },
  );

  // ---- materials: arts. 11, 18–20, 22–23, 25, 30 ----

  it("art. 11: a new application needs the application form, proof of status, identities, layout and management rules", () => {
    expect(materials(seller())).toEqual([
      "application_form",
      "subject_qualification",
      "id_documents",
      "layout_and_process",
      "safety_management_rules",
    ]);
  });

  it("art. 11: a catering business also submits its food additive disclosure rule; a seller and a canteen do not", () => {
    expect(materials(application())).toContain("additive_disclosure_rule");
    expect(materials(seller())).not.toContain("additive_disclosure_rule");
    expect(materials(canteen())).not.toContain("additive_disclosure_rule");
  });

  it("art. 11: a unit canteen proves the status of its operator", () => {
    const proof = assessApplication(canteen()).requiredMaterials.find(
      (m) => m.code === "subject_qualification",
    );
    expect(proof?.name.zh).toContain("开办者");
    expect(proof?.article).toBe("art. 11(2)");
  });

  it("art. 11: a reissue needs only the form, proof of status and identities", () => {
    expect(materials(application({ kind: "reissue", premisesChanged: true }))).toEqual([
      "application_form",
      "subject_qualification",
      "id_documents",
    ]);
  });

  it("art. 11: a change or renewal adds the layout only when the premises change, and no management rules", () => {
    expect(materials(application({ kind: "change" }))).toEqual([
      "application_form",
      "subject_qualification",
      "id_documents",
    ]);
    expect(materials(application({ kind: "renewal", premisesChanged: true }))).toEqual([
      "application_form",
      "subject_qualification",
      "id_documents",
      "layout_and_process",
    ]);
  });

  it("art. 18: selling bulk cooked food needs the producer agreement and licence", () => {
    const list = assessApplication(
      seller({ items: [{ code: "bulk_sales", cookedFood: true }] }),
    ).requiredMaterials;
    expect(list).toContainEqual(
      expect.objectContaining({ code: "producer_agreement_and_license", article: "art. 18" }),
    );
    expect(materials(seller({ items: [{ code: "bulk_sales", cookedFood: false }] }))).not.toContain(
      "producer_agreement_and_license",
    );
  });

  it("art. 18: selling bulk liquor needs the producer agreement and licence, also on a change", () => {
    expect(materials(seller({ items: [{ code: "bulk_sales", bulkLiquor: true }] }))).toContain(
      "producer_agreement_and_license",
    );
    expect(
      materials(seller({ kind: "change", items: [{ code: "bulk_sales", bulkLiquor: true }] })),
    ).toContain("producer_agreement_and_license");
  });

  it("art. 19: a vending seller submits its device documents; others do not", () => {
    expect(materials(seller({ subtype: "vending" }))).toContain("vending_device_docs");
    expect(materials(seller())).not.toContain("vending_device_docs");
  });

  it("art. 20: an online seller submits its device list and is reminded to file its web address within 30 days", () => {
    const result = assessApplication(seller({ subtype: "online_seller" }));
    expect(result.requiredMaterials.map((m) => m.code)).toContain("online_device_list");
    expect(result.notices).toContainEqual(
      expect.objectContaining({ rule: "online_seller_filing", article: "art. 20" }),
    );
    expect(result.allowed).toBe(true);
    const other = assessApplication(seller());
    expect(other.requiredMaterials.map((m) => m.code)).not.toContain("online_device_list");
    expect(other.notices.map((n) => n.rule)).not.toContain("online_seller_filing");
  });

  it("art. 22: a food trader with a storage site gives its address, area and equipment", () => {
    const list = assessApplication(
      seller({ subtype: "food_trader", separateStorage: true }),
    ).requiredMaterials;
    expect(list).toContainEqual(expect.objectContaining({ code: "storage_site_info", article: "art. 22" }));
    expect(materials(seller({ subtype: "food_trader" }))).not.toContain("storage_site_info");
  });

  it("art. 23: a food seller with storage outside its premises gives its address, area and equipment", () => {
    const list = assessApplication(seller({ separateStorage: true })).requiredMaterials;
    expect(list).toContainEqual(expect.objectContaining({ code: "storage_site_info", article: "art. 23" }));
    expect(materials(seller({ separateStorage: false }))).not.toContain("storage_site_info");
    expect(materials(application({ separateStorage: true }))).not.toContain("storage_site_info");
  });

  it("art. 25: a contracted canteen submits the contract and the contractor's capability", () => {
    expect(materials(canteen({ contractedCanteen: true }))).toContain("canteen_contract");
    expect(materials(canteen({ contractedCanteen: false }))).not.toContain("canteen_contract");
  });

  it("art. 30: home-brewed liquor needs a test report first and comes with its conditions", () => {
    const input = application({
      subtype: "beverage_shop",
      items: [{ code: "beverage", homeBrewedLiquor: true }],
    });
    const result = assessApplication(input);
    expect(result.requiredMaterials).toContainEqual(
      expect.objectContaining({ code: "liquor_test_report", article: "art. 30" }),
    );
    expect(result.notices).toContainEqual(
      expect.objectContaining({ rule: "home_brewed_liquor_conditions", article: "art. 30" }),
    );
    const plain = assessApplication(application({ subtype: "beverage_shop", items: [{ code: "beverage" }] }));
    expect(plain.requiredMaterials.map((m) => m.code)).not.toContain("liquor_test_report");
    expect(plain.notices.map((n) => n.rule)).not.toContain("home_brewed_liquor_conditions");
  });

  // ---- art. 25: unit canteens ----

  it("art. 25: a unit canteen's processing area below 30 m² is a violation", () => {
    const result = assessApplication(canteen({ processingAreaM2: 29.5, diners: 10 }));
    expect(result.violations.map((v) => v.rule)).toEqual(["canteen_processing_area"]);
    expect(result.violations[0]?.message.zh).toContain("30m²");
  });

  it("art. 25: a unit canteen of exactly 30 m² for 150 diners passes", () => {
    expect(ruleIds(canteen({ processingAreaM2: 30, diners: 150 }))).toEqual([]);
  });

  it("art. 25: a unit canteen needs 0.2 m² of processing area per diner", () => {
    const result = assessApplication(canteen({ processingAreaM2: 30, diners: 151 }));
    expect(result.violations.map((v) => v.rule)).toEqual(["canteen_processing_area"]);
    expect(result.violations[0]?.message.en).toContain("30.2 m²");
    expect(ruleIds(canteen({ processingAreaM2: 200, diners: 1000 }))).toEqual([]);
  });

  it("art. 25: without the number of diners only the 30 m² floor is checked", () => {
    expect(ruleIds(canteen({ processingAreaM2: 30, diners: undefined }))).toEqual([]);
  });

  it("art. 25: a unit canteen must state its processing area", () => {
    const result = assessApplication(canteen({ processingAreaM2: undefined }));
    expect(result.violations.map((v) => v.rule)).toEqual(["canteen_processing_area"]);
    expect(result.violations[0]?.message.en).toContain("must state");
  });

  it("art. 25: a restaurant is not held to the canteen area rule", () => {
    expect(ruleIds(application({ processingAreaM2: 10 }))).toEqual([]);
  });

  // ---- art. 28: school canteens ----

  it("art. 28: a primary-school canteen may not apply for cold food", () => {
    expect(
      ruleIds(canteen({ subtype: "school", items: [{ code: "hot_food" }, { code: "cold_food" }] })),
    ).toEqual(["school_no_cold_raw"]);
  });

  it("art. 28: a kindergarten canteen may not apply for raw food or cold food", () => {
    const result = assessApplication(
      canteen({ subtype: "kindergarten", items: [{ code: "cold_food" }, { code: "raw_food" }] }),
    );
    expect(result.violations.map((v) => v.rule)).toEqual(["school_no_cold_raw", "school_no_cold_raw"]);
  });

  it("art. 28: a university canteen may apply for cold and raw food", () => {
    expect(
      ruleIds(canteen({ subtype: "university", items: [{ code: "cold_food" }, { code: "raw_food" }] })),
    ).toEqual([]);
  });

  it("art. 28: a school canteen may apply for hot food and pastry", () => {
    expect(
      ruleIds(canteen({ subtype: "school", items: [{ code: "hot_food" }, { code: "pastry" }] })),
    ).toEqual([]);
  });

  // ---- arts. 31–33, 35: central kitchens and group-meal delivery ----

  it("art. 31: a central kitchen without a full-time safety manager is refused", () => {
    expect(ruleIds(centralKitchen({ fullTimeSafetyManagers: 0 }))).toEqual(["full_time_safety_manager"]);
  });

  it("art. 31: a group-meal delivery unit must state its full-time safety managers", () => {
    const result = assessApplication(
      centralKitchen({ subtype: "group_meal_delivery", fullTimeSafetyManagers: undefined }),
    );
    expect(result.violations.map((v) => v.rule)).toEqual(["full_time_safety_manager"]);
    expect(result.violations[0]?.message.en).toContain("must state");
  });

  it("art. 31: one full-time safety manager is enough", () => {
    expect(ruleIds(centralKitchen({ fullTimeSafetyManagers: 1 }))).toEqual([]);
    expect(ruleIds(centralKitchen({ subtype: "group_meal_delivery", fullTimeSafetyManagers: 3 }))).toEqual(
      [],
    );
  });

  it("art. 32: a central kitchen's processing area below 300 m² is refused", () => {
    expect(ruleIds(centralKitchen({ processingAreaM2: 299 }))).toEqual(["central_processing_area"]);
  });

  it("art. 32: a group-meal delivery unit of 300 m² passes and one without an area is asked for it", () => {
    expect(ruleIds(centralKitchen({ subtype: "group_meal_delivery", processingAreaM2: 300 }))).toEqual([]);
    expect(ruleIds(centralKitchen({ processingAreaM2: undefined }))).toEqual(["central_processing_area"]);
  });

  it("art. 33: a group-meal delivery unit may not deliver cold food, even braised meat", () => {
    expect(
      ruleIds(
        centralKitchen({ subtype: "group_meal_delivery", items: [{ code: "cold_food", braisedMeat: true }] }),
      ),
    ).toEqual(["central_delivery_restrictions"]);
  });

  it("art. 33: a central kitchen may not deliver cold food other than braised meat", () => {
    expect(ruleIds(centralKitchen({ items: [{ code: "cold_food" }] }))).toEqual([
      "central_delivery_restrictions",
    ]);
  });

  it("art. 33: a central kitchen may deliver braised meat cut at the store", () => {
    expect(
      ruleIds(centralKitchen({ items: [{ code: "hot_food" }, { code: "cold_food", braisedMeat: true }] })),
    ).toEqual([]);
  });

  it("art. 33: central kitchens deliver no raw food, home-made drinks or decorated pastry, but plain pastry", () => {
    const result = assessApplication(
      centralKitchen({
        items: [{ code: "raw_food" }, { code: "beverage" }, { code: "pastry", decorated: true }],
      }),
    );
    expect(result.violations).toHaveLength(1);
    expect(result.violations[0]?.message.zh).toBe(
      "中央厨房不得配送生食类食品、自制冷冻饮品（自制饮品）、裱花蛋糕。",
    );
    expect(ruleIds(centralKitchen({ items: [{ code: "pastry", decorated: false }] }))).toEqual([]);
  });

  it("art. 33: a restaurant may make cold and raw food", () => {
    expect(
      ruleIds(
        application({ subtype: "restaurant_large", items: [{ code: "cold_food" }, { code: "raw_food" }] }),
      ),
    ).toEqual([]);
  });

  it("art. 35: a central kitchen that delivers to outlets not its own is refused", () => {
    expect(ruleIds(centralKitchen({ deliversOnlyToOwnStores: false }))).toEqual([
      "central_kitchen_own_stores",
    ]);
  });

  it("art. 35: a central kitchen that delivers only to its own outlets, or does not say, passes", () => {
    expect(ruleIds(centralKitchen({ deliversOnlyToOwnStores: true }))).toEqual([]);
    expect(ruleIds(centralKitchen())).toEqual([]);
    expect(
      ruleIds(centralKitchen({ subtype: "group_meal_delivery", deliversOnlyToOwnStores: false })),
    ).toEqual([]);
  });

  // ---- art. 13: commitment ----

  it("art. 13: a food seller, a beverage shop, a bakery and a small catering outlet may use the commitment scheme", () => {
    expect(assessApplication(seller()).commitmentEligible).toBe(true);
    for (const subtype of ["beverage_shop", "bakery", "small_catering"] as const) {
      const result = assessApplication(application({ subtype, items: [{ code: "hot_food" }] }));
      expect(result.commitmentEligible).toBe(true);
      expect(result.notices).toContainEqual(
        expect.objectContaining({ rule: "commitment", article: "art. 13" }),
      );
    }
  });

  it("art. 13: restaurants, canteens and central kitchens may not", () => {
    expect(assessApplication(application()).commitmentEligible).toBe(false);
    expect(assessApplication(canteen()).commitmentEligible).toBe(false);
    expect(assessApplication(centralKitchen()).commitmentEligible).toBe(false);
  });

  it("art. 13: an application with a violation is not eligible", () => {
    const result = assessApplication(seller({ items: [{ code: "food_management" }] }));
    expect(result.allowed).toBe(false);
    expect(result.commitmentEligible).toBe(false);
  });

  it("art. 13: a food seller cooking under category 2 requirements is not eligible; one baking under 4 is", () => {
    expect(assessApplication(seller({ items: [{ code: "hot_food" }] })).commitmentEligible).toBe(false);
    expect(assessApplication(seller({ items: [{ code: "pastry" }] })).commitmentEligible).toBe(true);
  });
});

describe("samr-2023", () => {
  it("SAMR 2023 art. 5: selling prepackaged food only is a filing, not a licence", () => {
    const result = assessApplication(
      seller({ items: [{ code: "prepackaged_sales", coldChain: true }] }),
      samr2023,
    );
    expect(result.ruleset).toBe("samr-2023");
    expect(result.filingOnly).toBe(true);
    expect(result.allowed).toBe(false);
    expect(result.violations).toEqual([
      expect.objectContaining({ rule: "filing_only", article: "SAMR 2023 art. 4(2), art. 5" }),
    ]);
    expect(result.violations[0]?.message.zh).toContain("备案");
    expect(result.requiredMaterials).toEqual([]);
    expect(result.onsiteInspectionRequired).toBe(false);
    expect(result.commitmentEligible).toBe(false);
  });

  it("SAMR 2023 art. 5: prepackaged special food only is a filing too", () => {
    const input = seller({ items: [{ code: "special_food_sales", kinds: ["infant_formula"] }] });
    expect(assessApplication(input, samr2023).filingOnly).toBe(true);
  });

  it("SAMR 2023 art. 5: bulk food needs a licence and reuses the Guangdong rules with marked citations", () => {
    const result = assessApplication(
      seller({ items: [{ code: "prepackaged_sales" }, { code: "bulk_sales", cookedFood: true }] }),
      samr2023,
    );
    expect(result.filingOnly).toBe(false);
    expect(result.allowed).toBe(true);
    expect(result.requiredMaterials).toContainEqual(
      expect.objectContaining({ code: "producer_agreement_and_license", article: "Guangdong 2019 art. 18" }),
    );
    const refused = assessApplication(
      canteen({ subtype: "school", items: [{ code: "raw_food" }] }),
      samr2023,
    );
    expect(refused.violations).toEqual([
      expect.objectContaining({ rule: "school_no_cold_raw", article: "Guangdong 2019 art. 28" }),
    ]);
  });

  it("SAMR 2023 art. 5: the Guangdong ruleset itself licenses prepackaged-only sales", () => {
    const result = assessApplication(seller({ items: [{ code: "prepackaged_sales" }] }));
    expect(result.filingOnly).toBe(false);
    expect(result.allowed).toBe(true);
  });
});

describe("rulesets as data", () => {
  it("maps rulesets by id", () => {
    expect(Object.keys(RULESETS).sort()).toEqual(["guangdong-2019", "samr-2023"]);
    expect(RULESETS["guangdong-2019"]).toBe(guangdong2019);
  });

  it("runs a province's own ruleset without touching the engine", () => {
    const noRawFood: Rule = {
      id: "no_raw_food",
      article: "art. 1",
      checks: { zh: "不许可生食", en: "No raw food" },
      check: (input) =>
        input.items.some((item) => item.code === "raw_food")
          ? [{ level: "violation", message: { zh: "本省不许可生食类。", en: "No raw food here." } }]
          : [],
    };
    const province: Ruleset = { ...guangdong2019, id: "example-2030", rules: [noRawFood] };
    const result = assessApplication(application({ items: [{ code: "raw_food" }] }), province);
    expect(result.ruleset).toBe("example-2030");
    expect(result.violations).toEqual([
      {
        rule: "no_raw_food",
        article: "art. 1",
        message: { zh: "本省不许可生食类。", en: "No raw food here." },
      },
    ]);
  });
});

describe("validateAssessmentInput", () => {
  const valid = {
    kind: "new",
    businessForm: "catering",
    subtype: "bakery",
    items: [{ code: "pastry", decorated: true }],
    processingAreaM2: 40,
  };

  it("accepts a valid input and returns a clean copy", () => {
    const result = validateAssessmentInput({
      ...valid,
      items: [{ code: "other_food_making", variety: " 月饼 " }],
    });
    expect(result).toEqual({
      ok: true,
      input: { ...valid, items: [{ code: "other_food_making", variety: "月饼" }] },
    });
  });

  it("art. 7: rejects an unknown item code, listing the item codes", () => {
    const result = validateAssessmentInput({ ...valid, items: [{ code: "fried_food" }] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ field: "items[0].code" });
    expect(result.errors[0]?.allowed).toContain("hot_food");
    expect(result.errors[0]?.message.zh).toContain("fried_food");
  });

  it("art. 7: rejects a qualifier that does not apply to the item, listing the ones that do", () => {
    const result = validateAssessmentInput({ ...valid, items: [{ code: "bulk_sales", decorated: true }] });
    expect(result).toEqual({
      ok: false,
      errors: [
        expect.objectContaining({
          field: "items[0].decorated",
          allowed: ["coldChain", "cookedFood", "bulkLiquor"],
        }),
      ],
    });
  });

  it("art. 7: rejects an unknown special food kind and a missing variety", () => {
    const result = validateAssessmentInput({
      ...valid,
      items: [{ code: "special_food_sales", kinds: ["vitamins"] }, { code: "other_food_making" }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field)).toEqual(["items[0].kinds", "items[1].variety"]);
    expect(result.errors[0]?.allowed).toEqual([
      "health_food",
      "medical_formula",
      "infant_formula",
      "other_infant_formula",
    ]);
  });

  it("art. 6: rejects a subtype outside its business form, listing the subtypes of the form", () => {
    const result = validateAssessmentInput({ ...valid, businessForm: "unit_canteen" });
    expect(result).toEqual({
      ok: false,
      errors: [
        expect.objectContaining({
          field: "subtype",
          allowed: [
            "school",
            "university",
            "kindergarten",
            "staff_canteen",
            "elderly_care",
            "construction_site",
          ],
        }),
      ],
    });
  });

  it("rejects an unknown kind and business form, listing the allowed values", () => {
    const result = validateAssessmentInput({
      ...valid,
      kind: "cancellation",
      businessForm: "farm",
      subtype: "barn",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.field, e.allowed])).toEqual([
      ["kind", ["new", "change", "renewal", "reissue"]],
      ["businessForm", ["food_sales", "catering", "unit_canteen"]],
      ["subtype", expect.arrayContaining(["bakery", "school"])],
    ]);
  });

  it("rejects unknown fields, wrong types, negative numbers, duplicates and an empty item list", () => {
    expect(validateAssessmentInput(null)).toMatchObject({ ok: false });
    expect(validateAssessmentInput({ ...valid, items: [] })).toMatchObject({
      ok: false,
      errors: [{ field: "items" }],
    });
    const result = validateAssessmentInput({
      ...valid,
      colour: "red",
      premisesChanged: "no",
      processingAreaM2: -1,
      diners: 2.5,
      items: [{ code: "pastry" }, { code: "pastry" }, "hot_food"],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field)).toEqual([
      "colour",
      "items[1].code",
      "items[2]",
      "premisesChanged",
      "processingAreaM2",
      "diners",
    ]);
    for (const error of result.errors) {
      expect(error.message.zh).not.toBe("");
      expect(error.message.en).not.toBe("");
    }
  });
});
