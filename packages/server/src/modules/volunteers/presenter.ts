import type { Static } from "@sinclair/typebox";
import type { InspectionRow } from "../inspections/repository.js";
import type { VolunteerRow } from "./repository.js";
import type { PatrolView, SubmittedPatrol, VolunteerView } from "./schema.js";

const failedItems = (inspection: InspectionRow) =>
  (inspection.results ?? []).filter((r) => r.result === "fail").map((r) => r.code);

export function presentVolunteer(row: VolunteerRow): Static<typeof VolunteerView> {
  return { userId: row.userId, status: row.status, approvedAt: row.approvedAt?.toISOString() ?? null };
}

export function presentPatrol(row: {
  inspection: InspectionRow;
  storeName: string;
  storeAddress: string;
  storeLat: number | null;
  storeLng: number | null;
}): Static<typeof PatrolView> {
  const { inspection } = row;
  return {
    id: inspection.id,
    status: inspection.status,
    storeId: inspection.storeId,
    storeName: row.storeName,
    storeAddress: row.storeAddress,
    storeLat: row.storeLat,
    storeLng: row.storeLng,
    template: inspection.template,
    taskId: inspection.taskId,
    plannedFor: inspection.plannedFor,
    inspectedAt: inspection.inspectedAt?.toISOString() ?? null,
    distanceM: inspection.distanceM,
    farFromStore: inspection.farFromStore,
    failedItems: failedItems(inspection),
  };
}

export function presentSubmittedPatrol(submitted: {
  inspection: InspectionRow;
  storeName: string;
  findingTaskId: string | null;
}): Static<typeof SubmittedPatrol> {
  const { inspection } = submitted;
  return {
    id: inspection.id,
    storeId: inspection.storeId,
    storeName: submitted.storeName,
    inspectedAt: inspection.inspectedAt?.toISOString() ?? null,
    distanceM: inspection.distanceM,
    farFromStore: inspection.farFromStore,
    score: inspection.score,
    failedItems: failedItems(inspection),
    findingTaskId: submitted.findingTaskId,
  };
}
