import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashIds, populationHashOf } from "./draw-record.js";

const stratum = (name: string, storeIds: string[]) => ({ stratum: name, share: 0.2, storeIds });

describe("the population hash of a draw (reproducible 双随机, seed 001)", () => {
  const ids = Array.from({ length: 500 }, () => randomUUID());
  const a = ids.slice(0, 120).sort();
  const b = ids.slice(120, 410).sort();
  const c = ids.slice(410).sort();

  it("merging sorted strata gives the same hash as sorting all their ids", () => {
    expect(populationHashOf([stratum("A", a), stratum("B", b), stratum("C", c)])).toBe(hashIds(ids));
  });

  it("an unsorted stratum still hashes the sorted population", () => {
    expect(populationHashOf([stratum("A", [...a].reverse()), stratum("B", [...b, ...c])])).toBe(hashIds(ids));
  });

  it("a different population gives a different hash", () => {
    expect(populationHashOf([stratum("A", a), stratum("B", b)])).not.toBe(hashIds(ids));
  });
});
