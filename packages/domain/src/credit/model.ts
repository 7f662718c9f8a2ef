// Credit grading models as data (seed 004): a model names its dimensions and weights, its grade thresholds,
// its vetoes and the supervision each grade gets. evaluate() is the one formula every model shares.

import type { Bilingual } from "../licensing/taxonomy.js";

/** Risk colours of the models: Zhenhai's four (green/blue/yellow/red), Xiangshan's (blue/yellow/orange/red). */
export type RiskColour = "green" | "blue" | "yellow" | "orange" | "red";

/** The three colours of the 食安码 on the shop door (seed 001). */
export type CodeColour = "green" | "yellow" | "red";

export type CreditModelId = "zhenhai-3l4c" | "rizhao-abcd" | "xiangshan-points";

export interface Dimension {
  /** Stable name used by the what-if API, e.g. "public_credit". */
  name: string;
  label: Bilingual;
  /** Share of the total score, 0..1; the weights of a model sum to 1. */
  weight: number;
}

export interface GradeBand {
  grade: string;
  colour: RiskColour;
  /** Lowest score (inclusive) of the band; bands are listed best first and the last has minScore 0. */
  minScore: number;
  label: Bilingual;
}

export interface Veto {
  /** e.g. "serious_dishonesty", "food_safety_accident". */
  code: string;
  /** The grade a veto forces, whatever the score. */
  grade: string;
  label: Bilingual;
}

/** What supervision a grade gets each month. */
export interface SupervisionRule {
  /** Online patrol (线上巡查) of every store of the grade. */
  online: boolean;
  /** Share of the grade's stores drawn at random for offline inspection, 0..1 (rounded up). */
  offlineShare: number;
  /** Offline visits per drawn store per month (Zhenhai red: at least 2, every store). */
  visitsPerMonth: number;
}

/** Which stores a model grades. */
export interface ModelPopulation {
  licenceType: "JY" | "SC";
  /** Only these 具体业态 (subtype codes); all when absent. */
  subtypes?: readonly string[];
}

export interface CreditModel {
  id: CreditModelId;
  /** Bumped whenever weights, bands, vetoes, indicators or rules change; stored with every grade. */
  version: string;
  label: Bilingual;
  /** Where the figures come from, e.g. "seed 004, 宁波市镇海区". */
  source: string;
  population: ModelPopulation;
  /**
   * The span the counts of StoreFacts cover: the graded month, or the 12 months ending with it (a yearly
   * allowance of points, Xiangshan). State facts (licence valid, on a list) are read at the period's end either way.
   */
  countsOver: "month" | "year";
  dimensions: readonly Dimension[];
  bands: readonly GradeBand[];
  vetoes: readonly Veto[];
  supervision: Readonly<Record<string, SupervisionRule>>;
  /** The 食安码 colour of each risk colour the model uses. */
  codeColour: Readonly<Partial<Record<RiskColour, CodeColour>>>;
}

export interface DimensionResult {
  dimension: string;
  weight: number;
  score: number;
  contribution: number;
}

export interface Evaluation {
  model: CreditModelId;
  version: string;
  score: number;
  grade: string;
  colour: RiskColour;
  codeColour: CodeColour;
  /** Vetoes that applied (empty when none). */
  vetoed: string[];
  breakdown: DimensionResult[];
  supervision: SupervisionRule;
}

export class UnknownDimensionError extends Error {
  constructor(
    readonly unknown: string[],
    readonly missing: string[],
    readonly allowed: string[],
  ) {
    super(`dimensions must be exactly: ${allowed.join(", ")}`);
  }
}

export class UnknownVetoError extends Error {
  constructor(
    readonly unknown: string[],
    readonly allowed: string[],
  ) {
    super(`vetoes must be among: ${allowed.join(", ")}`);
  }
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The band a score falls in (bands best first). */
export function bandFor(model: CreditModel, score: number): GradeBand {
  const band = model.bands.find((b) => score >= b.minScore);
  if (!band) throw new RangeError(`score ${score} is below every band of ${model.id}`);
  return band;
}

/**
 * score = Σ weight × dimension score (each 0..100), rounded to 2 decimals; the grade is the band the score
 * falls in, unless a veto applies, which forces its grade (Rizhao: D).
 */
export function evaluate(
  model: CreditModel,
  dimensions: Readonly<Record<string, number>>,
  vetoes: readonly string[] = [],
): Evaluation {
  const allowed = model.dimensions.map((d) => d.name);
  const unknown = Object.keys(dimensions).filter((name) => !allowed.includes(name));
  const missing = allowed.filter((name) => !(name in dimensions));
  if (unknown.length > 0 || missing.length > 0) throw new UnknownDimensionError(unknown, missing, allowed);
  const vetoCodes = model.vetoes.map((v) => v.code);
  const unknownVetoes = vetoes.filter((code) => !vetoCodes.includes(code));
  if (unknownVetoes.length > 0) throw new UnknownVetoError(unknownVetoes, vetoCodes);

  const breakdown = model.dimensions.map((d) => {
    const score = clampScore(dimensions[d.name]!);
    return { dimension: d.name, weight: d.weight, score, contribution: round2(d.weight * score) };
  });
  const score = round2(breakdown.reduce((sum, d) => sum + d.weight * d.score, 0));
  const applied = model.vetoes.filter((v) => vetoes.includes(v.code));
  const band = applied.length > 0 ? bandByGrade(model, applied[0]!.grade) : bandFor(model, score);
  return {
    model: model.id,
    version: model.version,
    score,
    grade: band.grade,
    colour: band.colour,
    codeColour: model.codeColour[band.colour] ?? "red",
    vetoed: applied.map((v) => v.code),
    breakdown,
    supervision: model.supervision[band.grade]!,
  };
}

function bandByGrade(model: CreditModel, grade: string): GradeBand {
  const band = model.bands.find((b) => b.grade === grade);
  if (!band) throw new RangeError(`${model.id} has no grade ${grade}`);
  return band;
}

function clampScore(value: number): number {
  if (!Number.isFinite(value) || value < 0 || value > 100) {
    throw new RangeError(`a dimension score must be between 0 and 100, got ${value}`);
  }
  return value;
}
