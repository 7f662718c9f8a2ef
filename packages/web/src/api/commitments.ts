// 承诺书 (commitment letters): the business signs one per store in the portal; officers record broken
// commitments (违诺) against a letter's items.

import type { Bilingual, CommitmentItem } from "@shian/domain";
import { apiRequest } from "./client";

export type BreachSource = "inspection" | "alert" | "officer";

export interface Breach {
  id: string;
  letterId: string;
  storeId: string;
  itemCode: string;
  /** The item's text as the letter holds it (null if unknown). */
  item: Bilingual | null;
  source: BreachSource;
  sourceId: string | null;
  note: string | null;
  recordedAt: string;
}

export interface CommitmentLetter {
  id: string;
  storeId: string;
  storeName: string;
  regionCode: string;
  template: string;
  templateVersion: string;
  items: CommitmentItem[];
  signerName: string;
  signedAt: string;
  /** Set when a newer letter replaced this one. */
  withdrawnAt: string | null;
  breaches: Breach[];
}

export interface NewBreach {
  itemCode: string;
  source: BreachSource;
  sourceId?: string;
  note: string;
}

/** The business's letters, newest first (replaced ones included). */
export async function listMyLetters(): Promise<CommitmentLetter[]> {
  return (await apiRequest<{ items: CommitmentLetter[] }>("GET", "/portal/commitments?limit=200")).items;
}

export function signLetter(input: {
  storeId: string;
  template: string;
  signerName: string;
}): Promise<CommitmentLetter> {
  return apiRequest("POST", "/portal/commitments", input);
}

/** The jurisdiction's letters, or one store's. */
export async function listLetters(storeId?: string): Promise<CommitmentLetter[]> {
  const query = storeId ? `&store=${encodeURIComponent(storeId)}` : "";
  return (await apiRequest<{ items: CommitmentLetter[] }>("GET", `/commitments?limit=200${query}`)).items;
}

export function recordBreach(letterId: string, input: NewBreach): Promise<Breach> {
  return apiRequest("POST", `/commitments/${encodeURIComponent(letterId)}/breaches`, input);
}
