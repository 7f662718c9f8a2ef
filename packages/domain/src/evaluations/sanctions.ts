// 累计扣除到一定积分后，对其作出停业、清场、不得参加下轮招投标等懲处 (seed 004 象山). The totals are assumptions
// (docs/evaluations.md): configurable data, checked against the points a store lost in the year.

export type SanctionKind = "suspension" | "clearance" | "tender_exclusion";

export interface SanctionThreshold {
  kind: SanctionKind;
  /** Points deducted in the year at which the consequence is proposed. */
  points: number;
  label: { zh: string; en: string };
}

export const XIANGSHAN_SANCTION_THRESHOLDS: readonly SanctionThreshold[] = [
  { kind: "suspension", points: 12, label: { zh: "停业整顿", en: "Suspension" } },
  { kind: "clearance", points: 24, label: { zh: "清场", en: "Clearance of the stall" } },
  {
    kind: "tender_exclusion",
    points: 36,
    label: { zh: "不得参加下轮招投标", en: "Excluded from the next tender" },
  },
];

/** The consequences a yearly total of deducted points has reached, mildest first. */
export function sanctionsDue(
  pointsDeducted: number,
  thresholds: readonly SanctionThreshold[] = XIANGSHAN_SANCTION_THRESHOLDS,
): SanctionThreshold[] {
  return thresholds.filter((threshold) => pointsDeducted >= threshold.points);
}
