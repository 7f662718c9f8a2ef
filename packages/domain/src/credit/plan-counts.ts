// How many stores of each grade a monthly supervision plan (监管计划) covers, from the model's supervision rules
// (seed 004, Zhenhai: green online only; blue 20 % and yellow 50 % offline by random draw; red every store offline
// at least twice a month).

import type { CreditModel } from "./model.js";

/** What one grade gets in a month's plan. */
export interface GradePlanCount {
  grade: string;
  /** Stores holding the grade in the district. */
  stores: number;
  /** Online patrol items (线上巡查): every store of the grade when the rule says online, else 0. */
  onlineItems: number;
  /** Stores drawn (or, with share 1, all stores) for offline inspection: ceil(share × stores). */
  offlineStores: number;
  /** Offline visits each of those stores needs this month. */
  visitsPerStore: number;
  /** offlineStores × visitsPerStore. */
  visitsRequired: number;
}

const BASIS_POINTS = 10_000;

/**
 * ceil(share × n), with the share taken to 0.01 % so that floating point cannot round 0.2 × 15 up to 4:
 * bp = round(share × 10 000), count = ⌈n × bp / 10 000⌉ in integer arithmetic.
 */
export function offlineCount(share: number, stores: number): number {
  if (!(share >= 0 && share <= 1)) throw new RangeError(`a share must be between 0 and 1, got ${share}`);
  if (!Number.isSafeInteger(stores) || stores < 0) throw new RangeError(`bad store count ${stores}`);
  const basisPoints = Math.round(share * BASIS_POINTS);
  return Math.floor((stores * basisPoints + BASIS_POINTS - 1) / BASIS_POINTS);
}

/** Per grade of the model (best first), what the plan holds given the number of stores per grade. */
export function planCounts(
  model: CreditModel,
  storesPerGrade: Readonly<Record<string, number>>,
): GradePlanCount[] {
  const unknown = Object.keys(storesPerGrade).filter((grade) => !model.supervision[grade]);
  if (unknown.length > 0)
    throw new RangeError(`${model.id} has no supervision rule for ${unknown.join(", ")}`);
  return model.bands.map(({ grade }) => {
    const rule = model.supervision[grade]!;
    const stores = storesPerGrade[grade] ?? 0;
    const offlineStores = offlineCount(rule.offlineShare, stores);
    const visitsPerStore = offlineStores > 0 ? rule.visitsPerMonth : 0;
    return {
      grade,
      stores,
      onlineItems: rule.online ? stores : 0,
      offlineStores,
      visitsPerStore,
      visitsRequired: offlineStores * visitsPerStore,
    };
  });
}
