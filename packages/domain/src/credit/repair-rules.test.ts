import { describe, expect, it } from "vitest";
import { addMonths, penaltyPeriods } from "./repair-rules.js";

describe("penalty periods (信用修复管理办法, 行政处罚信息公示规定)", () => {
  it("公示规定 art. 2: a warning alone is not published and may be repaired at once", () => {
    expect(penaltyPeriods("minor", "2026-03-02")).toEqual({
      publicUntil: "2026-03-02",
      repairableFrom: "2026-03-02",
      listedUntil: null,
    });
  });

  it("公示规定 art. 13: 通报批评 or a low fine is published 3 months", () => {
    expect(penaltyPeriods("general", "2026-03-02")).toMatchObject({
      publicUntil: "2026-06-02",
      listedUntil: null,
    });
  });

  it("信用修复管理办法 art. 6: food-sector penalties are repairable after 1 year, published 3 years, listed 3 years", () => {
    expect(penaltyPeriods("serious", "2026-03-02")).toEqual({
      publicUntil: "2029-03-02",
      repairableFrom: "2027-03-02",
      listedUntil: "2029-03-02",
    });
  });

  it("adds calendar months, clamped to the end of a shorter month", () => {
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2025-11-30", 3)).toBe("2026-02-28");
    expect(() => addMonths("bad", 1)).toThrow(RangeError);
  });
});
