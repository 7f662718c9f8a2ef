// The proportions of the bulk data set (docs/data-generator.md). They are bench/grading.mjs's, so that a figure
// measured on this data means what the grading benchmark's figures mean; where that script's set-based SQL cut a
// corner the schema does not allow (SC numbers without check digit, a "production" business form), the register's
// own rules win.

import type { BusinessForm, BusinessSubtype } from "@shian/domain";

/** Guangzhou's districts (reference data loaded by the migration); a store's district is its index modulo 9. */
export const BULK_REGIONS = [
  "440103",
  "440104",
  "440105",
  "440106",
  "440111",
  "440112",
  "440113",
  "440114",
  "440115",
] as const;

export interface SubtypeShare {
  businessForm: BusinessForm;
  subtype: BusinessSubtype;
  /** SC: the store holds a 食品生产许可证 (producer with a shop front); otherwise a JY licence. */
  licenceType: "JY" | "SC";
}

const jy = (businessForm: BusinessForm, subtype: BusinessSubtype): SubtypeShare => ({
  businessForm,
  subtype,
  licenceType: "JY",
});

/**
 * 具体业态 of the register, repeated by weight (1/20 each), as in bench/grading.mjs. Its two "production" slots
 * (10 %) are SC holders here: the store register knows only the three JY forms (art. 6), so a producer's
 * premises is a food trader (前店后厂) that holds an SC licence.
 */
export const SUBTYPE_SLOTS: readonly SubtypeShare[] = [
  { businessForm: "food_sales", subtype: "food_trader", licenceType: "SC" },
  { businessForm: "food_sales", subtype: "food_trader", licenceType: "SC" },
  ...Array<SubtypeShare>(4).fill(jy("catering", "small_catering")),
  ...Array<SubtypeShare>(3).fill(jy("catering", "restaurant_small")),
  ...Array<SubtypeShare>(2).fill(jy("catering", "restaurant_medium")),
  jy("catering", "beverage_shop"),
  jy("catering", "bakery"),
  ...Array<SubtypeShare>(3).fill(jy("food_sales", "grocery")),
  jy("food_sales", "convenience_store"),
  jy("food_sales", "supermarket"),
  jy("unit_canteen", "school"),
  jy("unit_canteen", "staff_canteen"),
];

/** Shares and counts per store (expected values; each store draws its own). */
export const PROPORTIONS = {
  /** Businesses that are revoked in the business register (营业执照 注销/吊销). */
  revokedBusinesses: 0.02,
  suspendedLicences: 0.01,
  cancelledLicences: 0.01,
  /** Licences changed once (a second licence version in the last 12 months). */
  changedLicences: 0.05,
  /** Officer inspections per store in the 12 months ending with the graded month. */
  inspectionsPerStore: 2,
  /** Stores with one complaint in the 12 months. */
  complaintShare: 0.1,
  upheldComplaints: 0.4,
  ratingsPerStore: 2,
  approvedRatings: 0.95,
  staffPerStore: 3,
  /** Rectification orders still open after their deadline. */
  overdueRectifications: 0.1,
  /**
   * Licences whose certificate is signed, by default, spread evenly over the stores: SM2 signing (≈ 1 250 a
   * second on one free core here) bounds how many fit in the time budget (docs/data-generator.md).
   */
  certificates: 10_000,
} as const;

/** Inspection kinds of the officer inspections: 90 % routine, 5 % after a complaint, 5 % 双随机. */
export const INSPECTION_KINDS = [
  { kind: "routine", upTo: 0.9 },
  { kind: "complaint", upTo: 0.95 },
  { kind: "random_draw", upTo: 1 },
] as const;

/** Routine-checklist outcomes: all pass; an ordinary item, a key item or both failed. */
export const INSPECTION_OUTCOMES = [
  { failed: [] as ("ordinary" | "key")[], outcome: "pass", score: 95, upTo: 0.85 },
  { failed: ["ordinary"] as ("ordinary" | "key")[], outcome: "rectify", score: 80, upTo: 0.95 },
  { failed: ["key"] as ("ordinary" | "key")[], outcome: "fail", score: 60, upTo: 0.98 },
  { failed: ["ordinary", "key"] as ("ordinary" | "key")[], outcome: "fail", score: 50, upTo: 1 },
] as const;

/**
 * Grades of the last finished month, 三级四色-like: ≈ 30 % in the best band of the store's model (A, green, blue),
 * 60 % in the second, 10 % below (7 % third band, 3 % worst). A store draws a score inside its band.
 */
export const GRADE_BAND_SHARES = [0.3, 0.6, 0.07, 0.03] as const;

/** The largest data set the numbering allows comfortably (JY: 6-digit sequence per form and district). */
export const MAX_BULK_STORES = 5_000_000;
