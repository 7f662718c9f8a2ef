import { findAlertRule } from "@shian/domain";
import type { Static } from "@sinclair/typebox";
import type { AlertWithStore } from "./repository.js";
import type { AlertView } from "./schema.js";

type AlertResponse = Static<typeof AlertView>["responses"][number];

export function presentAlert(row: AlertWithStore, now = Date.now()): Static<typeof AlertView> {
  const { alert } = row;
  const { responses, ...details } = alert.details as Record<string, unknown> & {
    responses?: AlertResponse[];
  };
  const rule = findAlertRule(alert.rule);
  return {
    id: alert.id,
    rule: alert.rule,
    ruleLabel: rule?.label ?? { zh: alert.rule, en: alert.rule },
    severity: alert.severity,
    status: alert.status,
    storeId: alert.storeId,
    storeName: row.storeName,
    regionCode: alert.regionCode,
    subjectKey: alert.subjectKey,
    details,
    responses: responses ?? [],
    taskId: alert.taskId,
    openedAt: alert.openedAt.toISOString(),
    dueAt: alert.dueAt?.toISOString() ?? null,
    overdue: alert.status === "open" && alert.dueAt !== null && alert.dueAt.getTime() < now,
    closedAt: alert.closedAt?.toISOString() ?? null,
    closingNote: alert.closingNote,
  };
}
