// 自查: a business checks its own store against the patrol checklist.

import { apiRequest } from "./client";
import type { CheckResult } from "./inspections";

export interface SelfCheckResult {
  code: string;
  result: CheckResult;
  note?: string;
}

export interface SelfCheck {
  id: string;
  storeId: string;
  /** YYYY-MM-DD. */
  checkedOn: string;
  results: SelfCheckResult[];
  failedItems: string[];
  createdAt: string;
}

/** The store's latest self-checks, newest first. */
export async function listSelfChecks(storeId: string): Promise<SelfCheck[]> {
  return (await apiRequest<{ items: SelfCheck[] }>("GET", `/stores/${storeId}/self-checks?limit=100`)).items;
}

export function fileSelfCheck(
  storeId: string,
  checkedOn: string,
  results: SelfCheckResult[],
): Promise<SelfCheck> {
  return apiRequest("POST", `/stores/${storeId}/self-checks`, { checkedOn, results });
}
