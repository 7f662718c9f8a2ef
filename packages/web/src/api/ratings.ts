// Consumers' ratings of stores (by 食安码), whose comments officers moderate before they are public.

import { apiRequest } from "./client";

export type Moderation = "pending" | "approved" | "rejected";

export interface Rating {
  id: string;
  storeId: string;
  storeName: string;
  regionCode: string;
  stars: number;
  comment: string | null;
  ratedOn: string;
  moderation: Moderation;
  createdAt: string;
}

/** The ratings of the jurisdiction awaiting moderation, oldest first. */
export async function listPendingRatings(): Promise<Rating[]> {
  return (await apiRequest<{ items: Rating[] }>("GET", "/ratings?moderation=pending&limit=100")).items;
}

export function moderateRating(id: string, decision: "approve" | "reject"): Promise<Rating> {
  return apiRequest("POST", `/ratings/${id}/moderate`, { decision });
}
