import { Type } from "@sinclair/typebox";
import { StrictObject, Uuid } from "../../http/schema-helpers.js";

export const IdParams = StrictObject({ id: Uuid });

export const StoreListQuery = StrictObject({
  cursor: Type.Optional(Uuid),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});

export const StoreView = Type.Object({
  id: Type.String(),
  businessId: Type.String(),
  name: Type.String(),
  address: Type.String(),
  regionCode: Type.String(),
  lat: Type.Union([Type.Number(), Type.Null()]),
  lng: Type.Union([Type.Number(), Type.Null()]),
  businessForm: Type.String(),
  subtype: Type.String(),
  areaM2: Type.Union([Type.Number(), Type.Null()]),
});

export const StoreList = Type.Object({
  items: Type.Array(StoreView),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const BusinessView = Type.Object({
  id: Type.String(),
  uscc: Type.String(),
  name: Type.String(),
  legalRepresentative: Type.String(),
  phoneMasked: Type.Union([Type.String(), Type.Null()]),
  regionCode: Type.String(),
});
