import { describe, expect, it } from "vitest";
import {
  CHECKLIST_ITEMS,
  type ChecklistItem,
  type ChecklistResult,
  DEFAULT_JUDGEMENT_CONFIG,
  checklistFor,
  judgeOnsiteInspection,
} from "./onsite-inspection.js";
import { REVIEW_CATEGORIES } from "./ruleset.js";
import type { ItemRequest } from "./taxonomy.js";

const codes = (list: readonly ChecklistItem[]) => list.map((item) => item.code);

/** A checklist of n key, important and general items, for judgement tests. */
function sheet(key: number, important: number, general: number): ChecklistItem[] {
  const make = (level: ChecklistItem["level"], n: number) =>
    Array.from({ length: n }, (_, i) => ({
      code: `${level}_${i}`,
      level,
      categories: [2] as const,
      article: "art. 12",
      text: { zh: "项", en: "item" },
    }));
  return [...make("key", key), ...make("important", important), ...make("general", general)];
}

function results(checklist: readonly ChecklistItem[], failed: readonly string[], na: readonly string[] = []) {
  return checklist.map<ChecklistResult>((item) => ({
    code: item.code,
    result: failed.includes(item.code) ? "fail" : na.includes(item.code) ? "na" : "pass",
  }));
}

describe("现场核查 checklist (art. 12)", () => {
  it("art. 12: every checklist item has a unique code, a level, an article and both languages", () => {
    const all = codes(CHECKLIST_ITEMS);
    expect(new Set(all).size).toBe(all.length);
    for (const item of CHECKLIST_ITEMS) {
      expect(["key", "important", "general"]).toContain(item.level);
      expect(item.article).toMatch(/^arts?\. \d+/);
      expect(item.text.zh).toMatch(/\p{Script=Han}/u);
      expect(item.text.en).toMatch(/^[A-Z]/);
      expect(item.categories.length).toBeGreaterThan(0);
    }
  });

  it("art. 12: every category's full checklist has 10 to 25 items including key items", () => {
    const everything: ItemRequest[] = [
      { code: "prepackaged_sales", coldChain: true },
      { code: "bulk_sales", coldChain: true, cookedFood: true },
      { code: "special_food_sales", kinds: ["infant_formula"] },
      { code: "hot_food" },
      { code: "cold_food" },
      { code: "raw_food" },
      { code: "pastry", decorated: true },
      { code: "beverage", homeBrewedLiquor: true },
    ];
    for (const category of REVIEW_CATEGORIES) {
      const list = checklistFor(category, everything);
      expect(list.length, `category ${category}`).toBeGreaterThanOrEqual(9);
      expect(list.length, `category ${category}`).toBeLessThanOrEqual(25);
      expect(list.some((item) => item.level === "key")).toBe(true);
    }
  });

  it("art. 16: the cold-storage item appears only when refrigerated food is sold", () => {
    expect(codes(checklistFor(1, [{ code: "prepackaged_sales", coldChain: true }]))).toContain(
      "cold_storage",
    );
    expect(codes(checklistFor(1, [{ code: "prepackaged_sales" }]))).not.toContain("cold_storage");
  });

  it("art. 17: bulk food brings washing and disinfection, separation and dust protection", () => {
    const list = codes(checklistFor(1, [{ code: "bulk_sales" }]));
    expect(list).toEqual(
      expect.arrayContaining(["bulk_washing_disinfection", "bulk_separation", "bulk_dust_fly_protection"]),
    );
    expect(codes(checklistFor(1, [{ code: "prepackaged_sales" }]))).not.toContain(
      "bulk_washing_disinfection",
    );
  });

  it("art. 18: bulk cooked food brings the cooked-food cabinet as a key item", () => {
    const list = checklistFor(1, [{ code: "bulk_sales", cookedFood: true }]);
    expect(list.find((item) => item.code === "cooked_food_cabinet")?.level).toBe("key");
    expect(codes(checklistFor(1, [{ code: "bulk_sales" }]))).not.toContain("cooked_food_cabinet");
  });

  it("art. 21: infant formula brings the traceability equipment; health food does not", () => {
    expect(codes(checklistFor(1, [{ code: "special_food_sales", kinds: ["infant_formula"] }]))).toContain(
      "infant_formula_traceability",
    );
    expect(codes(checklistFor(1, [{ code: "special_food_sales", kinds: ["health_food"] }]))).toEqual(
      expect.not.arrayContaining(["infant_formula_traceability"]),
    );
  });

  it("art. 26: restaurants, central kitchens and small outlets check tableware sinks as a key item", () => {
    for (const category of [2, 3, 4] as const) {
      expect(
        checklistFor(category, [{ code: "hot_food" }]).find((i) => i.code === "utensil_sinks")?.level,
      ).toBe("key");
    }
    expect(codes(checklistFor(1, [{ code: "bulk_sales" }]))).not.toContain("utensil_sinks");
  });

  it("art. 28: cold and raw food bring their special rooms", () => {
    const list = codes(checklistFor(2, [{ code: "cold_food" }, { code: "raw_food" }]));
    expect(list).toEqual(
      expect.arrayContaining(["cold_food_room", "raw_food_room", "cold_raw_purified_water"]),
    );
    expect(codes(checklistFor(2, [{ code: "hot_food" }]))).not.toContain("cold_food_room");
  });

  it("art. 29: decorated pastry brings the decorating room; plain pastry only the pastry area", () => {
    expect(codes(checklistFor(4, [{ code: "pastry", decorated: true }]))).toEqual(
      expect.arrayContaining(["pastry_area", "decorating_room"]),
    );
    const plain = codes(checklistFor(4, [{ code: "pastry" }]));
    expect(plain).toContain("pastry_area");
    expect(plain).not.toContain("decorating_room");
  });

  it("art. 30: beverages bring their area and water purification; home-brewed liquor its own key item", () => {
    expect(codes(checklistFor(4, [{ code: "beverage" }]))).toEqual(
      expect.arrayContaining(["beverage_area", "beverage_purified_water"]),
    );
    expect(codes(checklistFor(4, [{ code: "beverage", homeBrewedLiquor: true }]))).toContain(
      "home_brewed_liquor",
    );
    expect(codes(checklistFor(4, [{ code: "beverage" }]))).not.toContain("home_brewed_liquor");
  });

  it("art. 31: category 3 checks the food safety department as a key item; category 2 does not", () => {
    expect(checklistFor(3, [{ code: "hot_food" }]).find((i) => i.code === "safety_department")?.level).toBe(
      "key",
    );
    expect(codes(checklistFor(2, [{ code: "hot_food" }]))).not.toContain("safety_department");
  });

  it("art. 34: category 3 checks labels, traceability and delivery lists", () => {
    expect(codes(checklistFor(3, [{ code: "hot_food" }]))).toEqual(
      expect.arrayContaining(["container_labels", "traceability_system", "delivery_list"]),
    );
  });

  it("art. 24: a food seller that also bakes gets the category 1 and 4 items once each", () => {
    const list = codes(checklistFor([1, 4], [{ code: "bulk_sales" }, { code: "pastry" }]));
    expect(list).toEqual(
      expect.arrayContaining(["bulk_washing_disinfection", "pastry_area", "utensil_sinks"]),
    );
    expect(new Set(list).size).toBe(list.length);
  });
});

describe("综合判定 (art. 12) with the default thresholds", () => {
  const checklist = sheet(3, 5, 10);

  it("art. 12: no failure passes, and na counts as no failure", () => {
    expect(judgeOnsiteInspection(results(checklist, []), checklist)).toEqual({
      outcome: "pass",
      keyFailures: [],
      importantFailures: [],
      generalFailures: [],
    });
    expect(judgeOnsiteInspection(results(checklist, [], ["key_0", "general_1"]), checklist).outcome).toBe(
      "pass",
    );
  });

  it("art. 12: one key failure fails", () => {
    const judgement = judgeOnsiteInspection(results(checklist, ["key_1"]), checklist);
    expect(judgement).toMatchObject({ outcome: "fail", keyFailures: ["key_1"] });
  });

  it("art. 12: two important failures are rectified, three fail", () => {
    expect(judgeOnsiteInspection(results(checklist, ["important_0", "important_1"]), checklist).outcome).toBe(
      "rectify",
    );
    expect(
      judgeOnsiteInspection(results(checklist, ["important_0", "important_1", "important_2"]), checklist)
        .outcome,
    ).toBe("fail");
  });

  it("art. 12: seven important and general failures are rectified, eight fail", () => {
    const seven = [
      "important_0",
      "important_1",
      "general_0",
      "general_1",
      "general_2",
      "general_3",
      "general_4",
    ];
    expect(judgeOnsiteInspection(results(checklist, seven), checklist)).toMatchObject({
      outcome: "rectify",
      importantFailures: ["important_0", "important_1"],
      generalFailures: ["general_0", "general_1", "general_2", "general_3", "general_4"],
    });
    expect(judgeOnsiteInspection(results(checklist, [...seven, "general_5"]), checklist).outcome).toBe(
      "fail",
    );
    const eightGeneral = Array.from({ length: 8 }, (_, i) => `general_${i}`);
    expect(judgeOnsiteInspection(results(checklist, eightGeneral), checklist).outcome).toBe("fail");
  });

  it("art. 12: a single general failure is rectified", () => {
    expect(judgeOnsiteInspection(results(checklist, ["general_9"]), checklist).outcome).toBe("rectify");
  });

  it("art. 12: the thresholds are configurable", () => {
    expect(DEFAULT_JUDGEMENT_CONFIG).toEqual({
      failOnAnyKeyFailure: true,
      importantFailuresToFail: 3,
      importantAndGeneralFailuresToFail: 8,
    });
    const lenient = {
      failOnAnyKeyFailure: false,
      importantFailuresToFail: 5,
      importantAndGeneralFailuresToFail: 20,
    };
    const failed = ["key_0", "important_0", "important_1", "important_2"];
    expect(judgeOnsiteInspection(results(checklist, failed), checklist, lenient).outcome).toBe("rectify");
  });

  it("art. 12: a sheet with missing or unknown results is refused", () => {
    expect(() => judgeOnsiteInspection(results(checklist, []).slice(1), checklist)).toThrow(
      /missing \[key_0\]/,
    );
    expect(() =>
      judgeOnsiteInspection([...results(checklist, []), { code: "extra", result: "pass" }], checklist),
    ).toThrow(/unknown \[extra\]/);
  });

  it("art. 12: judges a real category 2 checklist", () => {
    const list = checklistFor(2, [{ code: "hot_food" }, { code: "cold_food" }]);
    expect(judgeOnsiteInspection(results(list, ["cold_food_room"]), list).outcome).toBe("fail");
    expect(judgeOnsiteInspection(results(list, ["ventilation"]), list).outcome).toBe("rectify");
  });
});
