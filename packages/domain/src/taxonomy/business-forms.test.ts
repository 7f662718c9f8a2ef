import { describe, expect, it } from "vitest";
import { BUSINESS_SUBTYPES, isSubtypeOfForm } from "./business-forms.js";

describe("主体业态 and 具体业态 (DESIGN.md §4)", () => {
  it("places each subtype under exactly one form", () => {
    const all = Object.values(BUSINESS_SUBTYPES).flat();
    expect(new Set(all).size).toBe(all.length);
  });

  it("tells whether a subtype belongs to a form", () => {
    expect(isSubtypeOfForm("catering", "bakery")).toBe(true);
    expect(isSubtypeOfForm("food_sales", "bakery")).toBe(false);
    expect(isSubtypeOfForm("unit_canteen", "kindergarten")).toBe(true);
    expect(isSubtypeOfForm("unit_canteen", "unknown")).toBe(false);
  });
});
