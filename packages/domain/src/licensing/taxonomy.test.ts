import { describe, expect, it } from "vitest";
import { BUSINESS_SUBTYPES } from "../taxonomy/business-forms.js";
import {
  ALL_BUSINESS_SUBTYPES,
  BUSINESS_FORMS,
  BUSINESS_FORM_NAMES,
  BUSINESS_SUBTYPE_NAMES,
  ITEM_CODES,
  ITEM_NAMES,
  ITEM_QUALIFIERS,
  PREPARATION_ITEM_CODES,
  SALES_ITEM_CODES,
  businessFormOf,
  businessFormWording,
  isItemCode,
  isPreparationItem,
  isSalesItem,
  itemGroup,
  itemWording,
  qualifierProblems,
} from "./taxonomy.js";

describe("经营项目 and licence wording (arts. 5–8)", () => {
  it("art. 6: names every business form and subtype of taxonomy/business-forms.ts in both languages", () => {
    expect(BUSINESS_FORMS).toEqual(Object.keys(BUSINESS_SUBTYPES));
    for (const form of BUSINESS_FORMS) expect(BUSINESS_FORM_NAMES[form].zh).not.toBe("");
    expect(Object.keys(BUSINESS_SUBTYPE_NAMES).sort()).toEqual([...ALL_BUSINESS_SUBTYPES].sort());
    for (const subtype of ALL_BUSINESS_SUBTYPES) {
      expect(BUSINESS_SUBTYPE_NAMES[subtype].zh).toMatch(/\p{Script=Han}/u);
      expect(BUSINESS_SUBTYPE_NAMES[subtype].en).toMatch(/^[A-Z]/);
    }
  });

  it("art. 6: finds the form of a subtype", () => {
    expect(businessFormOf("central_kitchen")).toBe("catering");
    expect(businessFormOf("vending")).toBe("food_sales");
    expect(businessFormOf("kindergarten")).toBe("unit_canteen");
    expect(businessFormOf("spaceship")).toBeUndefined();
  });

  it("art. 6: brackets the subtype after the form for traders, vending, online sellers, chain HQs and all catering", () => {
    expect(businessFormWording("food_sales", "online_seller").zh).toBe("食品销售经营者（网络食品销售商）");
    expect(businessFormWording("food_sales", "supermarket")).toEqual({
      zh: "食品销售经营者",
      en: "Food seller",
    });
    expect(businessFormWording("catering", "central_kitchen")).toEqual({
      zh: "餐饮服务经营者（中央厨房）",
      en: "Catering service operator (Central kitchen)",
    });
    expect(businessFormWording("unit_canteen", "school").zh).toBe("单位食堂（学校食堂）");
  });

  it("art. 7: splits the items into sales, preparation and management", () => {
    expect(ITEM_CODES).toHaveLength(11);
    expect(SALES_ITEM_CODES.every(isSalesItem)).toBe(true);
    expect(PREPARATION_ITEM_CODES.every(isPreparationItem)).toBe(true);
    expect(itemGroup("food_management")).toBe("management");
    expect(isPreparationItem("bulk_sales")).toBe(false);
    expect(isItemCode("hot_food")).toBe(true);
    expect(isItemCode("fried_food")).toBe(false);
    for (const code of ITEM_CODES) expect(ITEM_NAMES[code].zh).not.toBe("");
  });

  it("art. 7: prints bulk sales with cold chain and cooked food in brackets", () => {
    expect(itemWording({ code: "bulk_sales", coldChain: true, cookedFood: true })).toEqual({
      zh: "散装食品销售（含冷藏冷冻食品，含散装熟食）",
      en: "Bulk food sales (including refrigerated and frozen food, including bulk cooked food)",
    });
  });

  it("art. 7: spells out 不含 for a qualifier that is not applied for, and never prints bulk liquor", () => {
    expect(itemWording({ code: "prepackaged_sales" }).zh).toBe("预包装食品销售（不含冷藏冷冻食品）");
    expect(itemWording({ code: "bulk_sales", bulkLiquor: true }).zh).toBe(
      "散装食品销售（不含冷藏冷冻食品，不含散装熟食）",
    );
    expect(itemWording({ code: "cold_food", braisedMeat: true }).zh).toBe("冷食类食品制售（含烧卤熟肉）");
    expect(itemWording({ code: "pastry", decorated: false }).zh).toBe("糕点类食品制售（不含裱花类糕点）");
    expect(itemWording({ code: "beverage", homeBrewedLiquor: true }).en).toBe(
      "Home-made beverage preparation and sales (including home-brewed liquor)",
    );
  });

  it("art. 7: lists special food kinds in catalogue order and other food by its variety", () => {
    expect(itemWording({ code: "special_food_sales", kinds: ["infant_formula", "health_food"] }).zh).toBe(
      "特殊食品销售（保健食品，婴幼儿配方乳粉）",
    );
    expect(itemWording({ code: "other_food_making", variety: " 月饼 " }).zh).toBe("其他类食品制售（月饼）");
    expect(itemWording({ code: "hot_food" })).toEqual({
      zh: "热食类食品制售",
      en: "Hot food preparation and sales",
    });
    expect(itemWording({ code: "food_management" }).zh).toBe("食品经营管理");
  });

  it("art. 7: accepts qualifiers that belong to the item", () => {
    for (const code of ITEM_CODES) {
      expect(ITEM_QUALIFIERS[code]).toBeDefined();
    }
    expect(qualifierProblems({ code: "bulk_sales", coldChain: true, cookedFood: false })).toEqual([]);
    expect(qualifierProblems({ code: "special_food_sales", kinds: ["health_food"] })).toEqual([]);
    expect(qualifierProblems({ code: "other_food_making", variety: "月饼" })).toEqual([]);
  });

  it("art. 7: reports a qualifier of another item with the qualifiers allowed", () => {
    expect(qualifierProblems({ code: "hot_food", decorated: true })).toEqual([
      { qualifier: "decorated", problem: "not_applicable", allowed: [] },
    ]);
    expect(qualifierProblems({ code: "prepackaged_sales", cookedFood: true })).toEqual([
      { qualifier: "cookedFood", problem: "not_applicable", allowed: ["coldChain"] },
    ]);
  });

  it("art. 7: requires the kinds of special food and the variety of other food", () => {
    expect(qualifierProblems({ code: "special_food_sales" })).toEqual([
      { qualifier: "kinds", problem: "required" },
    ]);
    expect(qualifierProblems({ code: "special_food_sales", kinds: [] })).toEqual([
      { qualifier: "kinds", problem: "required" },
    ]);
    expect(qualifierProblems({ code: "other_food_making", variety: "  " })).toEqual([
      { qualifier: "variety", problem: "required" },
    ]);
  });

  it("art. 7: rejects malformed qualifier values", () => {
    const item = { code: "special_food_sales", kinds: ["vitamins"] } as never;
    expect(qualifierProblems(item)).toEqual([
      { qualifier: "kinds", problem: "invalid_value", allowed: expect.arrayContaining(["health_food"]) },
    ]);
    expect(
      qualifierProblems({ code: "special_food_sales", kinds: ["health_food", "health_food"] }),
    ).toHaveLength(1);
    expect(qualifierProblems({ code: "pastry", decorated: "yes" } as never)).toEqual([
      { qualifier: "decorated", problem: "invalid_value", allowed: ["true", "false"] },
    ]);
  });
});
