import type { Static } from "@sinclair/typebox";
import type { PenaltyWithNames } from "./repository.js";
import type { PenaltyView } from "./schema.js";

export function presentPenalty({
  penalty,
  storeName,
  businessName,
}: PenaltyWithNames): Static<typeof PenaltyView> {
  return {
    id: penalty.id,
    decisionNumber: penalty.decisionNumber,
    storeId: penalty.storeId,
    storeName,
    businessId: penalty.businessId,
    businessName,
    regionCode: penalty.regionCode,
    decidedOn: penalty.decidedOn,
    violation: penalty.violation,
    legalBasis: penalty.legalBasis,
    fineYuan: penalty.fineYuan,
    severity: penalty.severity,
    publicUntil: penalty.publicUntil,
    repairableFrom: penalty.repairableFrom,
    repairedAt: penalty.repairedAt?.toISOString() ?? null,
    createdAt: penalty.createdAt.toISOString(),
    documents: {
      decision: `/api/v1/penalties/${penalty.id}/decision.pdf`,
      repairNotice: `/api/v1/penalties/${penalty.id}/repair-notice.pdf`,
    },
  };
}
