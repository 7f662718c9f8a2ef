import { Type } from "@sinclair/typebox";
import { StrictObject, Uuid } from "../../http/schema-helpers.js";

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });

/** One 抽检 result as the testing body reports it. */
export const SamplingRow = StrictObject({
  reportNumber: Type.String({ minLength: 1, maxLength: 64, pattern: "^\\S(.*\\S)?$" }),
  storeId: Uuid,
  sampledOn: Type.String({ format: "date" }),
  product: Text(200),
  item: Type.Optional(Text(200)),
  result: Type.Union([Type.Literal("pass"), Type.Literal("fail")]),
});

export const SamplingImportBody = Type.Array(SamplingRow, { minItems: 1, maxItems: 5000 });

export const SamplingImportView = Type.Object({
  inserted: Type.Integer(),
  /** Report numbers already on record: skipped, so sending the same file again changes nothing. */
  duplicates: Type.Array(Type.String()),
});

export const IncidentBody = StrictObject({
  storeId: Uuid,
  occurredOn: Type.String({ format: "date" }),
  description: Text(4000),
});

export const IncidentView = Type.Object({
  id: Type.String(),
  storeId: Type.String(),
  regionCode: Type.String(),
  occurredOn: Type.String(),
  description: Type.String(),
  createdAt: Type.String(),
});
