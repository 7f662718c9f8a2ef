// 每周现场评价 of small workshops and stalls (seed 004 象山), the month's risk colour and its PDF report, and the
// sanctions proposed when a stall's points run out (停业、清场、不得参加下轮招投标).

import type { Bilingual } from "@shian/domain";
import { apiRequest } from "./client";

export type EvaluationResult = "pass" | "fail" | "na";
export type MonthColour = "blue" | "yellow" | "orange" | "red";
export type SanctionStatus = "proposed" | "approved" | "rejected";

export interface Evaluation {
  id: string;
  storeId: string;
  template: string;
  /** Monday of the week. */
  week: string;
  score: number;
  failedItems: { code: string; text: Bilingual; key: boolean }[];
  evaluatedAt: string;
}

export interface EvaluationMonth {
  storeId: string;
  storeName: string;
  month: string;
  /** Every Monday of the month; an unevaluated week counts 0. */
  weeks: { week: string; evaluation: Evaluation | null }[];
  average: number;
  colour: MonthColour;
}

export interface SanctionProposal {
  id: string;
  storeId: string;
  storeName: string;
  regionCode: string;
  kind: "suspension" | "clearance" | "tender_exclusion";
  label: Bilingual;
  year: number;
  pointsDeducted: number;
  status: SanctionStatus;
  decidedAt: string | null;
  decisionNote: string | null;
  createdAt: string;
}

/** Records this week's evaluation of a store (one per week). */
export function recordEvaluation(input: {
  storeId: string;
  results: { code: string; result: EvaluationResult }[];
}): Promise<Evaluation> {
  return apiRequest("POST", "/evaluations", input);
}

const monthQuery = (storeId: string, month: string) =>
  `store=${encodeURIComponent(storeId)}&month=${encodeURIComponent(month)}`;

export function evaluationMonth(storeId: string, month: string): Promise<EvaluationMonth> {
  return apiRequest("GET", `/evaluations?${monthQuery(storeId, month)}`);
}

/** Where the month's PDF report is served (opened in a new tab). */
export function reportUrl(storeId: string, month: string): string {
  return `/api/v1/evaluations/report.pdf?${monthQuery(storeId, month)}`;
}

export async function listSanctions(status?: SanctionStatus): Promise<SanctionProposal[]> {
  const query = status ? `?status=${status}` : "";
  return (await apiRequest<{ items: SanctionProposal[] }>("GET", `/sanctions${query}`)).items;
}

export function decideSanction(
  id: string,
  input: { approve: boolean; note: string },
): Promise<SanctionProposal> {
  return apiRequest("POST", `/sanctions/${id}/decision`, input);
}
