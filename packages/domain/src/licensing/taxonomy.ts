// 食品经营项目 (licensed items) and the wording of 主体业态 / 经营项目 on a food business licence,
// after 粤市监规字〔2019〕2号 arts. 5–8. Business forms and subtypes come from ../taxonomy/business-forms.ts.

import { BUSINESS_SUBTYPES, type BusinessForm, type BusinessSubtype } from "../taxonomy/business-forms.js";

/** A text in both languages of the platform. */
export interface Bilingual {
  zh: string;
  en: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Business forms and subtypes: display names (the lists themselves live in taxonomy/business-forms.ts)

export const BUSINESS_FORMS: readonly BusinessForm[] = Object.keys(BUSINESS_SUBTYPES) as BusinessForm[];

export const ALL_BUSINESS_SUBTYPES: readonly BusinessSubtype[] = Object.values(BUSINESS_SUBTYPES).flat();

export const BUSINESS_FORM_NAMES: Record<BusinessForm, Bilingual> = {
  food_sales: { zh: "食品销售经营者", en: "Food seller" },
  catering: { zh: "餐饮服务经营者", en: "Catering service operator" },
  unit_canteen: { zh: "单位食堂", en: "Unit canteen" },
};

export const BUSINESS_SUBTYPE_NAMES: Record<BusinessSubtype, Bilingual> = {
  supermarket: { zh: "商场超市", en: "Supermarket" },
  convenience_store: { zh: "便利店", en: "Convenience store" },
  grocery: { zh: "食杂店", en: "Grocery" },
  food_trader: { zh: "食品贸易商", en: "Food trader" },
  vending: { zh: "食品自动售货销售商", en: "Vending-machine food seller" },
  online_seller: { zh: "网络食品销售商", en: "Online food seller" },
  sales_chain_hq: { zh: "食品销售连锁企业总部", en: "Food sales chain headquarters" },
  restaurant_large: { zh: "大型餐馆", en: "Large restaurant" },
  restaurant_medium: { zh: "中型餐馆", en: "Medium restaurant" },
  restaurant_small: { zh: "小型餐馆", en: "Small restaurant" },
  central_kitchen: { zh: "中央厨房", en: "Central kitchen" },
  group_meal_delivery: { zh: "集体用餐配送单位", en: "Group-meal delivery unit" },
  beverage_shop: { zh: "饮品店", en: "Beverage shop" },
  bakery: { zh: "糕点店", en: "Bakery" },
  small_catering: { zh: "小餐饮", en: "Small catering outlet" },
  catering_chain_hq: { zh: "餐饮服务连锁企业总部", en: "Catering chain headquarters" },
  catering_management: { zh: "餐饮管理企业", en: "Catering management company" },
  school: { zh: "学校食堂", en: "School canteen" },
  university: { zh: "高等学校食堂", en: "University canteen" },
  kindergarten: { zh: "托幼机构食堂", en: "Kindergarten canteen" },
  staff_canteen: { zh: "职工食堂", en: "Staff canteen" },
  elderly_care: { zh: "养老机构食堂", en: "Elderly-care canteen" },
  construction_site: { zh: "工地食堂", en: "Construction-site canteen" },
};

/** The form a subtype belongs to (subtypes are unique across forms), or undefined for an unknown subtype. */
export function businessFormOf(subtype: string): BusinessForm | undefined {
  return BUSINESS_FORMS.find((form) => (BUSINESS_SUBTYPES[form] as readonly string[]).includes(subtype));
}

/**
 * Food-sales subtypes whose subtype art. 6 requires in brackets after the form; every catering subtype is
 * bracketed too. Unit canteens are bracketed by our choice (art. 6 is silent) so that a school canteen is
 * recognisable on the licence (art. 28).
 */
const BRACKETED_FOOD_SALES_SUBTYPES: readonly BusinessSubtype[] = [
  "food_trader",
  "vending",
  "online_seller",
  "sales_chain_hq",
];

/** 主体业态 as printed on the licence (arts. 5–6), e.g. "餐饮服务经营者（中央厨房）". */
export function businessFormWording(form: BusinessForm, subtype: BusinessSubtype): Bilingual {
  const formName = BUSINESS_FORM_NAMES[form];
  const subtypeName = BUSINESS_SUBTYPE_NAMES[subtype];
  const bracketed = form !== "food_sales" || BRACKETED_FOOD_SALES_SUBTYPES.includes(subtype);
  if (!bracketed) return { ...formName };
  return { zh: `${formName.zh}（${subtypeName.zh}）`, en: `${formName.en} (${subtypeName.en})` };
}

// ---------------------------------------------------------------------------------------------------------------
// 经营项目 (art. 7)

/** Sales items (销售类). */
export const SALES_ITEM_CODES = [
  "prepackaged_sales", // 预包装食品销售
  "bulk_sales", // 散装食品销售
  "special_food_sales", // 特殊食品销售
  "other_food_sales", // 其他类食品销售
] as const;

/** Preparation items (制售类): the food is made on the premises. */
export const PREPARATION_ITEM_CODES = [
  "hot_food", // 热食类食品制售
  "cold_food", // 冷食类食品制售
  "raw_food", // 生食类食品制售
  "pastry", // 糕点类食品制售
  "beverage", // 自制饮品制售
  "other_food_making", // 其他类食品制售
] as const;

/** 食品经营管理: the management item of chain headquarters and catering management companies. */
export const MANAGEMENT_ITEM_CODES = ["food_management"] as const;

export const ITEM_CODES = [...SALES_ITEM_CODES, ...PREPARATION_ITEM_CODES, ...MANAGEMENT_ITEM_CODES] as const;

export type SalesItemCode = (typeof SALES_ITEM_CODES)[number];
export type PreparationItemCode = (typeof PREPARATION_ITEM_CODES)[number];
export type ItemCode = (typeof ITEM_CODES)[number];
export type ItemGroup = "sales" | "preparation" | "management";

/** 特殊食品 kinds (art. 7). */
export const SPECIAL_FOOD_KINDS = [
  "health_food", // 保健食品
  "medical_formula", // 特殊医学用途配方食品
  "infant_formula", // 婴幼儿配方乳粉
  "other_infant_formula", // 其他婴幼儿配方食品
] as const;

export type SpecialFoodKind = (typeof SPECIAL_FOOD_KINDS)[number];

export const SPECIAL_FOOD_KIND_NAMES: Record<SpecialFoodKind, Bilingual> = {
  health_food: { zh: "保健食品", en: "health food" },
  medical_formula: { zh: "特殊医学用途配方食品", en: "food for special medical purposes" },
  infant_formula: { zh: "婴幼儿配方乳粉", en: "infant formula milk powder" },
  other_infant_formula: { zh: "其他婴幼儿配方食品", en: "other infant formula food" },
};

/** Yes/no qualifiers of an item. */
export const BOOLEAN_QUALIFIERS = [
  "coldChain", // 含冷藏冷冻食品
  "cookedFood", // 含散装熟食
  "bulkLiquor", // 散装酒 (art. 18; not printed on the licence)
  "braisedMeat", // 含烧卤熟肉
  "decorated", // 含裱花类糕点
  "homeBrewedLiquor", // 含自酿酒
] as const;

export type BooleanQualifier = (typeof BOOLEAN_QUALIFIERS)[number];
export type QualifierName = BooleanQualifier | "kinds" | "variety";

/** An item as applied for, with its qualifiers. */
export interface ItemRequest {
  code: ItemCode;
  /** 含冷藏冷冻食品 (prepackaged_sales, bulk_sales). */
  coldChain?: boolean;
  /** 含散装熟食 (bulk_sales). */
  cookedFood?: boolean;
  /** 散装酒 (bulk_sales): triggers the art. 18 materials; art. 7 has no licence wording for it. */
  bulkLiquor?: boolean;
  /** 含烧卤熟肉 (cold_food). */
  braisedMeat?: boolean;
  /** 含裱花类糕点 (pastry). */
  decorated?: boolean;
  /** 含自酿酒 (beverage). */
  homeBrewedLiquor?: boolean;
  /** Kinds of special food (special_food_sales, required). */
  kinds?: SpecialFoodKind[];
  /** 具体到品种 (other_food_making, required). */
  variety?: string;
}

/** Which qualifiers each item takes (art. 7). */
export const ITEM_QUALIFIERS: Record<ItemCode, readonly QualifierName[]> = {
  prepackaged_sales: ["coldChain"],
  bulk_sales: ["coldChain", "cookedFood", "bulkLiquor"],
  special_food_sales: ["kinds"],
  other_food_sales: [],
  hot_food: [],
  cold_food: ["braisedMeat"],
  raw_food: [],
  pastry: ["decorated"],
  beverage: ["homeBrewedLiquor"],
  other_food_making: ["variety"],
  food_management: [],
};

/** Qualifiers an item cannot be licensed without (art. 7: special food by kind, other food "具体到品种"). */
export const REQUIRED_QUALIFIERS: Partial<Record<ItemCode, QualifierName>> = {
  special_food_sales: "kinds",
  other_food_making: "variety",
};

export const ITEM_NAMES: Record<ItemCode, Bilingual> = {
  prepackaged_sales: { zh: "预包装食品销售", en: "Prepackaged food sales" },
  bulk_sales: { zh: "散装食品销售", en: "Bulk food sales" },
  special_food_sales: { zh: "特殊食品销售", en: "Special food sales" },
  other_food_sales: { zh: "其他类食品销售", en: "Other food sales" },
  hot_food: { zh: "热食类食品制售", en: "Hot food preparation and sales" },
  cold_food: { zh: "冷食类食品制售", en: "Cold food preparation and sales" },
  raw_food: { zh: "生食类食品制售", en: "Raw food preparation and sales" },
  pastry: { zh: "糕点类食品制售", en: "Pastry preparation and sales" },
  beverage: { zh: "自制饮品制售", en: "Home-made beverage preparation and sales" },
  other_food_making: { zh: "其他类食品制售", en: "Other food preparation and sales" },
  food_management: { zh: "食品经营管理", en: "Food business management" },
};

const QUALIFIER_WORDING: Record<Exclude<BooleanQualifier, "bulkLiquor">, Bilingual> = {
  coldChain: { zh: "冷藏冷冻食品", en: "refrigerated and frozen food" },
  cookedFood: { zh: "散装熟食", en: "bulk cooked food" },
  braisedMeat: { zh: "烧卤熟肉", en: "braised and roast cooked meat" },
  decorated: { zh: "裱花类糕点", en: "decorated pastry" },
  homeBrewedLiquor: { zh: "自酿酒", en: "home-brewed liquor" },
};

export function isItemCode(code: string): code is ItemCode {
  return (ITEM_CODES as readonly string[]).includes(code);
}

export function itemGroup(code: ItemCode): ItemGroup {
  if ((SALES_ITEM_CODES as readonly string[]).includes(code)) return "sales";
  if ((PREPARATION_ITEM_CODES as readonly string[]).includes(code)) return "preparation";
  return "management";
}

export function isPreparationItem(code: ItemCode): code is PreparationItemCode {
  return itemGroup(code) === "preparation";
}

export function isSalesItem(code: ItemCode): code is SalesItemCode {
  return itemGroup(code) === "sales";
}

/**
 * 经营项目 as printed on the licence (art. 7). Every yes/no qualifier the item takes is spelled out as
 * 含…/不含… because art. 7 lists both variants; special food lists its kinds, other food its variety.
 * e.g. bulk_sales with coldChain and cookedFood → "散装食品销售（含冷藏冷冻食品，含散装熟食）".
 */
export function itemWording(item: ItemRequest): Bilingual {
  const name = ITEM_NAMES[item.code];
  const parts: Bilingual[] = [];
  for (const qualifier of ITEM_QUALIFIERS[item.code]) {
    if (qualifier === "kinds") {
      const kinds = SPECIAL_FOOD_KINDS.filter((kind) => item.kinds?.includes(kind));
      for (const kind of kinds) parts.push(SPECIAL_FOOD_KIND_NAMES[kind]);
    } else if (qualifier === "variety") {
      const variety = item.variety?.trim();
      if (variety) parts.push({ zh: variety, en: variety });
    } else if (qualifier !== "bulkLiquor") {
      const wording = QUALIFIER_WORDING[qualifier];
      parts.push(
        item[qualifier] === true
          ? { zh: `含${wording.zh}`, en: `including ${wording.en}` }
          : { zh: `不含${wording.zh}`, en: `excluding ${wording.en}` },
      );
    }
  }
  if (parts.length === 0) return { ...name };
  return {
    zh: `${name.zh}（${parts.map((p) => p.zh).join("，")}）`,
    en: `${name.en} (${parts.map((p) => p.en).join(", ")})`,
  };
}

export type QualifierProblem =
  | { qualifier: string; problem: "not_applicable"; allowed: readonly QualifierName[] }
  | { qualifier: QualifierName; problem: "required" }
  | { qualifier: QualifierName; problem: "invalid_value"; allowed: readonly string[] };

/**
 * Qualifier problems of one item (art. 7): a qualifier that the item does not take, a missing required
 * qualifier (special-food kinds, other-food variety), or a malformed value.
 */
export function qualifierProblems(item: ItemRequest): QualifierProblem[] {
  const allowed = ITEM_QUALIFIERS[item.code];
  const problems: QualifierProblem[] = [];
  const record = item as unknown as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (key === "code" || record[key] === undefined) continue;
    if (!(allowed as readonly string[]).includes(key)) {
      problems.push({ qualifier: key, problem: "not_applicable", allowed });
      continue;
    }
    const value = record[key];
    if (key === "kinds") {
      const valid =
        Array.isArray(value) &&
        value.every((kind) => (SPECIAL_FOOD_KINDS as readonly unknown[]).includes(kind)) &&
        new Set(value).size === value.length;
      if (!valid)
        problems.push({ qualifier: "kinds", problem: "invalid_value", allowed: SPECIAL_FOOD_KINDS });
    } else if (key === "variety") {
      if (typeof value !== "string")
        problems.push({ qualifier: "variety", problem: "invalid_value", allowed: [] });
    } else if (typeof value !== "boolean") {
      problems.push({
        qualifier: key as QualifierName,
        problem: "invalid_value",
        allowed: ["true", "false"],
      });
    }
  }
  const required = REQUIRED_QUALIFIERS[item.code];
  if (
    required === "kinds" &&
    (item.kinds === undefined || (Array.isArray(item.kinds) && item.kinds.length === 0))
  ) {
    problems.push({ qualifier: "kinds", problem: "required" });
  }
  if (required === "variety" && (item.variety === undefined || String(item.variety).trim() === "")) {
    problems.push({ qualifier: "variety", problem: "required" });
  }
  return problems;
}
