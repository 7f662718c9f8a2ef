import { Type } from "@sinclair/typebox";
import { MISUSE_FLAG_KINDS } from "../../db/schema.js";
import { StrictObject } from "../../http/schema-helpers.js";

export const MisuseFlagKindSchema = Type.Union(MISUSE_FLAG_KINDS.map((kind) => Type.Literal(kind)));
export const MisuseFlagStatusSchema = Type.Union([
  Type.Literal("open"),
  Type.Literal("confirmed"),
  Type.Literal("dismissed"),
]);

/** One platform shop in a batch verify call (issue 13): the licence it shows and how it presents itself. */
export const PlatformShopSchema = StrictObject({
  licenseNo: Type.String({ minLength: 1, maxLength: 64 }),
  shopName: Type.String({ minLength: 1, maxLength: 200 }),
  shopAddress: Type.String({ minLength: 1, maxLength: 300 }),
  platformShopId: Type.String({ minLength: 1, maxLength: 100 }),
});

export const ShopFlagSchema = Type.Object({ kind: MisuseFlagKindSchema, reason: Type.String() });

export const MisuseFlagView = Type.Object({
  id: Type.String(),
  kind: MisuseFlagKindSchema,
  status: MisuseFlagStatusSchema,
  licenseNo: Type.String(),
  regionCode: Type.String(),
  clientName: Type.String(),
  platformShopId: Type.String(),
  shopName: Type.String(),
  shopAddress: Type.String(),
  evidence: Type.Record(Type.String(), Type.Unknown()),
  createdAt: Type.String(),
  decidedAt: Type.Union([Type.String(), Type.Null()]),
  decisionNote: Type.Union([Type.String(), Type.Null()]),
});

export const ListQuery = StrictObject({
  status: Type.Optional(MisuseFlagStatusSchema),
  kind: Type.Optional(MisuseFlagKindSchema),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
});

export const DecisionBody = StrictObject({
  decision: Type.Union([Type.Literal("confirm"), Type.Literal("dismiss")]),
  note: Type.String({ minLength: 1, maxLength: 500 }),
});
