import { and, desc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import {
  batchMaterials,
  businesses,
  licenses,
  productionBatches,
  recalls,
  samplingResults,
  stores,
} from "../../db/schema.js";

export type RecallRow = typeof recalls.$inferSelect;

/** A batch with its producing store and the licence numbers that store holds (what suppliers' entries name). */
export async function findBatchWithProducer(db: Queryable, batchId: string) {
  const [row] = await db
    .select({
      batch: productionBatches,
      businessId: stores.businessId,
      storeName: stores.name,
    })
    .from(productionBatches)
    .innerJoin(stores, eq(stores.id, productionBatches.storeId))
    .where(eq(productionBatches.id, batchId))
    .limit(1);
  if (!row) return undefined;
  const numbers = await db
    .select({ number: licenses.number })
    .from(licenses)
    .where(eq(licenses.storeId, row.batch.storeId));
  return { ...row, licenceNumbers: numbers.map((n) => n.number) };
}

export async function findSamplingResult(db: Queryable, id: string) {
  const [row] = await db.select().from(samplingResults).where(eq(samplingResults.id, id)).limit(1);
  return row;
}

/** Null when the batch already has an open recall (the partial unique index recalls_open_batch_idx). */
export async function insertRecall(
  db: Queryable,
  row: typeof recalls.$inferInsert,
): Promise<RecallRow | undefined> {
  const [created] = await db.insert(recalls).values(row).onConflictDoNothing().returning();
  return created;
}

/**
 * The stores that received the batch: their own batches list a material whose supplier licence is one of the
 * producer's and whose supplier batch number is this batch's number. The producing store itself is left out.
 */
export async function receivingStores(
  db: Queryable,
  producer: { storeId: string; licenceNumbers: string[]; batchNumber: string },
) {
  if (producer.licenceNumbers.length === 0) return [];
  return db
    .selectDistinct({
      storeId: stores.id,
      businessId: stores.businessId,
      regionCode: stores.regionCode,
      name: stores.name,
    })
    .from(batchMaterials)
    .innerJoin(productionBatches, eq(productionBatches.id, batchMaterials.batchId))
    .innerJoin(stores, eq(stores.id, productionBatches.storeId))
    .where(
      and(
        inArray(batchMaterials.supplierLicenceNumber, producer.licenceNumbers),
        eq(batchMaterials.supplierBatchNumber, producer.batchNumber),
        ne(stores.id, producer.storeId),
      ),
    )
    .orderBy(stores.id);
}

export async function lockRecall(db: Queryable, id: string): Promise<RecallRow | undefined> {
  const [row] = await db.select().from(recalls).where(eq(recalls.id, id)).limit(1).for("update");
  return row;
}

export async function markClosed(
  db: Queryable,
  id: string,
  closed: { closedBy: string; closingNote: string; closedAt: Date },
): Promise<RecallRow> {
  const [row] = await db
    .update(recalls)
    .set({ status: "closed", ...closed })
    .where(eq(recalls.id, id))
    .returning();
  return row!;
}

/** The recall a trace page of the batch shows: the open one, else the latest closed one. */
export async function currentRecallOfBatch(
  db: Queryable,
  storeId: string,
  batchNumber: string,
): Promise<RecallRow | undefined> {
  const [row] = await db
    .select({ recall: recalls })
    .from(recalls)
    .innerJoin(productionBatches, eq(productionBatches.id, recalls.batchId))
    .where(and(eq(productionBatches.storeId, storeId), eq(productionBatches.batchNumber, batchNumber)))
    .orderBy(sql`${recalls.status} = 'open' desc`, desc(recalls.createdAt))
    .limit(1);
  return row?.recall;
}

/** Public list: newest first, with the producer's (business and store) names and the batch; no personal data. */
export async function listRecalls(
  db: Queryable,
  filter: { status?: "open" | "closed" | undefined; limit: number },
) {
  return db
    .select({
      recall: recalls,
      batchNumber: productionBatches.batchNumber,
      product: productionBatches.product,
      producedAt: productionBatches.producedAt,
      storeName: stores.name,
      businessName: businesses.name,
    })
    .from(recalls)
    .innerJoin(productionBatches, eq(productionBatches.id, recalls.batchId))
    .innerJoin(stores, eq(stores.id, recalls.storeId))
    .innerJoin(businesses, eq(businesses.id, stores.businessId))
    .where(filter.status ? eq(recalls.status, filter.status) : undefined)
    .orderBy(desc(recalls.createdAt), desc(recalls.id))
    .limit(filter.limit);
}

/** The open recalls of a producing store, for its scan page (step 11). */
export async function openRecallsOfStore(db: Queryable, storeId: string) {
  return db
    .select({
      product: productionBatches.product,
      batchNumber: productionBatches.batchNumber,
      reason: recalls.reason,
      recalledAt: recalls.createdAt,
    })
    .from(recalls)
    .innerJoin(productionBatches, eq(productionBatches.id, recalls.batchId))
    .where(and(eq(recalls.storeId, storeId), eq(recalls.status, "open")))
    .orderBy(desc(recalls.createdAt))
    .limit(10);
}
