import { Type } from "@sinclair/typebox";
import { BUSINESS_FORMS } from "@shian/domain";
import { RegionCode, StrictObject, Uuid } from "../../http/schema-helpers.js";

export const ListKind = Type.Union([Type.Literal("red"), Type.Literal("black")]);

export const PublishBody = StrictObject({
  list: ListKind,
  storeId: Uuid,
  reason: Type.String({ minLength: 1, maxLength: 1000 }),
  legalBasis: Type.String({ minLength: 1, maxLength: 500 }),
  expiresOn: Type.String({ format: "date" }),
});

export const PublicListQuery = StrictObject({
  list: Type.Optional(ListKind),
  region: Type.Optional(RegionCode),
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 200 }),
});

export const OfficerListQuery = StrictObject({
  list: Type.Optional(ListKind),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});

export const PublicListEntry = Type.Object({
  id: Type.String(),
  list: ListKind,
  storeName: Type.String(),
  /** House numbers masked. */
  address: Type.String(),
  regionCode: Type.String(),
  reason: Type.String(),
  legalBasis: Type.String(),
  publishedOn: Type.String(),
  expiresOn: Type.String(),
});
export const PublicList = Type.Object({ items: Type.Array(PublicListEntry) });

export const ListEntryView = Type.Intersect([
  PublicListEntry,
  Type.Object({ storeId: Type.String(), withdrawnAt: Type.Union([Type.String(), Type.Null()]) }),
]);
export const ListEntryList = Type.Object({ items: Type.Array(ListEntryView) });

export const BusinessFormSchema = Type.Union(BUSINESS_FORMS.map((form) => Type.Literal(form)));

export const PolicyNoticeBody = StrictObject({
  regionCode: RegionCode,
  businessForms: Type.Optional(Type.Array(BusinessFormSchema, { maxItems: 20, uniqueItems: true })),
  title: Type.String({ minLength: 1, maxLength: 200 }),
  body: Type.String({ minLength: 1, maxLength: 10_000 }),
});

export const PolicyNoticeView = Type.Object({
  id: Type.String(),
  regionCode: Type.String(),
  businessForms: Type.Array(Type.String()),
  title: Type.String(),
  body: Type.String(),
  publishedAt: Type.String(),
});
export const PolicyNoticeList = Type.Object({ items: Type.Array(PolicyNoticeView) });
export const PolicyNoticeQuery = StrictObject({
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
});

export { IdParams } from "../../http/schema-helpers.js";
