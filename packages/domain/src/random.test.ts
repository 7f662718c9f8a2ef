import { describe, expect, it } from "vitest";
import { createRandom } from "./random.js";

function take(seed: string, count: number): number[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => random.next());
}

describe("createRandom (cyrb128 → sfc32)", () => {
  // Computed by an independent Python implementation of cyrb128 and sfc32: any platform must match.
  it.each([
    ["", [495173323, 487725788, 2249504753, 4020827468, 757662001]],
    ["shian", [2162792456, 1001452267, 3499434964, 1979891042, 2891067640]],
    ["2024年第一季度双随机抽查", [3335280958, 2624200187, 3732754087, 3251797278, 2647384071]],
  ])("reproduces the reference outputs for seed %j", (seed, outputs) => {
    expect(take(seed, 5)).toEqual(outputs.map((output) => output / 2 ** 32));
  });

  it("gives the same sequence for the same seed and different ones for different seeds", () => {
    expect(take("draw-1", 100)).toEqual(take("draw-1", 100));
    expect(take("draw-1", 100)).not.toEqual(take("draw-2", 100));
  });

  it("returns floats in [0, 1)", () => {
    const values = take("range", 10_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
  });

  it("spreads int() evenly (chi-square, 9 degrees of freedom, p = 0.001)", () => {
    const random = createRandom("uniformity");
    const counts = new Array<number>(10).fill(0);
    const draws = 100_000;
    for (let i = 0; i < draws; i++) counts[random.int(0, 9)]! += 1;
    const expected = draws / 10;
    const chiSquare = counts.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
    expect(chiSquare).toBeLessThan(27.88);
  });

  it("keeps int() inside inclusive bounds and reaches both ends", () => {
    const random = createRandom("bounds");
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(random.int(-2, 2));
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2]);
    expect(random.int(7, 7)).toBe(7);
  });

  it("refuses impossible int() ranges", () => {
    const random = createRandom("errors");
    expect(() => random.int(3, 2)).toThrow(RangeError);
    expect(() => random.int(0, 1.5)).toThrow(RangeError);
    expect(() => random.int(0, 2 ** 32)).toThrow(RangeError);
  });

  it("picks only list members and refuses an empty list", () => {
    const random = createRandom("pick");
    const items = ["a", "b", "c"] as const;
    for (let i = 0; i < 100; i++) expect(items).toContain(random.pick(items));
    expect(() => random.pick([])).toThrow(RangeError);
  });

  it("shuffles into a new permutation, reproducibly, leaving the input alone", () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = createRandom("shuffle").shuffle(items);
    expect(shuffled).not.toBe(items);
    expect(items).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    expect(shuffled).not.toEqual(items);
    expect(createRandom("shuffle").shuffle(items)).toEqual(shuffled);
  });

  it("puts each element in each position about equally often", () => {
    const random = createRandom("fisher-yates");
    const firstCounts = new Array<number>(4).fill(0);
    for (let i = 0; i < 40_000; i++) firstCounts[random.shuffle([0, 1, 2, 3])[0]!]! += 1;
    for (const count of firstCounts) expect(Math.abs(count - 10_000)).toBeLessThan(400);
  });
});
