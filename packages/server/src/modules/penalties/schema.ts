import { Type } from "@sinclair/typebox";
import { StrictObject, Uuid } from "../../http/schema-helpers.js";

export const Severity = Type.Union([Type.Literal("minor"), Type.Literal("general"), Type.Literal("serious")]);

export const RecordPenaltyBody = StrictObject({
  storeId: Uuid,
  /** 行政处罚决定书文号, e.g. 镇市监处罚〔2026〕12号. */
  decisionNumber: Type.String({ minLength: 3, maxLength: 100 }),
  decidedOn: Type.String({ format: "date" }),
  violation: Type.String({ minLength: 1, maxLength: 2000 }),
  legalBasis: Type.String({ minLength: 1, maxLength: 500 }),
  // numeric(12, 2): 1e10 overflowed the column (500; found by http/fuzz-writes.test.ts).
  fineYuan: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 9_999_999_999.99 })),
  severity: Severity,
});

export const PenaltyListQuery = StrictObject({
  store: Type.Optional(Uuid),
  /** The id of the last penalty of the previous page. */
  cursor: Type.Optional(Uuid),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const PenaltyView = Type.Object({
  id: Type.String(),
  decisionNumber: Type.String(),
  storeId: Type.String(),
  storeName: Type.String(),
  businessId: Type.String(),
  businessName: Type.String(),
  regionCode: Type.String(),
  decidedOn: Type.String(),
  violation: Type.String(),
  legalBasis: Type.String(),
  fineYuan: Type.Union([Type.Number(), Type.Null()]),
  severity: Severity,
  publicUntil: Type.String(),
  repairableFrom: Type.String(),
  repairedAt: Nullable(Type.String()),
  createdAt: Type.String(),
  /** Where both documents are downloaded (双书同达). */
  documents: Type.Object({ decision: Type.String(), repairNotice: Type.String() }),
});

export const PenaltyList = Type.Object({
  items: Type.Array(PenaltyView),
  nextCursor: Nullable(Type.String()),
});
