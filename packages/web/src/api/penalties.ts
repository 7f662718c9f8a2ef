// 行政处罚 with 双书同达 (the decision and the credit-repair notice, served together) and 信用修复 applications.

import { apiRequest } from "./client";

export type Severity = "minor" | "general" | "serious";
export type RepairStatus = "pending" | "approved" | "rejected";

export interface Penalty {
  id: string;
  decisionNumber: string;
  storeId: string;
  storeName: string;
  businessId: string;
  businessName: string;
  regionCode: string;
  decidedOn: string;
  violation: string;
  legalBasis: string;
  fineYuan: number | null;
  severity: Severity;
  publicUntil: string;
  repairableFrom: string;
  repairedAt: string | null;
  createdAt: string;
  /** API paths of the two PDFs. */
  documents: { decision: string; repairNotice: string };
}

export interface NewPenalty {
  storeId: string;
  decisionNumber: string;
  /** YYYY-MM-DD. */
  decidedOn: string;
  violation: string;
  legalBasis: string;
  fineYuan?: number;
  severity: Severity;
}

export interface CreditRepair {
  id: string;
  penaltyId: string;
  decisionNumber: string;
  businessId: string;
  businessName: string;
  storeId: string;
  storeName: string;
  regionCode: string;
  status: RepairStatus;
  statement: string;
  evidenceFileIds: string[];
  createdAt: string;
  /** The working day the decision is due (当日结). */
  dueOn: string;
  dueToday: boolean;
  overdue: boolean;
  decidedAt: string | null;
  decisionNote: string | null;
}

/** The officer's jurisdiction, newest first (the first 200). */
export async function listPenalties(): Promise<Penalty[]> {
  return (await apiRequest<{ items: Penalty[] }>("GET", "/penalties?limit=200")).items;
}

/** The business's own penalties. */
export async function listMyPenalties(): Promise<Penalty[]> {
  return (await apiRequest<{ items: Penalty[] }>("GET", "/portal/penalties?limit=200")).items;
}

export function recordPenalty(penalty: NewPenalty): Promise<Penalty> {
  return apiRequest("POST", "/penalties", penalty);
}

export async function listRepairs(status?: RepairStatus): Promise<CreditRepair[]> {
  const query = status ? `?status=${status}` : "";
  return (await apiRequest<{ items: CreditRepair[] }>("GET", `/credit-repairs${query}`)).items;
}

export async function listMyRepairs(): Promise<CreditRepair[]> {
  return (await apiRequest<{ items: CreditRepair[] }>("GET", "/portal/credit-repairs")).items;
}

export function applyForRepair(
  penaltyId: string,
  statement: string,
  evidenceFileIds: string[],
): Promise<CreditRepair> {
  return apiRequest("POST", "/portal/credit-repairs", { penaltyId, statement, evidenceFileIds });
}

export function decideRepair(id: string, approve: boolean, note: string): Promise<CreditRepair> {
  return apiRequest("POST", `/credit-repairs/${id}/decision`, { approve, note });
}
