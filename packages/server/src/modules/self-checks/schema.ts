import { Type } from "@sinclair/typebox";
import { StrictObject, Uuid } from "../../http/schema-helpers.js";
import { CheckResultSchema } from "../inspections/schema.js";

export const StoreParams = StrictObject({ id: Uuid });

export const SelfCheckBody = StrictObject({
  checkedOn: Type.String({ format: "date" }),
  results: Type.Array(
    StrictObject({
      code: Type.String({ minLength: 1, maxLength: 64 }),
      result: CheckResultSchema,
      note: Type.Optional(Type.String({ maxLength: 1000 })),
    }),
    { minItems: 1, maxItems: 100 },
  ),
});

export const SelfCheckListQuery = StrictObject({
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
});

export const SelfCheckView = Type.Object({
  id: Type.String(),
  storeId: Type.String(),
  checkedOn: Type.String(),
  results: Type.Array(
    Type.Object({ code: Type.String(), result: CheckResultSchema, note: Type.Optional(Type.String()) }),
  ),
  failedItems: Type.Array(Type.String()),
  createdAt: Type.String(),
});

export const SelfCheckList = Type.Object({ items: Type.Array(SelfCheckView) });
