import { Type } from "@sinclair/typebox";
import { StrictObject, Uuid } from "../../http/schema-helpers.js";
import { CheckResultSchema, ResultView, TemplateView } from "../inspections/schema.js";
import { Period } from "../supervision/schema.js";

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const PatrolListQuery = StrictObject({ period: Period });

const PlanItemState = Type.Object({
  id: Type.String(),
  planId: Type.String(),
  grade: Type.String(),
  visitsRequired: Type.Integer(),
  visitsDone: Type.Integer(),
  done: Type.Boolean(),
});

export const PatrolListItem = Type.Object({
  planItemId: Type.String(),
  planId: Type.String(),
  model: Type.String(),
  storeId: Type.String(),
  storeName: Type.String(),
  storeAddress: Type.String(),
  regionCode: Type.String(),
  grade: Type.String(),
  feedCount: Type.Integer(),
  latestSnapshotAt: Nullable(Type.String()),
  visitsRequired: Type.Integer(),
  visitsDone: Type.Integer(),
  done: Type.Boolean(),
});
export const PatrolList = Type.Object({ period: Type.String(), items: Type.Array(PatrolListItem) });

export const StoreParams = StrictObject({ storeId: Uuid });

export const PatrolStoreView = Type.Object({
  storeId: Type.String(),
  storeName: Type.String(),
  storeAddress: Type.String(),
  regionCode: Type.String(),
  feeds: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), hlsUrl: Nullable(Type.String()) })),
  snapshots: Type.Array(
    Type.Object({ id: Type.String(), feedId: Nullable(Type.String()), takenAt: Type.String() }),
  ),
  /** The online-patrol checklist: routine items that can be judged from video (docs/online-patrol.md). */
  checklist: TemplateView,
  /** This month's online plan item of the store, if the plan has one. */
  planItem: Nullable(PlanItemState),
});

export const RecordPatrolBody = StrictObject({
  storeId: Uuid,
  period: Period,
  results: Type.Array(
    StrictObject({
      code: Type.String({ minLength: 1, maxLength: 64 }),
      result: CheckResultSchema,
      note: Type.Optional(Type.String({ maxLength: 1000 })),
      /** Snapshots of the store chosen as evidence; each is copied into the file store. */
      snapshotIds: Type.Optional(Type.Array(Uuid, { maxItems: 5, uniqueItems: true })),
    }),
    { minItems: 1, maxItems: 100 },
  ),
});

export const RecordedPatrolView = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  storeId: Type.String(),
  storeName: Type.String(),
  regionCode: Type.String(),
  inspectedAt: Type.String(),
  outcome: Nullable(Type.String()),
  score: Nullable(Type.Integer()),
  results: Type.Array(ResultView),
  rectificationIds: Type.Array(Type.String()),
  planItem: Nullable(PlanItemState),
});
