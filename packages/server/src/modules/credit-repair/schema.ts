import { Type } from "@sinclair/typebox";
import { StrictObject, Uuid } from "../../http/schema-helpers.js";

export const RepairStatus = Type.Union([
  Type.Literal("pending"),
  Type.Literal("approved"),
  Type.Literal("rejected"),
]);

export const ApplyBody = StrictObject({
  penaltyId: Uuid,
  statement: Type.String({ minLength: 1, maxLength: 2000 }),
  /** Files uploaded through POST /api/v1/files by the business (fine receipts, rectification photos…). */
  evidenceFileIds: Type.Array(Uuid, { minItems: 1, maxItems: 10, uniqueItems: true }),
});

export const RepairListQuery = StrictObject({
  status: Type.Optional(RepairStatus),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 100 }),
});

export const DecisionBody = StrictObject({
  approve: Type.Boolean(),
  note: Type.String({ maxLength: 1000 }),
});

const NullableString = Type.Union([Type.String(), Type.Null()]);

export const RepairView = Type.Object({
  id: Type.String(),
  penaltyId: Type.String(),
  decisionNumber: Type.String(),
  businessId: Type.String(),
  businessName: Type.String(),
  storeId: Type.String(),
  storeName: Type.String(),
  regionCode: Type.String(),
  status: RepairStatus,
  statement: Type.String(),
  evidenceFileIds: Type.Array(Type.String()),
  createdAt: Type.String(),
  /** The working day the decision is due (当日结: the day of the application, or the next working day). */
  dueOn: Type.String(),
  dueToday: Type.Boolean(),
  overdue: Type.Boolean(),
  decidedAt: NullableString,
  decisionNote: NullableString,
});

export const RepairList = Type.Object({ items: Type.Array(RepairView) });
