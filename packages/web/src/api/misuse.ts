// 冒用核查: suspected licence misuse on delivery platforms, found by partner batch verification (issue 13).

import { apiRequest } from "./client";

export type MisuseFlagKind =
  "licence_not_valid" | "name_mismatch" | "address_mismatch" | "licence_shared" | "region_mismatch";
export type MisuseFlagStatus = "open" | "confirmed" | "dismissed";

export interface MisuseFlag {
  id: string;
  kind: MisuseFlagKind;
  status: MisuseFlagStatus;
  licenseNo: string;
  regionCode: string;
  clientName: string;
  platformShopId: string;
  shopName: string;
  shopAddress: string;
  evidence: Record<string, unknown>;
  createdAt: string;
  decidedAt: string | null;
  decisionNote: string | null;
}

export async function listMisuseFlags(filter: {
  status?: MisuseFlagStatus | undefined;
  kind?: MisuseFlagKind | undefined;
}): Promise<MisuseFlag[]> {
  const query = new URLSearchParams({ limit: "500" });
  if (filter.status) query.set("status", filter.status);
  if (filter.kind) query.set("kind", filter.kind);
  return (await apiRequest<{ items: MisuseFlag[] }>("GET", `/misuse-flags?${query.toString()}`)).items;
}

export function decideMisuseFlag(
  id: string,
  decision: "confirm" | "dismiss",
  note: string,
): Promise<MisuseFlag> {
  return apiRequest("POST", `/misuse-flags/${id}/decision`, { decision, note });
}
