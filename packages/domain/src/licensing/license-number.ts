// Licence numbers (DESIGN.md §6).
// 食品经营许可证 JY + 14 digits: 1 business-form digit (1 food sales, 2 catering, 3 unit canteen), 6-digit
// GB/T 2260 region code, 6-digit sequence, 1 check digit — 16 characters.
// 食品生产许可证 SC + 14 digits: 3-digit food category, 6-digit region code, 4-digit sequence, 1 check digit.
//
// The national rules say "1位校验码" without publishing the algorithm. We use ISO/IEC 7064 MOD 11,10, a hybrid
// system that detects every single-digit error and about 98 % of adjacent transpositions, over the 13 digits
// after the prefix:
//   p = 10; for each digit d: s = (p + d) mod 10, s = 10 if s = 0; p = (2 × s) mod 11
//   check digit = (11 − p) mod 10, so that the same loop over all 14 digits ends with s = 1.
// Worked example: food sales "1", region 440106 (广州市天河区), sequence 000001:
//   body 1440106000001; p runs 10 → 2 → 1 → 10 → 9 → 9 → 7 → 6 → 1 → 2 → 4 → 8 → 5 → 1;
//   check = (11 − 1) mod 10 = 0 → JY14401060000010.
// Numbers issued elsewhere with another algorithm can be read with { verifyCheckDigit: false }.

import { isRegionCode } from "../regions.js";
import type { BusinessForm } from "../taxonomy/business-forms.js";
import type { Bilingual } from "./taxonomy.js";

/** The business-form digit of a JY number. */
export const JY_BUSINESS_FORM_DIGITS: Record<BusinessForm, string> = {
  food_sales: "1",
  catering: "2",
  unit_canteen: "3",
};

/**
 * 食品生产许可分类目录 categories with their SC codes: first digit 1 food, 2 food additive; the next two the
 * category's number in the order of the catalogue (食品生产许可管理办法 art. 11; 食品生产许可证编号规则).
 * The 2020 catalogue has 32 categories: the 31 food categories below and 食品添加剂, which the SC number splits
 * into 201 food additives, 202 food flavourings and 203 compound food additives.
 */
export const SC_FOOD_CATEGORIES = [
  { code: "101", name: { zh: "粮食加工品", en: "Grain products" } },
  { code: "102", name: { zh: "食用油、油脂及其制品", en: "Edible oils, fats and their products" } },
  { code: "103", name: { zh: "调味品", en: "Condiments" } },
  { code: "104", name: { zh: "肉制品", en: "Meat products" } },
  { code: "105", name: { zh: "乳制品", en: "Dairy products" } },
  { code: "106", name: { zh: "饮料", en: "Beverages" } },
  { code: "107", name: { zh: "方便食品", en: "Convenience food" } },
  { code: "108", name: { zh: "饼干", en: "Biscuits" } },
  { code: "109", name: { zh: "罐头", en: "Canned food" } },
  { code: "110", name: { zh: "冷冻饮品", en: "Frozen drinks and ices" } },
  { code: "111", name: { zh: "速冻食品", en: "Quick-frozen food" } },
  { code: "112", name: { zh: "薯类和膨化食品", en: "Potato and puffed food" } },
  { code: "113", name: { zh: "糖果制品", en: "Confectionery" } },
  { code: "114", name: { zh: "茶叶及相关制品", en: "Tea and related products" } },
  { code: "115", name: { zh: "酒类", en: "Alcoholic drinks" } },
  { code: "116", name: { zh: "蔬菜制品", en: "Vegetable products" } },
  { code: "117", name: { zh: "水果制品", en: "Fruit products" } },
  { code: "118", name: { zh: "炒货食品及坚果制品", en: "Roasted seeds and nut products" } },
  { code: "119", name: { zh: "蛋制品", en: "Egg products" } },
  { code: "120", name: { zh: "可可及焙烤咖啡产品", en: "Cocoa and roasted coffee products" } },
  { code: "121", name: { zh: "食糖", en: "Sugar" } },
  { code: "122", name: { zh: "水产制品", en: "Aquatic products" } },
  { code: "123", name: { zh: "淀粉及淀粉制品", en: "Starch and starch products" } },
  { code: "124", name: { zh: "糕点", en: "Pastry" } },
  { code: "125", name: { zh: "豆制品", en: "Soybean products" } },
  { code: "126", name: { zh: "蜂产品", en: "Bee products" } },
  { code: "127", name: { zh: "保健食品", en: "Health food" } },
  { code: "128", name: { zh: "特殊医学用途配方食品", en: "Food for special medical purposes" } },
  { code: "129", name: { zh: "婴幼儿配方食品", en: "Infant formula food" } },
  { code: "130", name: { zh: "特殊膳食食品", en: "Food for special dietary uses" } },
  { code: "131", name: { zh: "其他食品", en: "Other food" } },
  { code: "201", name: { zh: "食品添加剂", en: "Food additives" } },
  { code: "202", name: { zh: "食品用香精", en: "Food flavourings" } },
  { code: "203", name: { zh: "复配食品添加剂", en: "Compound food additives" } },
] as const satisfies readonly { code: string; name: Bilingual }[];

export type ScFoodCategoryCode = (typeof SC_FOOD_CATEGORIES)[number]["code"];

export function isScFoodCategory(code: string): code is ScFoodCategoryCode {
  return SC_FOOD_CATEGORIES.some((category) => category.code === code);
}

export type LicenseNumberParts =
  | { type: "JY"; businessForm: BusinessForm; regionCode: string; sequence: number; checkDigit: string }
  | {
      type: "SC";
      foodCategory: ScFoodCategoryCode;
      regionCode: string;
      sequence: number;
      checkDigit: string;
    };

const DIGITS = /^[0-9]+$/;

function mod1110Remainder(digits: string): number {
  let p = 10;
  for (const character of digits) {
    let s = (p + Number(character)) % 10;
    if (s === 0) s = 10;
    p = (2 * s) % 11;
  }
  return p;
}

/** ISO/IEC 7064 MOD 11,10 check digit of a string of digits. */
export function mod1110CheckDigit(digits: string): string {
  if (!DIGITS.test(digits)) throw new RangeError("a MOD 11,10 check digit needs one or more digits");
  return String((11 - mod1110Remainder(digits)) % 10);
}

/** True when the last digit is the MOD 11,10 check digit of the others. */
export function isValidMod1110(digitsWithCheck: string): boolean {
  if (!DIGITS.test(digitsWithCheck) || digitsWithCheck.length < 2) return false;
  return mod1110CheckDigit(digitsWithCheck.slice(0, -1)) === digitsWithCheck.slice(-1);
}

function assertRegion(regionCode: string): void {
  if (!isRegionCode(regionCode)) throw new RangeError(`"${regionCode}" is not a GB/T 2260 region code`);
}

function assertSequence(sequence: number, width: number): void {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence >= 10 ** width) {
    throw new RangeError(`a sequence must be an integer from 1 to ${10 ** width - 1}`);
  }
}

export interface FormatJyNumberOptions {
  businessForm: BusinessForm;
  regionCode: string;
  sequence: number;
}

/** 食品经营许可证编号, e.g. { food_sales, 440106, 1 } → "JY14401060000010". */
export function formatJyNumber({ businessForm, regionCode, sequence }: FormatJyNumberOptions): string {
  const formDigit = JY_BUSINESS_FORM_DIGITS[businessForm];
  if (formDigit === undefined) throw new RangeError(`"${businessForm}" is not a business form`);
  assertRegion(regionCode);
  assertSequence(sequence, 6);
  const body = formDigit + regionCode + String(sequence).padStart(6, "0");
  return `JY${body}${mod1110CheckDigit(body)}`;
}

export interface FormatScNumberOptions {
  /** One of SC_FOOD_CATEGORIES' codes (checked at run time). */
  foodCategory: ScFoodCategoryCode | (string & {});
  regionCode: string;
  sequence: number;
}

/** 食品生产许可证编号, e.g. { 124, 440106, 1 } → "SC12444010600010". */
export function formatScNumber({ foodCategory, regionCode, sequence }: FormatScNumberOptions): string {
  if (!isScFoodCategory(foodCategory)) throw new RangeError(`"${foodCategory}" is not an SC food category`);
  assertRegion(regionCode);
  assertSequence(sequence, 4);
  const body = foodCategory + regionCode + String(sequence).padStart(4, "0");
  return `SC${body}${mod1110CheckDigit(body)}`;
}

const LICENSE_NUMBER_PATTERN = /^(JY|SC)([0-9]{14})$/;

export interface ParseLicenseNumberOptions {
  /** Check the MOD 11,10 digit (default true); false for numbers issued by systems with another algorithm. */
  verifyCheckDigit?: boolean;
}

/**
 * Splits a JY or SC number into its parts; null when it is not one (wrong prefix, length, form digit, region,
 * food category, zero sequence or check digit). Exact match: no trimming, upper-case prefix only.
 */
export function parseLicenseNumber(
  s: string,
  { verifyCheckDigit = true }: ParseLicenseNumberOptions = {},
): LicenseNumberParts | null {
  const match = LICENSE_NUMBER_PATTERN.exec(s);
  if (!match) return null;
  const [, type, digits = ""] = match;
  if (verifyCheckDigit && !isValidMod1110(digits)) return null;
  const checkDigit = digits.slice(13);
  if (type === "JY") {
    const formDigit = digits.slice(0, 1);
    const businessForm = (Object.keys(JY_BUSINESS_FORM_DIGITS) as BusinessForm[]).find(
      (form) => JY_BUSINESS_FORM_DIGITS[form] === formDigit,
    );
    const regionCode = digits.slice(1, 7);
    const sequence = Number(digits.slice(7, 13));
    if (!businessForm || !isRegionCode(regionCode) || sequence === 0) return null;
    return { type: "JY", businessForm, regionCode, sequence, checkDigit };
  }
  const foodCategory = digits.slice(0, 3);
  const regionCode = digits.slice(3, 9);
  const sequence = Number(digits.slice(9, 13));
  if (!isScFoodCategory(foodCategory) || !isRegionCode(regionCode) || sequence === 0) return null;
  return { type: "SC", foodCategory, regionCode, sequence, checkDigit };
}
