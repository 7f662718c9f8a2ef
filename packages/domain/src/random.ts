// Seeded pseudo-random numbers for reproducible draws (e.g. 双随机抽查): anyone with the seed can re-compute them.
//
// Algorithm, exactly (so other implementations can reproduce every draw):
// 1. The seed string is hashed with cyrb128 (bryc, public domain) over its UTF-16 code units, in the
//    variant that finishes with `h1 ^= h2 ^ h3 ^ h4; h2 ^= h1; h3 ^= h1; h4 ^= h1`, giving four uint32 words.
// 2. Those words are the state (a, b, c, counter) of sfc32, Chris Doty-Humphrey's Small Fast Counter
//    generator from PractRand; no outputs are discarded.
// 3. next() is the uint32 output divided by 2^32. int(min, max) is min + floor(next() * (max - min + 1)).
//    shuffle() is Fisher–Yates from the last index down, swapping i with int(0, i).
// Only 32-bit integer arithmetic and exact divisions by 2^32 are used, so results match on every platform.

export interface SeededRandom {
  /** A float in [0, 1) with 32 bits of randomness. */
  next(): number;
  /** An integer in [minInclusive, maxInclusive]; the range may hold at most 2^32 values. */
  int(minInclusive: number, maxInclusive: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** A shuffled copy; the input is left untouched. */
  shuffle<T>(items: readonly T[]): T[];
}

const TWO_POW_32 = 4294967296;

export function createRandom(seed: string): SeededRandom {
  const nextUint32 = createSfc32(hashCyrb128(seed));
  const next = (): number => nextUint32() / TWO_POW_32;

  const int = (minInclusive: number, maxInclusive: number): number => {
    if (!Number.isSafeInteger(minInclusive) || !Number.isSafeInteger(maxInclusive)) {
      throw new RangeError("int() bounds must be safe integers");
    }
    const size = maxInclusive - minInclusive + 1;
    if (size < 1 || size > TWO_POW_32) throw new RangeError("int() needs 1 to 2^32 possible values");
    return minInclusive + Math.floor(next() * size);
  };

  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError("cannot pick from an empty list");
    return items[int(0, items.length - 1)]!;
  };

  const shuffle = <T>(items: readonly T[]): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = int(0, i);
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  };

  return { next, int, pick, shuffle };
}

type Uint32x4 = [number, number, number, number];

function hashCyrb128(text: string): Uint32x4 {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

function createSfc32([seedA, seedB, seedC, seedCounter]: Uint32x4): () => number {
  let a = seedA | 0;
  let b = seedB | 0;
  let c = seedC | 0;
  let counter = seedCounter | 0;
  return () => {
    const t = (((a + b) | 0) + counter) | 0;
    counter = (counter + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = ((c << 21) | (c >>> 11)) + t;
    c |= 0;
    return t >>> 0;
  };
}
