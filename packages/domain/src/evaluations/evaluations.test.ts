import { describe, expect, it } from "vitest";
import {
  KEY_FAILURE_CAP,
  XIANGSHAN_WORKSHOP_WEEKLY,
  checklistAnswerProblems,
  mondayOf,
  mondaysOfMonth,
  monthlyRiskColour,
  weeklyScore,
  type ChecklistAnswer,
} from "./checklist.js";
import { sanctionsDue } from "./sanctions.js";

const answers = (failed: string[] = [], na: string[] = []): ChecklistAnswer[] =>
  XIANGSHAN_WORKSHOP_WEEKLY.items.map((entry) => ({
    code: entry.code,
    result: failed.includes(entry.code) ? "fail" : na.includes(entry.code) ? "na" : "pass",
  }));

describe("seed 004 Xiangshan: 每周对卤肉食品小作坊对照表单进行现场评价", () => {
  it("the checklist has 10–12 bilingual items with key items", () => {
    const items = XIANGSHAN_WORKSHOP_WEEKLY.items;
    expect(items.length).toBeGreaterThanOrEqual(10);
    expect(items.length).toBeLessThanOrEqual(12);
    expect(items.some((entry) => entry.key)).toBe(true);
    expect(new Set(items.map((entry) => entry.code)).size).toBe(items.length);
  });

  it("the weekly score is the passed share × 100, n/a items left out", () => {
    expect(weeklyScore(XIANGSHAN_WORKSHOP_WEEKLY, answers())).toBe(100);
    expect(weeklyScore(XIANGSHAN_WORKSHOP_WEEKLY, answers(["sunshine_screen"], ["waste_disposal"]))).toBe(90);
  });

  it("a failed key item caps the weekly score at 59", () => {
    expect(weeklyScore(XIANGSHAN_WORKSHOP_WEEKLY, answers(["raw_cooked_separated"]))).toBe(KEY_FAILURE_CAP);
  });

  it("answers must cover every item once", () => {
    expect(checklistAnswerProblems(XIANGSHAN_WORKSHOP_WEEKLY, answers())).toEqual([]);
    expect(checklistAnswerProblems(XIANGSHAN_WORKSHOP_WEEKLY, answers().slice(1))).toHaveLength(1);
    expect(
      checklistAnswerProblems(XIANGSHAN_WORKSHOP_WEEKLY, [...answers(), { code: "x", result: "pass" }]),
    ).toEqual(["unknown item x"]);
  });
});

describe("seed 004 Xiangshan: 每月评价报告, four-colour risk", () => {
  const week = (score: number | null, keyItemFailed = false) => ({
    week: "2026-11-02",
    score,
    keyItemFailed,
  });

  it("blue at a 90 average without a failed key item, then yellow, orange, red", () => {
    expect(monthlyRiskColour([week(100), week(90), week(90), week(90)]).colour).toBe("blue");
    expect(monthlyRiskColour([week(100), week(100), week(100), week(100, true)]).colour).toBe("yellow");
    expect(monthlyRiskColour([week(80), week(80)]).colour).toBe("yellow");
    expect(monthlyRiskColour([week(60), week(70)]).colour).toBe("orange");
    expect(monthlyRiskColour([week(59), week(50)]).colour).toBe("red");
  });

  it("a missing week counts 0", () => {
    expect(monthlyRiskColour([week(100), week(100), week(100), week(null)])).toEqual({
      average: 75,
      colour: "yellow",
    });
  });

  it("weeks are counted by their Monday (China date)", () => {
    expect(mondayOf("2026-11-26")).toBe("2026-11-23");
    expect(mondayOf("2026-11-23")).toBe("2026-11-23");
    expect(mondayOf("2026-11-01")).toBe("2026-10-26");
    expect(mondaysOfMonth("2026-11")).toEqual([
      "2026-11-02",
      "2026-11-09",
      "2026-11-16",
      "2026-11-23",
      "2026-11-30",
    ]);
  });
});

describe("seed 004 Xiangshan: 累计扣除到一定积分后，对其作出停业、清场、不得参加下轮招投标等懲处", () => {
  it("12 points → suspension, 24 → clearance, 36 → tender exclusion", () => {
    expect(sanctionsDue(11)).toEqual([]);
    expect(sanctionsDue(12).map((s) => s.kind)).toEqual(["suspension"]);
    expect(sanctionsDue(24).map((s) => s.kind)).toEqual(["suspension", "clearance"]);
    expect(sanctionsDue(40).map((s) => s.kind)).toEqual(["suspension", "clearance", "tender_exclusion"]);
  });
});
