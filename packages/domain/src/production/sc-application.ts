import { isScFoodCategory, SC_FOOD_CATEGORIES } from "../licensing/license-number.js";
import type { ChecklistItem } from "../licensing/onsite-inspection.js";
import type { Bilingual } from "../licensing/taxonomy.js";

/**
 * Food production licences (食品生产许可, SC). Seed 003 describes the e-certificate, not the application; the
 * application follows the national 食品生产许可管理办法 (SAMR 2020): materials of art. 13, on-site inspection of
 * art. 21, change (art. 32) and renewal (art. 34) without inspection when the conditions did not change.
 */
export const SC_RULESET = "samr-production-2020";

export interface ScRequest {
  kind: "new" | "change" | "renewal" | "reissue";
  foodCategories: readonly string[];
  productionSites: readonly { address: string }[];
  /** Whether a change or renewal changes the site, equipment or process. */
  premisesChanged?: boolean;
}

export interface ScMaterial {
  code: string;
  name: Bilingual;
  article: string;
}

const MATERIALS: Record<string, ScMaterial> = {
  application_form: {
    code: "application_form",
    name: { zh: "食品生产许可申请书", en: "Application form" },
    article: "art. 13(1)",
  },
  subject_qualification: {
    code: "subject_qualification",
    name: { zh: "营业执照等主体资格证明", en: "Business licence or other proof of legal status" },
    article: "art. 13",
  },
  layout_and_process: {
    code: "layout_and_process",
    name: { zh: "食品生产设备布局图和食品生产工艺流程图", en: "Equipment layout and process flow charts" },
    article: "art. 13(2)",
  },
  production_equipment_list: {
    code: "production_equipment_list",
    name: { zh: "食品生产主要设备、设施清单", en: "List of the main production equipment and facilities" },
    article: "art. 13(3)",
  },
  safety_management_rules: {
    code: "safety_management_rules",
    name: {
      zh: "食品安全专业技术人员、管理人员信息和食品安全管理制度",
      en: "Food safety staff and the food safety management rules",
    },
    article: "art. 13(4)",
  },
};

export interface ScAssessment {
  ruleset: string;
  onsiteInspectionRequired: boolean;
  commitmentEligible: false;
  allowed: boolean;
  violations: { rule: string; article: string; message: Bilingual }[];
  requiredMaterials: ScMaterial[];
}

/** Unknown food categories, as bilingual messages listing what is allowed (empty when all are known). */
export function scCategoryErrors(foodCategories: readonly string[]): Bilingual[] {
  const unknown = foodCategories.filter((code) => !isScFoodCategory(code));
  if (unknown.length === 0) return [];
  const allowed = SC_FOOD_CATEGORIES.map((category) => category.code).join(", ");
  return [
    {
      zh: `未知的食品类别：${unknown.join("、")}；可选：${allowed}`,
      en: `Unknown food categories: ${unknown.join(", ")}; allowed: ${allowed}`,
    },
  ];
}

export function assessScApplication(request: ScRequest): ScAssessment {
  const changesConditions = request.kind === "new" || request.premisesChanged === true;
  const codes =
    request.kind === "reissue"
      ? ["application_form", "subject_qualification"]
      : changesConditions
        ? Object.keys(MATERIALS)
        : ["application_form", "subject_qualification", "safety_management_rules"];
  return {
    ruleset: SC_RULESET,
    // art. 21: on-site inspection unless a change or renewal leaves site, equipment and process as they were.
    onsiteInspectionRequired: changesConditions,
    commitmentEligible: false,
    allowed: true,
    violations: [],
    requiredMaterials: codes.map((code) => MATERIALS[code]!),
  };
}

const checkItem = (code: string, level: ChecklistItem["level"], zh: string, en: string): ChecklistItem => ({
  code,
  level,
  categories: [],
  article: "SAMR 2020 art. 21",
  text: { zh, en },
});

/** The on-site checklist of a production licence (审查细则 headings), judged like art. 12 of the food-business rules. */
export const SC_CHECKLIST: readonly ChecklistItem[] = [
  checkItem(
    "sc_site_environment",
    "key",
    "生产场所环境、布局与生产工艺相适应",
    "Site environment and layout fit the process",
  ),
  checkItem(
    "sc_equipment",
    "key",
    "生产设备设施与申请类别相适应",
    "Equipment fits the food categories applied for",
  ),
  checkItem(
    "sc_process",
    "important",
    "工艺流程、关键控制点明确",
    "Process flow and critical control points defined",
  ),
  checkItem(
    "sc_testing",
    "important",
    "具备出厂检验能力或委托检验",
    "Release testing capacity or contracted testing",
  ),
  checkItem(
    "sc_staff",
    "important",
    "配备食品安全管理人员和专业技术人员",
    "Food safety manager and technical staff",
  ),
  checkItem("sc_rules", "general", "食品安全管理制度健全", "Food safety management rules in place"),
  checkItem(
    "sc_records",
    "general",
    "进货查验、生产过程和销售记录",
    "Purchase, production and sales records",
  ),
];
