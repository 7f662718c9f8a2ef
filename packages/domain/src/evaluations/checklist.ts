// Weekly on-site checklist evaluations of small workshops and market stalls (小作坊, 摊位; seed 004 象山：
// 每周对卤肉食品小作坊对照表单进行现场评价，每月出具评价报告). The checklist is data; the weekly score, the
// monthly four-colour risk and the points consequences (停业、清场、不得参加下轮招投标) are assumptions the seed
// leaves open (docs/evaluations.md).

import type { Bilingual } from "../licensing/taxonomy.js";
import type { RiskColour } from "../credit/model.js";

export interface WeeklyChecklistItem {
  code: string;
  text: Bilingual;
  /** A failed key item caps the week's score below a pass. */
  key: boolean;
}

export interface ChecklistTemplate {
  code: string;
  title: Bilingual;
  items: readonly WeeklyChecklistItem[];
}

export type WeeklyChecklistResult = "pass" | "fail" | "na";

export interface ChecklistAnswer {
  code: string;
  result: WeeklyChecklistResult;
  note?: string;
}

const item = (code: string, zh: string, en: string, key = false): WeeklyChecklistItem => ({
  code,
  text: { zh, en },
  key,
});

export const XIANGSHAN_WORKSHOP_WEEKLY: ChecklistTemplate = {
  code: "xiangshan-workshop-weekly",
  title: { zh: "卤肉食品小作坊（摊位）每周现场评价表", en: "Braised-meat workshop (stall) weekly checklist" },
  items: [
    item(
      "purchase_vouchers",
      "原料索证索票齐全",
      "Supplier licences and invoices kept for raw materials",
      true,
    ),
    item("within_shelf_life", "原料在保质期内", "Raw materials within their shelf life", true),
    item("health_certificates", "从业人员持有效健康证明", "Staff hold valid health certificates", true),
    item("premises_hygiene", "加工场所清洁卫生", "Processing premises clean"),
    item("raw_cooked_separated", "生熟分开", "Raw and cooked foods kept apart", true),
    item("pest_dust_protection", "防蝇防尘设施完好", "Fly and dust protection in working order"),
    item(
      "additives_custody",
      "食品添加剂专人专柜管理",
      "Food additives kept in a dedicated cabinet by one person",
      true,
    ),
    item("rapid_test_records", "快检记录完整", "Rapid-test records complete"),
    item("commitment_displayed", "承诺书公示", "Commitment letter displayed"),
    item("sunshine_screen", "阳光屏正常播放", "Sunshine screen playing"),
    item("waste_disposal", "废弃物规范处置", "Waste disposed of properly"),
  ],
};

export const CHECKLIST_TEMPLATES: Readonly<Record<string, ChecklistTemplate>> = {
  [XIANGSHAN_WORKSHOP_WEEKLY.code]: XIANGSHAN_WORKSHOP_WEEKLY,
};

export const CHECKLIST_TEMPLATE_CODES = Object.keys(CHECKLIST_TEMPLATES) as [string, ...string[]];

export function findChecklistTemplate(code: string): ChecklistTemplate | undefined {
  return CHECKLIST_TEMPLATES[code];
}

/** The highest score a week with a failed key item can reach (one below the lowest passing colour). */
export const KEY_FAILURE_CAP = 59;

/** Problems with a set of answers: every item answered exactly once, no unknown codes. */
export function checklistAnswerProblems(
  template: ChecklistTemplate,
  answers: readonly ChecklistAnswer[],
): string[] {
  const codes = new Set(template.items.map((entry) => entry.code));
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const answer of answers) {
    if (!codes.has(answer.code)) problems.push(`unknown item ${answer.code}`);
    else if (seen.has(answer.code)) problems.push(`item ${answer.code} answered twice`);
    seen.add(answer.code);
  }
  for (const code of codes) if (!seen.has(code)) problems.push(`item ${code} not answered`);
  return problems;
}

/** The items a set of answers fails. */
export function failedItems(
  template: ChecklistTemplate,
  answers: readonly ChecklistAnswer[],
): WeeklyChecklistItem[] {
  const failed = new Set(answers.filter((answer) => answer.result === "fail").map((answer) => answer.code));
  return template.items.filter((entry) => failed.has(entry.code));
}

/**
 * The week's score: the share of passed items among the applicable ones (n/a left out) × 100, rounded; a failed
 * key item caps it at KEY_FAILURE_CAP. No applicable item scores 100.
 */
export function weeklyScore(template: ChecklistTemplate, answers: readonly ChecklistAnswer[]): number {
  const applicable = answers.filter((answer) => answer.result !== "na");
  const passed = applicable.filter((answer) => answer.result === "pass").length;
  const score = applicable.length === 0 ? 100 : Math.round((passed / applicable.length) * 100);
  const keyFailed = failedItems(template, answers).some((entry) => entry.key);
  return keyFailed ? Math.min(score, KEY_FAILURE_CAP) : score;
}

/** Lowest monthly average score of each colour; a failed key item in the month rules out blue. */
export const MONTHLY_COLOUR_THRESHOLDS = { blue: 90, yellow: 75, orange: 60 } as const;

export interface WeekScore {
  /** Monday of the week (YYYY-MM-DD). */
  week: string;
  /** null: the week was not evaluated (counts 0). */
  score: number | null;
  keyItemFailed: boolean;
}

/** The month's risk colour from its weekly scores: the average (a missing week counts 0) against the thresholds. */
export function monthlyRiskColour(weeks: readonly WeekScore[]): { average: number; colour: RiskColour } {
  const total = weeks.reduce((sum, week) => sum + (week.score ?? 0), 0);
  const average = weeks.length === 0 ? 0 : Math.round((total / weeks.length) * 10) / 10;
  const keyFailed = weeks.some((week) => week.keyItemFailed);
  const colour: RiskColour =
    average >= MONTHLY_COLOUR_THRESHOLDS.blue && !keyFailed
      ? "blue"
      : average >= MONTHLY_COLOUR_THRESHOLDS.yellow
        ? "yellow"
        : average >= MONTHLY_COLOUR_THRESHOLDS.orange
          ? "orange"
          : "red";
  return { average, colour };
}

/** The Monday (China calendar) of the week holding a China date (YYYY-MM-DD). */
export function mondayOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const offset = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - offset * 86_400_000).toISOString().slice(0, 10);
}

/** The Mondays that fall in a month (YYYY-MM): the weeks the month's report counts. */
export function mondaysOfMonth(month: string): string[] {
  const first = new Date(`${month}-01T00:00:00Z`);
  const mondays: string[] = [];
  const offset = (8 - first.getUTCDay()) % 7;
  for (let day = new Date(first.getTime() + offset * 86_400_000); ;) {
    const text = day.toISOString().slice(0, 10);
    if (!text.startsWith(month)) return mondays;
    mondays.push(text);
    day = new Date(day.getTime() + 7 * 86_400_000);
  }
}
