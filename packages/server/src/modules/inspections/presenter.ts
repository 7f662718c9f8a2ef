import type { Static } from "@sinclair/typebox";
import type { UserActor } from "../accounts/actor.js";
import { isOfficer } from "../accounts/roles.js";
import type { InspectionRow } from "./repository.js";
import type { InspectionView } from "./schema.js";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function presentInspection(
  inspection: InspectionRow,
  extra: {
    storeName: string;
    viewer: UserActor;
    rectificationIds?: string[];
    findingTaskId?: string | null;
  },
): Static<typeof InspectionView> {
  // The officer's GPS fix and identity are internal; a business sees the result, not where the officer stood.
  const officer = isOfficer(extra.viewer.role) || extra.viewer.id === inspection.inspectorId;
  return {
    id: inspection.id,
    kind: inspection.kind,
    status: inspection.status,
    storeId: inspection.storeId,
    storeName: extra.storeName,
    regionCode: inspection.regionCode,
    template: inspection.template,
    inspectorId: officer ? inspection.inspectorId : null,
    taskId: officer ? inspection.taskId : null,
    plannedFor: inspection.plannedFor,
    inspectedAt: iso(inspection.inspectedAt),
    results: (inspection.results ?? []).map((r) => ({
      code: r.code,
      result: r.result,
      ...(r.note ? { note: r.note } : {}),
      ...(r.photoFileIds?.length ? { photoFileIds: r.photoFileIds } : {}),
    })),
    lat: officer ? inspection.lat : null,
    lng: officer ? inspection.lng : null,
    distanceM: officer ? inspection.distanceM : null,
    farFromStore: officer ? inspection.farFromStore : null,
    outcome: inspection.outcome,
    score: inspection.score,
    rectificationIds: extra.rectificationIds ?? [],
    findingTaskId: extra.findingTaskId ?? null,
  };
}
