import {
  BUSINESS_FORMS,
  BUSINESS_SUBTYPES,
  ITEM_QUALIFIERS,
  SC_FOOD_CATEGORIES,
  isItemCode,
  isScFoodCategory,
  isSubtypeOfForm,
  isWithinRegion,
  parseLicenseNumber,
  validateAssessmentInput,
  validateUscc,
  type BusinessForm,
  type ItemRequest,
  type UsccInvalidReason,
} from "@shian/domain";
import type { ImportColumn, RawRow } from "./columns.js";

/** One problem of one row, in both languages (`message` is Chinese, as the register is kept in Chinese). */
export interface RowError {
  field: ImportColumn;
  message: string;
  messageEn: string;
}

export const LICENSE_STATUSES = ["valid", "suspended", "revoked", "cancelled", "expired"] as const;
export type LicenseStatus = (typeof LICENSE_STATUSES)[number];

/** A row that passed every check: what the import writes. */
export interface ImportRow {
  rowNumber: number;
  licenseNumber: string;
  licenseType: "JY" | "SC";
  /** False for a legacy number whose check digit is not our MOD 11,10 (accepted, see docs/import.md). */
  checkDigitValid: boolean;
  /** The number's sequence prefix and sequence, as license_sequences counts them. */
  sequencePrefix: string;
  sequence: number;
  holderName: string;
  uscc: string;
  legalRepresentative: string;
  storeName: string;
  storeAddress: string;
  regionCode: string;
  businessForm: BusinessForm;
  subtype: string;
  /** The licence's request part of its content: form, subtype and items (JY) or categories and sites (SC). */
  request: Record<string, unknown>;
  validFrom: string;
  validTo: string;
  issuedOn: string;
  status: LicenseStatus;
}

export interface RowContext {
  /** County-level region codes (GB/T 2260) known to the database. */
  countyCodes: ReadonlySet<string>;
  /** The importer's jurisdiction; null = national. */
  jurisdiction: string | null;
  /** Today in China (YYYY-MM-DD): licences that ended before it are imported as expired. */
  today: string;
}

export type RowValidation = { ok: true; row: ImportRow } | { ok: false; errors: RowError[] };

const MAX_LENGTH: Partial<Record<ImportColumn, number>> = {
  holder_name: 200,
  legal_representative: 100,
  store_name: 200,
  store_address: 500,
};

const USCC_REASONS: Record<UsccInvalidReason, { zh: string; en: string }> = {
  length: { zh: "应为18位", en: "must have 18 characters" },
  charset: {
    zh: "含有不允许的字符（只能用数字和除 I、O、Z、S、V 以外的大写字母）",
    en: "has characters a USCC cannot hold (digits and capitals except I, O, Z, S, V)",
  },
  organization_code: {
    zh: "组织机构代码部分（第9–17位）校验码错误",
    en: "the organization code part (characters 9–17) has a wrong check character",
  },
  check_character: { zh: "第18位校验码错误", en: "the 18th (check) character is wrong" },
};

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const match = DATE_PATTERN.exec(s);
  if (!match) return false;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.toISOString().slice(0, 10) === s;
}

function fail(field: ImportColumn, zh: string, en: string): RowError {
  return { field, message: `${field}：${zh}`, messageEn: `${field}: ${en}` };
}

/**
 * Items written `code;code(qualifier,…)`, e.g. `hot_food;cold_food(braisedMeat)`,
 * `special_food_sales(health_food,infant_formula)`, `other_food_making(豆浆)`; full-width brackets and
 * separators are accepted. A yes/no qualifier is true when listed.
 */
export function parseItems(text: string): ItemRequest[] {
  const tokens = text
    .replace(/；/g, ";")
    .split(";")
    .map((token) => token.trim())
    .filter((token) => token !== "");
  return tokens.map((token) => {
    const match = /^([^(（]+)(?:[(（](.*)[)）])?$/.exec(token);
    const code = (match?.[1] ?? token).trim();
    const qualifiers = (match?.[2] ?? "")
      .split(/[,，、]/)
      .map((q) => q.trim())
      .filter((q) => q !== "");
    const item: Record<string, unknown> = { code };
    if (!isItemCode(code) || qualifiers.length === 0) return item as unknown as ItemRequest;
    const takes = ITEM_QUALIFIERS[code];
    if (takes.includes("kinds")) item.kinds = qualifiers;
    else if (takes.includes("variety")) item.variety = qualifiers.join("、");
    else for (const qualifier of qualifiers) item[qualifier] = true;
    return item as unknown as ItemRequest;
  });
}

function checkLicenseNumber(text: string, errors: RowError[]) {
  const number = text.toUpperCase();
  if (number === "") {
    errors.push(fail("license_no", "必须填写", "is required"));
    return null;
  }
  if (!/^(JY|SC)[0-9]{14}$/.test(number)) {
    errors.push(
      fail(
        "license_no",
        `“${text}”不是许可证编号：应为 JY 或 SC 加 14 位数字`,
        `"${text}" is not a licence number: JY or SC followed by 14 digits`,
      ),
    );
    return null;
  }
  const checked = parseLicenseNumber(number);
  const parts = checked ?? parseLicenseNumber(number, { verifyCheckDigit: false });
  if (!parts) {
    const zh = number.startsWith("JY")
      ? "第3位主体业态码应为1–3，第4–9位应为有效的行政区划代码，顺序号不能为0"
      : "第3–5位应为食品类别代码，第6–11位应为有效的行政区划代码，顺序号不能为0";
    const en = number.startsWith("JY")
      ? "the 3rd character (business form) must be 1–3, characters 4–9 a valid region code, the sequence not 0"
      : "characters 3–5 must be a food category, 6–11 a valid region code, the sequence not 0";
    errors.push(fail("license_no", `“${text}”结构不符：${zh}`, `"${text}" is malformed: ${en}`));
    return null;
  }
  return { number, parts, checkDigitValid: checked !== null };
}

function checkRequiredText(row: RawRow, field: ImportColumn, errors: RowError[]): string {
  const value = row.values[field];
  if (value === "") errors.push(fail(field, "必须填写", "is required"));
  const max = MAX_LENGTH[field];
  if (max !== undefined && value.length > max)
    errors.push(fail(field, `不能超过${max}个字符`, `must be at most ${max} characters`));
  return value;
}

function checkDate(row: RawRow, field: ImportColumn, errors: RowError[], optional = false): string | null {
  const value = row.values[field];
  if (value === "") {
    if (!optional) errors.push(fail(field, "必须填写（YYYY-MM-DD）", "is required (YYYY-MM-DD)"));
    return null;
  }
  if (!isIsoDate(value)) {
    errors.push(
      fail(field, `“${value}”不是有效日期，格式为 YYYY-MM-DD`, `"${value}" is not a date written YYYY-MM-DD`),
    );
    return null;
  }
  return value;
}

function checkRegion(row: RawRow, context: RowContext, errors: RowError[]): string {
  const code = row.values.region_code;
  if (!/^[0-9]{6}$/.test(code)) {
    errors.push(
      fail("region_code", `“${code}”应为6位县级行政区划代码`, `"${code}" must be a 6-digit county code`),
    );
  } else if (!context.countyCodes.has(code)) {
    errors.push(
      fail(
        "region_code",
        `“${code}”不是已知的县级行政区划代码`,
        `"${code}" is not a known county-level region code`,
      ),
    );
  } else if (!isWithinRegion(code, context.jurisdiction)) {
    errors.push(
      fail(
        "region_code",
        `“${code}”不在导入人的辖区（${context.jurisdiction}）内`,
        `"${code}" is outside the importer's jurisdiction (${context.jurisdiction})`,
      ),
    );
  }
  return code;
}

/** The form, subtype and items against the taxonomy (no licensing rule: the licence was issued already). */
function checkTaxonomy(row: RawRow, type: "JY" | "SC" | null, errors: RowError[]) {
  const { business_form: form, subtype, items: itemsText } = row.values;
  let formOk = false;
  if (!(BUSINESS_FORMS as readonly string[]).includes(form)) {
    errors.push(
      fail(
        "business_form",
        `“${form}”不是可选值，可选：${BUSINESS_FORMS.join("、")}`,
        `"${form}" is not allowed; allowed: ${BUSINESS_FORMS.join(", ")}`,
      ),
    );
  } else if (!isSubtypeOfForm(form as BusinessForm, subtype)) {
    const allowed = BUSINESS_SUBTYPES[form as BusinessForm];
    errors.push(
      fail(
        "subtype",
        `“${subtype}”不属于主体业态 ${form}，可选：${allowed.join("、")}`,
        `"${subtype}" is not a subtype of ${form}; allowed: ${allowed.join(", ")}`,
      ),
    );
  } else formOk = true;
  const items = parseItems(itemsText);
  if (type === "SC") {
    // The store still needs a form and subtype; items are JY wording and do not apply.
    if (items.length > 0)
      errors.push(
        fail(
          "items",
          "经营项目仅适用于 JY 食品经营许可证，SC 生产许可证请用 food_categories",
          "items apply to JY licences only; give an SC licence's categories in food_categories",
        ),
      );
    return null;
  }
  // Items through the domain's validation of outside data (art. 7 qualifiers, known codes, no duplicates).
  const check = validateAssessmentInput({
    kind: "new",
    businessForm: formOk ? form : "food_sales",
    subtype: formOk ? subtype : "grocery",
    items,
  });
  if (!check.ok) {
    for (const error of check.errors)
      errors.push({ field: "items", message: error.message.zh, messageEn: error.message.en });
    return null;
  }
  if (!formOk) return null;
  return { businessForm: check.input.businessForm, subtype: check.input.subtype, items: check.input.items };
}

function checkFoodCategories(row: RawRow, numberCategory: string | null, errors: RowError[]) {
  const text = row.values.food_categories;
  const codes = text
    .split(/[;；]/)
    .map((code) => code.trim())
    .filter((code) => code !== "");
  if (numberCategory === null) {
    if (codes.length > 0)
      errors.push(fail("food_categories", "仅适用于 SC 生产许可证", "applies to SC licences only"));
    return [];
  }
  if (codes.length === 0) return [numberCategory];
  const unknown = codes.filter((code) => !isScFoodCategory(code));
  if (unknown.length > 0) {
    const allowed = SC_FOOD_CATEGORIES.map((category) => category.code).join(", ");
    errors.push(
      fail(
        "food_categories",
        `未知的食品类别：${unknown.join("、")}；可选：${allowed}`,
        `unknown food categories: ${unknown.join(", ")}; allowed: ${allowed}`,
      ),
    );
  } else if (!codes.includes(numberCategory)) {
    errors.push(
      fail(
        "food_categories",
        `应包含编号中的食品类别 ${numberCategory}`,
        `must include the number's food category ${numberCategory}`,
      ),
    );
  }
  return [...new Set(codes)];
}

/** Checks one row completely, collecting every problem rather than stopping at the first. */
export function validateRow(row: RawRow, context: RowContext): RowValidation {
  const errors: RowError[] = [];
  const license = checkLicenseNumber(row.values.license_no, errors);
  const holderName = checkRequiredText(row, "holder_name", errors);
  const usccText = row.values.uscc.toUpperCase();
  if (usccText === "") errors.push(fail("uscc", "必须填写", "is required"));
  else {
    const uscc = validateUscc(usccText);
    if (!uscc.valid) {
      const reason = USCC_REASONS[uscc.reason];
      errors.push(
        fail(
          "uscc",
          `“${usccText}”不是有效的统一社会信用代码：${reason.zh}`,
          `"${usccText}" is not a valid USCC: ${reason.en}`,
        ),
      );
    }
  }
  const legalRepresentative = checkRequiredText(row, "legal_representative", errors);
  const storeName = checkRequiredText(row, "store_name", errors);
  const storeAddress = checkRequiredText(row, "store_address", errors);
  const regionCode = checkRegion(row, context, errors);
  const type = license?.parts.type ?? null;
  const taxonomy = checkTaxonomy(row, type, errors);
  const numberCategory = license?.parts.type === "SC" ? license.parts.foodCategory : null;
  const foodCategories = checkFoodCategories(row, numberCategory, errors);
  if (
    license?.parts.type === "JY" &&
    (BUSINESS_FORMS as readonly string[]).includes(row.values.business_form) &&
    license.parts.businessForm !== row.values.business_form
  ) {
    errors.push(
      fail(
        "license_no",
        `编号第3位表示主体业态 ${license.parts.businessForm}，与 business_form（${row.values.business_form}）不符`,
        `the number's business-form digit means ${license.parts.businessForm}, not ${row.values.business_form}`,
      ),
    );
  }
  const validFrom = checkDate(row, "valid_from", errors);
  const validTo = checkDate(row, "valid_to", errors);
  if (validFrom && validTo && validFrom > validTo) {
    errors.push(
      fail(
        "valid_to",
        `有效期至（${validTo}）早于有效期起（${validFrom}）`,
        `${validTo} is before valid_from ${validFrom}`,
      ),
    );
  }
  const issuedOn = checkDate(row, "issued_on", errors, true);
  const statusText = row.values.status.toLowerCase();
  if (statusText !== "" && !(LICENSE_STATUSES as readonly string[]).includes(statusText)) {
    errors.push(
      fail(
        "status",
        `“${row.values.status}”不是可选值，可选：${LICENSE_STATUSES.join("、")}`,
        `"${row.values.status}" is not allowed; allowed: ${LICENSE_STATUSES.join(", ")}`,
      ),
    );
  }
  if (errors.length > 0 || !license || !validFrom || !validTo) return { ok: false, errors };

  // A licence that ended before today is expired, whatever the old register said about it being valid.
  const given = (statusText || "valid") as LicenseStatus;
  const status: LicenseStatus = given === "valid" && validTo < context.today ? "expired" : given;
  const { parts } = license;
  const request =
    parts.type === "JY"
      ? { businessForm: taxonomy!.businessForm, subtype: taxonomy!.subtype, items: taxonomy!.items }
      : { foodCategories, productionSites: [{ address: storeAddress }] };
  return {
    ok: true,
    row: {
      rowNumber: row.rowNumber,
      licenseNumber: license.number,
      licenseType: parts.type,
      checkDigitValid: license.checkDigitValid,
      sequencePrefix: parts.type === "JY" ? license.number.slice(0, 9) : license.number.slice(0, 11),
      sequence: parts.sequence,
      holderName,
      uscc: usccText,
      legalRepresentative,
      storeName,
      storeAddress,
      regionCode,
      businessForm: row.values.business_form as BusinessForm,
      subtype: row.values.subtype,
      request,
      validFrom,
      validTo,
      issuedOn: issuedOn ?? validFrom,
      status,
    },
  };
}
