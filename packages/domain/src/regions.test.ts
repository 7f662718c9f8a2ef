import { describe, expect, it } from "vitest";
import {
  isRegionCode,
  isWithinRegion,
  normalizeRegionCode,
  parentRegionCode,
  regionLevel,
  regionScopePrefix,
} from "./regions.js";

describe("GB/T 2260 region codes", () => {
  it.each([
    ["110000", true],
    ["440106", true],
    ["820000", true],
    ["000000", false],
    ["100000", false],
    ["830000", false],
    ["44010", false],
    ["4401066", false],
    ["44010a", false],
    [" 440106", false],
  ])("isRegionCode(%j) is %s", (code, expected) => {
    expect(isRegionCode(code)).toBe(expected);
  });

  it.each([
    ["440000", "province", null, "44"],
    ["440100", "city", "440000", "4401"],
    ["440106", "county", "440100", "440106"],
    ["310104", "county", "310100", "310104"],
  ] as const)("%s is a %s with parent %s and scope %s", (code, level, parent, prefix) => {
    expect(regionLevel(code)).toBe(level);
    expect(parentRegionCode(code)).toBe(parent);
    expect(regionScopePrefix(code)).toBe(prefix);
  });

  it("refuses what is not a region code", () => {
    expect(() => regionLevel("000000")).toThrow(RangeError);
    expect(() => parentRegionCode("4401")).toThrow(RangeError);
    expect(() => regionScopePrefix("abcdef")).toThrow(RangeError);
  });
});

describe("isWithinRegion", () => {
  it("treats a null or national jurisdiction as the whole country", () => {
    expect(isWithinRegion("440106", null)).toBe(true);
    expect(isWithinRegion("330225", "000000")).toBe(true);
  });

  it.each([
    ["440106", "440000", true],
    ["440106", "440100", true],
    ["440106", "440106", true],
    ["440100", "440000", true],
    ["440106", "440300", false],
    ["440106", "330000", false],
    ["440100", "440106", false],
    ["330211", "330213", false],
  ])("%s within %s is %s", (code, jurisdiction, expected) => {
    expect(isWithinRegion(code, jurisdiction)).toBe(expected);
  });

  it("places no invalid code inside any jurisdiction", () => {
    expect(isWithinRegion("44xxxx", "440000")).toBe(false);
    expect(isWithinRegion("000000", null)).toBe(false);
  });
});

describe("normalizeRegionCode", () => {
  it.each([
    ["44", "440000"],
    ["4401", "440100"],
    ["440106", "440106"],
    [" 3101 ", "310100"],
  ])("%j → %s", (input, expected) => {
    expect(normalizeRegionCode(input)).toBe(expected);
  });

  it.each(["", "4", "440", "44010", "4401066", "00", "99", "44ab"])("refuses %j", (input) => {
    expect(() => normalizeRegionCode(input)).toThrow(RangeError);
  });
});
