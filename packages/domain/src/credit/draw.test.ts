import { describe, expect, it } from "vitest";
import { DrawError, drawSelection, type DrawInput } from "./draw.js";

const ids = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(7, "0")}`);

const input = (overrides: Partial<DrawInput> = {}): DrawInput => ({
  seed: "2026-11-05 上证综指收盘 3321.45|00ff",
  strata: [
    { stratum: "blue", share: 0.2, storeIds: ids("b", 20) },
    { stratum: "yellow", share: 0.5, storeIds: ids("y", 10) },
    { stratum: "red", share: 1, storeIds: ids("r", 3) },
  ],
  inspectors: ids("i", 6),
  perInspection: 2,
  exclusions: () => [],
  ...overrides,
});

describe("双随机 draw (seed 004 双随机一公开)", () => {
  it("seed 004 双随机: same seed and population → same selection, always", () => {
    const first = drawSelection(input());
    expect(drawSelection(input())).toEqual(first);
    expect(first.map((s) => s.stratum)).toEqual([
      ...Array(4).fill("blue"),
      ...Array(5).fill("yellow"),
      ...Array(3).fill("red"),
    ]);
    expect(new Set(first.map((s) => s.storeId)).size).toBe(12);
    for (const store of first) {
      expect(store.inspectorIds).toHaveLength(2);
      expect(new Set(store.inspectorIds).size).toBe(2);
    }
  });

  it("seed 004 双随机: a different seed draws differently", () => {
    const a = drawSelection(input());
    const b = drawSelection(input({ seed: "2026-11-05 上证综指收盘 3321.46|00ff" }));
    expect(b.map((s) => s.storeId)).not.toEqual(a.map((s) => s.storeId));
  });

  it("reproduces a reference selection (re-implementations must match it)", () => {
    const selection = drawSelection(
      input({ strata: [{ stratum: "blue", share: 0.2, storeIds: ids("b", 10) }], inspectors: ids("i", 4) }),
    );
    expect(selection).toMatchInlineSnapshot(`
      [
        {
          "inspectorIds": [
            "i0000003",
            "i0000001",
          ],
          "storeId": "b0000009",
          "stratum": "blue",
        },
        {
          "inspectorIds": [
            "i0000002",
            "i0000000",
          ],
          "storeId": "b0000003",
          "stratum": "blue",
        },
      ]
    `);
  });

  it("seed 004 双随机: excluded inspectors (回避, last draw's pair) are never drawn for that store", () => {
    const excluded = ["i0000000", "i0000001", "i0000002", "i0000003"];
    const selection = drawSelection(
      input({ exclusions: (storeId) => (storeId.startsWith("y") ? excluded : []) }),
    );
    for (const store of selection.filter((s) => s.stratum === "yellow")) {
      expect(store.inspectorIds.sort()).toEqual(["i0000004", "i0000005"]);
    }
  });

  it("fewer than two allowed inspectors is an error naming the store; unsorted ids are refused", () => {
    const tooFew = () =>
      drawSelection(input({ exclusions: (storeId) => (storeId === "r0000001" ? ids("i", 5) : []) }));
    expect(tooFew).toThrow(DrawError);
    expect(tooFew).toThrow(/store r0000001: 1 allowed inspectors, 2 needed/);
    expect(() => drawSelection(input({ inspectors: ["i2", "i1"] }))).toThrow(/sorted/);
    expect(() =>
      drawSelection(input({ strata: [{ stratum: "blue", share: 0.2, storeIds: ["a", "a"] }] })),
    ).toThrow(/sorted ascending without duplicates/);
  });

  it("draws 20 % of 1 000 000 stores (measured, printed)", () => {
    const storeIds = ids("s", 1_000_000);
    const started = performance.now();
    const selection = drawSelection(
      input({ strata: [{ stratum: "blue", share: 0.2, storeIds }], inspectors: ids("i", 40) }),
    );
    const elapsed = performance.now() - started;
    expect(selection).toHaveLength(200_000);
    console.log(`draw: 200 000 of 1 000 000 stores with inspectors in ${elapsed.toFixed(0)} ms`);
  });
});
