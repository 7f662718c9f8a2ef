import { Type } from "@sinclair/typebox";
import { CREDIT_MODELS } from "@shian/domain";
import { RegionCode, StrictObject, Uuid } from "../../http/schema-helpers.js";

export const Period = Type.String({ pattern: "^[0-9]{4}-(0[1-9]|1[0-2])$", description: "YYYY-MM" });
export const ModelId = Type.Union(CREDIT_MODELS.map((model) => Type.Literal(model.id)));
const Mode = Type.Union([Type.Literal("online"), Type.Literal("offline")]);
const NullableString = Type.Union([Type.String(), Type.Null()]);

export const CommitmentBody = StrictObject({ regionCode: RegionCode, period: Period });
export const CommitmentView = Type.Object({
  id: Type.String(),
  regionCode: Type.String(),
  period: Type.String(),
  /** SHA-256 (hex) of the 32 secret bytes. */
  commitment: Type.String(),
  createdAt: Type.String(),
});
export const CommitmentQuery = StrictObject({
  region: Type.Optional(RegionCode),
  period: Type.Optional(Period),
});
export const CommitmentList = Type.Object({ items: Type.Array(CommitmentView) });

export const PlanBody = StrictObject({
  regionCode: RegionCode,
  period: Period,
  model: ModelId,
  /** The public part of the seed, announced before the draw (e.g. a closing index of a given day). */
  declaredSeed: Type.String({ minLength: 1, maxLength: 200 }),
});

const Completion = {
  items: Type.Integer(),
  itemsDone: Type.Integer(),
  visitsRequired: Type.Integer(),
  visitsDone: Type.Integer(),
};
export const PlanView = Type.Object({
  id: Type.String(),
  regionCode: Type.String(),
  period: Type.String(),
  model: Type.String(),
  modelVersion: Type.String(),
  drawId: NullableString,
  createdAt: Type.String(),
  completion: Type.Object(Completion),
  grades: Type.Array(Type.Object({ grade: Type.String(), mode: Mode, ...Completion })),
});
export const PlanQuery = StrictObject({ period: Type.Optional(Period), region: Type.Optional(RegionCode) });
export const PlanList = Type.Object({ items: Type.Array(PlanView) });

export const ItemQuery = StrictObject({
  mode: Type.Optional(Mode),
  grade: Type.Optional(Type.String({ maxLength: 20 })),
  cursor: Type.Optional(Uuid),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});
export const PlanItemView = Type.Object({
  id: Type.String(),
  storeId: Type.String(),
  storeName: Type.String(),
  grade: Type.String(),
  mode: Mode,
  visitsRequired: Type.Integer(),
  visitsDone: Type.Integer(),
  done: Type.Boolean(),
  inspectors: Type.Array(Type.Object({ id: Type.String(), displayName: Type.String() })),
});
export const PlanItemPage = Type.Object({
  items: Type.Array(PlanItemView),
  nextCursor: NullableString,
});

export const ConflictBody = StrictObject({
  userId: Uuid,
  businessId: Uuid,
  reason: Type.String({ minLength: 1, maxLength: 500 }),
});
export const ConflictView = Type.Object({
  userId: Type.String(),
  businessId: Type.String(),
  reason: Type.String(),
  createdAt: Type.String(),
});

const Stratum = Type.Object({
  stratum: Type.String(),
  share: Type.Number(),
  storeIds: Type.Array(Type.String()),
});
const Drawn = Type.Object({
  storeId: Type.String(),
  stratum: Type.String(),
  inspectorIds: Type.Array(Type.String()),
});
/** Everything needed to re-compute a draw (docs/draws.md); inspector names masked, ids kept. */
export const PublicDraw = Type.Object({
  id: Type.String(),
  planId: NullableString,
  regionCode: Type.String(),
  period: Type.String(),
  model: NullableString,
  modelVersion: NullableString,
  algorithm: Type.String(),
  declaredSeed: Type.String(),
  revealedSecret: Type.String(),
  /** `${declaredSeed}|${revealedSecret}` */
  seed: Type.String(),
  commitment: Type.Union([
    Type.Object({ id: Type.String(), sha256: Type.String(), createdAt: Type.String() }),
    Type.Null(),
  ]),
  populationHash: Type.String(),
  strata: Type.Array(Stratum),
  inspectorPool: Type.Object({
    hash: Type.String(),
    perInspection: Type.Integer(),
    inspectors: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
    exclusions: Type.Array(Type.Object({ storeId: Type.String(), inspectorIds: Type.Array(Type.String()) })),
  }),
  selection: Type.Array(Drawn),
  createdAt: Type.String(),
});

export { IdParams } from "../../http/schema-helpers.js";
