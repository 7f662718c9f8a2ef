import type { Static } from "@sinclair/typebox";
import { authorityName } from "../penalties/documents/penalty-documents.js";
import type { DishonestyEntryRow, listJointPunishmentRows } from "./list-repository.js";
import type { DishonestyView } from "./schema.js";
import type { ExportColumn } from "./table-export.js";

export function presentDishonestyEntry(row: {
  entry: DishonestyEntryRow;
  businessName: string;
  uscc: string;
}): Static<typeof DishonestyView> {
  const { entry } = row;
  return {
    id: entry.id,
    businessId: entry.businessId,
    businessName: row.businessName,
    uscc: row.uscc,
    regionCode: entry.regionCode,
    penaltyId: entry.penaltyId,
    reason: entry.reason,
    legalBasis: entry.legalBasis,
    listedOn: entry.listedOn,
    until: entry.until,
    removedAt: entry.removedAt?.toISOString() ?? null,
    removedReason: entry.removedReason,
  };
}

type JointPunishmentRow = Awaited<ReturnType<typeof listJointPunishmentRows>>[number];

/**
 * 联合惩戒 export columns for partner departments. The legal representative's full name is part of this legal
 * disclosure (the list names the party and its responsible person); the export is officer-only and audited.
 */
export const JOINT_PUNISHMENT_COLUMNS: readonly ExportColumn<JointPunishmentRow>[] = [
  { header: "企业名称", value: (r) => r.businessName },
  { header: "统一社会信用代码", value: (r) => r.uscc },
  { header: "法定代表人", value: (r) => r.legalRepresentative },
  { header: "列入事由", value: (r) => r.reason },
  { header: "法律依据", value: (r) => r.legalBasis },
  { header: "列入日期", value: (r) => r.listedOn },
  { header: "列入期限至", value: (r) => r.until },
  { header: "列入机关", value: (r) => authorityName(r.regionName) },
];
