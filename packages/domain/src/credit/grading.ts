// Grading a store: the model that applies to it, its indicator scores from the period's facts, the dimension
// scores they add up to, the vetoes the facts trigger, and evaluate() (model.ts) for the grade.

import type { Bilingual } from "../licensing/taxonomy.js";
import type { StoreFacts } from "./facts.js";
import { INDICATOR_SETS, INDICATORS, type IndicatorSet } from "./indicators.js";
import { evaluate, type CreditModel, type Evaluation } from "./model.js";
import { RIZHAO_ABCD } from "./rizhao-abcd.js";
import { XIANGSHAN_POINTS, XIANGSHAN_SUBTYPES } from "./xiangshan-points.js";
import { ZHENHAI_3L4C } from "./zhenhai-3l4c.js";

/** Every model the platform grades with; modelForStore() picks among them. */
export const CREDIT_MODELS: readonly CreditModel[] = [ZHENHAI_3L4C, RIZHAO_ABCD, XIANGSHAN_POINTS];

export function findModel(id: string): CreditModel | undefined {
  return CREDIT_MODELS.find((model) => model.id === id);
}

/**
 * The model that grades a store: 日照 A/B/C/D for producers (SC), 象山 points for the subtypes it names,
 * 镇海 三级四色 for every other food business (JY).
 */
export function modelForStore(store: { licenceType: "JY" | "SC"; subtype?: string | null }): CreditModel {
  if (store.licenceType === "SC") return RIZHAO_ABCD;
  return XIANGSHAN_SUBTYPES.includes(store.subtype ?? "") ? XIANGSHAN_POINTS : ZHENHAI_3L4C;
}

export interface IndicatorResult {
  code: string;
  group: string;
  dimension: string;
  /** 0..100, rounded to 2 decimals; null when the platform does not record its facts yet (it does not count). */
  score: number | null;
  /** Share of its group, 0..1 (Xiangshan: the points one event deducts, as a share of the allowance). */
  weight: number;
  label: Bilingual;
  /** Present when the score is below 100. */
  advice?: Bilingual;
}

export interface Improvement {
  code: string;
  score: number;
  advice: Bilingual;
}

export interface StoreGrade {
  evaluation: Evaluation;
  indicators: IndicatorResult[];
  /** The advice of the indicators below 100, worst first (at most MAX_IMPROVEMENTS). */
  improvements: Improvement[];
}

export const MAX_IMPROVEMENTS = 5;

/** Which facts trigger which veto; a model applies only the vetoes it declares. */
const VETO_FACTS: Readonly<Record<string, (facts: StoreFacts) => boolean>> = {
  serious_dishonesty: (f) => f.onSeriousDishonestyList,
  food_safety_accident: (f) => f.foodSafetyAccident,
  red_alert: (f) => f.redAlerts > 0,
};

export function vetoesFromFacts(model: CreditModel, facts: StoreFacts): string[] {
  return model.vetoes.map((v) => v.code).filter((code) => VETO_FACTS[code]?.(facts) ?? false);
}

export function gradeStore(model: CreditModel, facts: StoreFacts): StoreGrade {
  const set = INDICATOR_SETS[model.id];
  const { indicators, dimensions } = scoreIndicators(set, facts);
  const evaluation = evaluate(model, dimensions, vetoesFromFacts(model, facts));
  const improvements = indicators
    .filter((i): i is IndicatorResult & { score: number; advice: Bilingual } => i.advice !== undefined)
    .sort((a, b) => a.score - b.score || b.weight - a.weight)
    .slice(0, MAX_IMPROVEMENTS)
    .map((i) => ({ code: i.code, score: i.score, advice: i.advice }));
  return { evaluation, indicators, improvements };
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const clamp = (n: number) => (Number.isFinite(n) ? Math.min(100, Math.max(0, n)) : 0);

type Scored = { indicators: IndicatorResult[]; dimensions: Record<string, number> };

function scoreIndicators(set: IndicatorSet, facts: StoreFacts): Scored {
  return set.kind === "points" ? scorePoints(set, facts) : scoreWeighted(set, facts);
}

/** Xiangshan: the dimension is the share of the allowance left; each deduction shows as 100 − its points. */
function scorePoints(set: Extract<IndicatorSet, { kind: "points" }>, facts: StoreFacts): Scored {
  const { group, allowance } = set;
  const deducted = set.deductions.map((d) => Math.max(0, d.count(facts)) * d.points);
  const indicators = set.deductions.map((d, n) =>
    result(d.code, group.code, group.dimension, 100 - deducted[n]!, d.points / allowance, d),
  );
  const left = allowance - deducted.reduce((sum, points) => sum + points, 0);
  return { indicators, dimensions: { [group.dimension]: round2(clamp((100 * left) / allowance)) } };
}

/**
 * Weighted means: indicators within their group, groups within their dimension. Indicators without data
 * (score null) are left out and the weights of the others are scaled up to fill their place; likewise a group
 * left without any indicator.
 */
function scoreWeighted(set: Extract<IndicatorSet, { kind: "weighted" }>, facts: StoreFacts): Scored {
  const groups = new Map(set.groups.map((g) => [g.code, g]));
  const indicators = set.entries.map((e) => {
    const definition = INDICATORS[e.code];
    return result(
      e.code,
      e.group,
      groups.get(e.group)!.dimension,
      definition.score(facts),
      e.weight,
      definition,
    );
  });
  const groupScores = new Map<string, number>();
  for (const group of set.groups) {
    const scored = indicators.filter((i) => i.group === group.code && i.score !== null);
    const mean = weightedMean(scored.map((i) => ({ weight: i.weight, score: i.score! })));
    if (mean !== null) groupScores.set(group.code, mean);
  }
  const dimensions: Record<string, number> = {};
  for (const dimension of new Set(set.groups.map((g) => g.dimension))) {
    const scored = set.groups.filter((g) => g.dimension === dimension && groupScores.has(g.code));
    const mean = weightedMean(scored.map((g) => ({ weight: g.weight, score: groupScores.get(g.code)! })));
    dimensions[dimension] = round2(clamp(mean ?? 0));
  }
  return { indicators, dimensions };
}

/** Σ weight × score ÷ Σ weight; null when nothing carries weight. */
function weightedMean(items: readonly { weight: number; score: number }[]): number | null {
  const weight = items.reduce((sum, i) => sum + i.weight, 0);
  return weight > 0 ? items.reduce((sum, i) => sum + i.weight * i.score, 0) / weight : null;
}

function result(
  code: string,
  group: string,
  dimension: string,
  rawScore: number | null,
  weight: number,
  text: { label: Bilingual; advice: Bilingual },
): IndicatorResult {
  const score = rawScore === null ? null : round2(clamp(rawScore));
  return {
    code,
    group,
    dimension,
    score,
    weight,
    label: text.label,
    ...(score !== null && score < 100 ? { advice: text.advice } : {}),
  };
}
