import { Type } from "@sinclair/typebox";
import { StrictObject } from "../../http/schema-helpers.js";

const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });
const Score = Type.Number({ minimum: 0, maximum: 100 });
const Code = Type.String({ minLength: 1, maxLength: 64 });

/** What-if: a model and its dimension scores; the model, dimensions and vetoes are checked against the model. */
export const EvaluateBody = StrictObject({
  model: Code,
  dimensions: Type.Record(Type.String({ maxLength: 64 }), Score, { maxProperties: 20 }),
  vetoes: Type.Optional(Type.Array(Code, { maxItems: 20 })),
});

const Supervision = Type.Object({
  online: Type.Boolean(),
  offlineShare: Type.Number(),
  visitsPerMonth: Type.Integer(),
});

export const EvaluationView = Type.Object({
  model: Type.String(),
  version: Type.String(),
  score: Type.Number(),
  grade: Type.String(),
  colour: Type.String(),
  codeColour: Type.String(),
  vetoed: Type.Array(Type.String()),
  breakdown: Type.Array(
    Type.Object({
      dimension: Type.String(),
      weight: Type.Number(),
      score: Type.Number(),
      contribution: Type.Number(),
    }),
  ),
  supervision: Supervision,
});

export const ModelView = Type.Object({
  id: Type.String(),
  version: Type.String(),
  label: Bilingual,
  source: Type.String(),
  population: Type.Object({
    licenceType: Type.String(),
    subtypes: Type.Optional(Type.Array(Type.String())),
  }),
  dimensions: Type.Array(Type.Object({ name: Type.String(), label: Bilingual, weight: Type.Number() })),
  bands: Type.Array(
    Type.Object({ grade: Type.String(), colour: Type.String(), minScore: Type.Number(), label: Bilingual }),
  ),
  vetoes: Type.Array(Type.Object({ code: Type.String(), grade: Type.String(), label: Bilingual })),
  supervision: Type.Array(Type.Intersect([Type.Object({ grade: Type.String() }), Supervision])),
  codeColour: Type.Record(Type.String(), Type.String()),
  groups: Type.Array(
    Type.Object({ code: Type.String(), dimension: Type.String(), label: Bilingual, weight: Type.Number() }),
  ),
  indicators: Type.Array(Type.Object({ code: Type.String(), group: Type.String(), label: Bilingual })),
});

export const ModelList = Type.Object({ items: Type.Array(ModelView) });
