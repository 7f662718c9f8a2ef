import { Type } from "@sinclair/typebox";
import { SAFETY_COLOURS } from "../../config.js";
import { StrictObject } from "../../http/schema-helpers.js";
import { SAFETY_CODE_PATTERN } from "./code.js";

export const CodeParams = StrictObject({ code: Type.String({ pattern: SAFETY_CODE_PATTERN }) });
/** Scan pages take any text as the code: a malformed one gets the 404 page, not a JSON problem. */
export const PageParams = StrictObject({ code: Type.String({ maxLength: 64 }) });
export const LangQuery = StrictObject({ lang: Type.Optional(Type.String({ maxLength: 10 })) });

export const Colour = Type.Union(SAFETY_COLOURS.map((c) => Type.Literal(c)));

export const RateForm = Type.Object({
  stars: Type.Optional(Type.String({ maxLength: 1 })),
  comment: Type.Optional(Type.String({ maxLength: 2000 })),
  lang: Type.Optional(Type.String({ maxLength: 10 })),
});

export const PublicStoreQuery = StrictObject({
  region: Type.Optional(Type.String({ pattern: "^[1-8][0-9]{5}$" })),
  q: Type.Optional(Type.String({ maxLength: 50 })),
  colour: Type.Optional(Colour),
  near: Type.Optional(Type.String({ pattern: "^-?[0-9]{1,3}(\\.[0-9]+)?,-?[0-9]{1,3}(\\.[0-9]+)?$" })),
  radiusKm: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
});

export const PublicStore = Type.Object({
  storeId: Type.String(),
  name: Type.String(),
  safetyCode: Type.Union([Type.String(), Type.Null()]),
  colour: Colour,
  grade: Type.Union([Type.String(), Type.Null()]),
  licenseNo: Type.Union([Type.String(), Type.Null()]),
  addressMasked: Type.String(),
  lat: Type.Union([Type.Number(), Type.Null()]),
  lng: Type.Union([Type.Number(), Type.Null()]),
  distanceKm: Type.Optional(Type.Number()),
});

export const PublicStoreList = Type.Object({
  items: Type.Array(PublicStore),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
