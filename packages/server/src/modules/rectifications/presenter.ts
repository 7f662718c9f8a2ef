import { findTemplateItem, INSPECTION_TEMPLATES, type InspectionTemplateCode } from "@shian/domain";
import type { Static } from "@sinclair/typebox";
import type { RectificationWithStore } from "./repository.js";
import type { RectificationView } from "./schema.js";

export function presentRectification(
  row: RectificationWithStore,
  now = Date.now(),
): Static<typeof RectificationView> {
  const order = row.rectification;
  const template = INSPECTION_TEMPLATES[row.template as InspectionTemplateCode];
  const item = template ? findTemplateItem(template, order.itemCode) : undefined;
  return {
    id: order.id,
    inspectionId: order.inspectionId,
    storeId: order.storeId,
    storeName: row.storeName,
    regionCode: order.regionCode,
    itemCode: order.itemCode,
    itemText: item?.text ?? null,
    critical: item?.critical ?? false,
    status: order.status,
    dueAt: order.dueAt.toISOString(),
    overdue: (order.status === "open" || order.status === "reopened") && order.dueAt.getTime() < now,
    escalatedAt: order.escalatedAt?.toISOString() ?? null,
    reply: order.reply,
    evidenceFileIds: order.evidenceFileIds ?? [],
    createdAt: order.createdAt.toISOString(),
    closedAt: order.closedAt?.toISOString() ?? null,
  };
}
