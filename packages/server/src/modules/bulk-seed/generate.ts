// The rows of every bulk-seeded table, produced lazily as lines of PostgreSQL's COPY text format. Each table is one
// pass over the stores 0 … N−1; what a store is (district, subtype, licence, dates) comes from planStore(), which
// every pass recomputes from the seed, so no pass needs another's output in memory.

import {
  CREDIT_MODELS,
  DEMO_LICENSE_ITEMS,
  INSPECTION_TEMPLATES,
  SC_FOOD_CATEGORIES,
  formatJyNumber,
  formatScNumber,
  licenseValidity,
  makeUscc,
  modelForStore,
  type CreditModel,
  type StoreFacts,
} from "@shian/domain";
import { maskHealthCertificateNo, sealStaffHealthCertificateNo } from "../entities/personal-data.js";
import type { Keyring } from "../keys/secret-box.js";
import { buildLicenseContent } from "../licensing/license-issuer.js";
import {
  BULK_REGIONS,
  GRADE_BAND_SHARES,
  INSPECTION_KINDS,
  INSPECTION_OUTCOMES,
  PROPORTIONS,
  SUBTYPE_SLOTS,
  type SubtypeShare,
} from "./plan.js";
import {
  ID_TAG,
  PURPOSE,
  StoreRandom,
  makeSafetyCodeFactory,
  makeUuidFactory,
  type SeedWords,
} from "./random-source.js";

const DAY = 86_400_000;
const CHINA_OFFSET = 8 * 3_600_000;

export interface GenerationContext {
  stores: number;
  words: SeedWords;
  /** The graded month (YYYY-MM): the last finished month before `asOf`, China time. */
  period: string;
  /** Start of the graded month, its end, and the start of the 12 months ending with it (instants, ms). */
  periodStart: number;
  periodEnd: number;
  yearStart: number;
  /** The moment the data set is "now" (ms): no date lies after it. */
  asOf: number;
  /** Names of the districts in BULK_REGIONS (for the issuing authority's name). */
  regionNames: ReadonlyMap<string, string>;
  /**
   * Seals personal data (staff health certificate numbers) as the application does. Without it (a context built
   * only to recompute numbers) the sealed column is null and only the masked form is written.
   */
  keyring?: Keyring;
}

/** One table's COPY: its columns and its lines (tab-separated, no trailing newline). */
export interface TableRows {
  table: string;
  columns: readonly string[];
  lines(context: GenerationContext): Iterable<string>;
}

// ---- formatting ----

const NULL = "\\N";
const NEEDS_ESCAPE = /[\\\t\n\r]/;

/** A text value in COPY text format. */
function text(value: string): string {
  return NEEDS_ESCAPE.test(value)
    ? value.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r")
    : value;
}

const instant = (ms: number) => new Date(ms).toISOString();

/** Days are few (a few thousand over the data set) and formatted millions of times: each is formatted once. */
const dayNames = new Map<number, string>();
/** The China calendar day of an instant. */
function chinaDay(ms: number): string {
  const day = Math.floor((ms + CHINA_OFFSET) / DAY);
  let name = dayNames.get(day);
  if (name === undefined) {
    name = new Date(day * DAY).toISOString().slice(0, 10);
    dayNames.set(day, name);
  }
  return name;
}

const validities = new Map<string, { validFrom: string; validTo: string }>();
/** The five years of a licence issued on a day (domain rule), once per day. */
function validityFrom(ms: number) {
  const day = chinaDay(ms);
  let validity = validities.get(day);
  if (validity === undefined) {
    validity = licenseValidity(day);
    validities.set(day, validity);
  }
  return validity;
}
const round2 = (n: number) => Math.round(n * 100) / 100;

// ---- what a store is ----

// prettier-ignore
const SHOP_NAMES = "鸿福 兴隆 福源 聚香 味香 和顺 佳禾 嘉和 百味 德润 宏达 瑞丰 同福 顺心 好客 惠民 乐家 锦绣 春晖 阳光 海晨 悦来 万家 金桥 东升 永安 祥和 一品 常乐 晨曦 知味 禾丰 青禾 满堂 三江".split(" ");
// prettier-ignore
const SURNAMES = "王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 林 罗 高 郑 梁 谢 宋 唐 许 韩 冯 邓 曹".split(" ");
// prettier-ignore
const GIVEN_NAMES = "伟 芳 敏 静 丽 强 磊 军 洋 勇 艳 杰 涛 明 超 秀英 桂英 建华 志强 海燕 晓东 丽华 国庆 建国 文博 子涵 浩然 雨婷 佳怡 思远".split(" ");
// prettier-ignore
const ROADS = "天河路 中山大道 环市东路 东风中路 江南大道 解放北路 黄埔大道 广州大道 工业大道 新港西路 花城大道 番禺大道".split(" ");
const STAFF_POSITIONS = ["厨师", "服务员", "店长", "收银员", "配菜员"];

const TRADE_WORDS: Record<string, string> = {
  food_trader: "食品厂",
  small_catering: "小吃店",
  restaurant_small: "餐厅",
  restaurant_medium: "酒家",
  beverage_shop: "茶饮店",
  bakery: "饼屋",
  grocery: "副食店",
  convenience_store: "便利店",
  supermarket: "超市",
  school: "学校食堂",
  staff_canteen: "职工食堂",
};

export interface StorePlan {
  index: number;
  regionCode: string;
  slot: SubtypeShare;
  shop: string;
  surname: string;
  road: string;
  houseNumber: number;
  /** SC holders: the food category of the licence. */
  foodCategory: string;
  licenceStatus: "valid" | "suspended" | "cancelled";
  versions: 1 | 2;
  issuedAt: number;
  changedAt: number;
  registeredDaysBefore: number;
  businessActive: boolean;
}

/** What store `index` is: the same in every pass. */
export function planStore(random: StoreRandom, index: number, context: GenerationContext): StorePlan {
  random.reset(index, PURPOSE.store);
  const slot = SUBTYPE_SLOTS[random.int(0, SUBTYPE_SLOTS.length - 1)]!;
  const status = random.next();
  const licenceStatus =
    status < 1 - PROPORTIONS.suspendedLicences - PROPORTIONS.cancelledLicences
      ? "valid"
      : status < 1 - PROPORTIONS.cancelledLicences
        ? "suspended"
        : "cancelled";
  const versions = random.next() < PROPORTIONS.changedLicences ? 2 : 1;
  // Issued 30 days to 4½ years before the graded month ended: every licence is still in its five years.
  const issuedAt = context.periodEnd - random.int(30, 1640) * DAY - random.int(0, 86_399) * 1000;
  const changedAt = context.yearStart + random.next() * (context.periodEnd - context.yearStart);
  return {
    index,
    regionCode: BULK_REGIONS[index % BULK_REGIONS.length]!,
    slot,
    shop: random.pick(SHOP_NAMES),
    surname: random.pick(SURNAMES),
    road: random.pick(ROADS),
    houseNumber: random.int(1, 999),
    foodCategory: random.pick(SC_FOOD_CATEGORIES).code,
    licenceStatus,
    versions,
    issuedAt,
    changedAt: Math.max(changedAt, issuedAt + DAY),
    registeredDaysBefore: random.int(0, 5000),
    businessActive: random.next() >= PROPORTIONS.revokedBusinesses,
  };
}

/** Iterates the plans of every store, with the generator the pass may keep drawing from. */
function* eachStore(context: GenerationContext): Generator<[StorePlan, StoreRandom]> {
  const random = new StoreRandom(context.words.a);
  const extra = new StoreRandom(context.words.b);
  for (let index = 0; index < context.stores; index++) yield [planStore(random, index, context), extra];
}

function ids(context: GenerationContext) {
  return makeUuidFactory(context.words);
}

const businessName = (plan: StorePlan, regionName: string) =>
  plan.slot.businessForm === "unit_canteen"
    ? `广州市${regionName}${plan.shop}${plan.slot.subtype === "school" ? "实验学校" : "科技有限公司"}`
    : `广州市${regionName}${plan.shop}${TRADE_WORDS[plan.slot.subtype] ?? "商行"}${plan.index}号`;

const storeAddress = (plan: StorePlan, regionName: string) =>
  `广东省广州市${regionName}${plan.road}${plan.houseNumber}号${(plan.index % 40) + 1}铺`;

const storeName = (plan: StorePlan) =>
  `${plan.shop}${TRADE_WORDS[plan.slot.subtype] ?? "商行"}(${plan.road}${plan.index}店)`;

/** 统一社会信用代码: 91/92 + district + organization code MA + the store's row within its district. */
const usccOf = (plan: StorePlan) =>
  makeUscc({
    organizationType: plan.slot.businessForm === "unit_canteen" || plan.index % 3 !== 0 ? "1" : "2",
    regionCode: plan.regionCode,
    organizationBody8: `MA${String(Math.floor(plan.index / BULK_REGIONS.length)).padStart(6, "0")}`,
  });

// ---- tables ----

export const businessesRows: TableRows = {
  table: "businesses",
  columns: [
    "id",
    "uscc",
    "name",
    "legal_representative",
    "region_code",
    "registration_authority",
    "registered_on",
    "registration_status",
    "residence",
  ],
  *lines(context) {
    const id = ids(context);
    for (const [plan, random] of eachStore(context)) {
      random.reset(plan.index, PURPOSE.business);
      const regionName = context.regionNames.get(plan.regionCode) ?? "";
      yield [
        id(ID_TAG.business, plan.index),
        usccOf(plan),
        text(businessName(plan, regionName)),
        plan.surname + random.pick(GIVEN_NAMES),
        plan.regionCode,
        `广州市${regionName}市场监督管理局`,
        chinaDay(plan.issuedAt - plan.registeredDaysBefore * DAY - 30 * DAY),
        plan.businessActive ? "active" : "revoked",
        // — step 11: statutory fields — 住所: a seeded business is domiciled at its store.
        text(storeAddress(plan, regionName)),
      ].join("\t");
    }
  },
};

export const storesRows: TableRows = {
  table: "stores",
  columns: [
    "id",
    "business_id",
    "name",
    "address",
    "region_code",
    "lat",
    "lng",
    "business_form",
    "subtype",
    "area_m2",
  ],
  *lines(context) {
    const id = ids(context);
    for (const [plan, random] of eachStore(context)) {
      random.reset(plan.index, PURPOSE.business);
      const regionName = context.regionNames.get(plan.regionCode) ?? "";
      yield [
        id(ID_TAG.store, plan.index),
        id(ID_TAG.business, plan.index),
        text(storeName(plan)),
        text(storeAddress(plan, regionName)),
        plan.regionCode,
        (23.05 + random.next() * 0.25).toFixed(6),
        (113.2 + random.next() * 0.35).toFixed(6),
        plan.slot.businessForm,
        plan.slot.subtype,
        String(random.int(20, 800)),
      ].join("\t");
    }
  },
};

/** Licence numbers in store order, by the register's rules: JY per form and district, SC per category. */
class LicenceNumbering {
  readonly last = new Map<string, number>();

  next(plan: StorePlan): string {
    const prefix =
      plan.slot.licenceType === "SC"
        ? `SC${plan.foodCategory}${plan.regionCode}`
        : formatJyNumber({
            businessForm: plan.slot.businessForm,
            regionCode: plan.regionCode,
            sequence: 1,
          }).slice(0, 9);
    const sequence = (this.last.get(prefix) ?? 0) + 1;
    this.last.set(prefix, sequence);
    return plan.slot.licenceType === "SC"
      ? formatScNumber({ foodCategory: plan.foodCategory, regionCode: plan.regionCode, sequence })
      : formatJyNumber({ businessForm: plan.slot.businessForm, regionCode: plan.regionCode, sequence });
  }
}

/** The licence sequences the data set used (prefix → last), for license_sequences. */
export function licenceSequences(context: GenerationContext): Map<string, number> {
  const numbering = new LicenceNumbering();
  for (const [plan] of eachStore(context)) numbering.next(plan);
  return numbering.last;
}

/** The licence numbers of the first `count` stores (tests and benchmarks pick from them). */
export function licenceNumbers(context: GenerationContext, count = context.stores): string[] {
  const numbering = new LicenceNumbering();
  const numbers: string[] = [];
  for (const [plan] of eachStore({ ...context, stores: Math.min(count, context.stores) }))
    numbers.push(numbering.next(plan));
  return numbers;
}

export const licensesRows: TableRows = {
  table: "licenses",
  columns: [
    "id",
    "number",
    "type",
    "business_id",
    "store_id",
    "region_code",
    "status",
    "current_version",
    "valid_from",
    "valid_to",
    "issued_at",
  ],
  *lines(context) {
    const id = ids(context);
    const numbering = new LicenceNumbering();
    for (const [plan] of eachStore(context)) {
      const validity = validityFrom(plan.issuedAt);
      yield [
        id(ID_TAG.licence, plan.index),
        numbering.next(plan),
        plan.slot.licenceType,
        id(ID_TAG.business, plan.index),
        id(ID_TAG.store, plan.index),
        plan.regionCode,
        plan.licenceStatus,
        String(plan.versions),
        validity.validFrom,
        validity.validTo,
        instant(plan.issuedAt),
      ].join("\t");
    }
  },
};

export const licenseVersionsRows: TableRows = {
  table: "license_versions",
  columns: ["license_id", "version", "reason", "content", "valid_from", "valid_to", "issued_at"],
  *lines(context) {
    const id = ids(context);
    const numbering = new LicenceNumbering();
    for (const [plan, random] of eachStore(context)) {
      random.reset(plan.index, PURPOSE.business);
      const regionName = context.regionNames.get(plan.regionCode) ?? "";
      const number = numbering.next(plan);
      const validity = validityFrom(plan.issuedAt);
      const request =
        plan.slot.licenceType === "SC"
          ? {
              foodCategories: [plan.foodCategory],
              productionSites: [{ address: storeAddress(plan, regionName) }],
            }
          : {
              businessForm: plan.slot.businessForm,
              subtype: plan.slot.subtype,
              items: DEMO_LICENSE_ITEMS[plan.slot.subtype],
            };
      const content = buildLicenseContent({
        business: {
          name: businessName(plan, regionName),
          uscc: usccOf(plan),
          legalRepresentative: plan.surname + random.pick(GIVEN_NAMES),
          residence: storeAddress(plan, regionName),
        },
        store: { address: storeAddress(plan, regionName) },
        authorityRegionName: `广州市${regionName}`,
        request,
        supervision: { officer: "日常监管员" },
      });
      const json = text(JSON.stringify({ ...content, number, signer: "许可签发人" }));
      const licenceId = id(ID_TAG.licence, plan.index);
      for (let version = 1; version <= plan.versions; version++) {
        yield [
          licenceId,
          String(version),
          version === 1 ? "new" : "change",
          json,
          validity.validFrom,
          validity.validTo,
          instant(version === 1 ? plan.issuedAt : plan.changedAt),
        ].join("\t");
      }
    }
  },
};

export const safetyCodesRows: TableRows = {
  table: "safety_codes",
  columns: ["code", "store_id"],
  *lines(context) {
    const id = ids(context);
    const code = makeSafetyCodeFactory(context.words);
    for (let index = 0; index < context.stores; index++) yield `${code(index)}\t${id(ID_TAG.store, index)}`;
  },
};

/** The routine checklist answered four ways (INSPECTION_OUTCOMES), as COPY text, with the failed item codes. */
function inspectionVariants() {
  const items = INSPECTION_TEMPLATES.routine.items;
  const ordinary = items.find((item) => !item.critical)!.code;
  const key = items.find((item) => item.critical)!.code;
  return INSPECTION_OUTCOMES.map((variant) => {
    const failed = variant.failed.map((which) => (which === "key" ? key : ordinary));
    const results = items.map(({ code }) => ({ code, result: failed.includes(code) ? "fail" : "pass" }));
    return { ...variant, failedCodes: failed, results: text(JSON.stringify(results)) };
  });
}

interface InspectionPlan {
  row: number;
  kind: string;
  at: number;
  variant: ReturnType<typeof inspectionVariants>[number];
}

/** The officer inspections of a store in the 12 months ending with the graded month. */
function planInspections(
  plan: StorePlan,
  random: StoreRandom,
  context: GenerationContext,
  variants: ReturnType<typeof inspectionVariants>,
): InspectionPlan[] {
  random.reset(plan.index, PURPOSE.inspections);
  const inspections: InspectionPlan[] = [];
  for (let k = 0; k < PROPORTIONS.inspectionsPerStore; k++) {
    const x = random.next();
    const y = random.next();
    inspections.push({
      row: plan.index * PROPORTIONS.inspectionsPerStore + k,
      kind: INSPECTION_KINDS.find((kind) => y < kind.upTo)!.kind,
      at: context.yearStart + random.next() * (context.periodEnd - context.yearStart),
      variant: variants.find((variant) => x < variant.upTo)!,
    });
  }
  return inspections;
}

export const inspectionsRows: TableRows = {
  table: "inspections",
  columns: [
    "id",
    "kind",
    "store_id",
    "region_code",
    "template",
    "status",
    "inspected_at",
    "results",
    "outcome",
    "score",
  ],
  *lines(context) {
    const id = ids(context);
    const variants = inspectionVariants();
    for (const [plan, random] of eachStore(context)) {
      const storeId = id(ID_TAG.store, plan.index);
      for (const inspection of planInspections(plan, random, context, variants)) {
        yield [
          id(ID_TAG.inspection, inspection.row),
          inspection.kind,
          storeId,
          plan.regionCode,
          "routine",
          "done",
          instant(inspection.at),
          inspection.variant.results,
          inspection.variant.outcome,
          String(inspection.variant.score),
        ].join("\t");
      }
    }
  },
};

/** A failed item opens an order due in 7 days; 10 % are still open after it, the rest closed within 8 days. */
export const rectificationsRows: TableRows = {
  table: "rectifications",
  columns: [
    "id",
    "inspection_id",
    "store_id",
    "region_code",
    "item_code",
    "status",
    "due_at",
    "created_at",
    "closed_at",
  ],
  *lines(context) {
    const id = ids(context);
    const variants = inspectionVariants();
    let row = 0;
    for (const [plan, random] of eachStore(context)) {
      const storeId = id(ID_TAG.store, plan.index);
      for (const inspection of planInspections(plan, random, context, variants)) {
        for (const code of inspection.variant.failedCodes) {
          const late = random.next() < PROPORTIONS.overdueRectifications;
          const closedAt = Math.min(inspection.at + random.next() * 8 * DAY, context.asOf);
          yield [
            id(ID_TAG.rectification, row++),
            id(ID_TAG.inspection, inspection.row),
            storeId,
            plan.regionCode,
            code,
            late ? "open" : "closed",
            instant(inspection.at + 7 * DAY),
            instant(inspection.at),
            late ? NULL : instant(closedAt),
          ].join("\t");
        }
      }
    }
  },
};

interface ComplaintPlan {
  at: number;
  upheld: boolean;
  closedAt: number;
  hash: string;
}

function planComplaint(
  plan: StorePlan,
  random: StoreRandom,
  context: GenerationContext,
): ComplaintPlan | null {
  random.reset(plan.index, PURPOSE.complaints);
  if (random.next() >= PROPORTIONS.complaintShare) return null;
  const at = context.yearStart + random.next() * (context.periodEnd - context.yearStart);
  return {
    at,
    upheld: random.next() < PROPORTIONS.upheldComplaints,
    closedAt: Math.min(at + random.next() * 12 * DAY, context.asOf),
    hash: random.hex(64),
  };
}

export const complaintsRows: TableRows = {
  table: "complaints",
  columns: [
    "id",
    "store_id",
    "region_code",
    "category",
    "description",
    "tracking_token_hash",
    "status",
    "acknowledge_by",
    "close_by",
    "upheld",
    "created_at",
    "closed_at",
  ],
  *lines(context) {
    const id = ids(context);
    for (const [plan, random] of eachStore(context)) {
      const complaint = planComplaint(plan, random, context);
      if (!complaint) continue;
      yield [
        id(ID_TAG.complaint, plan.index),
        id(ID_TAG.store, plan.index),
        plan.regionCode,
        "hygiene",
        "后厨卫生差",
        complaint.hash,
        "closed",
        instant(complaint.at + DAY),
        instant(complaint.at + 10 * DAY),
        complaint.upheld ? "t" : "f",
        instant(complaint.at),
        instant(complaint.closedAt),
      ].join("\t");
    }
  },
};

export const ratingsRows: TableRows = {
  table: "ratings",
  columns: ["id", "store_id", "stars", "device_hash", "rated_on", "moderation"],
  *lines(context) {
    const id = ids(context);
    for (const [plan, random] of eachStore(context)) {
      random.reset(plan.index, PURPOSE.ratings);
      for (let k = 0; k < PROPORTIONS.ratingsPerStore; k++) {
        yield [
          id(ID_TAG.rating, plan.index * PROPORTIONS.ratingsPerStore + k),
          id(ID_TAG.store, plan.index),
          String(random.int(1, 5)),
          random.hex(64),
          chinaDay(context.yearStart + random.next() * (context.periodEnd - context.yearStart)),
          random.next() < PROPORTIONS.approvedRatings ? "approved" : "pending",
        ].join("\t");
      }
    }
  },
};

/**
 * Three staff a store; health certificates end −20 … +380 days after the graded month (≈ 5 % expired). The number
 * is personal data: sealed with the context's keyring, bound to the staff row, and masked (docs/security.md).
 */
export const staffRows: TableRows = {
  table: "staff",
  columns: [
    "id",
    "business_id",
    "store_id",
    "name",
    "position",
    "health_certificate_no_sealed",
    "health_certificate_no_masked",
    "health_certificate_issuer",
    "health_certificate_valid_to",
  ],
  *lines(context) {
    const id = ids(context);
    for (const [plan, random] of eachStore(context)) {
      random.reset(plan.index, PURPOSE.staff);
      for (let k = 0; k < PROPORTIONS.staffPerStore; k++) {
        const row = plan.index * PROPORTIONS.staffPerStore + k;
        const staffId = id(ID_TAG.staff, row);
        const number = `JK${plan.regionCode}${String(row).padStart(9, "0")}`;
        const { healthCertificateNoSealed, healthCertificateNoMasked } = context.keyring
          ? sealStaffHealthCertificateNo(context.keyring, staffId, number)
          : { healthCertificateNoSealed: null, healthCertificateNoMasked: maskHealthCertificateNo(number) };
        yield [
          staffId,
          id(ID_TAG.business, plan.index),
          id(ID_TAG.store, plan.index),
          random.pick(SURNAMES) + random.pick(GIVEN_NAMES),
          k === 0 ? "店长" : random.pick(STAFF_POSITIONS),
          healthCertificateNoSealed ?? NULL,
          healthCertificateNoMasked ?? NULL,
          "广州市疾病预防控制中心",
          chinaDay(context.periodEnd - DAY + random.int(-20, 380) * DAY),
        ].join("\t");
      }
    }
  },
};

// ---- grades of the graded month ----

export interface GradePlan {
  model: CreditModel;
  score: number;
  band: CreditModel["bands"][number];
}

/** The store's grade, or null when no model grades it (cancelled licence). */
export function planGrade(plan: StorePlan, random: StoreRandom): GradePlan | null {
  if (plan.licenceStatus === "cancelled") return null;
  random.reset(plan.index, PURPOSE.grade);
  const model = modelForStore({ licenceType: plan.slot.licenceType, subtype: plan.slot.subtype });
  const x = random.next();
  let upTo = 0;
  let bandIndex = GRADE_BAND_SHARES.findIndex((share) => x < (upTo += share));
  if (bandIndex < 0) bandIndex = GRADE_BAND_SHARES.length - 1;
  const band = model.bands[Math.min(bandIndex, model.bands.length - 1)]!;
  const ceiling = bandIndex === 0 ? 100 : model.bands[bandIndex - 1]!.minScore;
  const score = round2(band.minScore + random.next() * (ceiling - band.minScore - 0.01));
  return { model, score, band };
}

/** The facts behind a generated grade, from the store's generated rows where the generator has them. */
function gradeFacts(plan: StorePlan, context: GenerationContext, grade: GradePlan): StoreFacts {
  return {
    licenceValid: plan.licenceStatus === "valid",
    licenceDaysLeft: Math.round((plan.issuedAt + 5 * 365 * DAY - context.periodEnd) / DAY),
    licenceChanges: plan.versions - 1,
    yearsRegistered: Math.floor(plan.registeredDaysBefore / 365),
    registrationActive: plan.businessActive,
    inspectionsDone: 0,
    inspectionsPassed: 0,
    inspectionsRectify: 0,
    inspectionsFailed: 0,
    failedItems: 0,
    failedKeyItems: 0,
    onlinePatrols: 0,
    volunteerPatrols: 0,
    rectificationsOpened: 0,
    rectificationsClosedOnTime: 0,
    rectificationsOverdue: 0,
    rectificationsReopened: 0,
    complaints: 0,
    complaintsUpheld: 0,
    ratingsCount: PROPORTIONS.ratingsPerStore,
    ratingsMean: round2(1 + (grade.score / 100) * 4),
    samplingsDone: 0,
    samplingsFailed: 0,
    penalties: 0,
    seriousPenalties: 0,
    penaltiesRepaired: 0,
    onSeriousDishonestyList: false,
    onBlackList: false,
    onRedList: false,
    foodSafetyAccident: false,
    redAlerts: 0,
    yellowAlerts: 0,
    alertsClosedLate: 0,
    staffCount: PROPORTIONS.staffPerStore,
    healthCertificatesExpired: 0,
    selfChecksFiled: 0,
    selfCheckFailedItems: 0,
    commitmentSigned: false,
    commitmentsBroken: 0,
    publicCredit: {
      basics: null,
      finance: null,
      governance: null,
      lawAbiding: null,
      socialResponsibility: null,
    },
    kitchenCameras: null,
    kitchenEvents: null,
    kitchenEventsResponded: null,
    kitchenRodentEvents: null,
  };
}

/** The id of the (done) grading run of a model for the graded month. */
export function gradingRunId(context: GenerationContext, model: CreditModel): string {
  return ids(context)(ID_TAG.gradingRun, CREDIT_MODELS.indexOf(model));
}

export const gradeHistoryRows: TableRows = {
  table: "grade_history",
  columns: [
    "store_id",
    "model",
    "period",
    "model_version",
    "run_id",
    "region_code",
    "score",
    "grade",
    "risk_colour",
    "vetoed",
    "breakdown",
    "facts",
    "graded_at",
  ],
  *lines(context) {
    const id = ids(context);
    const gradedAt = instant(context.periodEnd + 3_600_000);
    for (const [plan, random] of eachStore(context)) {
      const grade = planGrade(plan, random);
      if (!grade) continue;
      const { model, band, score } = grade;
      const breakdown = {
        dimensions: model.dimensions.map((dimension) => ({
          dimension: dimension.name,
          weight: dimension.weight,
          score,
          contribution: round2(dimension.weight * score),
        })),
        codeColour: model.codeColour[band.colour] ?? "red",
        supervision: model.supervision[band.grade],
        indicators: [],
        improvements: [],
      };
      yield [
        id(ID_TAG.store, plan.index),
        model.id,
        context.period,
        model.version,
        gradingRunId(context, model),
        plan.regionCode,
        score.toFixed(2),
        band.grade,
        band.colour,
        "{}",
        text(JSON.stringify(breakdown)),
        text(JSON.stringify(gradeFacts(plan, context, grade))),
        gradedAt,
      ].join("\t");
    }
  },
};

export const storeGradesRows: TableRows = {
  table: "store_grades",
  columns: ["store_id", "grade", "colour", "graded_on", "model", "period", "score", "risk_colour"],
  *lines(context) {
    const id = ids(context);
    const gradedOn = chinaDay(context.periodEnd);
    for (const [plan, random] of eachStore(context)) {
      const grade = planGrade(plan, random);
      if (!grade) continue;
      const { model, band, score } = grade;
      yield [
        id(ID_TAG.store, plan.index),
        band.grade,
        model.codeColour[band.colour] ?? "red",
        gradedOn,
        model.id,
        context.period,
        score.toFixed(2),
        band.colour,
      ].join("\t");
    }
  },
};

/** Every table in load order (parents before children). */
export const BULK_TABLES: readonly TableRows[] = [
  businessesRows,
  storesRows,
  licensesRows,
  licenseVersionsRows,
  safetyCodesRows,
  complaintsRows,
  inspectionsRows,
  rectificationsRows,
  ratingsRows,
  staffRows,
  gradeHistoryRows,
  storeGradesRows,
];

/**
 * The licences that get a signed certificate: `count` of them, spread evenly (every k-th store from store 0,
 * k = ⌈stores / count⌉), each at its current version.
 */
export function certifiedLicences(context: GenerationContext, count: number) {
  const id = ids(context);
  const keys: { licenseId: string; version: number; storeIndex: number }[] = [];
  if (count <= 0) return keys;
  const step = Math.max(1, Math.ceil(context.stores / count));
  for (const [plan] of eachStore(context)) {
    if (plan.index % step !== 0 || keys.length >= count) continue;
    keys.push({ licenseId: id(ID_TAG.licence, plan.index), version: plan.versions, storeIndex: plan.index });
  }
  return keys;
}
