// 红黑榜 (the red and black lists of stores) and the bureau's policy notices (政策通知).

import { apiRequest } from "./client";

export type ListKind = "red" | "black";

export interface ListEntry {
  id: string;
  list: ListKind;
  storeId: string;
  storeName: string;
  /** House numbers masked. */
  address: string;
  regionCode: string;
  reason: string;
  legalBasis: string;
  publishedOn: string;
  expiresOn: string;
  withdrawnAt: string | null;
}

export interface NewListEntry {
  list: ListKind;
  storeId: string;
  reason: string;
  legalBasis: string;
  /** YYYY-MM-DD. */
  expiresOn: string;
}

export interface PolicyNotice {
  id: string;
  regionCode: string;
  businessForms: string[];
  title: string;
  body: string;
  publishedAt: string;
}

export interface NewPolicyNotice {
  regionCode: string;
  title: string;
  body: string;
}

/** The entries of the officer's jurisdiction, withdrawn ones included. */
export async function listEntries(): Promise<ListEntry[]> {
  return (await apiRequest<{ items: ListEntry[] }>("GET", "/lists?limit=200")).items;
}

export function publishEntry(entry: NewListEntry): Promise<ListEntry> {
  return apiRequest("POST", "/lists", entry);
}

export function withdrawEntry(id: string): Promise<ListEntry> {
  return apiRequest("POST", `/lists/${id}/withdraw`);
}

/** The notices for the caller: a business gets those of its region and business forms. */
export async function listPolicyNotices(): Promise<PolicyNotice[]> {
  return (await apiRequest<{ items: PolicyNotice[] }>("GET", "/policy-notices?limit=100")).items;
}

export function postPolicyNotice(notice: NewPolicyNotice): Promise<PolicyNotice> {
  return apiRequest("POST", "/policy-notices", notice);
}
