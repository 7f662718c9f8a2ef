// 监管计划 (monthly supervision plans per district) and their 双随机 draws, whose records are public.

import { apiRequest } from "./client";

export type PlanMode = "online" | "offline";

export interface Completion {
  items: number;
  itemsDone: number;
  visitsRequired: number;
  visitsDone: number;
}

export interface Plan {
  id: string;
  regionCode: string;
  period: string;
  model: string;
  modelVersion: string;
  drawId: string | null;
  createdAt: string;
  completion: Completion;
  grades: (Completion & { grade: string; mode: PlanMode })[];
}

export interface PlanItem {
  id: string;
  storeId: string;
  storeName: string;
  grade: string;
  mode: PlanMode;
  visitsRequired: number;
  visitsDone: number;
  done: boolean;
  inspectors: { id: string; displayName: string }[];
}

export interface Commitment {
  id: string;
  regionCode: string;
  period: string;
  /** SHA-256 of the bureau secret, published before the draw. */
  commitment: string;
  createdAt: string;
}

export interface NewPlan {
  regionCode: string;
  /** YYYY-MM. */
  period: string;
  model: string;
  declaredSeed: string;
}

const query = (params: Record<string, string | undefined>) =>
  new URLSearchParams(
    Object.entries(params).filter((entry): entry is [string, string] => !!entry[1]),
  ).toString();

export async function listPlans(filter: { period?: string; region?: string }): Promise<Plan[]> {
  return (await apiRequest<{ items: Plan[] }>("GET", `/supervision/plans?${query(filter)}`)).items;
}

export function listPlanItems(
  planId: string,
  page: { mode?: PlanMode; cursor?: string; limit?: number } = {},
): Promise<{ items: PlanItem[]; nextCursor: string | null }> {
  const params = query({ mode: page.mode, cursor: page.cursor, limit: String(page.limit ?? 50) });
  return apiRequest("GET", `/supervision/plans/${planId}/items?${params}`);
}

export function createPlan(plan: NewPlan): Promise<Plan> {
  return apiRequest("POST", "/supervision/plans", plan);
}

export function commitDrawSecret(regionCode: string, period: string): Promise<Commitment> {
  return apiRequest("POST", "/supervision/commitments", { regionCode, period });
}

/** The published commitments of a district and month (public). */
export async function listCommitments(region: string, period: string): Promise<Commitment[]> {
  return (
    await apiRequest<{ items: Commitment[] }>("GET", `/public/draw-commitments?${query({ region, period })}`)
  ).items;
}

/** Where anyone reads a draw's full record as JSON. */
export function publicDrawUrl(drawId: string): string {
  return `/api/v1${publicDrawPath(drawId)}`;
}

const publicDrawPath = (drawId: string) => `/public/draws/${drawId}`;

export interface Region {
  code: string;
  name: string;
  level: string;
}

/** The divisions under a region (public reference data). */
export async function listChildRegions(parentCode: string): Promise<Region[]> {
  return (await apiRequest<{ items: Region[] }>("GET", `/regions?parentCode=${parentCode}`)).items;
}

/** The public record of a draw: everything needed to re-compute it (docs/draws.md). */
export interface PublicDraw {
  id: string;
  algorithm: string;
  declaredSeed: string;
  revealedSecret: string;
  seed: string;
  commitment: { id: string; sha256: string; createdAt: string } | null;
  populationHash: string;
  strata: { stratum: string; share: number; storeIds: string[] }[];
  inspectorPool: { hash: string; perInspection: number; inspectors: { id: string; name: string }[] };
  selection: { storeId: string; stratum: string; inspectorIds: string[] }[];
  createdAt: string;
}

export function getPublicDraw(drawId: string): Promise<PublicDraw> {
  return apiRequest("GET", publicDrawPath(drawId));
}
