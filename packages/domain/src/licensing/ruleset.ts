// The shape of a licensing ruleset (DESIGN.md §5): versioned data plus small pure functions, each citing its
// article. A province adds a ruleset by building one of these objects; the engine (assessment.ts) never changes.

import type { BusinessForm, BusinessSubtype } from "../taxonomy/business-forms.js";
import type { Bilingual, ItemRequest } from "./taxonomy.js";

/** 许可申请 kinds that are assessed (cancellation 注销 needs no assessment). */
export const APPLICATION_KINDS = ["new", "change", "renewal", "reissue"] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];

/** 审查类别 (Guangdong 2019 art. 9). */
export const REVIEW_CATEGORIES = [1, 2, 3, 4, 5] as const;
export type ReviewCategory = (typeof REVIEW_CATEGORIES)[number];

export interface AssessmentInput {
  kind: ApplicationKind;
  businessForm: BusinessForm;
  subtype: BusinessSubtype;
  items: ItemRequest[];
  /** 实体门店: whether an online seller also has a physical store (art. 8). */
  hasPhysicalStore?: boolean;
  /** Whether a change, renewal or reissue changes the premises, equipment or layout (art. 10). */
  premisesChanged?: boolean;
  /** 食品处理区面积 in m² (arts. 25, 32). */
  processingAreaM2?: number;
  /** 就餐人数 of a unit canteen (art. 25). */
  diners?: number;
  /** 专职食品安全管理员 of a central kitchen or group-meal delivery unit (art. 31). */
  fullTimeSafetyManagers?: number;
  /** 对外承包: the canteen is run by a contractor (art. 25). */
  contractedCanteen?: boolean;
  /** 另设食品贮存场所: a food seller stores food outside its premises (arts. 22–23). */
  separateStorage?: boolean;
  /** A central kitchen delivers only to its own (incl. franchised) outlets (art. 35); checked only when false. */
  deliversOnlyToOwnStores?: boolean;
}

export const ASSESSMENT_INPUT_FIELDS = [
  "kind",
  "businessForm",
  "subtype",
  "items",
  "hasPhysicalStore",
  "premisesChanged",
  "processingAreaM2",
  "diners",
  "fullTimeSafetyManagers",
  "contractedCanteen",
  "separateStorage",
  "deliversOnlyToOwnStores",
] as const satisfies readonly (keyof AssessmentInput)[];

/** A violation or a notice, with the rule and article it comes from. */
export interface RuleFinding {
  rule: string;
  article: string;
  message: Bilingual;
}

/** What one rule says about one input; the engine adds the rule id and article. */
export interface RuleOutcome {
  level: "violation" | "notice";
  message: Bilingual;
}

export interface Rule {
  /** Stable id, snake_case, e.g. "school_no_cold_raw". */
  id: string;
  /** The article the rule comes from, e.g. "art. 28". */
  article: string;
  /** What the rule checks, for documents and the console. */
  checks: Bilingual;
  check(input: AssessmentInput): RuleOutcome[];
}

/** 申请材料 codes. */
export const MATERIAL_CODES = [
  "application_form",
  "subject_qualification",
  "id_documents",
  "layout_and_process",
  "safety_management_rules",
  "additive_disclosure_rule",
  "producer_agreement_and_license",
  "vending_device_docs",
  "online_device_list",
  "storage_site_info",
  "canteen_contract",
  "liquor_test_report",
] as const;
export type MaterialCode = (typeof MATERIAL_CODES)[number];

export interface RequiredMaterial {
  code: MaterialCode;
  name: Bilingual;
  article: string;
}

export interface CategoryDecision {
  /** The category of the applicant's subtype (art. 9). */
  category: ReviewCategory;
  /** Every category whose requirements apply, the main one first (art. 24 adds 2 or 4 for food sellers). */
  reviewCategories: ReviewCategory[];
  /** Why, for the officer. */
  basis: RuleFinding[];
}

/** A yes/no decision with its reason. */
export interface RuleDecision {
  value: boolean;
  basis: RuleFinding;
}

export interface Ruleset {
  /** e.g. "guangdong-2019". */
  id: string;
  title: Bilingual;
  /** The legal source, e.g. "粤市监规字〔2019〕2号". */
  source: string;
  rules: readonly Rule[];
  reviewCategory(input: AssessmentInput): CategoryDecision;
  onsiteInspection(input: AssessmentInput, category: CategoryDecision): RuleDecision;
  requiredMaterials(input: AssessmentInput): RequiredMaterial[];
  commitment(input: AssessmentInput, context: { allowed: boolean; category: CategoryDecision }): RuleDecision;
  /** True when the activity needs a filing (备案) instead of a licence; absent means never. */
  filingOnly?(input: AssessmentInput): boolean;
}
