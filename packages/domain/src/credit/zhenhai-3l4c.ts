// 镇海区 “三级四色” (seed 004, 宁波市镇海区 宁大步行街): a monthly score of 0..100 from three levels —
// 公共信用评价占30%, 行业监管评价占60%, 社会治理评价占10% — and four risk colours. The supervision each colour
// gets is the lead's reading of the seed (docs/credit-models.md).

import type { CreditModel } from "./model.js";

export const ZHENHAI_3L4C: CreditModel = {
  id: "zhenhai-3l4c",
  version: "1",
  label: { zh: "镇海“三级四色”信用分级评价", en: "Zhenhai three-level four-colour credit grading" },
  source: "seed 004, 宁波市镇海区",
  population: { licenceType: "JY" },
  countsOver: "month",
  dimensions: [
    { name: "public_credit", label: { zh: "公共信用评价", en: "Public credit" }, weight: 0.3 },
    { name: "industry_supervision", label: { zh: "行业监管评价", en: "Industry supervision" }, weight: 0.6 },
    { name: "social_governance", label: { zh: "社会治理评价", en: "Social governance" }, weight: 0.1 },
  ],
  bands: [
    {
      grade: "green",
      colour: "green",
      minScore: 90,
      label: { zh: "低风险（绿色）", en: "Low risk (green)" },
    },
    {
      grade: "blue",
      colour: "blue",
      minScore: 80,
      label: { zh: "较低风险（蓝色）", en: "Lower risk (blue)" },
    },
    {
      grade: "yellow",
      colour: "yellow",
      minScore: 60,
      label: { zh: "中风险（黄色）", en: "Medium risk (yellow)" },
    },
    { grade: "red", colour: "red", minScore: 0, label: { zh: "高风险（红色）", en: "High risk (red)" } },
  ],
  vetoes: [
    {
      code: "serious_dishonesty",
      grade: "red",
      label: { zh: "列入严重违法失信名单", en: "On the serious-dishonesty list" },
    },
    {
      code: "food_safety_accident",
      grade: "red",
      label: { zh: "发生食品安全事故", en: "Food-safety accident" },
    },
  ],
  supervision: {
    green: { online: true, offlineShare: 0, visitsPerMonth: 0 },
    blue: { online: true, offlineShare: 0.2, visitsPerMonth: 1 },
    yellow: { online: true, offlineShare: 0.5, visitsPerMonth: 1 },
    red: { online: true, offlineShare: 1, visitsPerMonth: 2 },
  },
  codeColour: { green: "green", blue: "green", yellow: "yellow", red: "red" },
};
