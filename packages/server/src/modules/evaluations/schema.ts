import { Type } from "@sinclair/typebox";
import { CHECKLIST_TEMPLATE_CODES } from "@shian/domain";
import { StrictObject, Uuid } from "../../http/schema-helpers.js";

const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });
const ChinaDate = Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$" });
const Month = Type.String({ pattern: "^\\d{4}-(0[1-9]|1[0-2])$" });
const Colour = Type.Union([
  Type.Literal("blue"),
  Type.Literal("yellow"),
  Type.Literal("orange"),
  Type.Literal("red"),
]);

export const Answer = StrictObject({
  code: Type.String({ minLength: 1, maxLength: 64 }),
  result: Type.Union([Type.Literal("pass"), Type.Literal("fail"), Type.Literal("na")]),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});

export const EvaluationBody = StrictObject({
  storeId: Uuid,
  template: Type.Optional(Type.Union(CHECKLIST_TEMPLATE_CODES.map((code) => Type.Literal(code)))),
  /** Any China date of the week evaluated (stored as its Monday); this week by default. */
  week: Type.Optional(ChinaDate),
  results: Type.Array(Answer, { minItems: 1, maxItems: 50 }),
});

export const MonthQuery = StrictObject({ store: Uuid, month: Month });

const FailedItem = Type.Object({ code: Type.String(), text: Bilingual, key: Type.Boolean() });

export const EvaluationView = Type.Object({
  id: Type.String(),
  storeId: Type.String(),
  template: Type.String(),
  week: Type.String(),
  score: Type.Integer(),
  failedItems: Type.Array(FailedItem),
  evaluatedAt: Type.String(),
});

export const MonthView = Type.Object({
  storeId: Type.String(),
  storeName: Type.String(),
  month: Type.String(),
  weeks: Type.Array(
    Type.Object({
      week: Type.String(),
      evaluation: Type.Union([EvaluationView, Type.Null()]),
    }),
  ),
  average: Type.Number(),
  colour: Colour,
});

export const SanctionKind = Type.Union([
  Type.Literal("suspension"),
  Type.Literal("clearance"),
  Type.Literal("tender_exclusion"),
]);
export const SanctionStatus = Type.Union([
  Type.Literal("proposed"),
  Type.Literal("approved"),
  Type.Literal("rejected"),
]);

export const SanctionQuery = StrictObject({ status: Type.Optional(SanctionStatus) });
export const SanctionRunBody = StrictObject({
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
});
export const DecisionBody = StrictObject({
  approve: Type.Boolean(),
  note: Type.String({ minLength: 1, maxLength: 2000, pattern: "\\S" }),
});

export const SanctionView = Type.Object({
  id: Type.String(),
  storeId: Type.String(),
  storeName: Type.String(),
  regionCode: Type.String(),
  kind: SanctionKind,
  label: Bilingual,
  year: Type.Integer(),
  pointsDeducted: Type.Integer(),
  status: SanctionStatus,
  decidedAt: Type.Union([Type.String(), Type.Null()]),
  decisionNote: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});
export const SanctionList = Type.Object({ items: Type.Array(SanctionView) });
export const RunResult = Type.Object({ year: Type.Integer(), created: Type.Integer() });
