import type { Static } from "@sinclair/typebox";
import { XIANGSHAN_SANCTION_THRESHOLDS } from "@shian/domain";
import type { EvaluationRow, SanctionRow } from "./repository.js";
import type { EvaluationView, MonthView, SanctionView } from "./schema.js";
import { failedItemsOf, type MonthReport } from "./service.js";

export function presentEvaluation(row: EvaluationRow): Static<typeof EvaluationView> {
  return {
    id: row.id,
    storeId: row.storeId,
    template: row.template,
    week: row.week,
    score: row.score,
    failedItems: failedItemsOf(row).map(({ code, text, key }) => ({ code, text, key })),
    evaluatedAt: row.evaluatedAt.toISOString(),
  };
}

export function presentMonth(report: MonthReport): Static<typeof MonthView> {
  return {
    storeId: report.store.id,
    storeName: report.store.name,
    month: report.month,
    weeks: report.weeks.map(({ week, evaluation }) => ({
      week,
      evaluation: evaluation ? presentEvaluation(evaluation) : null,
    })),
    average: report.average,
    colour: report.colour as Static<typeof MonthView>["colour"],
  };
}

export function presentSanction(row: {
  proposal: SanctionRow;
  storeName: string;
}): Static<typeof SanctionView> {
  const { proposal } = row;
  const threshold = XIANGSHAN_SANCTION_THRESHOLDS.find((entry) => entry.kind === proposal.kind);
  return {
    id: proposal.id,
    storeId: proposal.storeId,
    storeName: row.storeName,
    regionCode: proposal.regionCode,
    kind: proposal.kind,
    label: threshold?.label ?? { zh: proposal.kind, en: proposal.kind },
    year: proposal.year,
    pointsDeducted: proposal.pointsDeducted,
    status: proposal.status,
    decidedAt: proposal.decidedAt?.toISOString() ?? null,
    decisionNote: proposal.decisionNote,
    createdAt: proposal.createdAt.toISOString(),
  };
}
