// Publication, credit-repair and listing periods of a penalty (行政处罚), as data. The seed (004, Rizhao 双书同达 and
// 当日结) names the procedure but not the periods; these follow the national rules for the food sector:
// - 《市场监督管理行政处罚信息公示规定》(2021) art. 2: a warning alone is not published (不予公示); art. 13: a penalty
//   of only 通报批评 or a low fine is published 3 months, any other penalty 3 years.
// - 《市场监督管理信用修复管理办法》(2021) art. 6: other penalties may be repaired after 6 months of publication,
//   1 year in the food, drug and special-equipment sectors (食品、药品、特种设备领域).
// - 《市场监督管理严重违法失信名单管理办法》(2021): a serious-dishonesty listing lasts 3 years; early removal may be
//   applied for after 1 year.
// Mapping to our three severities is the platform's assumption (docs/credit-repair.md).

/** minor: 警告 (warning) only; general: 通报批评 or a low fine (较低数额罚款); serious: any heavier penalty. */
export type PenaltySeverity = "minor" | "general" | "serious";

export const PENALTY_SEVERITIES: readonly PenaltySeverity[] = ["minor", "general", "serious"];

export interface PenaltyRule {
  /** Months the penalty is published on the credit system (公示期); 0 = not published. */
  publicMonths: number;
  /** Months after the decision from which the business may apply for credit repair (信用修复). */
  repairableAfterMonths: number;
  /** Months on the serious-dishonesty list (严重违法失信名单), or null when the penalty does not list. */
  dishonestyListMonths: number | null;
  /** The articles the periods come from. */
  source: string;
}

export const PENALTY_RULES: Readonly<Record<PenaltySeverity, PenaltyRule>> = {
  minor: {
    publicMonths: 0,
    repairableAfterMonths: 0,
    dishonestyListMonths: null,
    source: "《市场监督管理行政处罚信息公示规定》第二条",
  },
  general: {
    publicMonths: 3,
    repairableAfterMonths: 3,
    dishonestyListMonths: null,
    source: "《市场监督管理行政处罚信息公示规定》第十三条",
  },
  serious: {
    publicMonths: 36,
    repairableAfterMonths: 12,
    dishonestyListMonths: 36,
    source:
      "《市场监督管理行政处罚信息公示规定》第十三条；《市场监督管理信用修复管理办法》第六条；《市场监督管理严重违法失信名单管理办法》",
  },
};

/** The legal basis written on a serious-dishonesty listing, before the penalty's own basis. */
export const DISHONESTY_LISTING_BASIS = "《市场监督管理严重违法失信名单管理办法》";

export interface PenaltyPeriods {
  /** Last day of publication (the decision day when not published). */
  publicUntil: string;
  /** First day a repair may be applied for. */
  repairableFrom: string;
  /** Last day on the serious-dishonesty list, or null. */
  listedUntil: string | null;
}

/** The periods of a penalty decided on `decidedOn` (YYYY-MM-DD). */
export function penaltyPeriods(severity: PenaltySeverity, decidedOn: string): PenaltyPeriods {
  const rule = PENALTY_RULES[severity];
  return {
    publicUntil: addMonths(decidedOn, rule.publicMonths),
    repairableFrom: addMonths(decidedOn, rule.repairableAfterMonths),
    listedUntil: rule.dishonestyListMonths === null ? null : addMonths(decidedOn, rule.dishonestyListMonths),
  };
}

/** Calendar months later, clamped to the month's last day ("2024-01-31" + 1 → "2024-02-29"). */
export function addMonths(date: string, months: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`"${date}" is not a calendar date YYYY-MM-DD`);
  const total = Number(match[1]) * 12 + Number(match[2]) - 1 + months;
  const [year, month] = [Math.floor(total / 12), total % 12];
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(Number(match[3]), lastDay);
  return new Date(Date.UTC(year, month, day)).toISOString().slice(0, 10);
}
