import { Type } from "@sinclair/typebox";
import { StrictObject, Uuid } from "../../http/schema-helpers.js";
import { CATEGORY_CODES, COMPLAINT_STATUSES } from "./categories.js";

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const DateTime = Type.String({ format: "date-time" });

export const ComplaintStatusSchema = Type.Union(COMPLAINT_STATUSES.map((status) => Type.Literal(status)));
export const CategorySchema = Type.Union(CATEGORY_CODES.map((code) => Type.Literal(code)));

export const CreatedComplaintView = Type.Object({ id: Type.String(), trackingToken: Type.String() });

export const TrackingQuery = StrictObject({
  token: Type.String({ minLength: 1, maxLength: 200 }),
  lang: Type.Optional(Type.String({ maxLength: 10 })),
});

/** What the complainant sees: no phone, no officer names. */
export const TrackingView = Type.Object({
  id: Type.String(),
  status: ComplaintStatusSchema,
  category: Type.String(),
  categoryName: Type.Object({ "zh-CN": Type.String(), en: Type.String() }),
  storeName: Type.Union([Type.String(), Type.Null()]),
  createdAt: DateTime,
  acknowledgedAt: Nullable(DateTime),
  closedAt: Nullable(DateTime),
  reply: Nullable(Type.String()),
  upheld: Type.Union([Type.Boolean(), Type.Null()]),
});

const Sla = {
  acknowledgeBy: DateTime,
  closeBy: DateTime,
  overdue: Type.Boolean(),
  escalatedAt: Nullable(DateTime),
};

export const ComplaintListItem = Type.Object({
  id: Type.String(),
  status: ComplaintStatusSchema,
  category: Type.String(),
  regionCode: Type.String(),
  storeId: Nullable(Type.String()),
  storeName: Nullable(Type.String()),
  descriptionExcerpt: Type.String(),
  assignedTo: Nullable(Type.String()),
  createdAt: DateTime,
  ...Sla,
});

export const ComplaintDetail = Type.Object({
  ...ComplaintListItem.properties,
  description: Type.String(),
  lat: Type.Union([Type.Number(), Type.Null()]),
  lng: Type.Union([Type.Number(), Type.Null()]),
  /** Masked (138****1234); the full number never leaves the server through this API. */
  contactPhone: Nullable(Type.String()),
  assigneeName: Nullable(Type.String()),
  photoFileIds: Type.Array(Type.String()),
  acknowledgedAt: Nullable(DateTime),
  closedAt: Nullable(DateTime),
  reply: Nullable(Type.String()),
  upheld: Type.Union([Type.Boolean(), Type.Null()]),
});

export const ListQuery = StrictObject({
  status: Type.Optional(ComplaintStatusSchema),
  overdue: Type.Optional(Type.Boolean()),
  mine: Type.Optional(Type.Boolean()),
});

export const PhotoParams = StrictObject({ id: Uuid, fileId: Uuid });
export const AssignBody = StrictObject({ inspectorId: Uuid });
export const CloseBody = StrictObject({
  reply: Type.String({ minLength: 1, maxLength: 4000 }),
  upheld: Type.Boolean(),
});

export const InspectorView = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  regionCode: Nullable(Type.String()),
});

export const CodeParams = StrictObject({ code: Type.String({ pattern: "^[A-Za-z0-9_-]{4,16}$" }) });
export const LangQuery = StrictObject({ lang: Type.Optional(Type.String({ maxLength: 10 })) });

export { IdParams } from "../../http/schema-helpers.js";
