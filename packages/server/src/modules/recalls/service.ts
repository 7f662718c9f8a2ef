import { chinaDate } from "@shian/domain";
import type { Database, Queryable } from "../../db/client.js";
import { AppError } from "../../http/errors.js";
import type { RequestContext, UserActor } from "../accounts/actor.js";
import { recordAudit } from "../audit/service.js";
import { enqueue } from "../outbox/repository.js";
import { webhooksForStore } from "../partners/repository.js";
import { invalidateStore } from "../safety-code/cache.js";
import { createTask } from "../tasks/service.js";
import { authorizeClose, authorizeRecall } from "./policy.js";
import * as repo from "./repository.js";

const DAY_MS = 86_400_000;
/** A receiving store's recall task is due the next day: the batch must come off the shelves at once. */
const TASK_DUE_MS = DAY_MS;

type RecallEvent = "batch.recalled" | "batch.recall_closed";

/** 召回 events reach every partner the producing business authorises, signed by the outbox's webhook adapter. */
async function queueRecallWebhooks(
  tx: Queryable,
  producer: { businessId: string; storeId: string },
  type: RecallEvent,
  event: Record<string, unknown> & { recallId: string; at: string },
) {
  for (const webhook of await webhooksForStore(tx, producer.businessId, producer.storeId)) {
    await enqueue(tx, {
      channel: "webhook",
      dedupeKey: `${type}:${event.recallId}:${webhook.id}`,
      payload: {
        url: webhook.url,
        secretEncrypted: webhook.secretEncrypted,
        event: { type, ...event },
      },
    });
  }
}

export interface RecallInput {
  batchId: string;
  reason: string;
  samplingResultId?: string | undefined;
}

/**
 * 召回 (浙食链 recalls): in one transaction the recall, a "recall" task for every store that received the batch,
 * a message to those businesses' inboxes, a signed webhook to the producer's authorised partners, and the audit
 * entry. The producer's scan pages are dropped from the public caches; the trace pages read the recall live.
 */
export async function recallBatch(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  input: RecallInput,
  now = new Date(),
) {
  const found = await repo.findBatchWithProducer(db, input.batchId);
  authorizeRecall(actor, found && { regionCode: found.batch.regionCode, businessId: found.businessId });
  const { batch } = found!;
  if (input.samplingResultId) {
    const result = await repo.findSamplingResult(db, input.samplingResultId);
    if (!result || result.storeId !== batch.storeId) {
      throw new AppError(
        "validation_failed",
        {
          "zh-CN": "抽检结果不存在或不属于该批次的生产门店",
          en: "No such sampling result for the batch's producing store",
        },
        [{ pointer: "/body/samplingResultId", message: "not a sampling result of the producing store" }],
      );
    }
  }
  const result = await db.transaction(async (tx) => {
    const recall = await repo.insertRecall(tx, {
      batchId: batch.id,
      storeId: batch.storeId,
      regionCode: batch.regionCode,
      reason: input.reason.trim(),
      samplingResultId: input.samplingResultId ?? null,
      status: "open",
      createdBy: actor.id,
      createdAt: now,
    });
    if (!recall) {
      throw new AppError("conflict", {
        "zh-CN": `批次 ${batch.batchNumber} 已有未结束的召回`,
        en: `Batch ${batch.batchNumber} already has an open recall`,
      });
    }
    const receivers = await repo.receivingStores(tx, {
      storeId: batch.storeId,
      licenceNumbers: found!.licenceNumbers,
      batchNumber: batch.batchNumber,
    });
    for (const store of receivers) {
      await createTask(tx, context, {
        kind: "recall",
        regionCode: store.regionCode,
        storeId: store.storeId,
        dueAt: new Date(now.getTime() + TASK_DUE_MS),
      });
    }
    const text =
      `【食安】${found!.storeName}生产的“${batch.product}”（批次号 ${batch.batchNumber}）已召回：${recall.reason}。` +
      `请立即停止销售和使用该批次产品，并配合监管部门核查。`;
    for (const businessId of new Set(receivers.map((s) => s.businessId))) {
      await enqueue(tx, {
        channel: "inbox",
        dedupeKey: `recall:${recall.id}:inbox:${businessId}`,
        payload: { businessId, title: `召回通知：${batch.product} ${batch.batchNumber}`, body: text },
      });
    }
    await queueRecallWebhooks(
      tx,
      { businessId: found!.businessId, storeId: batch.storeId },
      "batch.recalled",
      {
        recallId: recall.id,
        batchNumber: batch.batchNumber,
        product: batch.product,
        producerName: found!.storeName,
        licenceNumbers: found!.licenceNumbers,
        reason: recall.reason,
        at: recall.createdAt.toISOString(),
      },
    );
    await recordAudit(tx, context, {
      action: "recall.create",
      subjectType: "recall",
      subjectId: recall.id,
      regionCode: recall.regionCode,
      after: {
        batchId: batch.id,
        batchNumber: batch.batchNumber,
        reason: recall.reason,
        samplingResultId: recall.samplingResultId,
        receivingStores: receivers.map((s) => s.storeId),
      },
    });
    return { recall, batch, receivingStores: receivers.length };
  });
  invalidateStore(batch.storeId);
  return result;
}

/**
 * An officer closes a recall (the batch is off the market). Tasks of the receiving stores are left as they are:
 * each is closed by its own check at the store (docs/recalls.md). Partners hear of the closure too.
 */
export async function closeRecall(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  input: { id: string; note: string },
  now = new Date(),
) {
  const result = await db.transaction(async (tx) => {
    const recall = await repo.lockRecall(tx, input.id);
    authorizeClose(actor, recall);
    if (recall.status !== "open") {
      throw new AppError("conflict", { "zh-CN": "该召回已结束", en: "The recall is already closed" });
    }
    const found = (await repo.findBatchWithProducer(tx, recall.batchId))!;
    const closed = await repo.markClosed(tx, recall.id, {
      closedBy: actor.id,
      closingNote: input.note.trim(),
      closedAt: now,
    });
    await queueRecallWebhooks(
      tx,
      { businessId: found.businessId, storeId: recall.storeId },
      "batch.recall_closed",
      {
        recallId: recall.id,
        batchNumber: found.batch.batchNumber,
        product: found.batch.product,
        at: now.toISOString(),
      },
    );
    await recordAudit(tx, context, {
      action: "recall.close",
      subjectType: "recall",
      subjectId: recall.id,
      regionCode: recall.regionCode,
      before: { status: "open" },
      after: { status: "closed", note: closed.closingNote },
    });
    return { recall: closed, batch: found.batch };
  });
  invalidateStore(result.recall.storeId);
  return result;
}

export async function listPublicRecalls(
  db: Queryable,
  query: { status?: "open" | "closed" | undefined; limit?: number | undefined },
) {
  return repo.listRecalls(db, { status: query.status, limit: query.limit ?? 50 });
}

/** What a trace page of the batch shows: the open recall, else the latest closed one, else nothing. */
export async function recallBannerOf(db: Queryable, storeId: string, batchNumber: string) {
  const recall = await repo.currentRecallOfBatch(db, storeId, batchNumber);
  if (!recall) return null;
  return {
    status: recall.status,
    reason: recall.reason,
    recalledOn: chinaDate(recall.createdAt),
    closedOn: recall.closedAt ? chinaDate(recall.closedAt) : null,
  };
}
