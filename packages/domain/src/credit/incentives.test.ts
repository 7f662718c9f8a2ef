import { describe, expect, it } from "vitest";
import { incentivesFor, qualifiesForReferral } from "./incentives.js";

const codes = (grade: { model: string; grade: string; riskColour: string | null }) =>
  incentivesFor(grade).map((incentive) => incentive.code);

describe("守信激励 (seed 004 Zhenhai; seed 001 bank referrals)", () => {
  it("seed 004 Zhenhai: 红榜 (green) units get a 500 000-yuan loan and at most 240 yuan for the 阳光厨房", () => {
    const green = incentivesFor({ model: "zhenhai-3l4c", grade: "green", riskColour: "green" });
    expect(green.find((i) => i.code === "credit_loan")?.maxYuan).toBe(500_000);
    expect(green.find((i) => i.code === "sunshine_kitchen_subsidy")?.maxYuan).toBe(240);
  });

  it("seed 004 Zhenhai: vouchers by grade — green both kinds, blue service vouchers, yellow and red none", () => {
    expect(codes({ model: "zhenhai-3l4c", grade: "blue", riskColour: "blue" })).toEqual(["service_vouchers"]);
    expect(codes({ model: "zhenhai-3l4c", grade: "yellow", riskColour: "yellow" })).toEqual([]);
  });

  it("seed 001: the best grade of each model is referred to banks — Zhenhai green, Rizhao A, Xiangshan blue", () => {
    expect(qualifiesForReferral({ model: "zhenhai-3l4c", grade: "green", riskColour: "green" })).toBe(true);
    expect(qualifiesForReferral({ model: "rizhao-abcd", grade: "A", riskColour: "green" })).toBe(true);
    expect(qualifiesForReferral({ model: "rizhao-abcd", grade: "B", riskColour: "blue" })).toBe(false);
    expect(qualifiesForReferral({ model: "xiangshan-points", grade: "blue", riskColour: "blue" })).toBe(true);
    expect(qualifiesForReferral({ model: "zhenhai-3l4c", grade: "blue", riskColour: "blue" })).toBe(false);
  });
});
