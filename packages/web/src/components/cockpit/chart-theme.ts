import type { SafetyColour } from "../../api/cockpit";

/** The 食安码 colours, and the models' risk colours (docs/grading.md). */
export const COLOURS: Record<SafetyColour | "blue" | "orange", string> = {
  green: "#52c41a",
  blue: "#1677ff",
  yellow: "#faad14",
  orange: "#fa8c16",
  red: "#f5222d",
};

export const SAFETY_COLOURS: SafetyColour[] = ["green", "yellow", "red"];
export const RISK_COLOURS = ["green", "blue", "yellow", "orange", "red"] as const;

/** What every chart shares: larger type on the wall screen, a tooltip, a legend on top, a grid with room. */
export function baseOption(wall: boolean) {
  return {
    textStyle: { fontSize: wall ? 16 : 12 },
    tooltip: { trigger: "axis" as const, textStyle: { fontSize: wall ? 16 : 12 } },
    legend: { top: 0, textStyle: { fontSize: wall ? 16 : 12 } },
    grid: { left: 8, right: 16, top: wall ? 40 : 32, bottom: 8, containLabel: true },
  };
}

/** "2026-11" → "11月" / "Nov" style short labels keep the month axis readable. */
export function monthLabel(period: string, lang: "zh-CN" | "en"): string {
  const [year, month] = period.split("-");
  if (lang === "en") return `${month}/${year!.slice(2)}`;
  return `${year!.slice(2)}年${Number(month)}月`;
}
