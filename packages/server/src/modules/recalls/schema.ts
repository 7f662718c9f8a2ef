import { Type } from "@sinclair/typebox";
import { StrictObject, Uuid } from "../../http/schema-helpers.js";

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const BatchIdParams = StrictObject({ batchId: Uuid });

export const RecallBody = StrictObject({
  /** Why the batch is recalled, shown on every trace page of the batch and on the public list. */
  reason: Text(500),
  /** The failed sampling result (抽检不合格) behind the recall, if any: must be of the producing store. */
  samplingResultId: Type.Optional(Uuid),
});

export const CloseBody = StrictObject({ note: Text(500) });

export const RecallView = Type.Object({
  id: Type.String(),
  batchId: Type.String(),
  batchNumber: Type.String(),
  product: Type.String(),
  storeId: Type.String(),
  regionCode: Type.String(),
  reason: Type.String(),
  samplingResultId: Nullable(Type.String()),
  status: Type.String(),
  createdAt: Type.String(),
  closedAt: Nullable(Type.String()),
  closingNote: Nullable(Type.String()),
  /** Stores that received the batch (a recall task each); only on the recall's own reply. */
  receivingStores: Type.Optional(Type.Integer()),
});

export const PublicRecallsQuery = StrictObject({
  status: Type.Optional(Type.Union([Type.Literal("open"), Type.Literal("closed")])),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  lang: Type.Optional(Type.Union([Type.Literal("zh-CN"), Type.Literal("en")])),
});

/** What the public sees of a recall: the producer, the batch, why and when. No person, no address. */
export const PublicRecall = Type.Object({
  id: Type.String(),
  producerName: Type.String(),
  storeName: Type.String(),
  product: Type.String(),
  batchNumber: Type.String(),
  producedAt: Type.String(),
  reason: Type.String(),
  status: Type.String(),
  recalledAt: Type.String(),
  closedAt: Nullable(Type.String()),
});
export const PublicRecallList = Type.Object({ items: Type.Array(PublicRecall) });

export { IdParams } from "../../http/schema-helpers.js";
