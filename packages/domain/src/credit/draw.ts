// 双随机 draw (双随机一公开, seed 004): random stores, and two random inspectors for each, from a public seed.
// Same seed, same population → same selection, on any platform. Anyone can re-compute a published draw.
//
// Algorithm "shian-draw/1", exactly:
// 1. One generator for the whole draw: random = createRandom(seed) (random.ts: cyrb128 → sfc32).
// 2. sample(list, k) is a forward partial Fisher–Yates on a copy of the list: for i = 0 … k−1, j = random.int(i,
//    n−1), swap the elements at i and j; the result is the first k elements, in that order.
// 3. Stores. For each stratum in the order given (the plan gives the model's grades best first), whose store ids
//    are sorted ascending by UTF-16 code units with no duplicates (lower-case UUIDs sort as text):
//      count     = ⌈n × bp / 10 000⌉ where bp = round(share × 10 000)            (plan-counts.ts offlineCount)
//      selected += sample(storeIds, count), in that order, each tagged with its stratum
//    The generator runs on into the next stratum (it is not re-seeded), including for strata with share 1.
// 4. Inspectors. The pool is sorted ascending like the store ids. For each selected store, in selection order:
//      allowed = the pool without the store's exclusions (conflicts of interest 回避, and the inspectors who
//                inspected the store in the previous draw), keeping the pool's order
//      if allowed has fewer than perInspection ids → DrawError "too_few_inspectors" naming the store
//      inspectorIds = sample(allowed, perInspection)
// The stores are all drawn before any inspector, so the store selection does not depend on the inspector pool.

import { createRandom, type SeededRandom } from "../random.js";
import { offlineCount } from "./plan-counts.js";

export const DRAW_ALGORITHM = "shian-draw/1";

/** Inspectors sent to each drawn store (two law-enforcement officers per inspection). */
export const INSPECTORS_PER_INSPECTION = 2;

export interface DrawStratum {
  /** The grade the stores hold. */
  stratum: string;
  /** Share drawn, 0..1 (rounded up to whole stores). */
  share: number;
  /** Sorted ascending, no duplicates. */
  storeIds: readonly string[];
}

export interface DrawInput {
  seed: string;
  strata: readonly DrawStratum[];
  /** Sorted ascending, no duplicates. */
  inspectors: readonly string[];
  perInspection: number;
  /** Inspectors not allowed at a store. */
  exclusions: (storeId: string) => readonly string[];
}

export interface DrawnStore {
  storeId: string;
  stratum: string;
  inspectorIds: string[];
}

export class DrawError extends Error {
  constructor(
    readonly code: "not_sorted" | "too_few_inspectors",
    message: string,
    readonly storeId?: string,
  ) {
    super(message);
  }
}

/** Draws the stores of every stratum, then the inspectors of every drawn store (see the algorithm above). */
export function drawSelection(input: DrawInput): DrawnStore[] {
  if (!Number.isInteger(input.perInspection) || input.perInspection < 1) {
    throw new RangeError("perInspection must be a positive integer");
  }
  requireSorted(input.inspectors, "the inspector pool");
  const random = createRandom(input.seed);
  const selected: { storeId: string; stratum: string }[] = [];
  for (const { stratum, share, storeIds } of input.strata) {
    requireSorted(storeIds, `the stores of stratum ${stratum}`);
    const count = offlineCount(share, storeIds.length);
    for (const storeId of sample(random, storeIds, count)) selected.push({ storeId, stratum });
  }
  return selected.map(({ storeId, stratum }) => {
    const excluded = input.exclusions(storeId);
    const allowed =
      excluded.length === 0 ? input.inspectors : input.inspectors.filter((id) => !excluded.includes(id));
    if (allowed.length < input.perInspection) {
      throw new DrawError(
        "too_few_inspectors",
        `store ${storeId}: ${allowed.length} allowed inspectors, ${input.perInspection} needed`,
        storeId,
      );
    }
    return { storeId, stratum, inspectorIds: sample(random, allowed, input.perInspection) };
  });
}

/** k elements by a forward partial Fisher–Yates (step 2 above): k random numbers, whatever the list's length. */
function sample(random: SeededRandom, items: readonly string[], k: number): string[] {
  const copy = [...items];
  for (let i = 0; i < k; i++) {
    const j = random.int(i, copy.length - 1);
    const swapped = copy[j]!;
    copy[j] = copy[i]!;
    copy[i] = swapped;
  }
  return copy.slice(0, k);
}

function requireSorted(ids: readonly string[], what: string): void {
  for (let i = 1; i < ids.length; i++) {
    if (!(ids[i - 1]! < ids[i]!)) {
      throw new DrawError("not_sorted", `${what} must be sorted ascending without duplicates (at ${ids[i]})`);
    }
  }
}
