// 象山县 卤肉 “承诺-践诺” (seed 004): each store starts the year with an allowance of points, 违诺 deducts points,
// the remaining points give one of four risk colours (蓝、黄、橙、红) and a 红色预警 forces red. The allowance,
// deductions, thresholds and supervision are assumptions (the seed gives none; docs/credit-models.md).

import type { CreditModel } from "./model.js";

/** Points each store starts the year with (assumption). */
export const XIANGSHAN_YEARLY_POINTS = 100;

/** Subtypes Xiangshan's model grades: 小餐饮, which holds the 卤肉 shops (assumption). */
export const XIANGSHAN_SUBTYPES: readonly string[] = ["small_catering"];

export const XIANGSHAN_POINTS: CreditModel = {
  id: "xiangshan-points",
  version: "1",
  label: { zh: "象山“承诺-践诺”积分与四色风险", en: "Xiangshan commitment points and four risk colours" },
  source: "seed 004, 宁波市象山县",
  population: { licenceType: "JY", subtypes: XIANGSHAN_SUBTYPES },
  // Points are deducted from a yearly allowance (seed 004: 累计扣除到一定积分): count the 12 months.
  countsOver: "year",
  dimensions: [{ name: "commitment_points", label: { zh: "承诺积分", en: "Commitment points" }, weight: 1 }],
  bands: [
    {
      grade: "blue",
      colour: "blue",
      minScore: 90,
      label: { zh: "蓝色（较低风险）", en: "Blue (lower risk)" },
    },
    {
      grade: "yellow",
      colour: "yellow",
      minScore: 75,
      label: { zh: "黄色（一般风险）", en: "Yellow (general risk)" },
    },
    {
      grade: "orange",
      colour: "orange",
      minScore: 60,
      label: { zh: "橙色（较高风险）", en: "Orange (higher risk)" },
    },
    { grade: "red", colour: "red", minScore: 0, label: { zh: "红色（高风险）", en: "Red (high risk)" } },
  ],
  vetoes: [{ code: "red_alert", grade: "red", label: { zh: "红色预警", en: "Red alert" } }],
  supervision: {
    blue: { online: true, offlineShare: 0.1, visitsPerMonth: 1 },
    yellow: { online: true, offlineShare: 0.3, visitsPerMonth: 1 },
    orange: { online: true, offlineShare: 0.6, visitsPerMonth: 1 },
    red: { online: true, offlineShare: 1, visitsPerMonth: 2 },
  },
  codeColour: { blue: "green", yellow: "yellow", orange: "red", red: "red" },
};
