import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  SC_FOOD_CATEGORIES,
  formatJyNumber,
  formatScNumber,
  isScFoodCategory,
  isValidMod1110,
  mod1110CheckDigit,
  parseLicenseNumber,
} from "./license-number.js";

describe("ISO/IEC 7064 MOD 11,10", () => {
  it.each([
    // Croatian personal identification numbers (OIB) use MOD 11,10; these are published examples.
    ["6943515153", "0"],
    ["9457740319", "4"],
    // the worked example of docs/licensing.md
    ["1440106000001", "0"],
  ])("computes the check digit of %s as %s", (digits, check) => {
    expect(mod1110CheckDigit(digits)).toBe(check);
    expect(isValidMod1110(digits + check)).toBe(true);
  });

  it("refuses anything but digits", () => {
    expect(() => mod1110CheckDigit("")).toThrow(RangeError);
    expect(() => mod1110CheckDigit("12a4")).toThrow(RangeError);
    expect(isValidMod1110("1")).toBe(false);
    expect(isValidMod1110("12 4")).toBe(false);
  });

  it("detects every single-digit change of a 14-digit number", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{13}$/), (body) => {
        const full = body + mod1110CheckDigit(body);
        for (let position = 0; position < full.length; position++) {
          for (let digit = 0; digit <= 9; digit++) {
            if (String(digit) === full[position]) continue;
            const changed = full.slice(0, position) + digit + full.slice(position + 1);
            if (isValidMod1110(changed)) return false;
          }
        }
        return true;
      }),
      { numRuns: 300, seed: 20190614 },
    );
  });

  it("detects every single-digit change of the worked example, exhaustively", () => {
    const full = "14401060000010";
    let detected = 0;
    for (let position = 0; position < full.length; position++) {
      for (let digit = 0; digit <= 9; digit++) {
        if (String(digit) === full[position]) continue;
        const changed = full.slice(0, position) + digit + full.slice(position + 1);
        expect(isValidMod1110(changed)).toBe(false);
        detected++;
      }
    }
    expect(detected).toBe(14 * 9);
  });
});

describe("JY numbers 食品经营许可证编号", () => {
  it("formats the worked example: food sales, 440106, sequence 1", () => {
    const number = formatJyNumber({ businessForm: "food_sales", regionCode: "440106", sequence: 1 });
    expect(number).toBe("JY14401060000010");
    expect(number).toHaveLength(16);
  });

  it("puts the business-form digit first: 1 food sales, 2 catering, 3 unit canteen", () => {
    expect(formatJyNumber({ businessForm: "catering", regionCode: "440106", sequence: 42 }).slice(0, 3)).toBe(
      "JY2",
    );
    expect(
      formatJyNumber({ businessForm: "unit_canteen", regionCode: "440106", sequence: 42 }).slice(0, 3),
    ).toBe("JY3");
  });

  it("round-trips through parseLicenseNumber", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("food_sales", "catering", "unit_canteen" as const),
        fc.constantFrom("440106", "110101", "330213", "440300"),
        fc.integer({ min: 1, max: 999_999 }),
        (businessForm, regionCode, sequence) => {
          const number = formatJyNumber({ businessForm, regionCode, sequence });
          const parts = parseLicenseNumber(number);
          return (
            number.length === 16 &&
            parts?.type === "JY" &&
            parts.businessForm === businessForm &&
            parts.regionCode === regionCode &&
            parts.sequence === sequence
          );
        },
      ),
      { seed: 7, numRuns: 500 },
    );
  });

  it("refuses a bad region code or sequence", () => {
    expect(() => formatJyNumber({ businessForm: "catering", regionCode: "990000", sequence: 1 })).toThrow(
      RangeError,
    );
    expect(() => formatJyNumber({ businessForm: "catering", regionCode: "4401", sequence: 1 })).toThrow(
      RangeError,
    );
    expect(() => formatJyNumber({ businessForm: "catering", regionCode: "440106", sequence: 0 })).toThrow(
      RangeError,
    );
    expect(() =>
      formatJyNumber({ businessForm: "catering", regionCode: "440106", sequence: 1_000_000 }),
    ).toThrow(RangeError);
    expect(() => formatJyNumber({ businessForm: "catering", regionCode: "440106", sequence: 1.5 })).toThrow(
      RangeError,
    );
    expect(() =>
      formatJyNumber({ businessForm: "farm" as never, regionCode: "440106", sequence: 1 }),
    ).toThrow(RangeError);
  });
});

describe("SC numbers 食品生产许可证编号", () => {
  it("lists the 31 food categories 101–131 and the three additive categories 201–203", () => {
    expect(SC_FOOD_CATEGORIES).toHaveLength(34);
    expect(SC_FOOD_CATEGORIES[0]).toEqual({ code: "101", name: { zh: "粮食加工品", en: "Grain products" } });
    expect(SC_FOOD_CATEGORIES.find((c) => c.code === "130")?.name.zh).toBe("特殊膳食食品");
    expect(SC_FOOD_CATEGORIES.find((c) => c.code === "131")?.name.zh).toBe("其他食品");
    const foodCodes = SC_FOOD_CATEGORIES.map((c) => c.code).filter((code) => code.startsWith("1"));
    expect(foodCodes).toEqual(Array.from({ length: 31 }, (_, i) => String(101 + i)));
    expect(isScFoodCategory("203")).toBe(true);
    expect(isScFoodCategory("132")).toBe(false);
  });

  it("formats a pastry producer in Tianhe", () => {
    const number = formatScNumber({ foodCategory: "124", regionCode: "440106", sequence: 1 });
    expect(number).toBe("SC12444010600010");
    expect(parseLicenseNumber(number)).toEqual({
      type: "SC",
      foodCategory: "124",
      regionCode: "440106",
      sequence: 1,
      checkDigit: "0",
    });
  });

  it("refuses an unknown category or a sequence beyond four digits", () => {
    expect(() => formatScNumber({ foodCategory: "199", regionCode: "440106", sequence: 1 })).toThrow(
      RangeError,
    );
    expect(() => formatScNumber({ foodCategory: "101", regionCode: "440106", sequence: 10_000 })).toThrow(
      RangeError,
    );
  });
});

describe("parseLicenseNumber", () => {
  it("splits a JY number", () => {
    expect(parseLicenseNumber("JY14401060000010")).toEqual({
      type: "JY",
      businessForm: "food_sales",
      regionCode: "440106",
      sequence: 1,
      checkDigit: "0",
    });
  });

  it.each([
    ["a wrong check digit", "JY14401060000011"],
    ["a lower-case prefix", "jy14401060000010"],
    ["surrounding spaces", " JY14401060000010"],
    ["a missing digit", "JY1440106000001"],
    ["an unknown prefix", "QS14401060000010"],
    ["an empty string", ""],
  ])("refuses %s", (_label, number) => {
    expect(parseLicenseNumber(number)).toBeNull();
  });

  it("refuses a valid check digit over an unknown form digit, region, category or a zero sequence", () => {
    const withCheck = (prefix: string, body: string) => prefix + body + mod1110CheckDigit(body);
    expect(parseLicenseNumber(withCheck("JY", "4440106000001"))).toBeNull();
    expect(parseLicenseNumber(withCheck("JY", "1990000000001"))).toBeNull();
    expect(parseLicenseNumber(withCheck("JY", "1440106000000"))).toBeNull();
    expect(parseLicenseNumber(withCheck("SC", "1994401060001"))).toBeNull();
    expect(parseLicenseNumber(withCheck("SC", "1014401060000"))).toBeNull();
    expect(parseLicenseNumber(withCheck("SC", "1014401060001"))).toMatchObject({
      type: "SC",
      foodCategory: "101",
    });
  });

  it("reads a number from a system with another check digit when asked to skip the check", () => {
    expect(parseLicenseNumber("JY14401060000017")).toBeNull();
    expect(parseLicenseNumber("JY14401060000017", { verifyCheckDigit: false })).toMatchObject({
      type: "JY",
      sequence: 1,
      checkDigit: "7",
    });
  });
});
