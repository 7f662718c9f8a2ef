// 守信激励 (seed 004, Zhenhai): incentives a store's current grade qualifies for, as data. The figures are the seed's:
// 红榜单位 (green) get a 500 000-yuan preferential-rate credit loan and a "阳光厨房" subsidy of at most 240 yuan, and
// businesses apply for consumption and service voucher places by grade. Seed 001 adds bank referrals (银行推荐) of
// well-graded businesses, which each model's best grade qualifies for (Zhenhai green, Rizhao A, Xiangshan blue).
// Which grades below the best get service vouchers is the platform's assumption (docs/credit-repair.md).

import type { Bilingual } from "../licensing/taxonomy.js";
import type { CreditModelId, RiskColour } from "./model.js";

/** A grade an incentive is granted to: one model's grade or one of its risk colours. */
export type GradeMatch =
  { model: CreditModelId; grade: string } | { model: CreditModelId; riskColour: RiskColour };

/** What the platform knows of a store's current grade (a store_grades row). */
export interface CurrentGrade {
  model: string;
  grade: string;
  riskColour: string | null;
}

export type IncentiveCode =
  | "red_list_praise"
  | "credit_loan"
  | "sunshine_kitchen_subsidy"
  | "consumption_vouchers"
  | "service_vouchers"
  | "bank_referral";

export interface Incentive {
  code: IncentiveCode;
  label: Bilingual;
  /** The ceiling in yuan, when the seed gives one. */
  maxYuan: number | null;
  source: string;
  grantedTo: readonly GradeMatch[];
}

const ZHENHAI_GREEN: GradeMatch = { model: "zhenhai-3l4c", riskColour: "green" };
const ZHENHAI_BLUE: GradeMatch = { model: "zhenhai-3l4c", riskColour: "blue" };
const BEST_GRADES: readonly GradeMatch[] = [
  ZHENHAI_GREEN,
  { model: "rizhao-abcd", grade: "A" },
  { model: "xiangshan-points", riskColour: "blue" },
];

export const INCENTIVES: readonly Incentive[] = [
  {
    code: "red_list_praise",
    label: { zh: "红榜单位，定期向社会公开表扬", en: "Red-list business, praised in public regularly" },
    maxYuan: null,
    source: "seed 004, 宁波市镇海区",
    grantedTo: [ZHENHAI_GREEN],
  },
  {
    code: "credit_loan",
    label: { zh: "特惠利率信用贷款", en: "Preferential-rate credit loan" },
    maxYuan: 500_000,
    source: "seed 004, 宁波市镇海区",
    grantedTo: [ZHENHAI_GREEN],
  },
  {
    code: "sunshine_kitchen_subsidy",
    label: { zh: "“阳光厨房”补贴", en: "“Sunshine kitchen” subsidy" },
    maxYuan: 240,
    source: "seed 004, 宁波市镇海区",
    grantedTo: [ZHENHAI_GREEN],
  },
  {
    code: "consumption_vouchers",
    label: { zh: "消费券惠民补贴名额", en: "Places in the consumption-voucher scheme" },
    maxYuan: null,
    source: "seed 004, 宁波市镇海区",
    grantedTo: [ZHENHAI_GREEN],
  },
  {
    code: "service_vouchers",
    label: { zh: "服务券惠民补贴名额", en: "Places in the service-voucher scheme" },
    maxYuan: null,
    source: "seed 004, 宁波市镇海区 (blue: platform assumption)",
    grantedTo: [ZHENHAI_GREEN, ZHENHAI_BLUE],
  },
  {
    code: "bank_referral",
    label: {
      zh: "经本单位同意，推荐给合作银行（码上金融）",
      en: "Referral to partner banks, with the business's consent",
    },
    maxYuan: null,
    source: "seed 001 码上金融; seed 004",
    grantedTo: BEST_GRADES,
  },
];

function matches(match: GradeMatch, grade: CurrentGrade): boolean {
  if (match.model !== grade.model) return false;
  return "grade" in match ? match.grade === grade.grade : match.riskColour === grade.riskColour;
}

/** The incentives a store's current grade qualifies for, in the order of INCENTIVES. */
export function incentivesFor(grade: CurrentGrade): Incentive[] {
  return INCENTIVES.filter((incentive) => incentive.grantedTo.some((match) => matches(match, grade)));
}

/** Whether a grade may be referred to partner banks (the best grade of each model). */
export function qualifiesForReferral(grade: CurrentGrade): boolean {
  return BEST_GRADES.some((match) => matches(match, grade));
}
