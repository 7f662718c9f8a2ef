import { addWorkingDays, findTemplateItem, rectificationDays, type InspectionItem } from "@shian/domain";
import type { Database, Queryable } from "../../db/client.js";
import { AppError } from "../../http/errors.js";
import { SYSTEM_CONTEXT, type RequestContext, type UserActor } from "../accounts/actor.js";
import { jurisdictionPrefix } from "../accounts/jurisdiction.js";
import { isOfficer } from "../accounts/roles.js";
import { recordAudit } from "../audit/service.js";
import { requireReadableFiles } from "../files/service.js";
import { templateOf } from "../inspections/checklist.js";
import type { InspectionRow } from "../inspections/repository.js";
import { createTask } from "../tasks/service.js";
import { authorizeRectification, canReadRectification } from "./policy.js";
import * as repo from "./repository.js";

const DAY_MS = 86_400_000;

/** The deadline of an order for an item opened (or reopened) at `now`: 1 day for a 红线项, 7 otherwise. */
export function rectificationDeadline(item: Pick<InspectionItem, "critical"> | undefined, now: Date): Date {
  return new Date(now.getTime() + rectificationDays(item ?? {}) * DAY_MS);
}

/** Opens one order per failed item of an officer's inspection, in the caller's transaction. */
export async function openRectifications(
  tx: Queryable,
  context: RequestContext,
  inspection: InspectionRow,
  failed: readonly InspectionItem[],
  now: Date,
): Promise<repo.RectificationRow[]> {
  const created = await repo.insertRectifications(
    tx,
    failed.map((item) => ({
      inspectionId: inspection.id,
      storeId: inspection.storeId,
      regionCode: inspection.regionCode,
      itemCode: item.code,
      status: "open" as const,
      dueAt: rectificationDeadline(item, now),
    })),
  );
  for (const order of created) {
    await recordAudit(tx, context, {
      action: "rectification.open",
      subjectType: "rectification",
      subjectId: order.id,
      regionCode: order.regionCode,
      after: { inspectionId: inspection.id, itemCode: order.itemCode, dueAt: order.dueAt.toISOString() },
    });
  }
  return created;
}

export async function listRectifications(
  db: Database,
  actor: UserActor,
  query: {
    status?: repo.RectificationStatus | undefined;
    storeId?: string | undefined;
    inspectionId?: string | undefined;
    limit: number;
  },
) {
  const officer = isOfficer(actor.role);
  return repo.listRectifications(db, {
    regionPrefix: officer ? jurisdictionPrefix(actor) : null,
    // A business user without a business sees nothing: the impossible id keeps the filter closed.
    businessId: officer ? null : (actor.businessId ?? "00000000-0000-0000-0000-000000000000"),
    ...query,
  });
}

export async function getRectification(db: Database, actor: UserActor, id: string) {
  const row = await repo.findRectification(db, id);
  if (!row) throw new AppError("not_found");
  const visible = canReadRectification(actor, { ...row.rectification, businessId: row.businessId });
  if (!visible) throw new AppError("not_found");
  return row;
}

async function loadForAction(
  tx: Queryable,
  actor: UserActor,
  action: "reply" | "accept" | "reopen",
  id: string,
  lock = true,
): Promise<repo.RectificationWithStore> {
  const row = await repo.findRectification(tx, id, lock);
  authorizeRectification(actor, action, row && { ...row.rectification, businessId: row.businessId });
  return row!;
}

/** The business answers an order with what it did and photos of it (整改回复). */
export async function replyToRectification(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  id: string,
  input: { reply: string; evidenceFileIds: string[] },
) {
  // Authorize before looking at the files: an order out of sight is 404 whatever the evidence.
  await loadForAction(db, actor, "reply", id, false);
  await requireReadableFiles(db, actor, input.evidenceFileIds);
  return db.transaction(async (tx) => {
    const row = await loadForAction(tx, actor, "reply", id);
    const updated = await repo.updateRectification(tx, id, {
      status: "replied",
      reply: input.reply.trim(),
      evidenceFileIds: input.evidenceFileIds,
    });
    await recordAudit(tx, context, {
      action: "rectification.reply",
      subjectType: "rectification",
      subjectId: id,
      regionCode: updated.regionCode,
      before: { status: row.rectification.status },
      after: { status: updated.status, evidence: input.evidenceFileIds.length },
    });
    return { ...row, rectification: updated };
  });
}

/** The inspector accepts the evidence: the order is closed (验收). */
export async function acceptRectification(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  id: string,
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const row = await loadForAction(tx, actor, "accept", id);
    const updated = await repo.updateRectification(tx, id, { status: "closed", closedAt: now });
    await recordAudit(tx, context, {
      action: "rectification.accept",
      subjectType: "rectification",
      subjectId: id,
      regionCode: updated.regionCode,
      before: { status: row.rectification.status },
      after: { status: updated.status },
    });
    return { ...row, rectification: updated };
  });
}

/**
 * The inspector refuses the evidence (or reopens a closed order): a new deadline, by default the item's own
 * period from now. The reason has no column; it is kept in the audit record.
 */
export async function reopenRectification(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  id: string,
  input: { reason: string; dueAt?: string | undefined },
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const row = await loadForAction(tx, actor, "reopen", id);
    const item = findTemplateItem(templateOf(row.template), row.rectification.itemCode);
    const dueAt = input.dueAt ? new Date(input.dueAt) : rectificationDeadline(item, now);
    if (dueAt.getTime() <= now.getTime()) {
      throw new AppError(
        "validation_failed",
        { "zh-CN": "新的整改期限须晚于当前时间", en: "The new deadline must be in the future" },
        [{ pointer: "/body/dueAt", message: "must be in the future" }],
      );
    }
    const updated = await repo.updateRectification(tx, id, {
      status: "reopened",
      dueAt,
      escalatedAt: null,
      closedAt: null,
    });
    await recordAudit(tx, context, {
      action: "rectification.reopen",
      subjectType: "rectification",
      subjectId: id,
      regionCode: updated.regionCode,
      before: { status: row.rectification.status, dueAt: row.rectification.dueAt.toISOString() },
      after: { status: updated.status, dueAt: dueAt.toISOString(), reason: input.reason.trim() },
    });
    return { ...row, rectification: updated };
  });
}

/**
 * 逾期升级: open or reopened orders past their deadline are marked escalated, audited, and each gets an officers'
 * task (kind rectification_overdue, due the next working day). Safe to run every minute: an order escalates once.
 */
export async function escalateOverdueRectifications(db: Database, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const escalated = await repo.markOverdueEscalated(tx, now);
    for (const order of escalated) {
      await recordAudit(tx, SYSTEM_CONTEXT, {
        action: "rectification.escalate",
        subjectType: "rectification",
        subjectId: order.id,
        regionCode: order.regionCode,
        after: { dueAt: order.dueAt.toISOString(), escalatedAt: now.toISOString() },
      });
      await createTask(tx, SYSTEM_CONTEXT, {
        kind: "rectification_overdue",
        regionCode: order.regionCode,
        storeId: order.storeId,
        dueAt: addWorkingDays(now, 1),
      });
    }
    return escalated.length;
  });
}
