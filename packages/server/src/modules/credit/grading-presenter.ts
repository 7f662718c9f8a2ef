import {
  INDICATORS,
  INDICATOR_SETS,
  type Bilingual,
  type CreditModelId,
  type IndicatorSet,
} from "@shian/domain";
import type { Static } from "@sinclair/typebox";
import type { GradeBreakdown } from "./grading.js";
import type { GradeHistoryRow, GradingRunRow } from "./grading-repository.js";
import type { GradeView, RunView, StoreGradesView } from "./grading-schema.js";
import type { storeGrades } from "./grades-service.js";

/** The run's progress; its error text stays in the database and the audit log (it may name internals). */
export function presentRun(run: GradingRunRow): Static<typeof RunView> {
  return {
    id: run.id,
    model: run.model,
    modelVersion: run.modelVersion,
    period: run.period,
    status: run.status,
    processed: run.processed,
    total: run.total,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

type IndicatorText = { label: Bilingual; advice: Bilingual };

/** An indicator's label and advice by code, from the model's indicator set (the code itself when unknown). */
function indicatorText(model: string, code: string): IndicatorText {
  const set = INDICATOR_SETS[model as CreditModelId] as IndicatorSet | undefined;
  const known =
    set?.kind === "points"
      ? set.deductions.find((deduction) => deduction.code === code)
      : (INDICATORS as Record<string, IndicatorText>)[code];
  return known ?? { label: { zh: code, en: code }, advice: { zh: code, en: code } };
}

export function presentGrade(row: GradeHistoryRow): Static<typeof GradeView> {
  const breakdown = row.breakdown as GradeBreakdown;
  const text = (code: string) => indicatorText(row.model, code);
  return {
    model: row.model,
    modelVersion: row.modelVersion,
    period: row.period,
    score: row.score,
    grade: row.grade,
    riskColour: row.riskColour,
    codeColour: breakdown.codeColour,
    vetoed: row.vetoed,
    dimensions: breakdown.dimensions,
    indicators: breakdown.indicators.map((indicator) => {
      const { label, advice } = text(indicator.code);
      const improvable = indicator.score !== null && indicator.score < 100;
      return { ...indicator, label, ...(improvable ? { advice } : {}) };
    }),
    improvements: breakdown.improvements.map(({ code, score }) => ({
      code,
      score,
      advice: text(code).advice,
    })),
    gradedAt: row.gradedAt.toISOString(),
  };
}

export function presentStoreGrades({
  store,
  current,
  history,
}: Awaited<ReturnType<typeof storeGrades>>): Static<typeof StoreGradesView> {
  return {
    storeId: store.id,
    storeName: store.name,
    current: current
      ? {
          model: current.model,
          period: current.period,
          grade: current.grade,
          colour: current.colour,
          riskColour: current.riskColour,
          score: current.score,
          gradedOn: current.gradedOn,
        }
      : null,
    history: history.map(presentGrade),
  };
}
