// What a stored 双随机 draw holds and how it is checked (docs/draws.md): the seed protocol's hashes, and the
// re-computation of the selection from the stored seed, population and inspector pool.

import { createHash } from "node:crypto";
import { drawSelection, findModel, type DrawStratum, type DrawnStore } from "@shian/domain";

/** A stratum as stored in draws.population. */
export interface StoredStratum {
  stratum: string;
  share: number;
  storeIds: string[];
}

/** The inspector pool as stored in draws.inspector_pool. */
export interface StoredInspectorPool {
  /** Sorted ascending. */
  inspectorIds: string[];
  /** SHA-256 of the sorted ids joined by "\n". */
  hash: string;
  perInspection: number;
  /** Inspectors not allowed at a drawn store (回避 conflicts, last draw's pair); only drawn stores are listed. */
  exclusions: { storeId: string; inspectorIds: string[] }[];
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** SHA-256 of the ids sorted ascending (UTF-16 code units) and joined by "\n": the population hash. */
export function hashIds(ids: readonly string[]): string {
  return sha256Hex([...ids].sort().join("\n"));
}

/** The commitment published before the draw: SHA-256 of the 32 secret bytes (not of their hex text). */
export function commitmentOf(secretHex: string): string {
  return sha256Hex(Buffer.from(secretHex, "hex"));
}

/** Binds a sealed secret to its commitment's district and period (secret-box authenticated data). */
export function secretContext(commitment: { regionCode: string; period: string }): string {
  return `draw_commitments:${commitment.regionCode}:${commitment.period}`;
}

export function drawSeed(declaredSeed: string, secretHex: string): string {
  return `${declaredSeed}|${secretHex}`;
}

/** SHA-256 of every stratum's store ids together, sorted: the same value as hashIds over their concatenation. */
export function populationHashOf(strata: readonly DrawStratum[]): string {
  const lists = strata.map((stratum) => stratum.storeIds);
  // Plans read each stratum in id order: merging sorted lists is linear, where sorting a million ids takes
  // seconds (bench/grading.mjs). Anything unsorted falls back to the sort.
  if (!lists.every(isSorted)) return hashIds(lists.flat());
  return sha256Hex(mergeSorted(lists).join("\n"));
}

function isSorted(ids: readonly string[]): boolean {
  for (let i = 1; i < ids.length; i++) if (ids[i - 1]! > ids[i]!) return false;
  return true;
}

/** k-way merge of sorted lists (k = the plan's strata, a handful). */
function mergeSorted(lists: readonly (readonly string[])[]): string[] {
  const next = lists.map(() => 0);
  const merged: string[] = [];
  for (;;) {
    let best = -1;
    for (let k = 0; k < lists.length; k++) {
      if (next[k]! < lists[k]!.length && (best < 0 || lists[k]![next[k]!]! < lists[best]![next[best]!]!))
        best = k;
    }
    if (best < 0) return merged;
    merged.push(lists[best]![next[best]!]!);
    next[best]! += 1;
  }
}

/** Runs the documented algorithm again on what the draw stored. */
export function recomputeSelection(draw: {
  declaredSeed: string;
  revealedSecret: string;
  strata: readonly DrawStratum[];
  pool: StoredInspectorPool;
}): DrawnStore[] {
  const exclusions = new Map(draw.pool.exclusions.map((e) => [e.storeId, e.inspectorIds]));
  return drawSelection({
    seed: drawSeed(draw.declaredSeed, draw.revealedSecret),
    strata: draw.strata,
    inspectors: draw.pool.inspectorIds,
    perInspection: draw.pool.perInspection,
    exclusions: (storeId) => exclusions.get(storeId) ?? [],
  });
}

export interface DrawEvidence {
  draw: {
    declaredSeed: string;
    revealedSecret: string;
    populationHash: string;
    strata: StoredStratum[];
    pool: StoredInspectorPool;
    selection: DrawnStore[];
  };
  /** The commitment row's SHA-256, or null when the draw names none. */
  commitment: string | null;
  plan: { model: string; modelVersion: string } | null;
  /** The plan's offline items made from this draw. */
  items: { storeId: string; inspectorIds: string[] }[];
}

/** Every way the evidence disagrees with itself; empty when the draw verifies. */
export function findDrawDifferences({ draw, commitment, plan, items }: DrawEvidence): string[] {
  const differences: string[] = [];
  if (commitment === null) differences.push("the draw names no commitment");
  else if (commitmentOf(draw.revealedSecret) !== commitment) {
    differences.push(`SHA-256(secret) ${commitmentOf(draw.revealedSecret)} ≠ commitment ${commitment}`);
  }
  const populationHash = populationHashOf(draw.strata);
  if (populationHash !== draw.populationHash) {
    differences.push(`population hash ${populationHash} ≠ stored ${draw.populationHash}`);
  }
  const poolHash = hashIds(draw.pool.inspectorIds);
  if (poolHash !== draw.pool.hash)
    differences.push(`inspector pool hash ${poolHash} ≠ stored ${draw.pool.hash}`);
  const model = plan ? findModel(plan.model) : undefined;
  if (plan && model?.version === plan.modelVersion) {
    for (const stratum of draw.strata) {
      const share = model.supervision[stratum.stratum]?.offlineShare;
      if (share !== stratum.share) {
        differences.push(`stratum ${stratum.stratum}: share ${stratum.share} ≠ ${model.id} rule ${share}`);
      }
    }
  }
  let recomputed: DrawnStore[] = [];
  try {
    recomputed = recomputeSelection(draw);
  } catch (error) {
    differences.push(`cannot re-compute: ${(error as Error).message}`);
    return differences;
  }
  differences.push(...compareSelection(recomputed, draw.selection));
  differences.push(...compareItems(recomputed, items));
  return differences;
}

const describe = (s: DrawnStore | undefined) =>
  s ? `${s.storeId} (${s.stratum}) → ${s.inspectorIds.join(", ")}` : "nothing";

function compareSelection(expected: DrawnStore[], stored: DrawnStore[]): string[] {
  const differences: string[] = [];
  if (stored.length !== expected.length) {
    differences.push(`stored selection has ${stored.length} stores, re-computed ${expected.length}`);
  }
  for (let i = 0; i < Math.max(expected.length, stored.length); i++) {
    if (describe(expected[i]) !== describe(stored[i])) {
      differences.push(
        `selection #${i + 1}: stored ${describe(stored[i])}, re-computed ${describe(expected[i])}`,
      );
    }
  }
  return differences;
}

function compareItems(expected: DrawnStore[], items: DrawEvidence["items"]): string[] {
  const differences: string[] = [];
  if (items.length !== expected.length) {
    differences.push(
      `the plan has ${items.length} offline items from this draw, re-computed ${expected.length}`,
    );
  }
  const byStore = new Map(items.map((item) => [item.storeId, item.inspectorIds.join(", ")]));
  for (const drawn of expected) {
    const inspectors = byStore.get(drawn.storeId);
    if (inspectors !== drawn.inspectorIds.join(", ")) {
      differences.push(
        `plan item of ${drawn.storeId}: ${inspectors ?? "missing"}, re-computed ${describe(drawn)}`,
      );
    }
  }
  return differences;
}
