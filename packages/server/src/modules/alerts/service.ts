import type { Database } from "../../db/client.js";
import type { RequestContext, UserActor } from "../accounts/actor.js";
import { jurisdictionPrefix } from "../accounts/jurisdiction.js";
import { recordAudit } from "../audit/service.js";
import { requireReadableFiles } from "../files/service.js";
import { invalidateStore } from "../safety-code/cache.js";
import { evaluateAlerts } from "./evaluate.js";
import { authorizeAlert } from "./policy.js";
import * as repo from "./repository.js";

export interface AlertQuery {
  status?: repo.AlertStatus | undefined;
  severity?: "red" | "yellow" | undefined;
  storeId?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

function page(rows: repo.AlertWithStore[], limit: number) {
  return { rows, nextCursor: rows.length === limit ? (rows.at(-1)?.alert.id ?? null) : null };
}

/** The officer's queue (预警): jurisdiction only, red first, soonest due first. */
export async function listAlertsForOfficer(db: Database, actor: UserActor, query: AlertQuery) {
  const rows = await repo.listAlerts(db, {
    ...query,
    regionPrefix: jurisdictionPrefix(actor),
    afterId: query.cursor,
  });
  return page(rows, query.limit);
}

/** The business's alerts (预警提醒): those of its own stores. */
export async function listAlertsForBusiness(db: Database, actor: UserActor, query: AlertQuery) {
  if (!actor.businessId) return { rows: [], nextCursor: null };
  const rows = await repo.listAlerts(db, { ...query, businessId: actor.businessId, afterId: query.cursor });
  return page(rows, query.limit);
}

export async function getAlert(db: Database, actor: UserActor, id: string) {
  const row = await repo.findAlert(db, id);
  authorizeAlert(actor, "read", row && { ...row.alert, businessId: row.businessId });
  return row;
}

/** 闭环处置: the officer closes the alert and its task; the 食安码 follows at once. */
export async function closeAlert(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  id: string,
  input: { note: string },
  now = new Date(),
) {
  const closed = await db.transaction(async (tx) => {
    const row = await repo.findAlert(tx, id, true);
    authorizeAlert(actor, "close", row && { ...row.alert, businessId: row.businessId });
    const alert = await repo.closeAlert(tx, id, {
      closedAt: now,
      closedBy: actor.id,
      note: input.note.trim(),
    });
    if (alert.taskId) await repo.markTaskDone(tx, alert.taskId);
    await recordAudit(tx, context, {
      action: "alert.close",
      subjectType: "alert",
      subjectId: id,
      regionCode: alert.regionCode,
      before: { status: "open" },
      after: { status: "closed", note: alert.closingNote, taskId: alert.taskId },
    });
    return { ...row, alert };
  });
  invalidateStore(closed.alert.storeId);
  return closed;
}

/** The business records what it did about an open alert; the officer still closes it. */
export async function respondToAlert(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  id: string,
  input: { text: string; evidenceFileIds?: string[] | undefined },
  now = new Date(),
) {
  const evidenceFileIds = input.evidenceFileIds ?? [];
  if (evidenceFileIds.length > 0) await requireReadableFiles(db, actor, evidenceFileIds);
  return db.transaction(async (tx) => {
    const row = await repo.findAlert(tx, id, true);
    authorizeAlert(actor, "respond", row && { ...row.alert, businessId: row.businessId });
    const response = {
      text: input.text.trim(),
      evidenceFileIds,
      at: now.toISOString(),
      by: actor.displayName,
    };
    const alert = await repo.appendResponse(tx, id, response);
    await recordAudit(tx, context, {
      action: "alert.respond",
      subjectType: "alert",
      subjectId: id,
      regionCode: alert.regionCode,
      after: { evidenceFileIds },
    });
    return { ...row, alert };
  });
}

/** An admin runs the job now (it also runs every ALERT_INTERVAL_SECONDS in `serve`). */
export async function runAlertJob(db: Database, context: RequestContext) {
  return evaluateAlerts(db, { context });
}
