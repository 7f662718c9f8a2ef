import { Type } from "@sinclair/typebox";
import { StrictObject, Uuid } from "../../http/schema-helpers.js";

export const RectificationStatus = Type.Union([
  Type.Literal("open"),
  Type.Literal("replied"),
  Type.Literal("closed"),
  Type.Literal("reopened"),
]);

export const RectificationListQuery = StrictObject({
  status: Type.Optional(RectificationStatus),
  storeId: Type.Optional(Uuid),
  inspectionId: Type.Optional(Uuid),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});

export const ReplyBody = StrictObject({
  reply: Type.String({ minLength: 1, maxLength: 2000 }),
  evidenceFileIds: Type.Array(Uuid, { minItems: 1, maxItems: 10, uniqueItems: true }),
});

export const ReopenBody = StrictObject({
  reason: Type.String({ minLength: 1, maxLength: 1000 }),
  /** The new deadline; by default the item's own period (1 or 7 days) from now. */
  dueAt: Type.Optional(Type.String({ format: "date-time" })),
});

const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });

export const RectificationView = Type.Object({
  id: Type.String(),
  inspectionId: Type.String(),
  storeId: Type.String(),
  storeName: Type.String(),
  regionCode: Type.String(),
  itemCode: Type.String(),
  itemText: Type.Union([Bilingual, Type.Null()]),
  critical: Type.Boolean(),
  status: RectificationStatus,
  dueAt: Type.String(),
  overdue: Type.Boolean(),
  escalatedAt: Type.Union([Type.String(), Type.Null()]),
  reply: Type.Union([Type.String(), Type.Null()]),
  evidenceFileIds: Type.Array(Type.String()),
  createdAt: Type.String(),
  closedAt: Type.Union([Type.String(), Type.Null()]),
});

export const RectificationList = Type.Object({ items: Type.Array(RectificationView) });
