import { INSPECTION_TEMPLATES, type InspectionScore, placeFix, scoreInspection } from "@shian/domain";
import type { Database, Queryable } from "../../db/client.js";
import { AppError } from "../../http/errors.js";
import type { RequestContext, UserActor } from "../accounts/actor.js";
import { jurisdictionPrefix } from "../accounts/jurisdiction.js";
import { isOfficer } from "../accounts/roles.js";
import { recordAudit } from "../audit/service.js";
import { findStoreById } from "../entities/repository.js";
import { requireReadableFiles } from "../files/service.js";
import { openRectifications } from "../rectifications/service.js";
import { countTowardsPlan } from "../supervision/service.js";
import { normalizeResults, photoIdsOf, requireMatchingAnswers, templateOf } from "./checklist.js";
import { authorizeInspection, canReadStoreRecords } from "./policy.js";
import * as repo from "./repository.js";

type ResultInput = {
  code: string;
  result: "pass" | "fail" | "na";
  note?: string | undefined;
  photoFileIds?: string[] | undefined;
};

export interface RecordInspectionInput {
  storeId: string;
  kind: "routine" | "random_draw" | "complaint" | "alert_follow_up" | "commitment_follow_up";
  template: "patrol" | "routine";
  results: ResultInput[];
  lat: number;
  lng: number;
  taskId?: string | undefined;
}

/**
 * An officer records a done inspection (现场检查): GPS fix and distance from the store, score and outcome from
 * the template, one rectification order per failed item, the linked task marked done — one transaction.
 */
export async function recordInspection(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  input: RecordInspectionInput,
  now = new Date(),
) {
  const store = await findStoreById(db, input.storeId);
  authorizeInspection(actor, store);
  const template = templateOf(input.template);
  requireMatchingAnswers(input.results, template);
  await requireReadableFiles(db, actor, photoIdsOf(input.results));
  const judged = scoreInspection(input.results, template);
  const placement = placeFix({ lat: input.lat, lng: input.lng }, store);
  return db.transaction(async (tx) => {
    if (input.taskId) {
      const task = await repo.findTaskForUpdate(tx, input.taskId);
      if (
        !task ||
        !isOfficer(actor.role) ||
        !canReadStoreRecords(actor, { ...store, regionCode: task.regionCode })
      )
        throw new AppError("not_found");
      if (task.storeId !== null && task.storeId !== store.id) {
        throw new AppError(
          "validation_failed",
          { "zh-CN": "任务与检查的门店不一致", en: "The task belongs to another store" },
          [{ pointer: "/body/taskId", message: "task of another store" }],
        );
      }
      if (task.status === "done") {
        throw new AppError("conflict", { "zh-CN": "该任务已完成", en: "The task is already done" });
      }
      await repo.markTaskDone(tx, task.id);
    }
    const { inspection, orders } = await saveDoneInspection(tx, context, actor, store, {
      kind: input.kind,
      template: template.code,
      results: normalizeResults(input.results),
      judged,
      now,
      fields: {
        taskId: input.taskId ?? null,
        lat: input.lat,
        lng: input.lng,
        distanceM: placement.distanceM,
        farFromStore: placement.farFromStore,
      },
      audit: {
        taskId: input.taskId ?? null,
        distanceM: placement.distanceM,
        farFromStore: placement.farFromStore,
      },
    });
    return { inspection, storeName: store.name, rectificationIds: orders.map((order) => order.id) };
  });
}

type NewInspection = Parameters<typeof repo.insertInspection>[1];

/**
 * Inside the caller's transaction: counts a done inspection towards the store's plan item, inserts it, opens one
 * rectification order per failed item and audits `inspection.record`. Shared by on-site inspections and online
 * patrols (online-patrol/service.ts); `fields` and `audit` carry what only one of them records.
 */
export async function saveDoneInspection(
  tx: Queryable,
  context: RequestContext,
  actor: UserActor,
  store: { id: string; regionCode: string },
  input: {
    kind: NewInspection["kind"];
    template: string;
    results: NewInspection["results"];
    judged: InspectionScore;
    now: Date;
    fields?: Partial<NewInspection>;
    audit?: Record<string, unknown>;
  },
) {
  const { judged, now } = input;
  const planItemId = await countTowardsPlan(tx, { storeId: store.id, kind: input.kind, at: now });
  const inspection = await repo.insertInspection(tx, {
    ...input.fields,
    kind: input.kind,
    planItemId,
    storeId: store.id,
    regionCode: store.regionCode,
    template: input.template,
    status: "done",
    inspectorId: actor.id,
    inspectedAt: now,
    results: input.results,
    outcome: judged.outcome,
    score: judged.score,
  });
  const orders = await openRectifications(tx, context, inspection, judged.failed, now);
  await recordAudit(tx, context, {
    action: "inspection.record",
    subjectType: "inspection",
    subjectId: inspection.id,
    regionCode: inspection.regionCode,
    after: {
      kind: inspection.kind,
      storeId: store.id,
      planItemId,
      outcome: judged.outcome,
      score: judged.score,
      ...input.audit,
      rectifications: orders.length,
    },
  });
  return { inspection, planItemId, orders };
}

/** Officers: inspections of their jurisdiction; business users: those of their own stores. */
export async function listInspections(
  db: Database,
  actor: UserActor,
  query: {
    storeId?: string | undefined;
    kind?: string | undefined;
    status?: string | undefined;
    limit: number;
  },
) {
  if (query.storeId) {
    const store = await findStoreById(db, query.storeId);
    if (!store || !canReadStoreRecords(actor, store)) throw new AppError("not_found");
  }
  const officer = isOfficer(actor.role);
  if (!officer && !actor.businessId) return [];
  return repo.listInspections(db, {
    regionPrefix: officer ? jurisdictionPrefix(actor) : null,
    businessId: officer ? null : actor.businessId,
    ...query,
  });
}

export function listTemplates() {
  return Object.values(INSPECTION_TEMPLATES);
}
