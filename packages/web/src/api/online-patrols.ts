// 线上巡查 (online patrol): the month's online plan items, a store's kitchen video and snapshots beside the
// online checklist, and the recorded patrol.

import { apiRequest } from "./client";
import type { CheckResult, InspectionTemplate } from "./inspections";

export interface PatrolListItem {
  planItemId: string;
  planId: string;
  model: string;
  storeId: string;
  storeName: string;
  storeAddress: string;
  regionCode: string;
  grade: string;
  feedCount: number;
  latestSnapshotAt: string | null;
  visitsRequired: number;
  visitsDone: number;
  done: boolean;
}

export interface PatrolPlanItem {
  id: string;
  planId: string;
  grade: string;
  visitsRequired: number;
  visitsDone: number;
  done: boolean;
}

export interface PatrolStore {
  storeId: string;
  storeName: string;
  storeAddress: string;
  regionCode: string;
  feeds: { id: string; name: string; hlsUrl: string | null }[];
  snapshots: { id: string; feedId: string | null; takenAt: string }[];
  checklist: Omit<InspectionTemplate, "code"> & { code: string };
  planItem: PatrolPlanItem | null;
}

export interface PatrolAnswer {
  code: string;
  result: CheckResult;
  note?: string;
  snapshotIds?: string[];
}

export interface RecordedPatrol {
  id: string;
  kind: string;
  storeId: string;
  storeName: string;
  outcome: string | null;
  score: number | null;
  rectificationIds: string[];
  planItem: PatrolPlanItem | null;
}

export async function listOnlinePatrols(period: string): Promise<PatrolListItem[]> {
  return (await apiRequest<{ items: PatrolListItem[] }>("GET", `/online-patrols?period=${period}`)).items;
}

export function getPatrolStore(storeId: string): Promise<PatrolStore> {
  return apiRequest("GET", `/online-patrols/stores/${storeId}`);
}

export function recordOnlinePatrol(patrol: {
  storeId: string;
  period: string;
  results: PatrolAnswer[];
}): Promise<RecordedPatrol> {
  return apiRequest("POST", "/online-patrols", patrol);
}

/** A snapshot's JPEG, served by the kitchen module to officers of the store's jurisdiction. */
export function snapshotImageUrl(snapshotId: string): string {
  return `/api/v1/kitchen/snapshots/${snapshotId}/image`;
}
