// 食品经营许可和备案管理办法 (SAMR, 2023; in force 1 December 2023). Only its main difference from the Guangdong
// 2019 rules is modelled: selling prepackaged food only needs a filing (备案), not a licence (arts. 4(2), 5,
// following the Food Safety Law art. 35 as amended in 2021). Everything else reuses guangdong2019, with its
// citations marked "Guangdong 2019 …" so that no article is attributed to the wrong text.

import { guangdong2019 } from "./guangdong-2019.js";
import type { AssessmentInput, RuleFinding, RequiredMaterial, Rule, Ruleset } from "./ruleset.js";

export const SAMR_2023_FILING_ARTICLE = "SAMR 2023 art. 4(2), art. 5";

/**
 * Only prepackaged food is sold: every item is prepackaged_sales or special_food_sales (special foods — health
 * food, formulas — are sold prepackaged; SAMR's filing guidance counts them as prepackaged food).
 */
export function isPrepackagedOnly(input: AssessmentInput): boolean {
  return (
    input.items.length > 0 &&
    input.items.every((item) => item.code === "prepackaged_sales" || item.code === "special_food_sales")
  );
}

/** SAMR 2023 arts. 4(2), 5: prepackaged-only sales need no licence but a filing; a licence is refused. */
export const filingOnlyRule: Rule = {
  id: "filing_only",
  article: SAMR_2023_FILING_ARTICLE,
  checks: {
    zh: "仅销售预包装食品的，不需要取得食品经营许可，应当办理备案",
    en: "Selling prepackaged food only needs a filing, not a licence",
  },
  check(input) {
    if (!isPrepackagedOnly(input)) return [];
    return [
      {
        level: "violation",
        message: {
          zh: "仅销售预包装食品的，不需要取得食品经营许可，应当向所在地县级以上地方市场监督管理部门办理备案。",
          en: "Selling only prepackaged food needs no food business licence; file a record (备案) with the county-level market regulation authority instead.",
        },
      },
    ];
  },
};

const GUANGDONG_PREFIX = "Guangdong 2019 ";

function reattribute<T extends { article: string }>(value: T): T {
  return { ...value, article: GUANGDONG_PREFIX + value.article };
}

function reattributeFindings(findings: RuleFinding[]): RuleFinding[] {
  return findings.map(reattribute);
}

export const samr2023: Ruleset = {
  id: "samr-2023",
  title: {
    zh: "食品经营许可和备案管理办法（2023）",
    en: "Measures for the Administration of Food Business Licensing and Filing (SAMR, 2023)",
  },
  source: "国家市场监督管理总局《食品经营许可和备案管理办法》（2023年）",
  rules: [filingOnlyRule, ...guangdong2019.rules.map((rule) => reattribute(rule))],
  reviewCategory(input) {
    const decision = guangdong2019.reviewCategory(input);
    return { ...decision, basis: reattributeFindings(decision.basis) };
  },
  onsiteInspection(input, category) {
    if (isPrepackagedOnly(input)) {
      return {
        value: false,
        basis: {
          rule: "onsite_inspection",
          article: SAMR_2023_FILING_ARTICLE,
          message: {
            zh: "备案事项不进行许可现场核查。",
            en: "A filing needs no licensing on-site inspection.",
          },
        },
      };
    }
    const decision = guangdong2019.onsiteInspection(input, category);
    return { ...decision, basis: reattribute(decision.basis) };
  },
  requiredMaterials(input): RequiredMaterial[] {
    if (isPrepackagedOnly(input)) return [];
    return guangdong2019.requiredMaterials(input).map(reattribute);
  },
  commitment(input, context) {
    const decision = guangdong2019.commitment(input, context);
    return { ...decision, basis: reattribute(decision.basis) };
  },
  filingOnly: isPrepackagedOnly,
};
