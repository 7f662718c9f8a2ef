import { describe, expect, it } from "vitest";
import { evaluate, UnknownDimensionError, UnknownVetoError } from "./model.js";
import { RIZHAO_ABCD } from "./rizhao-abcd.js";
import { XIANGSHAN_POINTS } from "./xiangshan-points.js";
import { ZHENHAI_3L4C } from "./zhenhai-3l4c.js";
import { CREDIT_MODELS } from "./grading.js";

const zhenhai = (score: number, vetoes: string[] = []) =>
  evaluate(
    ZHENHAI_3L4C,
    { public_credit: score, industry_supervision: score, social_governance: score },
    vetoes,
  );
const rizhao = (score: number, vetoes: string[] = []) =>
  evaluate(RIZHAO_ABCD, { general: score, professional: score }, vetoes);
const xiangshan = (points: number, vetoes: string[] = []) =>
  evaluate(XIANGSHAN_POINTS, { commitment_points: points }, vetoes);

describe("every model", () => {
  it.each(CREDIT_MODELS.map((m) => [m.id, m] as const))(
    "%s: weights sum to 1, bands best first down to 0, supervision and code colour for every band",
    (_, model) => {
      expect(model.dimensions.reduce((sum, d) => sum + d.weight, 0)).toBeCloseTo(1, 10);
      const mins = model.bands.map((b) => b.minScore);
      expect(mins).toEqual([...mins].sort((a, b) => b - a));
      expect(mins.at(-1)).toBe(0);
      for (const band of model.bands) {
        expect(model.supervision[band.grade]).toBeDefined();
        expect(model.codeColour[band.colour]).toBeDefined();
      }
      for (const veto of model.vetoes) expect(model.bands.map((b) => b.grade)).toContain(veto.grade);
    },
  );
});

describe("seed 004 Zhenhai 三级四色", () => {
  it("seed 004 Zhenhai: 30 % public credit + 60 % industry supervision + 10 % social governance", () => {
    const result = evaluate(ZHENHAI_3L4C, {
      public_credit: 100,
      industry_supervision: 80,
      social_governance: 50,
    });
    expect(result.score).toBe(83); // 30 + 48 + 5
    expect(result.breakdown).toEqual([
      { dimension: "public_credit", weight: 0.3, score: 100, contribution: 30 },
      { dimension: "industry_supervision", weight: 0.6, score: 80, contribution: 48 },
      { dimension: "social_governance", weight: 0.1, score: 50, contribution: 5 },
    ]);
  });

  it("seed 004 Zhenhai: green ≥ 90, blue ≥ 80, yellow ≥ 60, red below (boundaries at 90/89.99, 80/79.99, 60/59.99)", () => {
    expect(zhenhai(90).grade).toBe("green");
    expect(zhenhai(89.99).grade).toBe("blue");
    expect(zhenhai(80).grade).toBe("blue");
    expect(zhenhai(79.99).grade).toBe("yellow");
    expect(zhenhai(60).grade).toBe("yellow");
    expect(zhenhai(59.99).grade).toBe("red");
    expect(zhenhai(0).grade).toBe("red");
  });

  it("seed 004 Zhenhai: green and blue show a green 食安码, yellow yellow, red red", () => {
    expect([90, 80, 60, 0].map((s) => zhenhai(s).codeColour)).toEqual(["green", "green", "yellow", "red"]);
  });

  it("seed 004 Zhenhai: green online only; blue 20 % and yellow 50 % drawn offline; red every store ≥ 2 visits a month", () => {
    expect(zhenhai(95).supervision).toEqual({ online: true, offlineShare: 0, visitsPerMonth: 0 });
    expect(zhenhai(85).supervision).toEqual({ online: true, offlineShare: 0.2, visitsPerMonth: 1 });
    expect(zhenhai(70).supervision).toEqual({ online: true, offlineShare: 0.5, visitsPerMonth: 1 });
    expect(zhenhai(10).supervision).toEqual({ online: true, offlineShare: 1, visitsPerMonth: 2 });
  });

  it("seed 004 Zhenhai (assumption): the serious-dishonesty list and a food-safety accident force red", () => {
    expect(zhenhai(100, ["serious_dishonesty"])).toMatchObject({
      grade: "red",
      score: 100,
      vetoed: ["serious_dishonesty"],
    });
    expect(zhenhai(100, ["food_safety_accident"]).grade).toBe("red");
  });
});

describe("seed 004 Rizhao A/B/C/D", () => {
  it("seed 004 Rizhao: 通用分值 20 % + 专业分值 80 %", () => {
    const result = evaluate(RIZHAO_ABCD, { general: 50, professional: 100 });
    expect(result.score).toBe(90);
    expect(result.breakdown.map((d) => d.contribution)).toEqual([10, 80]);
  });

  it("seed 004 Rizhao: A ≥ 90, B ≥ 75, C ≥ 60, D below (boundaries at 90/89.99, 75/74.99, 60/59.99)", () => {
    expect([90, 89.99, 75, 74.99, 60, 59.99].map((s) => rizhao(s).grade)).toEqual([
      "A",
      "B",
      "B",
      "C",
      "C",
      "D",
    ]);
  });

  it("seed 004 Rizhao: D by veto when on the serious-dishonesty list even with score 95", () => {
    expect(rizhao(95, ["serious_dishonesty"])).toMatchObject({
      score: 95,
      grade: "D",
      colour: "red",
      vetoed: ["serious_dishonesty"],
    });
  });

  it("seed 004 Rizhao: D by veto after a food-safety accident in the year even with score 100", () => {
    expect(rizhao(100, ["food_safety_accident"]).grade).toBe("D");
  });

  it("seed 004 Rizhao: higher risk → higher 抽查比例 (assumed A 10 %, B 30 %, C 60 %, D 100 % with 2 visits)", () => {
    const shares = [95, 80, 65, 10].map((s) => rizhao(s).supervision.offlineShare);
    expect(shares).toEqual([0.1, 0.3, 0.6, 1]);
    expect(rizhao(10).supervision.visitsPerMonth).toBe(2);
  });

  it("seed 004 Rizhao: A and B show a green code, C yellow, D red; colours A green, B blue, C yellow, D red", () => {
    expect([95, 80, 65, 10].map((s) => rizhao(s).colour)).toEqual(["green", "blue", "yellow", "red"]);
    expect([95, 80, 65, 10].map((s) => rizhao(s).codeColour)).toEqual(["green", "green", "yellow", "red"]);
  });
});

describe("seed 004 Xiangshan 四色 risk from commitment points", () => {
  it("seed 004 Xiangshan: the remaining points are the score (one dimension, weight 1)", () => {
    expect(xiangshan(72).score).toBe(72);
  });

  it("seed 004 Xiangshan: 蓝、黄、橙、红 (assumed blue ≥ 90, yellow ≥ 75, orange ≥ 60, red below)", () => {
    expect([90, 89.99, 75, 74.99, 60, 59.99].map((p) => xiangshan(p).grade)).toEqual([
      "blue",
      "yellow",
      "yellow",
      "orange",
      "orange",
      "red",
    ]);
  });

  it("seed 004 Xiangshan: a 红色预警 forces red whatever the points", () => {
    expect(xiangshan(100, ["red_alert"])).toMatchObject({ grade: "red", vetoed: ["red_alert"] });
  });

  it("seed 004 Xiangshan: 分类实施不同监管频次 — more offline checks the higher the risk (assumed shares)", () => {
    const shares = [95, 80, 65, 10].map((p) => xiangshan(p).supervision.offlineShare);
    expect(shares).toEqual([0.1, 0.3, 0.6, 1]);
  });

  it("seed 004 Xiangshan: blue shows a green code, yellow yellow, orange and red red", () => {
    expect([95, 80, 65, 10].map((p) => xiangshan(p).codeColour)).toEqual(["green", "yellow", "red", "red"]);
  });
});

describe("refusals", () => {
  it("refuses unknown or missing dimensions and lists the allowed ones", () => {
    const error = (() => {
      try {
        evaluate(ZHENHAI_3L4C, { public_credit: 1, general: 2 });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UnknownDimensionError);
    expect(error).toMatchObject({
      unknown: ["general"],
      missing: ["industry_supervision", "social_governance"],
      allowed: ["public_credit", "industry_supervision", "social_governance"],
    });
  });

  it("refuses a veto the model does not know (Zhenhai has no red_alert)", () => {
    expect(() => zhenhai(90, ["red_alert"])).toThrow(UnknownVetoError);
  });

  it("refuses a dimension score outside 0..100", () => {
    expect(() => zhenhai(100.5)).toThrow(RangeError);
  });
});
