// 预警: the officers' alert queue (close with a note) and the business's own alerts (respond).

import { apiRequest } from "./client";
import type { Bilingual } from "../i18n/messages";

export type AlertSeverity = "red" | "yellow";
export type AlertStatus = "open" | "closed";

export interface AlertResponse {
  text: string;
  evidenceFileIds: string[];
  at: string;
  by: string;
}

export interface Alert {
  id: string;
  rule: string;
  ruleLabel: Bilingual;
  severity: AlertSeverity;
  status: AlertStatus;
  storeId: string;
  storeName: string;
  regionCode: string;
  subjectKey: string;
  /** What the rule found: staff and expiry date, licence number, report number, inspection… */
  details: Record<string, unknown>;
  responses: AlertResponse[];
  taskId: string | null;
  openedAt: string;
  /** Red alerts: 24 hours after opening. */
  dueAt: string | null;
  overdue: boolean;
  closedAt: string | null;
  closingNote: string | null;
}

export interface AlertFilter {
  status?: AlertStatus | undefined;
  severity?: AlertSeverity | undefined;
}

function query(filter: AlertFilter): string {
  const params = new URLSearchParams({ limit: "200" });
  if (filter.status) params.set("status", filter.status);
  if (filter.severity) params.set("severity", filter.severity);
  return params.toString();
}

/** The officer's queue: red first, soonest due first. */
export async function listAlerts(filter: AlertFilter): Promise<Alert[]> {
  return (await apiRequest<{ items: Alert[] }>("GET", `/alerts?${query(filter)}`)).items;
}

/** The alerts of the business's own stores. */
export async function listMyAlerts(filter: AlertFilter): Promise<Alert[]> {
  return (await apiRequest<{ items: Alert[] }>("GET", `/portal/alerts?${query(filter)}`)).items;
}

export function closeAlert(id: string, note: string): Promise<Alert> {
  return apiRequest("POST", `/alerts/${id}/close`, { note });
}

export function respondToAlert(id: string, text: string, evidenceFileIds: string[]): Promise<Alert> {
  return apiRequest("POST", `/portal/alerts/${id}/response`, { text, evidenceFileIds });
}

export interface RunSummary {
  rule: string;
  severity: AlertSeverity;
  opened: number;
}

/** Admin: run every rule now. */
export async function runAlerts(): Promise<RunSummary[]> {
  return (await apiRequest<{ items: RunSummary[] }>("POST", "/alerts/run")).items;
}
