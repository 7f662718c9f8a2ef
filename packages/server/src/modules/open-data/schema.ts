import { Type, type TSchema } from "@sinclair/typebox";
import { StrictObject } from "../../http/schema-helpers.js";
import { Colour } from "../safety-code/schema.js";

/** A calendar day, China time. Whether the day exists is checked by the service (2026-02-30 → 400). */
const Day = Type.String({ pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", description: "YYYY-MM-DD, China time" });
/** A region code or prefix: a province, city or county code; a city returns its counties' records. */
const Region = Type.String({
  pattern: "^[0-9]{6}$",
  description: "GB/T 2260 code of a province, city or county",
});
const Cursor = Type.String({ maxLength: 300, description: "opaque: the `next` of the previous page" });
const Limit = Type.Integer({ minimum: 1, maximum: 500, default: 100 });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const OpenStoreQuery = StrictObject({
  region: Type.Optional(Region),
  colour: Type.Optional(Colour),
  licensedSince: Type.Optional(Day),
  cursor: Type.Optional(Cursor),
  limit: Limit,
});

export const OpenInspectionQuery = StrictObject({
  region: Type.Optional(Region),
  colour: Type.Optional(Colour),
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  cursor: Type.Optional(Cursor),
  limit: Limit,
});

const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });

export const OpenStore = Type.Object({
  storeId: Type.String(),
  safetyCode: Nullable(Type.String()),
  name: Type.String(),
  addressMasked: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  lat: Nullable(Type.Number()),
  lng: Nullable(Type.Number()),
  businessForm: Type.String(),
  subtype: Type.String(),
  licence: Nullable(
    Type.Object({
      number: Type.String(),
      status: Type.String(),
      validFrom: Type.String(),
      validTo: Type.String(),
    }),
  ),
  colour: Colour,
  grade: Nullable(Type.String()),
  gradedOn: Nullable(Type.String()),
  lastInspection: Nullable(
    Type.Object({ date: Type.String(), result: Nullable(Type.String()), score: Nullable(Type.Number()) }),
  ),
});

export const OpenStoreList = Type.Object({ items: Type.Array(OpenStore), next: Nullable(Type.String()) });

export const OpenInspection = Type.Object({
  id: Type.String(),
  storeId: Type.String(),
  safetyCode: Nullable(Type.String()),
  storeName: Type.String(),
  regionCode: Type.String(),
  date: Type.String(),
  type: Type.String(),
  result: Nullable(Type.String()),
  score: Nullable(Type.Number()),
  violations: Type.Array(Type.Object({ code: Type.String(), description: Bilingual })),
});

export const OpenInspectionList = Type.Object({
  items: Type.Array(OpenInspection),
  next: Nullable(Type.String()),
});

export const LivesFeedList = Type.Object({
  items: Type.Array(
    Type.Object({
      regionCode: Type.String(),
      regionName: Type.String(),
      builtAt: Type.String(),
      counts: Type.Record(Type.String(), Type.Integer()),
      url: Type.String(),
    }),
  ),
});

export const LivesParams = StrictObject({ regionCode: Type.String({ pattern: "^[0-9]{6}$" }) });
