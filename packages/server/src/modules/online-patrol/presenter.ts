import type { Static } from "@sinclair/typebox";
import type { InspectionTemplate } from "@shian/domain";
import type { planItems } from "../../db/schema.js";
import type { StoreRow } from "../entities/repository.js";
import type { InspectionRow } from "../inspections/repository.js";
import type { FeedRow, SnapshotRow } from "./repository.js";
import type { PatrolListItem, PatrolStoreView, RecordedPatrolView } from "./schema.js";

type PlanItemRow = typeof planItems.$inferSelect;

const iso = (value: Date | string | null) =>
  value === null ? null : (value instanceof Date ? value : new Date(value)).toISOString();

function presentPlanItem(item: PlanItemRow | null | undefined) {
  if (!item) return null;
  return {
    id: item.id,
    planId: item.planId,
    grade: item.grade,
    visitsRequired: item.visitsRequired,
    visitsDone: item.visitsDone,
    done: item.visitsDone >= item.visitsRequired,
  };
}

export function presentListItem(row: {
  item: PlanItemRow;
  model: string;
  storeName: string;
  storeAddress: string;
  storeRegionCode: string;
  feedCount: number;
  latestSnapshotAt: Date | string | null;
}): Static<typeof PatrolListItem> {
  return {
    planItemId: row.item.id,
    planId: row.item.planId,
    model: row.model,
    storeId: row.item.storeId,
    storeName: row.storeName,
    storeAddress: row.storeAddress,
    regionCode: row.storeRegionCode,
    grade: row.item.grade,
    feedCount: Number(row.feedCount),
    latestSnapshotAt: iso(row.latestSnapshotAt),
    visitsRequired: row.item.visitsRequired,
    visitsDone: row.item.visitsDone,
    done: row.item.visitsDone >= row.item.visitsRequired,
  };
}

export function presentPatrolStore(view: {
  store: StoreRow;
  feeds: FeedRow[];
  snapshots: SnapshotRow[];
  planItem: PlanItemRow | undefined;
  template: InspectionTemplate;
}): Static<typeof PatrolStoreView> {
  return {
    storeId: view.store.id,
    storeName: view.store.name,
    storeAddress: view.store.address,
    regionCode: view.store.regionCode,
    feeds: view.feeds.map((feed) => ({ id: feed.id, name: feed.name, hlsUrl: feed.hlsUrl })),
    snapshots: view.snapshots.map((snapshot) => ({
      id: snapshot.id,
      feedId: snapshot.feedId,
      takenAt: snapshot.takenAt.toISOString(),
    })),
    checklist: {
      code: view.template.code,
      title: view.template.title,
      items: view.template.items.map((item) => ({
        code: item.code,
        text: item.text,
        weight: item.weight,
        critical: item.critical ?? false,
      })),
    },
    planItem: presentPlanItem(view.planItem),
  };
}

export function presentRecordedPatrol(recorded: {
  inspection: InspectionRow;
  storeName: string;
  planItem: PlanItemRow | null;
  rectificationIds: string[];
}): Static<typeof RecordedPatrolView> {
  const { inspection } = recorded;
  return {
    id: inspection.id,
    kind: inspection.kind,
    storeId: inspection.storeId,
    storeName: recorded.storeName,
    regionCode: inspection.regionCode,
    inspectedAt: iso(inspection.inspectedAt)!,
    outcome: inspection.outcome,
    score: inspection.score,
    results: (inspection.results ?? []).map((r) => ({
      code: r.code,
      result: r.result,
      ...(r.note ? { note: r.note } : {}),
      ...(r.photoFileIds?.length ? { photoFileIds: r.photoFileIds } : {}),
    })),
    rectificationIds: recorded.rectificationIds,
    planItem: presentPlanItem(recorded.planItem),
  };
}
