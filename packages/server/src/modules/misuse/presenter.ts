import type { FlagWithShop } from "./repository.js";

/** A flag for the officer queue: listed fields only (the partner's shop data and the evidence it gave). */
export function presentMisuseFlag(row: FlagWithShop) {
  return {
    id: row.flag.id,
    kind: row.flag.kind,
    status: row.flag.status,
    licenseNo: row.flag.licenseNumber,
    regionCode: row.flag.regionCode,
    clientName: row.clientName,
    platformShopId: row.platformShopId,
    shopName: row.shopName,
    shopAddress: row.shopAddress,
    evidence: row.flag.evidence,
    createdAt: row.flag.createdAt.toISOString(),
    decidedAt: row.flag.decidedAt?.toISOString() ?? null,
    decisionNote: row.flag.decisionNote,
  };
}
