// 社会监督员: officers approve registered volunteers and assign them stores to patrol.

import { apiRequest } from "./client";
import type { Patrol } from "./inspections";

export interface Volunteer {
  userId: string;
  status: "pending" | "approved" | "suspended";
  approvedAt: string | null;
}

export function approveVolunteer(userId: string): Promise<Volunteer> {
  return apiRequest("POST", `/volunteers/${userId}/approve`);
}

/** One planned patrol per store. */
export async function assignPatrols(userId: string, storeIds: string[]): Promise<Patrol[]> {
  return (await apiRequest<{ items: Patrol[] }>("POST", `/volunteers/${userId}/assignments`, { storeIds }))
    .items;
}
