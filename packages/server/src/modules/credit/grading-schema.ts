import { Type } from "@sinclair/typebox";
import { CREDIT_MODELS } from "@shian/domain";
import { RegionCode, StrictObject } from "../../http/schema-helpers.js";
import { PERIOD_PATTERN } from "./period.js";

const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });
const Period = Type.String({ pattern: PERIOD_PATTERN, description: "YYYY-MM, China time" });
export const ModelId = Type.Union(CREDIT_MODELS.map((model) => Type.Literal(model.id)));
const CodeColour = Type.Union([Type.Literal("green"), Type.Literal("yellow"), Type.Literal("red")]);

export const StartRunBody = StrictObject({ model: ModelId, period: Period });

export const RunView = Type.Object({
  id: Type.String(),
  model: Type.String(),
  modelVersion: Type.String(),
  period: Type.String(),
  status: Type.Union([Type.Literal("running"), Type.Literal("done"), Type.Literal("failed")]),
  processed: Type.Integer(),
  total: Type.Integer(),
  startedAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
});
export const RunList = Type.Object({ items: Type.Array(RunView) });
export const RunListQuery = StrictObject({
  model: Type.Optional(ModelId),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});

const Dimension = Type.Object({
  dimension: Type.String(),
  weight: Type.Number(),
  score: Type.Number(),
  contribution: Type.Number(),
});

const Indicator = Type.Object({
  code: Type.String(),
  group: Type.String(),
  dimension: Type.String(),
  /** null: the platform does not record this indicator's facts yet, so it does not count. */
  score: Type.Union([Type.Number(), Type.Null()]),
  weight: Type.Number(),
  label: Bilingual,
  advice: Type.Optional(Bilingual),
});

const Improvement = Type.Object({ code: Type.String(), score: Type.Number(), advice: Bilingual });

export const GradeView = Type.Object({
  model: Type.String(),
  modelVersion: Type.String(),
  period: Type.String(),
  score: Type.Number(),
  grade: Type.String(),
  riskColour: Type.String(),
  /** The 食安码 colour the grade gives. */
  codeColour: CodeColour,
  vetoed: Type.Array(Type.String()),
  dimensions: Type.Array(Dimension),
  indicators: Type.Array(Indicator),
  /** What to improve: the indicators below 100, worst first. */
  improvements: Type.Array(Improvement),
  gradedAt: Type.String(),
});

export const StoreGradesView = Type.Object({
  storeId: Type.String(),
  storeName: Type.String(),
  /** The grade behind the 食安码 now (null before the first grading). */
  current: Type.Union([
    Type.Object({
      model: Type.String(),
      period: Type.Union([Type.String(), Type.Null()]),
      grade: Type.String(),
      colour: CodeColour,
      riskColour: Type.Union([Type.String(), Type.Null()]),
      score: Type.Union([Type.Number(), Type.Null()]),
      gradedOn: Type.String(),
    }),
    Type.Null(),
  ]),
  /** Newest period first. */
  history: Type.Array(GradeView),
});

export const DistributionQuery = StrictObject({
  period: Type.Optional(Period),
  region: Type.Optional(RegionCode),
  grade: Type.Optional(Type.String({ minLength: 1, maxLength: 16 })),
});

export const DistributionView = Type.Object({
  /** null when nothing has been graded yet. */
  period: Type.Union([Type.String(), Type.Null()]),
  items: Type.Array(
    Type.Object({
      model: Type.String(),
      grade: Type.String(),
      riskColour: Type.String(),
      count: Type.Integer(),
    }),
  ),
});

export { IdParams } from "../../http/schema-helpers.js";
