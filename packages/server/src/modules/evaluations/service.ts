import {
  XIANGSHAN_WORKSHOP_WEEKLY,
  checklistAnswerProblems,
  chinaDate,
  failedItems,
  findChecklistTemplate,
  mondayOf,
  mondaysOfMonth,
  monthlyRiskColour,
  weeklyScore,
  type ChecklistAnswer,
} from "@shian/domain";
import type { Database, Queryable } from "../../db/client.js";
import { AppError } from "../../http/errors.js";
import type { RequestContext, UserActor } from "../accounts/actor.js";
import { recordAudit } from "../audit/service.js";
import { findStoreById } from "../entities/repository.js";
import { authorizeInJurisdiction, authorizeStoreView } from "./policy.js";
import * as repo from "./repository.js";
import { proposeSanctions } from "./sanctions.js";

const templateOf = (code: string) => findChecklistTemplate(code) ?? XIANGSHAN_WORKSHOP_WEEKLY;

/**
 * 每周现场评价 (seed 004): an officer of the jurisdiction records one evaluation per store and week (the week's
 * Monday, China calendar); a second one for the week is a conflict. The due sanctions are proposed at once.
 */
export async function recordEvaluation(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  input: {
    storeId: string;
    template?: string | undefined;
    week?: string | undefined;
    results: ChecklistAnswer[];
  },
  now = new Date(),
) {
  const store = await findStoreById(db, input.storeId);
  authorizeInJurisdiction(actor, store);
  const template = templateOf(input.template ?? XIANGSHAN_WORKSHOP_WEEKLY.code);
  const problems = checklistAnswerProblems(template, input.results);
  if (problems.length > 0) {
    throw new AppError(
      "validation_failed",
      { "zh-CN": "评价表须逐项作答且每项一次", en: "Answer every item of the checklist once" },
      problems.map((message) => ({ pointer: "/body/results", message })),
    );
  }
  const week = mondayOf(input.week ?? chinaDate(now));
  const score = weeklyScore(template, input.results);
  return db.transaction(async (tx) => {
    const evaluation = await repo.insertEvaluation(tx, {
      storeId: store.id,
      regionCode: store.regionCode,
      template: template.code,
      week,
      results: input.results,
      score,
      evaluatedBy: actor.id,
      evaluatedAt: now,
    });
    if (!evaluation) {
      throw new AppError("conflict", {
        "zh-CN": `该门店 ${week} 所在周已评价`,
        en: `The store was already evaluated for the week of ${week}`,
      });
    }
    await recordAudit(tx, context, {
      action: "evaluation.record",
      subjectType: "checklist_evaluation",
      subjectId: evaluation.id,
      regionCode: evaluation.regionCode,
      after: {
        storeId: store.id,
        template: template.code,
        week,
        score,
        failed: failedItems(template, input.results).map((entry) => entry.code),
      },
    });
    await proposeSanctions(tx, context, store.id, Number(week.slice(0, 4)));
    return evaluation;
  });
}

/** The month of a store: its Mondays, the evaluation of each (or none: counts 0), the average and the colour. */
export async function monthOf(db: Queryable, actor: UserActor, storeId: string, month: string) {
  const store = await findStoreById(db, storeId);
  authorizeStoreView(actor, store);
  const mondays = mondaysOfMonth(month);
  const rows = await repo.listEvaluations(db, storeId, mondays[0]!, mondays.at(-1)!);
  const weeks = mondays.map((week) => ({ week, evaluation: rows.find((row) => row.week === week) ?? null }));
  const risk = monthlyRiskColour(
    weeks.map(({ week, evaluation }) => ({
      week,
      score: evaluation?.score ?? null,
      keyItemFailed: evaluation ? keyItemFailed(evaluation) : false,
    })),
  );
  return {
    store,
    month,
    weeks,
    regionName: await repo.regionName(db, store.regionCode),
    ...risk,
  };
}

export function failedItemsOf(row: repo.EvaluationRow) {
  return failedItems(templateOf(row.template), repo.answersOf(row));
}

const keyItemFailed = (row: repo.EvaluationRow) => failedItemsOf(row).some((entry) => entry.key);

export type MonthReport = Awaited<ReturnType<typeof monthOf>>;
