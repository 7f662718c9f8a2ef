import { chinaDate, scoreInspection } from "@shian/domain";
import type { Database } from "../../db/client.js";
import { AppError } from "../../http/errors.js";
import type { RequestContext, UserActor } from "../accounts/actor.js";
import { jurisdictionPrefix } from "../accounts/jurisdiction.js";
import { recordAudit } from "../audit/service.js";
import { findStoreById } from "../entities/repository.js";
import type { FileStore } from "../files/file-store.js";
import { insertFile } from "../files/repository.js";
import { normalizeResults, requireMatchingAnswers } from "../inspections/checklist.js";
import { saveDoneInspection } from "../inspections/service.js";
import { onlinePatrolTemplate } from "./checklist.js";
import { authorizeListing, authorizePatrol, authorizeStoreView } from "./policy.js";
import * as repo from "./repository.js";

export interface PatrolStores {
  /** Where kitchen snapshots live (kitchen/snapshot-store.ts); the retention job deletes from it. */
  snapshots: FileStore;
  /** The file store evidence is copied into, so it outlives the snapshot's retention. */
  files: FileStore;
}

const SNAPSHOTS_SHOWN = 12;
const periodOfNow = (now: Date) => chinaDate(now).slice(0, 7);

/** The month's online-patrol list (线上巡查) of the actor's jurisdiction, from the plans' online items. */
export async function listOnlinePatrols(
  db: Database,
  actor: UserActor,
  query: { period: string },
  now = new Date(),
) {
  authorizeListing(actor);
  return repo.listOnlineItems(db, {
    regionPrefix: jurisdictionPrefix(actor),
    period: query.period,
    now,
    limit: 500,
  });
}

/** One store's patrol view: its feeds, latest snapshots, the online checklist and this month's online item. */
export async function getPatrolStore(db: Database, actor: UserActor, storeId: string, now = new Date()) {
  const store = await findStoreById(db, storeId);
  authorizeStoreView(actor, store);
  const [feeds, snapshots, planItem] = await Promise.all([
    repo.listFeedsOfStore(db, store.id),
    repo.latestSnapshots(db, store.id, now, SNAPSHOTS_SHOWN),
    repo.findOnlineItem(db, store.id, periodOfNow(now)),
  ]);
  return { store, feeds, snapshots, planItem, template: onlinePatrolTemplate() };
}

export interface RecordOnlinePatrolInput {
  storeId: string;
  period: string;
  results: {
    code: string;
    result: "pass" | "fail" | "na";
    note?: string | undefined;
    snapshotIds?: string[] | undefined;
  }[];
}

function invalid(pointer: string, zh: string, en: string): AppError {
  return new AppError("validation_failed", { "zh-CN": zh, en }, [{ pointer, message: en }]);
}

/**
 * Records an online patrol as an inspection of kind online_patrol (no GPS fix): each referenced snapshot is
 * copied into the file store as a files row and linked as the item's photo, so the evidence outlives the
 * snapshot's retention; failed items open rectification orders; the store's open online plan item of the month
 * gets its visit. One transaction, audited.
 */
export async function recordOnlinePatrol(
  db: Database,
  stores: PatrolStores,
  context: RequestContext,
  actor: UserActor,
  input: RecordOnlinePatrolInput,
  now = new Date(),
) {
  const store = await findStoreById(db, input.storeId);
  authorizePatrol(actor, store);
  if (input.period !== periodOfNow(now)) {
    throw invalid(
      "/body/period",
      "线上巡查只能计入本月的监管计划",
      "An online patrol counts for this month only",
    );
  }
  const template = onlinePatrolTemplate();
  requireMatchingAnswers(input.results, template);
  const snapshotIds = [...new Set(input.results.flatMap((r) => r.snapshotIds ?? []))];
  const evidence = new Map<string, { sha256: string; size: number; snapshotId: string }>();
  for (const snapshotId of snapshotIds) {
    const snapshot = await repo.findSnapshotById(db, snapshotId);
    // Only the patrolled store's snapshots are evidence; another store's (or a missing) one is refused alike.
    if (!snapshot || snapshot.storeId !== store.id) {
      throw invalid("/body/results", `抓拍不存在：${snapshotId}`, `Unknown snapshot: ${snapshotId}`);
    }
    const bytes = await stores.snapshots.get(snapshot.sha256);
    if (!bytes) {
      throw invalid(
        "/body/results",
        `抓拍已过保存期限：${snapshotId}`,
        `The snapshot has expired: ${snapshotId}`,
      );
    }
    // Content-addressed: copying the same bytes twice stores them once.
    const sha256 = await stores.files.put(bytes);
    evidence.set(snapshotId, { sha256, size: bytes.length, snapshotId });
  }
  const judged = scoreInspection(input.results, template);
  return db.transaction(async (tx) => {
    const fileIds = new Map<string, string>();
    for (const copy of evidence.values()) {
      const file = await insertFile(tx, {
        sha256: copy.sha256,
        // Snapshots are stored without EXIF already: the public copy is the same bytes.
        publicSha256: copy.sha256,
        contentType: "image/jpeg",
        size: copy.size,
        uploadedBy: actor.id,
        businessId: store.businessId,
        regionCode: store.regionCode,
      });
      fileIds.set(copy.snapshotId, file.id);
      await recordAudit(tx, context, {
        action: "file.copy_snapshot",
        subjectType: "file",
        subjectId: file.id,
        regionCode: store.regionCode,
        after: { snapshotId: copy.snapshotId, sha256: copy.sha256, size: copy.size },
      });
    }
    const { inspection, planItemId, orders } = await saveDoneInspection(tx, context, actor, store, {
      kind: "online_patrol",
      template: template.code,
      results: normalizeResults(
        input.results.map(({ snapshotIds: ids, ...result }) => ({
          ...result,
          photoFileIds: (ids ?? []).map((id) => fileIds.get(id)!),
        })),
      ),
      judged,
      now,
      audit: { evidenceFiles: [...fileIds.values()] },
    });
    const planItem = planItemId ? await repo.findPlanItemById(tx, planItemId) : undefined;
    return {
      inspection,
      storeName: store.name,
      planItem: planItem ?? null,
      rectificationIds: orders.map((order) => order.id),
    };
  });
}
