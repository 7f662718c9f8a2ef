// 日照市 食品生产企业信用风险分类 (seed 004): A/B/C/D from 通用分值 20 % + 专业分值 80 %; 被列入严重违法失信名单、
// 发生食品安全事故 → 直接判定为D级. The seed only says higher risk → 提高抽查比例; the shares are assumptions
// (docs/credit-models.md).

import type { CreditModel } from "./model.js";

export const RIZHAO_ABCD: CreditModel = {
  id: "rizhao-abcd",
  version: "1",
  label: { zh: "日照食品生产企业信用等级（A/B/C/D）", en: "Rizhao food-producer credit grades (A/B/C/D)" },
  source: "seed 004, 日照市",
  population: { licenceType: "SC" },
  countsOver: "month",
  dimensions: [
    { name: "general", label: { zh: "通用分值", en: "General score" }, weight: 0.2 },
    { name: "professional", label: { zh: "专业分值", en: "Professional score" }, weight: 0.8 },
  ],
  bands: [
    { grade: "A", colour: "green", minScore: 90, label: { zh: "A级（低风险）", en: "A (low risk)" } },
    { grade: "B", colour: "blue", minScore: 75, label: { zh: "B级（较低风险）", en: "B (lower risk)" } },
    { grade: "C", colour: "yellow", minScore: 60, label: { zh: "C级（较高风险）", en: "C (higher risk)" } },
    { grade: "D", colour: "red", minScore: 0, label: { zh: "D级（高风险）", en: "D (high risk)" } },
  ],
  vetoes: [
    {
      code: "serious_dishonesty",
      grade: "D",
      label: { zh: "列入严重违法失信名单", en: "On the serious-dishonesty list" },
    },
    {
      code: "food_safety_accident",
      grade: "D",
      label: { zh: "发生食品安全事故", en: "Food-safety accident" },
    },
  ],
  supervision: {
    A: { online: true, offlineShare: 0.1, visitsPerMonth: 1 },
    B: { online: true, offlineShare: 0.3, visitsPerMonth: 1 },
    C: { online: true, offlineShare: 0.6, visitsPerMonth: 1 },
    D: { online: true, offlineShare: 1, visitsPerMonth: 2 },
  },
  codeColour: { green: "green", blue: "green", yellow: "yellow", red: "red" },
};
