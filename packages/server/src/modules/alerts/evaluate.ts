import { DEFAULT_ALERT_RULES, RED_ALERT_DUE_HOURS, chinaDate, type AlertRule } from "@shian/domain";
import type { Database, Queryable } from "../../db/client.js";
import { SYSTEM_CONTEXT, type RequestContext } from "../accounts/actor.js";
import { recordAudit } from "../audit/service.js";
import { insertInboxMessage } from "../outbox/repository.js";
import { invalidateStore } from "../safety-code/cache.js";
import { createTask } from "../tasks/service.js";
import * as repo from "./repository.js";

const HOUR_MS = 3_600_000;

export interface EvaluateOptions {
  /** The instant of the run; `today` (China calendar day) follows from it unless given. */
  now?: Date;
  today?: string;
  rules?: readonly AlertRule[];
  context?: RequestContext;
}

/** How many alerts each rule opened in one run. */
export type RunSummary = { rule: string; severity: string; opened: number }[];

/** 24-hour closed loop (seed 004): an officers' task, an audit entry and a message to the business. */
async function startClosedLoop(
  tx: Queryable,
  context: RequestContext,
  rule: AlertRule,
  alert: repo.OpenedAlert,
  dueAt: Date,
) {
  const task = await createTask(tx, context, {
    kind: "alert",
    regionCode: alert.regionCode,
    storeId: alert.storeId,
    dueAt,
  });
  await repo.linkTask(tx, alert.id, task.id);
  await recordAudit(tx, context, {
    action: "alert.open",
    subjectType: "alert",
    subjectId: alert.id,
    regionCode: alert.regionCode,
    after: { rule: rule.code, severity: rule.severity, storeId: alert.storeId, taskId: task.id },
  });
  await insertInboxMessage(tx, {
    businessId: alert.businessId,
    title: `红色预警：${rule.label.zh}`,
    body:
      `您的门店“${alert.storeName}”触发红色预警（${rule.label.zh}）。请立即整改，并在经营者门户“预警提醒”中说明处置情况；` +
      `监管部门将在 24 小时内闭环处置。`,
  });
}

/**
 * Runs every rule once (预警): each rule is one INSERT … SELECT of the alerts it newly opens, so running it
 * again opens nothing new. A new red alert starts the 24-hour closed loop in the same transaction; new yellow
 * alerts are audited as one entry per rule. The scan pages of stores with a new red alert are refreshed.
 */
export async function evaluateAlerts(db: Database, options: EvaluateOptions = {}): Promise<RunSummary> {
  const now = options.now ?? new Date();
  const clock = { now, today: options.today ?? chinaDate(now) };
  const context = options.context ?? SYSTEM_CONTEXT;
  const summary: RunSummary = [];
  for (const rule of options.rules ?? DEFAULT_ALERT_RULES) {
    const dueAt = rule.severity === "red" ? new Date(now.getTime() + RED_ALERT_DUE_HOURS * HOUR_MS) : null;
    const opened = await db.transaction(async (tx) => {
      const rows = await repo.openAlerts(tx, {
        rule: rule.code,
        severity: rule.severity,
        candidates: repo.candidateSql(rule, clock),
        openedAt: now,
        dueAt,
      });
      if (dueAt) {
        for (const alert of rows) await startClosedLoop(tx, context, rule, alert, dueAt);
      } else if (rows.length > 0) {
        await recordAudit(tx, context, {
          action: "alert.open_batch",
          subjectType: "alert",
          after: { rule: rule.code, severity: rule.severity, opened: rows.length },
        });
      }
      return rows;
    });
    if (dueAt) for (const alert of opened) invalidateStore(alert.storeId);
    summary.push({ rule: rule.code, severity: rule.severity, opened: opened.length });
  }
  return summary;
}
