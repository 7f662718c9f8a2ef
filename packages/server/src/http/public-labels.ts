import type { SafetyColour } from "../config.js";
import type { Language } from "./language.js";

/** Words the public pages share (scan page, in-shop board, sunshine screen), so each says them the same way. */
export const PUBLIC_LABELS = {
  "zh-CN": {
    colours: {
      green: "绿码 · 食品安全状况良好",
      yellow: "黄码 · 食品安全状况一般",
      red: "红码 · 食品安全状况较差",
    } satisfies Record<SafetyColour, string>,
    inspectionKinds: {
      routine: "日常检查",
      random_draw: "双随机抽查",
      complaint: "投诉核查",
      alert_follow_up: "预警核查",
      commitment_follow_up: "告知承诺核查",
      volunteer_patrol: "社会监督员巡查",
      online_patrol: "网络巡查",
    } as Record<string, string>,
    inspectionOutcomes: { pass: "符合", rectify: "限期整改", fail: "不符合" } as Record<string, string>,
  },
  en: {
    colours: {
      green: "Green · good food safety",
      yellow: "Yellow · fair food safety",
      red: "Red · poor food safety",
    } satisfies Record<SafetyColour, string>,
    inspectionKinds: {
      routine: "Routine",
      random_draw: "Random draw",
      complaint: "Complaint follow-up",
      alert_follow_up: "Alert follow-up",
      commitment_follow_up: "Commitment follow-up",
      volunteer_patrol: "Volunteer patrol",
      online_patrol: "Online patrol",
    } as Record<string, string>,
    inspectionOutcomes: { pass: "Pass", rectify: "Rectify", fail: "Fail" } as Record<string, string>,
  },
} as const satisfies Record<Language, unknown>;
