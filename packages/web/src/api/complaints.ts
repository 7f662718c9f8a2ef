import { apiRequest } from "./client";

export type ComplaintStatus = "received" | "acknowledged" | "assigned" | "closed";

export interface ComplaintItem {
  id: string;
  status: ComplaintStatus;
  category: string;
  regionCode: string;
  storeId: string | null;
  storeName: string | null;
  descriptionExcerpt: string;
  assignedTo: string | null;
  createdAt: string;
  acknowledgeBy: string;
  closeBy: string;
  overdue: boolean;
  escalatedAt: string | null;
}

export interface ComplaintDetail extends ComplaintItem {
  description: string;
  lat: number | null;
  lng: number | null;
  /** Masked (138****1234). */
  contactPhone: string | null;
  assigneeName: string | null;
  photoFileIds: string[];
  acknowledgedAt: string | null;
  closedAt: string | null;
  reply: string | null;
  upheld: boolean | null;
}

export interface Inspector {
  id: string;
  username: string;
  displayName: string;
}

/** The district queue, overdue first; `mine` = assigned to me. */
export async function listComplaints(filter: { status?: ComplaintStatus; mine?: boolean } = {}) {
  const query = new URLSearchParams();
  if (filter.status) query.set("status", filter.status);
  if (filter.mine) query.set("mine", "true");
  const suffix = query.size > 0 ? `?${query.toString()}` : "";
  return (await apiRequest<{ items: ComplaintItem[] }>("GET", `/complaints${suffix}`)).items;
}

export const getComplaint = (id: string) => apiRequest<ComplaintDetail>("GET", `/complaints/${id}`);

export async function listComplaintInspectors(id: string) {
  return (await apiRequest<{ items: Inspector[] }>("GET", `/complaints/${id}/inspectors`)).items;
}

export const acknowledgeComplaint = (id: string) =>
  apiRequest<ComplaintDetail>("POST", `/complaints/${id}/acknowledge`);

export const assignComplaint = (id: string, inspectorId: string) =>
  apiRequest<ComplaintDetail>("POST", `/complaints/${id}/assign`, { inspectorId });

export const closeComplaint = (id: string, reply: string, upheld: boolean) =>
  apiRequest<ComplaintDetail>("POST", `/complaints/${id}/close`, { reply, upheld });

export const complaintThumbnailUrl = (id: string, fileId: string) =>
  `/api/v1/complaints/${id}/photos/${fileId}/thumbnail`;

export const fileUrl = (fileId: string) => `/api/v1/files/${fileId}`;
