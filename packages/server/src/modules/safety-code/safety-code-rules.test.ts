import { describe, expect, it } from "vitest";
import { loadConfig } from "../../config.js";
import { maskAddress } from "./address.js";
import { LruCache } from "./cache.js";
import { generateSafetyCode, normalizeSafetyCode } from "./code.js";
import { isLicenceValid, safetyColour } from "./colour.js";

describe("safety code format", () => {
  it("is 10 Crockford base32 characters, unique over 20 000 draws", () => {
    const codes = Array.from({ length: 20_000 }, () => generateSafetyCode());
    for (const code of codes.slice(0, 500)) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("uses every character of the alphabet uniformly from the random bytes", () => {
    const bytes = Buffer.from([0, 31, 32, 255, 10, 17, 18, 20, 21, 27]);
    expect(generateSafetyCode(() => bytes)).toBe("0Z0ZAHJMNV");
  });

  it("looks codes up case-insensitively, ignoring hyphens and Crockford look-alikes", () => {
    expect(normalizeSafetyCode("abcd-efgh-jk")).toBe("ABCDEFGHJK");
    expect(normalizeSafetyCode("o1l1i0abcd")).toBe("011110ABCD");
    expect(normalizeSafetyCode("ABCDEFGHJU")).toBeNull();
    expect(normalizeSafetyCode("short")).toBeNull();
  });
});

describe("colour rules (seed 001: 三色动态码)", () => {
  const today = "2025-06-01";
  it("a store without a valid licence is red whatever its grade", () => {
    expect(
      safetyColour({
        hasValidLicence: false,
        openRedAlert: false,
        grade: { colour: "green" },
        defaultColour: "green",
      }),
    ).toEqual({
      colour: "red",
      reason: "no_valid_licence",
    });
  });
  it("a licensed store takes its grade's colour", () => {
    expect(
      safetyColour({
        hasValidLicence: true,
        openRedAlert: false,
        grade: { colour: "yellow" },
        defaultColour: "green",
      }).colour,
    ).toBe("yellow");
  });
  it("a licensed store not graded yet takes DEFAULT_SAFETY_COLOUR (green unless set)", () => {
    expect(loadConfig({}).defaultSafetyColour).toBe("green");
    const defaultColour = loadConfig({ DEFAULT_SAFETY_COLOUR: "yellow" }).defaultSafetyColour;
    expect(safetyColour({ hasValidLicence: true, openRedAlert: false, grade: null, defaultColour })).toEqual({
      colour: "yellow",
      reason: "default",
    });
    expect(() => loadConfig({ DEFAULT_SAFETY_COLOUR: "blue" })).toThrow(/DEFAULT_SAFETY_COLOUR/);
  });
  it("seed 004 Xiangshan: an open red alert turns a licensed, green-graded store red until it is closed", () => {
    const facts = {
      hasValidLicence: true,
      grade: { colour: "green" as const },
      defaultColour: "green" as const,
    };
    expect(safetyColour({ ...facts, openRedAlert: true })).toEqual({ colour: "red", reason: "red_alert" });
    expect(safetyColour({ ...facts, openRedAlert: false })).toEqual({ colour: "green", reason: "grade" });
    expect(safetyColour({ ...facts, hasValidLicence: false, openRedAlert: true }).reason).toBe(
      "no_valid_licence",
    );
  });
  it("a suspended or expired licence is not valid", () => {
    expect(isLicenceValid({ status: "valid", validTo: "2025-06-01" }, today)).toBe(true);
    expect(isLicenceValid({ status: "valid", validTo: "2025-05-31" }, today)).toBe(false);
    expect(isLicenceValid({ status: "suspended", validTo: "2030-01-01" }, today)).toBe(false);
  });
});

describe("address masking (PIPL art. 51)", () => {
  it("keeps province, city, district and road and hides the house number", () => {
    expect(maskAddress("广东省广州市天河区天河路385号201室")).toBe("广东省广州市天河区天河路**号");
    expect(maskAddress("上海市徐汇区衡山路12号")).toBe("上海市徐汇区衡山路**号");
    expect(maskAddress("浙江省宁波市奉化区中山路东侧商铺")).toBe("浙江省宁波市奉化区中山路**");
  });
});

describe("scan page cache", () => {
  it("evicts the least recently used entry, expires after the TTL and drops a store's group", () => {
    let now = 0;
    const cache = new LruCache<string>(2, 1000, () => now);
    cache.set("a", "A", "s1");
    cache.set("b", "B", "s2");
    expect(cache.get("a")).toBe("A");
    cache.set("c", "C", "s1");
    expect(cache.get("b")).toBeUndefined();
    cache.deleteGroup("s1");
    expect(cache.size).toBe(0);
    cache.set("d", "D");
    now = 1000;
    expect(cache.get("d")).toBeUndefined();
  });
});
