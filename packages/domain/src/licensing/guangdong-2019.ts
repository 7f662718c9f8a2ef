// 广东省市场监督管理局关于食品经营许可的实施细则（试行）, 粤市监规字〔2019〕2号, arts. 1–35.
// Every rule is a small pure function citing its article; docs/licensing.md lists them and the assumptions made
// where the text is silent.

import { BUSINESS_SUBTYPES, type BusinessSubtype, isSubtypeOfForm } from "../taxonomy/business-forms.js";
import type {
  AssessmentInput,
  CategoryDecision,
  RuleDecision,
  RuleFinding,
  MaterialCode,
  RequiredMaterial,
  ReviewCategory,
  Rule,
  RuleOutcome,
  Ruleset,
} from "./ruleset.js";
import {
  BUSINESS_FORM_NAMES,
  BUSINESS_SUBTYPE_NAMES,
  type Bilingual,
  ITEM_NAMES,
  type ItemCode,
  type ItemRequest,
  type QualifierName,
  type SpecialFoodKind,
  businessFormOf,
  isPreparationItem,
  qualifierProblems,
} from "./taxonomy.js";

// ---------------------------------------------------------------------------------------------------------------
// helpers

function violation(zh: string, en: string): RuleOutcome {
  return { level: "violation", message: { zh, en } };
}

function notice(zh: string, en: string): RuleOutcome {
  return { level: "notice", message: { zh, en } };
}

function subtypeName(subtype: string): Bilingual {
  return BUSINESS_SUBTYPE_NAMES[subtype as BusinessSubtype] ?? { zh: subtype, en: subtype };
}

function itemName(code: string): Bilingual {
  return ITEM_NAMES[code as ItemCode] ?? { zh: code, en: code };
}

function hasItem(input: AssessmentInput, code: ItemCode): boolean {
  return input.items.some((item) => item.code === code);
}

function findItem(input: AssessmentInput, code: ItemCode): ItemRequest | undefined {
  return input.items.find((item) => item.code === code);
}

function preparationItems(input: AssessmentInput): ItemRequest[] {
  return input.items.filter((item) => isPreparationItem(item.code));
}

function sellsBulkCookedFood(input: AssessmentInput): boolean {
  return input.items.some((item) => item.code === "bulk_sales" && item.cookedFood === true);
}

/** The form the subtype belongs to; falls back to the stated form for an unknown subtype. */
function formOf(input: AssessmentInput) {
  return businessFormOf(input.subtype) ?? input.businessForm;
}

const CENTRAL_SUBTYPES: readonly BusinessSubtype[] = ["central_kitchen", "group_meal_delivery"];

/** Canteens of 中等职业学校、普通中等学校、小学、特殊教育学校 (subtype school) and 托幼机构 (art. 28). */
const SCHOOL_SUBTYPES_WITHOUT_COLD_RAW: readonly BusinessSubtype[] = ["school", "kindergarten"];

const MANAGEMENT_SUBTYPES: readonly BusinessSubtype[] = [
  "sales_chain_hq",
  "catering_chain_hq",
  "catering_management",
];

function listNames(names: readonly Bilingual[]): Bilingual {
  return { zh: names.map((n) => n.zh).join("、"), en: names.map((n) => n.en).join(", ") };
}

// ---------------------------------------------------------------------------------------------------------------
// rules

/** art. 6: the subtype must belong to the business form. */
export const subtypeInFormRule: Rule = {
  id: "subtype_in_form",
  article: "art. 6",
  checks: { zh: "具体业态属于所申报的主体业态", en: "The subtype belongs to the stated business form" },
  check(input) {
    if (isSubtypeOfForm(input.businessForm, input.subtype)) return [];
    const form = BUSINESS_FORM_NAMES[input.businessForm] ?? {
      zh: input.businessForm,
      en: input.businessForm,
    };
    const allowed = listNames((BUSINESS_SUBTYPES[input.businessForm] ?? []).map(subtypeName));
    const subtype = subtypeName(input.subtype);
    return [
      violation(
        `具体业态“${subtype.zh}”不属于主体业态“${form.zh}”；可选：${allowed.zh}。`,
        `The subtype "${subtype.en}" does not belong to the business form "${form.en}"; allowed: ${allowed.en}.`,
      ),
    ];
  },
};

/** art. 5: the licence lists the items; at least one item, each once. */
export const itemsListedRule: Rule = {
  id: "items_listed",
  article: "art. 5",
  checks: { zh: "至少申请一个经营项目，且不重复", en: "At least one item is applied for, none twice" },
  check(input) {
    if (input.items.length === 0) {
      return [
        violation("应当至少申请一个食品经营项目。", "At least one food business item must be applied for."),
      ];
    }
    const seen = new Set<string>();
    const outcomes: RuleOutcome[] = [];
    for (const item of input.items) {
      if (seen.has(item.code)) {
        const name = itemName(item.code);
        outcomes.push(
          violation(`经营项目“${name.zh}”重复申请。`, `The item "${name.en}" is listed more than once.`),
        );
      }
      seen.add(item.code);
    }
    return outcomes;
  },
};

const QUALIFIER_NAMES: Record<QualifierName, Bilingual> = {
  coldChain: { zh: "含冷藏冷冻食品", en: "refrigerated and frozen food" },
  cookedFood: { zh: "含散装熟食", en: "bulk cooked food" },
  bulkLiquor: { zh: "散装酒", en: "bulk liquor" },
  braisedMeat: { zh: "含烧卤熟肉", en: "braised and roast cooked meat" },
  decorated: { zh: "含裱花类糕点", en: "decorated pastry" },
  homeBrewedLiquor: { zh: "含自酿酒", en: "home-brewed liquor" },
  kinds: { zh: "特殊食品种类", en: "kinds of special food" },
  variety: { zh: "具体品种", en: "variety" },
};

function qualifierName(name: string): Bilingual {
  return QUALIFIER_NAMES[name as QualifierName] ?? { zh: name, en: name };
}

/** art. 7: qualifiers apply only to their item; special food names its kinds, other food its variety. */
export const itemQualifiersRule: Rule = {
  id: "item_qualifiers",
  article: "art. 7",
  checks: {
    zh: "经营项目的标注（含/不含、种类、品种）与项目相符且完整",
    en: "Item qualifiers fit their item and required ones are given",
  },
  check(input) {
    const outcomes: RuleOutcome[] = [];
    for (const item of input.items) {
      const name = itemName(item.code);
      for (const problem of qualifierProblems(item)) {
        const qualifier = qualifierName(problem.qualifier);
        if (problem.problem === "not_applicable") {
          const allowed = listNames(problem.allowed.map(qualifierName));
          outcomes.push(
            violation(
              `“${qualifier.zh}”不适用于经营项目“${name.zh}”；可用标注：${allowed.zh || "无"}。`,
              `"${qualifier.en}" does not apply to the item "${name.en}"; allowed: ${allowed.en || "none"}.`,
            ),
          );
        } else if (problem.problem === "required") {
          outcomes.push(
            violation(
              `经营项目“${name.zh}”应当标注${qualifier.zh}。`,
              `The item "${name.en}" must state its ${qualifier.en}.`,
            ),
          );
        } else {
          outcomes.push(
            violation(
              `经营项目“${name.zh}”的“${qualifier.zh}”取值无效。`,
              `The ${qualifier.en} of the item "${name.en}" is not valid.`,
            ),
          );
        }
      }
    }
    return outcomes;
  },
};

/** art. 7: 食品经营管理 only for chain headquarters and catering management companies. */
export const foodManagementScopeRule: Rule = {
  id: "food_management_scope",
  article: "art. 7",
  checks: {
    zh: "食品经营管理项目仅适用于食品销售连锁企业总部、餐饮服务连锁企业总部、餐饮管理企业",
    en: "Food business management only for sales-chain HQs, catering-chain HQs and catering management companies",
  },
  check(input) {
    if (!hasItem(input, "food_management") || MANAGEMENT_SUBTYPES.includes(input.subtype)) return [];
    const subtype = subtypeName(input.subtype);
    return [
      violation(
        `食品经营管理项目仅适用于食品销售连锁企业总部、餐饮服务连锁企业总部或餐饮管理企业，“${subtype.zh}”不得申请。`,
        `Food business management is only for food sales chain headquarters, catering chain headquarters and catering management companies; a ${subtype.en} may not apply for it.`,
      ),
    ];
  },
};

/** art. 8: an online seller without a physical store may apply for no preparation item and no bulk cooked food. */
export const onlineSellerWithoutStoreRule: Rule = {
  id: "online_seller_without_store",
  article: "art. 8",
  checks: {
    zh: "无实体门店的网络食品销售商不得申请食品制售项目及散装熟食销售",
    en: "An online seller without a physical store may not apply for preparation items or bulk cooked food",
  },
  check(input) {
    if (input.subtype !== "online_seller") return [];
    const restricted = [
      ...preparationItems(input).map((item) => itemName(item.code)),
      ...(sellsBulkCookedFood(input) ? [{ zh: "散装熟食销售", en: "bulk cooked food sales" }] : []),
    ];
    if (restricted.length === 0 || input.hasPhysicalStore === true) return [];
    const names = listNames(restricted);
    if (input.hasPhysicalStore === undefined) {
      return [
        violation(
          `网络食品销售商申请${names.zh}的，应当说明是否有实体门店。`,
          `An online seller applying for ${names.en} must state whether it has a physical store.`,
        ),
      ];
    }
    return [
      violation(
        `无实体门店的网络食品销售商不得申请${names.zh}。`,
        `An online seller without a physical store may not apply for ${names.en}.`,
      ),
    ];
  },
};

/** art. 20: an online seller files its web address and IP within 30 days of going online (a notice). */
export const onlineSellerFilingNotice: Rule = {
  id: "online_seller_filing",
  article: "art. 20",
  checks: {
    zh: "提示网络食品销售商入网之日起30日内备案网址、IP地址及公示方法",
    en: "Reminds an online seller to file its web address, IP address and disclosure method within 30 days",
  },
  check(input) {
    if (input.subtype !== "online_seller") return [];
    return [
      notice(
        "网络食品销售商应当自入网之日起30日内，将网址、IP地址以及食品经营许可证、经营者联系方式公示方法等信息向原许可机关备案。",
        "Within 30 days of going online, an online food seller must file its web address, IP address and how it displays its licence and contact details with the licensing authority.",
      ),
    ];
  },
};

/** art. 25: a unit canteen's food processing area is at least 30 m² and at least 0.2 m² per diner. */
export const canteenProcessingAreaRule: Rule = {
  id: "canteen_processing_area",
  article: "art. 25",
  checks: {
    zh: "单位食堂食品处理区面积不小于30m²，且按就餐人数人均不小于0.2m²",
    en: "A unit canteen's processing area is at least 30 m² and at least 0.2 m² per diner",
  },
  check(input) {
    if (formOf(input) !== "unit_canteen") return [];
    const area = input.processingAreaM2;
    if (area === undefined) {
      return [
        violation(
          "单位食堂应当填报食品处理区面积（m²）。",
          "A unit canteen must state its food processing area (m²).",
        ),
      ];
    }
    const outcomes: RuleOutcome[] = [];
    if (area < 30) {
      outcomes.push(
        violation(
          `单位食堂食品处理区面积不得小于30m²（申报${area}m²）。`,
          `A unit canteen's food processing area must be at least 30 m² (stated: ${area} m²).`,
        ),
      );
    }
    // 0.2 m² per diner, compared as area × 5 ≥ diners to stay in exact arithmetic.
    if (input.diners !== undefined && area * 5 < input.diners) {
      const needed = Math.ceil(input.diners * 2) / 10;
      outcomes.push(
        violation(
          `就餐人数${input.diners}人，人均面积应当不小于0.2m²，食品处理区至少需要${needed}m²（申报${area}m²）。`,
          `For ${input.diners} diners at 0.2 m² each, the processing area must be at least ${needed} m² (stated: ${area} m²).`,
        ),
      );
    }
    return outcomes;
  },
};

/** art. 28: school and kindergarten canteens may not apply for cold or raw food. Universities may. */
export const schoolNoColdRawRule: Rule = {
  id: "school_no_cold_raw",
  article: "art. 28",
  checks: {
    zh: "中小学、中职、特殊教育学校及托幼机构食堂不得申请冷食类、生食类食品制售",
    en: "Canteens of primary, secondary, vocational and special-education schools and kindergartens may not make cold or raw food",
  },
  check(input) {
    if (!SCHOOL_SUBTYPES_WITHOUT_COLD_RAW.includes(input.subtype)) return [];
    const subtype = subtypeName(input.subtype);
    return input.items
      .filter((item) => item.code === "cold_food" || item.code === "raw_food")
      .map((item) => {
        const name = itemName(item.code);
        return violation(
          `${subtype.zh}不得申请${name.zh}项目。`,
          `A ${subtype.en.toLowerCase()} may not apply for ${name.en.toLowerCase()}.`,
        );
      });
  },
};

/** art. 30: home-brewed liquor is sold only in the store, without pressure vessels or blending (a notice). */
export const homeBrewedLiquorNotice: Rule = {
  id: "home_brewed_liquor_conditions",
  article: "art. 30",
  checks: {
    zh: "提示自酿酒仅限本门店销售，不得使用压力容器，不得用酒精勾兑",
    en: "Reminds that home-brewed liquor is sold only in the store, without pressure vessels or blending with alcohol",
  },
  check(input) {
    if (!input.items.some((item) => item.code === "beverage" && item.homeBrewedLiquor === true)) return [];
    return [
      notice(
        "自酿酒仅限于在本门店销售，制酒过程中不得使用压力容器，不得用酒精勾兑调制。",
        "Home-brewed liquor may be sold only in this store; no pressure vessels may be used in brewing and it may not be blended with alcohol.",
      ),
    ];
  },
};

/** art. 31: central kitchens and group-meal delivery units have at least one full-time safety manager. */
export const fullTimeSafetyManagerRule: Rule = {
  id: "full_time_safety_manager",
  article: "art. 31",
  checks: {
    zh: "中央厨房和集体用餐配送单位配备1名以上专职食品安全管理员",
    en: "Central kitchens and group-meal delivery units have at least one full-time food safety manager",
  },
  check(input) {
    if (!CENTRAL_SUBTYPES.includes(input.subtype)) return [];
    const subtype = subtypeName(input.subtype);
    if (input.fullTimeSafetyManagers === undefined) {
      return [
        violation(
          `${subtype.zh}应当填报专职食品安全管理员人数。`,
          `A ${subtype.en.toLowerCase()} must state its number of full-time food safety managers.`,
        ),
      ];
    }
    if (input.fullTimeSafetyManagers >= 1) return [];
    return [
      violation(
        `${subtype.zh}应当设置独立的食品安全管理部门，并配备1名以上专职食品安全管理员。`,
        `A ${subtype.en.toLowerCase()} must have its own food safety department with at least one full-time food safety manager.`,
      ),
    ];
  },
};

/** art. 32: the processing area of a central kitchen or group-meal delivery unit is at least 300 m². */
export const centralProcessingAreaRule: Rule = {
  id: "central_processing_area",
  article: "art. 32",
  checks: {
    zh: "中央厨房和集体用餐配送单位食品处理区面积不小于300m²",
    en: "A central kitchen's or group-meal delivery unit's processing area is at least 300 m²",
  },
  check(input) {
    if (!CENTRAL_SUBTYPES.includes(input.subtype)) return [];
    const subtype = subtypeName(input.subtype);
    const area = input.processingAreaM2;
    if (area === undefined) {
      return [
        violation(
          `${subtype.zh}应当填报食品处理区面积（m²）。`,
          `A ${subtype.en.toLowerCase()} must state its food processing area (m²).`,
        ),
      ];
    }
    if (area >= 300) return [];
    return [
      violation(
        `${subtype.zh}食品处理区面积不得小于300m²（申报${area}m²）。`,
        `A ${subtype.en.toLowerCase()}'s food processing area must be at least 300 m² (stated: ${area} m²).`,
      ),
    ];
  },
};

/**
 * art. 33: central kitchens and group-meal delivery units may not deliver cold food, raw food, home-made frozen
 * drinks or decorated pastry; a central kitchen's cold food limited to braised meat cut at the store is allowed.
 */
export const centralDeliveryRestrictionsRule: Rule = {
  id: "central_delivery_restrictions",
  article: "art. 33",
  checks: {
    zh: "中央厨房和集体用餐配送单位不得配送冷食类、生食类、自制冷冻饮品、裱花蛋糕（中央厨房的烧卤熟肉除外）",
    en: "Central kitchens and group-meal delivery units deliver no cold, raw, home-made frozen drinks or decorated pastry (a central kitchen's braised meat excepted)",
  },
  check(input) {
    if (!CENTRAL_SUBTYPES.includes(input.subtype)) return [];
    const subtype = subtypeName(input.subtype);
    const refused: Bilingual[] = [];
    const cold = findItem(input, "cold_food");
    if (cold && !(input.subtype === "central_kitchen" && cold.braisedMeat === true)) {
      refused.push(
        input.subtype === "central_kitchen"
          ? {
              zh: "冷食类食品（含烧卤熟肉的除外）",
              en: "cold food (other than braised and roast cooked meat)",
            }
          : { zh: "冷食类食品", en: "cold food" },
      );
    }
    if (hasItem(input, "raw_food")) refused.push({ zh: "生食类食品", en: "raw food" });
    if (hasItem(input, "beverage"))
      refused.push({ zh: "自制冷冻饮品（自制饮品）", en: "home-made frozen drinks" });
    if (findItem(input, "pastry")?.decorated === true)
      refused.push({ zh: "裱花蛋糕", en: "decorated cakes" });
    if (refused.length === 0) return [];
    const names = listNames(refused);
    return [
      violation(
        `${subtype.zh}不得配送${names.zh}。`,
        `A ${subtype.en.toLowerCase()} may not deliver ${names.en}.`,
      ),
    ];
  },
};

/** art. 35: a central kitchen delivers only to its own (incl. franchised) outlets. Checked when stated false. */
export const centralKitchenOwnStoresRule: Rule = {
  id: "central_kitchen_own_stores",
  article: "art. 35",
  checks: {
    zh: "中央厨房仅为本单位所属（含加盟）餐饮门店配送",
    en: "A central kitchen delivers only to its own (including franchised) outlets",
  },
  check(input) {
    if (input.subtype !== "central_kitchen" || input.deliversOnlyToOwnStores !== false) return [];
    return [
      violation(
        "中央厨房仅限于为本餐饮服务单位所属（含加盟）的餐饮门店配送食品成品或半成品。",
        "A central kitchen may deliver finished or semi-finished food only to outlets of its own catering business (including franchisees).",
      ),
    ];
  },
};

export const GUANGDONG_2019_RULES: readonly Rule[] = [
  subtypeInFormRule,
  itemsListedRule,
  itemQualifiersRule,
  foodManagementScopeRule,
  onlineSellerWithoutStoreRule,
  onlineSellerFilingNotice,
  canteenProcessingAreaRule,
  schoolNoColdRawRule,
  homeBrewedLiquorNotice,
  fullTimeSafetyManagerRule,
  centralProcessingAreaRule,
  centralDeliveryRestrictionsRule,
  centralKitchenOwnStoresRule,
];

// ---------------------------------------------------------------------------------------------------------------
// review category (arts. 9, 24)

const CATEGORY_BY_SUBTYPE: Record<BusinessSubtype, ReviewCategory> = {
  supermarket: 1,
  convenience_store: 1,
  grocery: 1,
  food_trader: 1,
  vending: 1,
  online_seller: 1,
  sales_chain_hq: 5,
  restaurant_large: 2,
  restaurant_medium: 2,
  restaurant_small: 2,
  central_kitchen: 3,
  group_meal_delivery: 3,
  beverage_shop: 4,
  bakery: 4,
  small_catering: 4,
  catering_chain_hq: 5,
  catering_management: 5,
  school: 2,
  university: 2,
  kindergarten: 2,
  staff_canteen: 2,
  elderly_care: 2,
  construction_site: 2,
};

/**
 * art. 24: the category whose requirements a food seller's in-store preparation is reviewed under. Pastry and
 * home-made beverages only (the trades of 糕点店 and 饮品店) → 4; any hot, cold, raw or other food → 2
 * (restaurant requirements: special rooms, washing sinks). Null when no preparation item is applied for.
 */
export function foodSellerPreparationCategory(items: readonly ItemRequest[]): 2 | 4 | null {
  const preparation = items.filter((item) => isPreparationItem(item.code));
  if (preparation.length === 0) return null;
  return preparation.every((item) => item.code === "pastry" || item.code === "beverage") ? 4 : 2;
}

export function guangdongReviewCategory(input: AssessmentInput): CategoryDecision {
  const category = CATEGORY_BY_SUBTYPE[input.subtype] ?? 1;
  const subtype = subtypeName(input.subtype);
  const basis: RuleFinding[] = [
    {
      rule: "review_category",
      article: "art. 9",
      message: {
        zh: `${subtype.zh}按第${category}类食品经营许可审查。`,
        en: `A ${subtype.en.toLowerCase()} is reviewed under category ${category}.`,
      },
    },
  ];
  const reviewCategories: ReviewCategory[] = [category];
  const extra = formOf(input) === "food_sales" ? foodSellerPreparationCategory(input.items) : null;
  if (extra !== null && extra !== category) {
    reviewCategories.push(extra);
    basis.push({
      rule: "food_seller_preparation",
      article: "art. 24",
      message: {
        zh: `食品销售经营者在经营场所内加工制售食品的，相应按第${extra}类许可核查要求进行核查。`,
        en: `A food seller that prepares food on its premises is also inspected under the category ${extra} requirements.`,
      },
    });
  }
  return { category, reviewCategories, basis };
}

// ---------------------------------------------------------------------------------------------------------------
// on-site inspection (art. 10)

const ONSITE_EXEMPT_SPECIAL_KINDS: readonly SpecialFoodKind[] = ["health_food", "medical_formula"];

/** art. 10: items that alone need no on-site inspection. */
function isOnsiteExemptItem(item: ItemRequest): boolean {
  if (item.code === "prepackaged_sales" || item.code === "food_management") return true;
  if (item.code !== "special_food_sales") return false;
  const kinds = item.kinds ?? [];
  return kinds.length > 0 && kinds.every((kind) => ONSITE_EXEMPT_SPECIAL_KINDS.includes(kind));
}

export function guangdongOnsiteInspection(input: AssessmentInput): RuleDecision {
  const exempt = (zh: string, en: string): RuleDecision => ({
    value: false,
    basis: { rule: "onsite_inspection", article: "art. 10", message: { zh, en } },
  });
  if (input.kind !== "new" && input.premisesChanged !== true) {
    return exempt(
      "变更、延续、补办且不改变经营场所、设备设施和布局，可不进行现场核查。",
      "A change, renewal or reissue that keeps the premises, equipment and layout needs no on-site inspection.",
    );
  }
  if (input.items.length > 0 && input.items.every(isOnsiteExemptItem)) {
    return exempt(
      "仅申请预包装食品销售、特殊食品销售（保健食品、特殊医学用途配方食品）、食品经营管理，可不进行现场核查。",
      "Only prepackaged food sales, special food sales (health food, food for special medical purposes) or food business management: no on-site inspection needed.",
    );
  }
  const preparesOrSellsCookedFood = preparationItems(input).length > 0 || sellsBulkCookedFood(input);
  if ((input.subtype === "online_seller" || input.subtype === "vending") && !preparesOrSellsCookedFood) {
    return exempt(
      "从事网络食品销售、食品自动售货销售，可不进行现场核查。",
      "Online food sales and vending-machine sales need no on-site inspection.",
    );
  }
  return {
    value: true,
    basis: {
      rule: "onsite_inspection",
      article: "art. 10",
      message: {
        zh: "应当对经营场所进行现场核查。",
        en: "The premises must be inspected on site.",
      },
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// required materials (arts. 11, 18–20, 22–23, 25, 30)

const MATERIAL_NAMES: Record<MaterialCode, Bilingual> = {
  application_form: { zh: "食品经营许可申请书", en: "Food business licence application form" },
  subject_qualification: {
    zh: "营业执照或法人登记证等主体资格证明（复印件，并提供原件核对）",
    en: "Business licence or other proof of legal status (copy, with the original for checking)",
  },
  id_documents: {
    zh: "法定代表人（负责人）、食品安全管理员的身份证明（复印件）",
    en: "Identity documents of the legal representative (person in charge) and the food safety manager (copies)",
  },
  layout_and_process: {
    zh: "与食品经营相适应的主要设备设施布局、操作流程等文件",
    en: "Layout of the main equipment and facilities and the operating processes",
  },
  safety_management_rules: {
    zh: "企业食品安全管理制度",
    en: "Food safety management rules of the business",
  },
  additive_disclosure_rule: {
    zh: "食品添加剂使用公示制度",
    en: "Rule for publicly displaying the food additives used",
  },
  producer_agreement_and_license: {
    zh: "与挂钩生产单位的合作协议（合同）及生产单位的《食品生产许可证》或《食品小作坊登记证》等许可证明",
    en: "Cooperation agreement with the linked producer and the producer's food production licence or small-workshop registration",
  },
  vending_device_docs: {
    zh: "自动售货设备的产品合格证明、具体放置地点以及食品经营许可证、经营者联系方式公示方法的说明",
    en: "Conformity certificates and locations of the vending machines, and how the licence and contact details are displayed",
  },
  online_device_list: {
    zh: "具有可现场登录申请人网站、网页或网店等功能的设备设施清单",
    en: "List of equipment able to log in to the applicant's website, web pages or online shop on site",
  },
  storage_site_info: {
    zh: "食品贮存场所地址、面积、设备设施等信息",
    en: "Address, area and equipment of the food storage site",
  },
  canteen_contract: {
    zh: "与承包者签订的承包合同复印件及承包者具有相应食品经营管理能力的证明文件",
    en: "Copy of the contract with the canteen contractor and proof of the contractor's food business management capability",
  },
  liquor_test_report: {
    zh: "具有资质的食品检验机构出具的自酿酒成品检验合格报告",
    en: "Test report on the home-brewed liquor from a qualified food testing institution",
  },
};

const UNIT_CANTEEN_QUALIFICATION: Bilingual = {
  zh: "开办者的法人登记证、社团登记证或营业执照等主体证明文件",
  en: "Legal-person registration, association registration or business licence of the canteen's operator",
};

function material(
  code: MaterialCode,
  article: string,
  name: Bilingual = MATERIAL_NAMES[code],
): RequiredMaterial {
  return { code, name: { ...name }, article };
}

/**
 * Materials by application kind (the text lists them for new applications only):
 * - new: everything that applies;
 * - change and renewal: application form, proof of status, identity documents, the layout when the premises
 *   change, and the condition-specific materials of the requested scope (arts. 18–20, 22–23, 25, 30), since
 *   contracts, devices and producers may have changed; the management rules already on file are not asked again;
 * - reissue: application form, proof of status and identity documents only.
 */
export function guangdongRequiredMaterials(input: AssessmentInput): RequiredMaterial[] {
  const form = formOf(input);
  const materials: RequiredMaterial[] = [
    material("application_form", "art. 11(1)"),
    material(
      "subject_qualification",
      "art. 11(2)",
      form === "unit_canteen" ? UNIT_CANTEEN_QUALIFICATION : MATERIAL_NAMES.subject_qualification,
    ),
    material("id_documents", "art. 11(3)"),
  ];
  if (input.kind === "reissue") return materials;
  if (input.kind === "new" || input.premisesChanged === true) {
    materials.push(material("layout_and_process", "art. 11(4)"));
  }
  if (input.kind === "new") {
    materials.push(material("safety_management_rules", "art. 11(5)"));
    if (form === "catering") materials.push(material("additive_disclosure_rule", "art. 11(5)"));
  }
  const bulk = findItem(input, "bulk_sales");
  if (bulk?.cookedFood === true || bulk?.bulkLiquor === true) {
    materials.push(material("producer_agreement_and_license", "art. 18"));
  }
  if (input.subtype === "vending") materials.push(material("vending_device_docs", "art. 19"));
  if (input.subtype === "online_seller") materials.push(material("online_device_list", "art. 20"));
  if (form === "food_sales" && input.separateStorage === true) {
    materials.push(material("storage_site_info", input.subtype === "food_trader" ? "art. 22" : "art. 23"));
  }
  if (form === "unit_canteen" && input.contractedCanteen === true) {
    materials.push(material("canteen_contract", "art. 25"));
  }
  if (input.items.some((item) => item.code === "beverage" && item.homeBrewedLiquor === true)) {
    materials.push(material("liquor_test_report", "art. 30"));
  }
  return materials;
}

// ---------------------------------------------------------------------------------------------------------------
// 申请人承诺制 (art. 13)

const COMMITMENT_SUBTYPES: readonly BusinessSubtype[] = ["beverage_shop", "bakery", "small_catering"];

/**
 * art. 13: the applicant commitment scheme is pursued first for food sellers, beverage shops, bakeries and small
 * catering. The province's detailed measures (具体实施办法) are not in the source; we offer it only when the
 * application is allowed, and not to a food seller whose in-store preparation is reviewed as category 2 (art. 24).
 */
export function guangdongCommitment(
  input: AssessmentInput,
  context: { allowed: boolean; category: CategoryDecision },
): RuleDecision {
  const decide = (value: boolean, zh: string, en: string): RuleDecision => ({
    value,
    basis: { rule: "commitment", article: "art. 13", message: { zh, en } },
  });
  const lowRisk = formOf(input) === "food_sales" || COMMITMENT_SUBTYPES.includes(input.subtype);
  if (!lowRisk) {
    return decide(
      false,
      "申请人承诺制优先适用于食品销售经营者、饮品店、糕点店、小餐饮。",
      "The applicant commitment scheme is for food sellers, beverage shops, bakeries and small catering.",
    );
  }
  if (formOf(input) === "food_sales" && context.category.reviewCategories.includes(2)) {
    return decide(
      false,
      "食品销售经营者申请的制售项目按第二类要求核查，不适用申请人承诺制。",
      "The food seller's preparation items are reviewed as category 2, so the commitment scheme does not apply.",
    );
  }
  if (!context.allowed) {
    return decide(
      false,
      "申请不符合许可条件，不能以承诺方式办理。",
      "The application does not meet the licensing conditions, so it cannot be granted on commitment.",
    );
  }
  return decide(
    true,
    "可适用申请人承诺制：书面承诺符合许可条件的，可当场或当天发证，现场核查由后续监管完成。",
    "The commitment scheme applies: on a written commitment the licence may be issued the same day; on-site checks follow as supervision.",
  );
}

export const guangdong2019: Ruleset = {
  id: "guangdong-2019",
  title: {
    zh: "广东省市场监督管理局关于食品经营许可的实施细则（试行）",
    en: "Guangdong Administration for Market Regulation: implementing rules for food business licensing (trial)",
  },
  source: "粤市监规字〔2019〕2号",
  rules: GUANGDONG_2019_RULES,
  reviewCategory: guangdongReviewCategory,
  onsiteInspection: guangdongOnsiteInspection,
  requiredMaterials: guangdongRequiredMaterials,
  commitment: guangdongCommitment,
};
