// Deterministic randomness and identifiers for the bulk generator. Every table is produced in its own pass over
// the stores, so a store's values must come out the same in each pass: they are drawn from a small generator
// reset from (seed, store index, purpose), never from a shared stream. Not for secrets: the 食安码 of real
// stores come from the CSPRNG (safety-code/code.ts); these are test data that anyone with the seed can rebuild.

import { createRandom } from "@shian/domain";
import { CROCKFORD_ALPHABET, SAFETY_CODE_LENGTH } from "../safety-code/code.js";

const TWO_POW_32 = 4294967296;

/** A 32-bit finalizer (lowbias32, Chris Wellons): every input bit changes about half of the output bits. */
function mix32(value: number): number {
  let x = value | 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Purposes of the per-store draws; each gives an independent sequence. */
export const PURPOSE = {
  store: 1,
  business: 2,
  licence: 3,
  inspections: 4,
  complaints: 5,
  ratings: 6,
  staff: 7,
  grade: 8,
} as const;

/** A small counter-based generator (a Weyl sequence through mix32), reset per store and purpose. */
export class StoreRandom {
  private state = 0;

  constructor(private readonly seedWord: number) {}

  /** Starts the sequence of one store and purpose. */
  reset(index: number, purpose: number): this {
    this.state = mix32(this.seedWord ^ mix32(Math.imul(index + 1, 0x9e3779b1) ^ mix32(purpose)));
    return this;
  }

  nextUint32(): number {
    this.state = (this.state + 0x9e3779b9) | 0;
    return mix32(this.state);
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** `length` lower-case hex characters (multiple of 8). */
  hex(length: number): string {
    let out = "";
    for (let i = 0; i < length; i += 8) out += this.nextUint32().toString(16).padStart(8, "0");
    return out;
  }
}

/** The data set's identity: two 32-bit words derived from the seed with the domain's seeded generator. */
export interface SeedWords {
  a: number;
  b: number;
}

export function seedWords(seed: string): SeedWords {
  const random = createRandom(`bulk-seed:${seed}`);
  return { a: Math.floor(random.next() * TWO_POW_32), b: Math.floor(random.next() * TWO_POW_32) };
}

/** Table tags of the generated ids (the second group of the UUID). */
export const ID_TAG = {
  business: "b001",
  store: "5001",
  licence: "1001",
  inspection: "1a01",
  complaint: "c001",
  rating: "a001",
  staff: "5f01",
  rectification: "ec01",
  gradingRun: "9001",
} as const;

/**
 * A UUID (version 4 layout) made of the seed, the table and the row number: unique per table and seed, and
 * increasing with the row number, so the primary-key indexes are appended to rather than split at random.
 */
export function makeUuidFactory(words: SeedWords) {
  const head = words.a.toString(16).padStart(8, "0");
  const tail = words.b.toString(16).padStart(8, "0");
  const middle = `4${tail.slice(0, 3)}-8${tail.slice(3, 6)}`;
  return (tag: string, row: number) => `${head}-${tag}-${middle}-${row.toString(16).padStart(12, "0")}`;
}

const HALF_BITS = 25;
const HALF_MASK = (1 << HALF_BITS) - 1;

/**
 * The index-th 食安码 of the data set: a 4-round Feistel permutation of the 50-bit index keyed by the seed, in
 * Crockford base32 — a bijection, so codes never collide, yet neighbouring stores get unrelated codes.
 */
export function makeSafetyCodeFactory(words: SeedWords) {
  const keys = [1, 2, 3, 4].map((round) => mix32(words.a ^ mix32(words.b + round)));
  return (index: number) => {
    let left = Math.floor(index / 2 ** HALF_BITS) & HALF_MASK;
    let right = index & HALF_MASK;
    for (const key of keys) {
      const next = (left ^ mix32(right ^ key)) & HALF_MASK;
      left = right;
      right = next;
    }
    let code = "";
    for (const half of [left, right]) {
      for (let shift = HALF_BITS - 5; shift >= 0; shift -= 5)
        code += CROCKFORD_ALPHABET[(half >>> shift) & 31];
    }
    if (code.length !== SAFETY_CODE_LENGTH) throw new Error("safety code length changed");
    return code;
  };
}
