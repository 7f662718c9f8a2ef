import { describe, expect, it } from "vitest";
import {
  INSPECTION_TEMPLATES,
  compareAnswers,
  rectificationDays,
  scoreInspection,
  type AnsweredItem,
  type InspectionTemplate,
} from "./templates.js";
import type { CheckResult } from "../licensing/onsite-inspection.js";
import { FAR_FROM_STORE_M, haversineMeters, placeFix } from "./geo.js";

const patrol = INSPECTION_TEMPLATES.patrol;
const routine = INSPECTION_TEMPLATES.routine;

function answers(template: InspectionTemplate, overrides: Record<string, CheckResult> = {}): AnsweredItem[] {
  return template.items.map((item) => ({ code: item.code, result: overrides[item.code] ?? "pass" }));
}

describe("checklist templates (seed 001: 证照、人员、环境、设施、防疫、垃圾分类、标识)", () => {
  it("the patrol template covers the seven areas the Fenghua volunteers check", () => {
    const codes = patrol.items.map((item) => item.code);
    for (const code of [
      "licence_displayed",
      "staff_health_certificates",
      "premises_clean",
      "facilities_working",
      "disinfection",
      "waste_sorting",
      "signage",
    ]) {
      expect(codes).toContain(code);
    }
  });

  it("the routine template is longer and every code is unique", () => {
    expect(routine.items.length).toBeGreaterThan(patrol.items.length);
    for (const template of Object.values(INSPECTION_TEMPLATES)) {
      const codes = template.items.map((item) => item.code);
      expect(new Set(codes).size).toBe(codes.length);
      expect(template.items.every((item) => item.weight > 0 && item.text.zh && item.text.en)).toBe(true);
    }
  });
});

describe("scoreInspection", () => {
  it("all passed → 100, pass", () => {
    expect(scoreInspection(answers(patrol), patrol)).toMatchObject({
      score: 100,
      outcome: "pass",
      failed: [],
    });
  });

  it("a failed ordinary item → score from the weights, rectify", () => {
    const result = scoreInspection(answers(patrol, { signage: "fail" }), patrol);
    expect(result.score).toBe(95);
    expect(result.outcome).toBe("rectify");
    expect(result.failed.map((item) => item.code)).toEqual(["signage"]);
  });

  it("n/a items leave the score out of their weight", () => {
    const result = scoreInspection(answers(patrol, { signage: "na", waste_sorting: "fail" }), patrol);
    expect(result.score).toBe(Math.round((100 * 85) / 95));
  });

  it("all n/a scores 100", () => {
    const allNa = patrol.items.map((item) => ({ code: item.code, result: "na" as const }));
    expect(scoreInspection(allNa, patrol).score).toBe(100);
  });

  it("a failed critical item (红线项) fails the inspection", () => {
    const result = scoreInspection(answers(patrol, { disinfection: "fail" }), patrol);
    expect(result.outcome).toBe("fail");
    expect(result.criticalFailures).toEqual(["disinfection"]);
  });

  it("a score below 60 fails without a critical item", () => {
    const result = scoreInspection(
      answers(patrol, {
        licence_displayed: "fail",
        premises_clean: "fail",
        facilities_working: "fail",
        waste_sorting: "fail",
      }),
      patrol,
    );
    expect(result.score).toBe(45);
    expect(result.outcome).toBe("fail");
  });

  it("refuses answers that do not match the template", () => {
    const short = answers(patrol).slice(1);
    expect(() => scoreInspection(short, patrol)).toThrow(RangeError);
    expect(compareAnswers([...answers(patrol), { code: "bogus", result: "pass" }], patrol).unknown).toEqual([
      "bogus",
    ]);
    expect(
      compareAnswers([...answers(patrol), { code: "signage", result: "pass" }], patrol).duplicate,
    ).toEqual(["signage"]);
  });

  it("rectification takes one day for a critical item, seven otherwise (seed 004)", () => {
    expect(rectificationDays({ critical: true })).toBe(1);
    expect(rectificationDays({})).toBe(7);
  });
});

describe("GPS placement", () => {
  it("haversine: one degree of latitude is about 111 km", () => {
    expect(haversineMeters({ lat: 23, lng: 113 }, { lat: 24, lng: 113 })).toBeCloseTo(111_195, -2);
  });

  it("flags a fix more than 500 m away", () => {
    const store = { lat: 23.13, lng: 113.32 };
    expect(placeFix({ lat: 23.1301, lng: 113.32 }, store)).toEqual({ distanceM: 11, farFromStore: false });
    const far = placeFix({ lat: 23.14, lng: 113.32 }, store);
    expect(far.farFromStore).toBe(true);
    expect(far.distanceM).toBeGreaterThan(FAR_FROM_STORE_M);
  });

  it("unknown when the store has no coordinates", () => {
    expect(placeFix({ lat: 23, lng: 113 }, { lat: null, lng: null })).toEqual({
      distanceM: null,
      farFromStore: null,
    });
  });
});
