import { apiRequest } from "./client";

export type CheckResult = "pass" | "fail" | "na";

export interface TemplateItem {
  code: string;
  text: { zh: string; en: string };
  weight: number;
  critical: boolean;
}

export interface InspectionTemplate {
  code: "patrol" | "routine";
  title: { zh: string; en: string };
  items: TemplateItem[];
}

export interface Patrol {
  id: string;
  status: string;
  storeId: string;
  storeName: string;
  storeAddress: string;
  storeLat: number | null;
  storeLng: number | null;
  plannedFor: string | null;
  inspectedAt: string | null;
  failedItems: string[];
}

export interface PatrolResult {
  code: string;
  result: CheckResult;
  note?: string;
  photoFileIds?: string[];
}

export interface PatrolSubmission {
  storeId: string;
  results: PatrolResult[];
  lat: number;
  lng: number;
  photoFileIds: string[];
}

export interface SubmittedPatrol {
  id: string;
  storeName: string;
  distanceM: number | null;
  farFromStore: boolean | null;
  failedItems: string[];
  findingTaskId: string | null;
}

export interface Inspection {
  id: string;
  kind: string;
  status: string;
  storeId: string;
  storeName: string;
  template: string;
  inspectedAt: string | null;
  plannedFor: string | null;
  distanceM: number | null;
  farFromStore: boolean | null;
  outcome: string | null;
  score: number | null;
  results: PatrolResult[];
}

export interface Rectification {
  id: string;
  storeId: string;
  storeName: string;
  itemCode: string;
  itemText: { zh: string; en: string } | null;
  critical: boolean;
  status: "open" | "replied" | "closed" | "reopened";
  dueAt: string;
  overdue: boolean;
  escalatedAt: string | null;
  reply: string | null;
  evidenceFileIds: string[];
}

export async function listTemplates(): Promise<InspectionTemplate[]> {
  return (await apiRequest<{ items: InspectionTemplate[] }>("GET", "/inspection-templates")).items;
}

export async function listMyPatrols(): Promise<Patrol[]> {
  return (await apiRequest<{ items: Patrol[] }>("GET", "/volunteers/me/patrols")).items;
}

export function submitPatrol(submission: PatrolSubmission): Promise<SubmittedPatrol> {
  return apiRequest("POST", "/patrols", submission);
}

export async function listInspections(storeId?: string): Promise<Inspection[]> {
  const query = storeId ? `?storeId=${encodeURIComponent(storeId)}` : "";
  return (await apiRequest<{ items: Inspection[] }>("GET", `/inspections${query}`)).items;
}

export async function listRectifications(status?: string): Promise<Rectification[]> {
  const query = status ? `?status=${encodeURIComponent(status)}` : "";
  return (await apiRequest<{ items: Rectification[] }>("GET", `/rectifications${query}`)).items;
}

export function replyToRectification(
  id: string,
  reply: string,
  evidenceFileIds: string[],
): Promise<Rectification> {
  return apiRequest("POST", `/rectifications/${id}/reply`, { reply, evidenceFileIds });
}

export function acceptRectification(id: string): Promise<Rectification> {
  return apiRequest("POST", `/rectifications/${id}/accept`);
}

export function reopenRectification(id: string, reason: string): Promise<Rectification> {
  return apiRequest("POST", `/rectifications/${id}/reopen`, { reason });
}
