import { describe, expect, it } from "vitest";
import { CREDIT_MODELS, MAX_IMPROVEMENTS, findModel, gradeStore, modelForStore } from "./grading.js";
import { INDICATOR_SETS, INDICATORS, NEUTRAL_PUBLIC_CREDIT, ZHENHAI_INDICATORS } from "./indicators.js";
import { RIZHAO_ABCD } from "./rizhao-abcd.js";
import { cleanFacts, dreadfulFacts } from "./test-facts.js";
import { XIANGSHAN_POINTS } from "./xiangshan-points.js";
import { ZHENHAI_3L4C } from "./zhenhai-3l4c.js";

describe("which model grades a store", () => {
  it("seed 004: Rizhao grades producers (SC), Xiangshan 小餐饮 (卤肉 shops), Zhenhai every other JY store", () => {
    expect(modelForStore({ licenceType: "SC", subtype: null })).toBe(RIZHAO_ABCD);
    expect(modelForStore({ licenceType: "JY", subtype: "small_catering" })).toBe(XIANGSHAN_POINTS);
    expect(modelForStore({ licenceType: "JY", subtype: "restaurant_small" })).toBe(ZHENHAI_3L4C);
    expect(modelForStore({ licenceType: "JY" })).toBe(ZHENHAI_3L4C);
  });

  it("finds a model by id and nothing for an unknown id", () => {
    expect(findModel("rizhao-abcd")).toBe(RIZHAO_ABCD);
    expect(findModel("nope")).toBeUndefined();
    expect(CREDIT_MODELS.map((m) => m.id)).toEqual(["zhenhai-3l4c", "rizhao-abcd", "xiangshan-points"]);
  });
});

describe("seed 004 Zhenhai indicators: 3个层面11大维度40余项评价指标", () => {
  it("has at least 40 indicators in 11 groups over the 3 dimensions", () => {
    expect(ZHENHAI_INDICATORS.kind).toBe("weighted");
    if (ZHENHAI_INDICATORS.kind !== "weighted") return;
    expect(ZHENHAI_INDICATORS.entries.length).toBeGreaterThanOrEqual(40);
    expect(ZHENHAI_INDICATORS.groups).toHaveLength(11);
    expect(new Set(ZHENHAI_INDICATORS.entries.map((e) => e.group)).size).toBe(11);
    expect([...new Set(ZHENHAI_INDICATORS.groups.map((g) => g.dimension))]).toEqual(
      ZHENHAI_3L4C.dimensions.map((d) => d.name),
    );
  });

  it.each(Object.entries(INDICATOR_SETS))(
    "%s: group weights sum to 1 per dimension, indicator weights to 1 per group",
    (id, set) => {
      const model = findModel(id)!;
      if (set.kind === "points") {
        expect(set.group.dimension).toBe(model.dimensions[0]!.name);
        return;
      }
      for (const dimension of model.dimensions) {
        const groups = set.groups.filter((g) => g.dimension === dimension.name);
        expect(groups.reduce((s, g) => s + g.weight, 0)).toBeCloseTo(1, 10);
      }
      for (const group of set.groups) {
        const weights = set.entries.filter((e) => e.group === group.code).map((e) => e.weight);
        expect(weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 10);
      }
    },
  );

  it("every indicator has a bilingual label and advice, and names the facts it reads", () => {
    for (const definition of Object.values(INDICATORS)) {
      expect(
        definition.label.zh && definition.label.en && definition.advice.zh && definition.advice.en,
      ).toBeTruthy();
      expect(definition.source.length).toBeGreaterThan(0);
    }
  });

  it.each(CREDIT_MODELS.map((m) => [m.id, m] as const))(
    "%s: every indicator scores within 0..100 for the best and the worst facts",
    (_, model) => {
      for (const facts of [
        cleanFacts(),
        dreadfulFacts(),
        cleanFacts({
          staffCount: 0,
          samplingsDone: 0,
          inspectionsDone: 0,
          ratingsMean: null,
          licenceDaysLeft: null,
        }),
      ]) {
        for (const { score, advice } of gradeStore(model, facts).indicators) {
          expect(score).not.toBeNull();
          expect(score!).toBeGreaterThanOrEqual(0);
          expect(score!).toBeLessThanOrEqual(100);
          expect(score! < 100).toBe(advice !== undefined);
        }
      }
    },
  );

  it("a store in perfect order scores 100 and is green with no advice", () => {
    const { evaluation, improvements } = gradeStore(ZHENHAI_3L4C, cleanFacts());
    expect(evaluation).toMatchObject({ score: 100, grade: "green", codeColour: "green", vetoed: [] });
    expect(improvements).toEqual([]);
  });

  it("the worst facts score 0 in public credit, red on the score alone, vetoed by the list and the accident", () => {
    const { evaluation, improvements } = gradeStore(ZHENHAI_3L4C, dreadfulFacts());
    expect(evaluation.breakdown[0]!.score).toBe(0);
    expect(evaluation.score).toBeLessThan(60);
    expect(evaluation).toMatchObject({
      grade: "red",
      vetoed: ["serious_dishonesty", "food_safety_accident"],
    });
    expect(improvements).toHaveLength(MAX_IMPROVEMENTS);
  });

  it(`public credit without imported sub-scores counts them as neutral ${NEUTRAL_PUBLIC_CREDIT}`, () => {
    const absent = {
      basics: null,
      finance: null,
      governance: null,
      lawAbiding: null,
      socialResponsibility: null,
    };
    const { indicators } = gradeStore(ZHENHAI_3L4C, cleanFacts({ publicCredit: absent }));
    const imported = indicators.filter((i) => i.code.startsWith("pc_"));
    expect(imported).toHaveLength(5);
    expect(imported.every((i) => i.score === NEUTRAL_PUBLIC_CREDIT)).toBe(true);
  });

  it("three failed key items cost the 文明平安创建 group, and the advice on key items comes first", () => {
    const { evaluation, indicators, improvements } = gradeStore(
      ZHENHAI_3L4C,
      cleanFacts({ failedKeyItems: 3, failedItems: 3 }),
    );
    expect(indicators.find((i) => i.code === "no_failed_key_items")!.score).toBe(25);
    expect(improvements[0]!.code).toBe("no_failed_key_items");
    // 文明平安创建 0.35 × 25 + 0.25 × 85 + 0.4 = 70; 行业品牌标杆 (clean record 50) 80; the other three groups 100
    expect(evaluation.breakdown[1]!.score).toBe(90);
  });
});

describe("seed 004 Rizhao indicators", () => {
  it("a producer on the serious-dishonesty list is D even when its indicators score high", () => {
    const { evaluation } = gradeStore(RIZHAO_ABCD, cleanFacts({ onSeriousDishonestyList: true }));
    expect(evaluation.score).toBeGreaterThanOrEqual(90);
    expect(evaluation).toMatchObject({ grade: "D", vetoed: ["serious_dishonesty"] });
  });

  it("a clean producer is A", () => {
    expect(gradeStore(RIZHAO_ABCD, cleanFacts()).evaluation.grade).toBe("A");
  });
});

describe("seed 004 Xiangshan points", () => {
  it("deducts points per 违诺 from the yearly 100 (assumed: key item 10, ordinary item 2, complaint 5, sampling 20)", () => {
    const facts = cleanFacts({ failedKeyItems: 1, failedItems: 3, complaintsUpheld: 1, samplingsFailed: 1 });
    const { evaluation, indicators } = gradeStore(XIANGSHAN_POINTS, facts);
    expect(evaluation.score).toBe(100 - 10 - 2 * 2 - 5 - 20);
    expect(evaluation.grade).toBe("orange");
    expect(indicators.find((i) => i.code === "sampling_failed")).toMatchObject({ score: 80, weight: 0.2 });
  });

  it("never goes below 0 points", () => {
    expect(gradeStore(XIANGSHAN_POINTS, cleanFacts({ penalties: 50 })).evaluation.score).toBe(0);
  });

  it("seed 004 Xiangshan: a red alert (expired materials, certificates, additives, failed sampling) forces red", () => {
    const { evaluation } = gradeStore(XIANGSHAN_POINTS, cleanFacts({ redAlerts: 1 }));
    expect(evaluation).toMatchObject({ score: 100, grade: "red", vetoed: ["red_alert"] });
  });
});
