import { Type } from "@sinclair/typebox";
import { StrictObject, Uuid } from "../../http/schema-helpers.js";

export const CheckResultSchema = Type.Union([Type.Literal("pass"), Type.Literal("fail"), Type.Literal("na")]);

/** One answered checklist item; photos by file id (uploaded first through POST /api/v1/files). */
export const ResultItem = StrictObject({
  code: Type.String({ minLength: 1, maxLength: 64 }),
  result: CheckResultSchema,
  note: Type.Optional(Type.String({ maxLength: 1000 })),
  photoFileIds: Type.Optional(Type.Array(Uuid, { maxItems: 10, uniqueItems: true })),
});

export const Results = Type.Array(ResultItem, { minItems: 1, maxItems: 100 });
export const Latitude = Type.Number({ minimum: -90, maximum: 90 });
export const Longitude = Type.Number({ minimum: -180, maximum: 180 });
export const TemplateCode = Type.Union([Type.Literal("patrol"), Type.Literal("routine")]);

/** Kinds an officer records; volunteer patrols come in through POST /api/v1/patrols. */
export const OfficerInspectionKind = Type.Union([
  Type.Literal("routine"),
  Type.Literal("random_draw"),
  Type.Literal("complaint"),
  Type.Literal("alert_follow_up"),
  Type.Literal("commitment_follow_up"),
]);

export const InspectionKind = Type.Union([
  OfficerInspectionKind,
  Type.Literal("volunteer_patrol"),
  Type.Literal("online_patrol"),
]);

export const RecordInspectionBody = StrictObject({
  storeId: Uuid,
  kind: OfficerInspectionKind,
  template: TemplateCode,
  results: Results,
  lat: Latitude,
  lng: Longitude,
  taskId: Type.Optional(Uuid),
});

export const InspectionListQuery = StrictObject({
  storeId: Type.Optional(Uuid),
  kind: Type.Optional(InspectionKind),
  status: Type.Optional(Type.Union([Type.Literal("planned"), Type.Literal("done")])),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const ResultView = Type.Object({
  code: Type.String(),
  result: CheckResultSchema,
  note: Type.Optional(Type.String()),
  photoFileIds: Type.Optional(Type.Array(Type.String())),
});

export const InspectionView = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  status: Type.String(),
  storeId: Type.String(),
  storeName: Type.String(),
  regionCode: Type.String(),
  template: Type.String(),
  inspectorId: Nullable(Type.String()),
  taskId: Nullable(Type.String()),
  plannedFor: Nullable(Type.String()),
  inspectedAt: Nullable(Type.String()),
  results: Type.Array(ResultView),
  /** The GPS fix; officers only. */
  lat: Nullable(Type.Number()),
  lng: Nullable(Type.Number()),
  distanceM: Nullable(Type.Integer()),
  farFromStore: Nullable(Type.Boolean()),
  outcome: Nullable(Type.String()),
  score: Nullable(Type.Integer()),
  rectificationIds: Type.Array(Type.String()),
  findingTaskId: Nullable(Type.String()),
});

export const InspectionList = Type.Object({ items: Type.Array(InspectionView) });

const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });

export const TemplateView = Type.Object({
  code: Type.String(),
  title: Bilingual,
  items: Type.Array(
    Type.Object({ code: Type.String(), text: Bilingual, weight: Type.Integer(), critical: Type.Boolean() }),
  ),
});
export const TemplateList = Type.Object({ items: Type.Array(TemplateView) });
