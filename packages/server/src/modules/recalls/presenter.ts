import type { RecallRow } from "./repository.js";
import type * as repo from "./repository.js";

export function presentRecall(
  recall: RecallRow,
  batch: { batchNumber: string; product: string },
  receivingStores?: number,
) {
  return {
    id: recall.id,
    batchId: recall.batchId,
    batchNumber: batch.batchNumber,
    product: batch.product,
    storeId: recall.storeId,
    regionCode: recall.regionCode,
    reason: recall.reason,
    samplingResultId: recall.samplingResultId,
    status: recall.status,
    createdAt: recall.createdAt.toISOString(),
    closedAt: recall.closedAt?.toISOString() ?? null,
    closingNote: recall.closingNote,
    ...(receivingStores === undefined ? {} : { receivingStores }),
  };
}

export type PublicRecallRow = Awaited<ReturnType<typeof repo.listRecalls>>[number];

/** Fields listed one by one: the closing note and who acted stay internal. */
export function presentPublicRecall(row: PublicRecallRow) {
  return {
    id: row.recall.id,
    producerName: row.businessName,
    storeName: row.storeName,
    product: row.product,
    batchNumber: row.batchNumber,
    producedAt: row.producedAt.toISOString(),
    reason: row.recall.reason,
    status: row.recall.status,
    recalledAt: row.recall.createdAt.toISOString(),
    closedAt: row.recall.closedAt?.toISOString() ?? null,
  };
}
