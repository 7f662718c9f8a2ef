// Inspection checklists as data (检查表), the score and the outcome of a filled checklist.
// `patrol` holds the seven areas the Fenghua 社会监督员 check on their rounds (证照管理、人员管理、场所环境、设施设备、
// 防疫工作、垃圾分类、标识张贴 — 奉化区“食安码”, seed 001); `routine` is the longer list an officer works through on
// 日常监督检查, derived from the same areas plus the catering-service points of the Food Safety Law (arts. 33, 54, 55).
// Items marked `critical` (红线项) are those whose failure must be rectified within one day (seed 004's
// 24-hour closed loop); the others get seven days. Weights and thresholds are the platform's assumption.

import type { CheckResult } from "../licensing/onsite-inspection.js";
import type { Bilingual } from "../licensing/taxonomy.js";

export type InspectionTemplateCode = "patrol" | "routine";
export const INSPECTION_TEMPLATE_CODES: readonly InspectionTemplateCode[] = ["patrol", "routine"];

export interface InspectionItem {
  code: string;
  text: Bilingual;
  /** Points of the item in the 0–100 score (relative to the other answered items). */
  weight: number;
  /** 红线项: failing it fails the whole inspection and its rectification is due within one day. */
  critical?: boolean;
}

export interface InspectionTemplate {
  code: InspectionTemplateCode;
  title: Bilingual;
  items: readonly InspectionItem[];
}

const PATROL_ITEMS: readonly InspectionItem[] = [
  {
    code: "licence_displayed",
    text: { zh: "营业执照、食品经营许可证在显著位置公示", en: "Business and food licences are displayed" },
    weight: 15,
  },
  {
    code: "staff_health_certificates",
    text: { zh: "从业人员持有效健康证明并公示", en: "Staff hold valid health certificates, displayed" },
    weight: 15,
    critical: true,
  },
  {
    code: "staff_hygiene",
    text: {
      zh: "从业人员穿戴清洁工作衣帽，操作规范",
      en: "Staff wear clean work clothes and caps and work hygienically",
    },
    weight: 10,
  },
  {
    code: "premises_clean",
    text: { zh: "经营场所内外环境整洁，无积水、无异味", en: "Premises are clean inside and out" },
    weight: 15,
  },
  {
    code: "facilities_working",
    text: {
      zh: "冷藏、防蝇防鼠、洗手等设施设备齐全并正常运转",
      en: "Refrigeration, pest-proofing and hand-washing equipment are present and working",
    },
    weight: 15,
  },
  {
    code: "disinfection",
    text: {
      zh: "餐饮具清洗消毒到位，防疫消毒有记录",
      en: "Tableware is disinfected; disinfection is logged",
    },
    weight: 15,
    critical: true,
  },
  {
    code: "waste_sorting",
    text: { zh: "垃圾分类投放，餐厨垃圾密闭存放", en: "Waste is sorted; kitchen waste is kept closed" },
    weight: 10,
  },
  {
    code: "signage",
    text: {
      zh: "食安码、投诉电话、“光盘行动”等标识张贴规范",
      en: "Safety code, complaint hotline and other signs are posted",
    },
    weight: 5,
  },
];

const ROUTINE_ITEMS: readonly InspectionItem[] = [
  ...PATROL_ITEMS,
  {
    code: "licence_valid_scope",
    text: {
      zh: "许可证在有效期内，实际经营项目与许可一致",
      en: "The licence is valid and the business stays within its licensed items",
    },
    weight: 15,
    critical: true,
  },
  {
    code: "purchase_records",
    text: {
      zh: "进货查验记录、索证索票齐全",
      en: "Purchase inspection records and supplier papers are kept",
    },
    weight: 10,
  },
  {
    code: "no_expired_food",
    text: {
      zh: "无超过保质期、腐败变质或来源不明的食品及原料",
      en: "No expired, spoiled or untraceable food or ingredients",
    },
    weight: 20,
    critical: true,
  },
  {
    code: "additives_managed",
    text: {
      zh: "食品添加剂专柜存放、专人管理、使用有记录",
      en: "Food additives are stored apart, managed by a named person, their use logged",
    },
    weight: 10,
  },
  {
    code: "raw_cooked_separated",
    text: {
      zh: "生熟分开，工用具分类使用并标识",
      en: "Raw and cooked food are kept apart; utensils are labelled",
    },
    weight: 10,
  },
  {
    code: "storage_off_floor",
    text: {
      zh: "食品贮存离地离墙，冷藏冷冻温度符合要求",
      en: "Food is stored off floor and walls at the right temperature",
    },
    weight: 10,
  },
  {
    code: "food_samples_kept",
    text: { zh: "按规定留样（集体用餐、大型宴席等）", en: "Food samples are kept where required" },
    weight: 5,
  },
  {
    code: "safety_manager",
    text: {
      zh: "配备食品安全管理人员，有自查记录",
      en: "A food safety manager is named and self-checks are recorded",
    },
    weight: 5,
  },
];

export const INSPECTION_TEMPLATES: Readonly<Record<InspectionTemplateCode, InspectionTemplate>> = {
  patrol: {
    code: "patrol",
    title: { zh: "社会监督员巡查表", en: "Volunteer patrol checklist" },
    items: PATROL_ITEMS,
  },
  routine: {
    code: "routine",
    title: { zh: "日常监督检查表", en: "Routine inspection checklist" },
    items: ROUTINE_ITEMS,
  },
};

export function isInspectionTemplateCode(code: string): code is InspectionTemplateCode {
  return (INSPECTION_TEMPLATE_CODES as readonly string[]).includes(code);
}

export interface AnsweredItem {
  code: string;
  result: CheckResult;
}

/** How a set of answers differs from the template: every item answered exactly once, nothing else. */
export interface AnswerMismatch {
  unknown: string[];
  missing: string[];
  duplicate: string[];
}

export function compareAnswers(
  results: readonly AnsweredItem[],
  template: InspectionTemplate,
): AnswerMismatch {
  const known = new Set(template.items.map((item) => item.code));
  const seen = new Set<string>();
  const unknown: string[] = [];
  const duplicate: string[] = [];
  for (const { code } of results) {
    if (!known.has(code)) unknown.push(code);
    else if (seen.has(code)) duplicate.push(code);
    seen.add(code);
  }
  const missing = template.items.filter((item) => !seen.has(item.code)).map((item) => item.code);
  return { unknown, missing, duplicate };
}

export function answersMatch(mismatch: AnswerMismatch): boolean {
  return mismatch.unknown.length + mismatch.missing.length + mismatch.duplicate.length === 0;
}

/** Thresholds of the outcome; our assumption, in the spirit of 量化分级 (seed 001), and replaceable. */
export interface ScoringConfig {
  /** Below this score the inspection fails even without a critical failure. */
  failBelow: number;
}

export const DEFAULT_SCORING_CONFIG: ScoringConfig = { failBelow: 60 };

export type InspectionOutcome = "pass" | "rectify" | "fail";

export interface InspectionScore {
  /** 0–100: the weight of passed items over the weight of answered (not n/a) items; 100 when all are n/a. */
  score: number;
  /** pass 合格; rectify 限期整改; fail 不合格 (a critical item failed or the score is below the threshold). */
  outcome: InspectionOutcome;
  failed: InspectionItem[];
  criticalFailures: string[];
}

/**
 * Scores a filled checklist. The answers must match the template exactly (see compareAnswers), otherwise a
 * RangeError names the codes; callers validate first and answer 400.
 */
export function scoreInspection(
  results: readonly AnsweredItem[],
  template: InspectionTemplate,
  config: ScoringConfig = DEFAULT_SCORING_CONFIG,
): InspectionScore {
  const mismatch = compareAnswers(results, template);
  if (!answersMatch(mismatch)) {
    throw new RangeError(
      `results do not match template ${template.code}: unknown [${mismatch.unknown.join(", ")}], missing [${mismatch.missing.join(", ")}], duplicate [${mismatch.duplicate.join(", ")}]`,
    );
  }
  const answer = new Map(results.map((r) => [r.code, r.result]));
  let answered = 0;
  let passed = 0;
  const failed: InspectionItem[] = [];
  for (const item of template.items) {
    const result = answer.get(item.code);
    if (result === "na") continue;
    answered += item.weight;
    if (result === "pass") passed += item.weight;
    else failed.push(item);
  }
  const score = answered === 0 ? 100 : Math.round((100 * passed) / answered);
  const criticalFailures = failed.filter((item) => item.critical).map((item) => item.code);
  const outcome: InspectionOutcome =
    criticalFailures.length > 0 || score < config.failBelow ? "fail" : failed.length > 0 ? "rectify" : "pass";
  return { score, outcome, failed, criticalFailures };
}

/** Days to rectify a failed item: one for a 红线项 (seed 004's 24-hour loop), seven otherwise. */
export const RECTIFICATION_DAYS = { critical: 1, standard: 7 } as const;

export function rectificationDays(item: Pick<InspectionItem, "critical">): number {
  return item.critical ? RECTIFICATION_DAYS.critical : RECTIFICATION_DAYS.standard;
}

export function findTemplateItem(template: InspectionTemplate, code: string): InspectionItem | undefined {
  return template.items.find((item) => item.code === code);
}
