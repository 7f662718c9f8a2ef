// The licensing engine: runs a ruleset over an application and returns the review category, whether an on-site
// inspection and the commitment scheme apply, the violations and the required materials. It knows no article
// itself; rulesets (guangdong-2019.ts, samr-2023.ts, or a province's own) carry the law.

import { BUSINESS_SUBTYPES } from "../taxonomy/business-forms.js";
import { guangdong2019 } from "./guangdong-2019.js";
import {
  APPLICATION_KINDS,
  ASSESSMENT_INPUT_FIELDS,
  type AssessmentInput,
  type RuleFinding,
  type RequiredMaterial,
  type ReviewCategory,
  type Ruleset,
} from "./ruleset.js";
import { samr2023 } from "./samr-2023.js";
import {
  ALL_BUSINESS_SUBTYPES,
  BUSINESS_FORMS,
  type Bilingual,
  ITEM_CODES,
  ITEM_QUALIFIERS,
  type ItemRequest,
  isItemCode,
  qualifierProblems,
} from "./taxonomy.js";

export { guangdong2019 } from "./guangdong-2019.js";
export { samr2023 } from "./samr-2023.js";

/** Rulesets by id. */
export const RULESETS: Readonly<Record<string, Ruleset>> = {
  [guangdong2019.id]: guangdong2019,
  [samr2023.id]: samr2023,
};

export interface Assessment {
  /** Id of the ruleset applied, e.g. "guangdong-2019". */
  ruleset: string;
  /** Review category of the subtype (art. 9). */
  category: ReviewCategory;
  /** Every category whose requirements apply, main first (art. 24 adds 2 or 4 for a food seller that prepares food). */
  reviewCategories: ReviewCategory[];
  onsiteInspectionRequired: boolean;
  commitmentEligible: boolean;
  /** The activity needs a filing (备案) instead of a licence (samr-2023); a filing_only violation says so too. */
  filingOnly: boolean;
  /** No violations. */
  allowed: boolean;
  violations: RuleFinding[];
  /** Reminders and the reasons for the category, on-site and commitment decisions. */
  notices: RuleFinding[];
  requiredMaterials: RequiredMaterial[];
}

/** Assesses one application (new, change, renewal or reissue) under a ruleset. Pure. */
export function assessApplication(input: AssessmentInput, ruleset: Ruleset = guangdong2019): Assessment {
  const violations: RuleFinding[] = [];
  const notices: RuleFinding[] = [];
  for (const rule of ruleset.rules) {
    for (const outcome of rule.check(input)) {
      const finding = { rule: rule.id, article: rule.article, message: outcome.message };
      (outcome.level === "violation" ? violations : notices).push(finding);
    }
  }
  const allowed = violations.length === 0;
  const category = ruleset.reviewCategory(input);
  const onsite = ruleset.onsiteInspection(input, category);
  const commitment = ruleset.commitment(input, { allowed, category });
  return {
    ruleset: ruleset.id,
    category: category.category,
    reviewCategories: category.reviewCategories,
    onsiteInspectionRequired: onsite.value,
    commitmentEligible: allowed && commitment.value,
    filingOnly: ruleset.filingOnly?.(input) ?? false,
    allowed,
    violations,
    notices: [...notices, ...category.basis, onsite.basis, commitment.basis],
    requiredMaterials: ruleset.requiredMaterials(input),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// input validation (for data from the outside: API bodies, imports)

export interface InputError {
  /** Path of the field, e.g. "items[1].decorated". */
  field: string;
  /** The values or names allowed there (empty when the field takes free text or a number). */
  allowed: string[];
  message: Bilingual;
}

export type InputValidation = { ok: true; input: AssessmentInput } | { ok: false; errors: InputError[] };

const BOOLEAN_FIELDS = [
  "hasPhysicalStore",
  "premisesChanged",
  "contractedCanteen",
  "separateStorage",
  "deliversOnlyToOwnStores",
] as const;
const NUMBER_FIELDS = ["processingAreaM2"] as const;
const COUNT_FIELDS = ["diners", "fullTimeSafetyManagers"] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function oneOf(field: string, allowed: readonly string[], value: unknown): InputError {
  const shown = typeof value === "string" ? `“${value}”` : "该值";
  const shownEn = typeof value === "string" ? `"${value}"` : "the value";
  return {
    field,
    allowed: [...allowed],
    message: {
      zh: `${field}：${shown}不是可选值，可选：${allowed.join("、")}。`,
      en: `${field}: ${shownEn} is not allowed; allowed: ${allowed.join(", ")}.`,
    },
  };
}

function error(field: string, allowed: readonly string[], zh: string, en: string): InputError {
  return { field, allowed: [...allowed], message: { zh: `${field}：${zh}`, en: `${field}: ${en}` } };
}

/** A copy of a checked item holding only the qualifiers it takes; the variety is trimmed. */
function cleanItem(item: ItemRequest): ItemRequest {
  const clean: Record<string, unknown> = { code: item.code };
  for (const qualifier of ITEM_QUALIFIERS[item.code]) {
    const value = item[qualifier];
    if (value === undefined) continue;
    clean[qualifier] = Array.isArray(value) ? [...value] : typeof value === "string" ? value.trim() : value;
  }
  return clean as unknown as ItemRequest;
}

/**
 * Checks raw data against the taxonomy: known kind, form and item codes, a subtype of the form, qualifiers that
 * apply to their item (art. 7), booleans and non-negative numbers. Each error lists what is allowed.
 * Returns a clean copy of the input (unknown fields are errors, never passed through).
 */
export function validateAssessmentInput(raw: unknown): InputValidation {
  if (!isRecord(raw)) {
    return {
      ok: false,
      errors: [error("", ASSESSMENT_INPUT_FIELDS, "应当是一个对象。", "must be an object.")],
    };
  }
  const errors: InputError[] = [];
  for (const key of Object.keys(raw)) {
    if (!(ASSESSMENT_INPUT_FIELDS as readonly string[]).includes(key)) {
      errors.push(error(key, ASSESSMENT_INPUT_FIELDS, "不是可识别的字段。", "is not a known field."));
    }
  }

  if (!(APPLICATION_KINDS as readonly unknown[]).includes(raw.kind)) {
    errors.push(oneOf("kind", APPLICATION_KINDS, raw.kind));
  }
  const formKnown = (BUSINESS_FORMS as readonly unknown[]).includes(raw.businessForm);
  if (!formKnown) errors.push(oneOf("businessForm", BUSINESS_FORMS, raw.businessForm));
  const allowedSubtypes: readonly string[] = formKnown
    ? BUSINESS_SUBTYPES[raw.businessForm as keyof typeof BUSINESS_SUBTYPES]
    : ALL_BUSINESS_SUBTYPES;
  if (!allowedSubtypes.includes(raw.subtype as string)) {
    errors.push(oneOf("subtype", allowedSubtypes, raw.subtype));
  }

  const items: ItemRequest[] = [];
  if (!Array.isArray(raw.items) || raw.items.length === 0) {
    errors.push(error("items", ITEM_CODES, "应当至少有一个经营项目。", "must list at least one item."));
  } else {
    const seen = new Set<string>();
    raw.items.forEach((rawItem: unknown, index) => {
      const path = `items[${index}]`;
      if (!isRecord(rawItem)) {
        errors.push(error(path, [], "应当是一个对象。", "must be an object."));
        return;
      }
      const code = rawItem.code;
      if (typeof code !== "string" || !isItemCode(code)) {
        errors.push(oneOf(`${path}.code`, ITEM_CODES, code));
        return;
      }
      if (seen.has(code)) {
        errors.push(error(`${path}.code`, ITEM_CODES, `“${code}”重复。`, `"${code}" is listed twice.`));
      }
      seen.add(code);
      const item = { ...rawItem, code } as ItemRequest;
      for (const problem of qualifierProblems(item)) {
        const field = `${path}.${problem.qualifier}`;
        if (problem.problem === "not_applicable") {
          errors.push(
            error(
              field,
              problem.allowed,
              `不适用于经营项目“${code}”；可用：${problem.allowed.join("、") || "无"}。`,
              `does not apply to the item "${code}"; allowed: ${problem.allowed.join(", ") || "none"}.`,
            ),
          );
        } else if (problem.problem === "required") {
          errors.push(error(field, [], `经营项目“${code}”必须填写。`, `is required for the item "${code}".`));
        } else {
          errors.push(error(field, problem.allowed, "取值无效。", "is not a valid value."));
        }
      }
      items.push(cleanItem(item));
    });
  }

  for (const field of BOOLEAN_FIELDS) {
    const value = raw[field];
    if (value !== undefined && typeof value !== "boolean") {
      errors.push(error(field, ["true", "false"], "应当是布尔值。", "must be true or false."));
    }
  }
  for (const field of NUMBER_FIELDS) {
    const value = raw[field];
    if (value !== undefined && !(typeof value === "number" && Number.isFinite(value) && value >= 0)) {
      errors.push(error(field, [], "应当是非负数。", "must be a non-negative number."));
    }
  }
  for (const field of COUNT_FIELDS) {
    const value = raw[field];
    if (value !== undefined && !(typeof value === "number" && Number.isInteger(value) && value >= 0)) {
      errors.push(error(field, [], "应当是非负整数。", "must be a non-negative integer."));
    }
  }

  if (errors.length > 0) return { ok: false, errors };
  const input: Record<string, unknown> = {};
  for (const field of ASSESSMENT_INPUT_FIELDS) {
    if (raw[field] !== undefined) input[field] = raw[field];
  }
  input.items = items;
  return { ok: true, input: input as unknown as AssessmentInput };
}
