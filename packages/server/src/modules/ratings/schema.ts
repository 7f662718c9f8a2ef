import { Type } from "@sinclair/typebox";
import { StrictObject } from "../../http/schema-helpers.js";

export const RatingBody = StrictObject({
  safetyCode: Type.String({ minLength: 10, maxLength: 14, pattern: "^[0-9A-Za-z-]+$" }),
  stars: Type.Integer({ minimum: 1, maximum: 5 }),
  comment: Type.Optional(Type.String({ maxLength: 500 })),
});

export const Moderation = Type.Union([
  Type.Literal("pending"),
  Type.Literal("approved"),
  Type.Literal("rejected"),
]);

export const RatingCreated = Type.Object({
  id: Type.String(),
  moderation: Moderation,
  ratedOn: Type.String(),
});

export const RatingView = Type.Object({
  id: Type.String(),
  storeId: Type.String(),
  storeName: Type.String(),
  regionCode: Type.String(),
  stars: Type.Integer(),
  comment: Type.Union([Type.String(), Type.Null()]),
  ratedOn: Type.String(),
  moderation: Moderation,
  createdAt: Type.String(),
});

export const RatingListQuery = StrictObject({
  moderation: Type.Optional(Moderation),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
});

export const RatingList = Type.Object({
  items: Type.Array(RatingView),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const ModerateBody = StrictObject({
  decision: Type.Union([Type.Literal("approve"), Type.Literal("reject")]),
});
