import { describe, expect, it } from "vitest";
import { offlineCount, planCounts } from "./plan-counts.js";
import { ZHENHAI_3L4C } from "./zhenhai-3l4c.js";

describe("supervision plan counts (seed 004)", () => {
  const counts = planCounts(ZHENHAI_3L4C, { green: 12, blue: 15, yellow: 7, red: 3 });
  const of = (grade: string) => counts.find((c) => c.grade === grade)!;

  it("seed 004 Zhenhai: green stores get online patrol only", () => {
    expect(of("green")).toMatchObject({ stores: 12, onlineItems: 12, offlineStores: 0, visitsRequired: 0 });
  });

  it("seed 004 Zhenhai: blue stores, 20 % drawn for offline inspection (rounded up)", () => {
    // 0.2 × 15 is 3.0000000000000004 in floating point: the count must still be 3.
    expect(of("blue")).toMatchObject({ stores: 15, onlineItems: 15, offlineStores: 3, visitsPerStore: 1 });
    expect(offlineCount(0.2, 16)).toBe(4);
    expect(offlineCount(0.2, 1)).toBe(1);
  });

  it("seed 004 Zhenhai: yellow stores, 50 % drawn for offline inspection (rounded up)", () => {
    expect(of("yellow")).toMatchObject({ stores: 7, offlineStores: 4, visitsRequired: 4 });
  });

  it("seed 004 Zhenhai: red, every store inspected offline at least twice a month", () => {
    expect(of("red")).toMatchObject({ stores: 3, offlineStores: 3, visitsPerStore: 2, visitsRequired: 6 });
  });

  it("lists the model's grades best first, absent grades with zero stores; unknown grades refused", () => {
    expect(planCounts(ZHENHAI_3L4C, {}).map((c) => [c.grade, c.stores])).toEqual([
      ["green", 0],
      ["blue", 0],
      ["yellow", 0],
      ["red", 0],
    ]);
    expect(() => planCounts(ZHENHAI_3L4C, { A: 1 })).toThrow(/no supervision rule for A/);
    expect(() => offlineCount(1.5, 3)).toThrow(RangeError);
  });
});
