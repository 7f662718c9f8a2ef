// Credit grading (信用评级): the monthly runs, a store's grades with their breakdown, the grade distribution.

import type { Bilingual, CodeColour, CreditModelId, IndicatorResult } from "@shian/domain";
import { apiRequest } from "./client";

export interface GradingRun {
  id: string;
  model: string;
  modelVersion: string;
  /** YYYY-MM. */
  period: string;
  status: "running" | "done" | "failed";
  processed: number;
  total: number;
  startedAt: string;
  finishedAt: string | null;
}

export interface DimensionScore {
  dimension: string;
  weight: number;
  score: number;
  contribution: number;
}

export interface Grade {
  model: string;
  modelVersion: string;
  period: string;
  score: number;
  grade: string;
  riskColour: string;
  codeColour: CodeColour;
  vetoed: string[];
  dimensions: DimensionScore[];
  indicators: IndicatorResult[];
  improvements: { code: string; score: number; advice: Bilingual }[];
  gradedAt: string;
}

export interface StoreGrades {
  storeId: string;
  storeName: string;
  current: {
    model: string;
    period: string | null;
    grade: string;
    colour: CodeColour;
    riskColour: string | null;
    score: number | null;
    gradedOn: string;
  } | null;
  /** Newest first. */
  history: Grade[];
}

export interface Distribution {
  period: string | null;
  items: { model: string; grade: string; riskColour: string; count: number }[];
}

export async function listRuns(): Promise<GradingRun[]> {
  return (await apiRequest<{ items: GradingRun[] }>("GET", "/credit/runs?limit=100")).items;
}

/** Starts (or finds: one run per model and month) the grading of a month; it runs in the background. */
export function startRun(input: { model: CreditModelId; period: string }): Promise<GradingRun> {
  return apiRequest("POST", "/credit/runs", input);
}

export function storeGrades(storeId: string): Promise<StoreGrades> {
  return apiRequest("GET", `/stores/${storeId}/grades`);
}

/** The 食安码 colour the public sees now (red flags win over the grade). */
export function liveCodeColour(storeId: string): Promise<{ colour: CodeColour; safetyCode: string | null }> {
  return apiRequest("GET", `/public/stores/${storeId}`);
}

export function gradeDistribution(period?: string): Promise<Distribution> {
  return apiRequest("GET", period ? `/credit/grades?period=${period}` : "/credit/grades");
}
