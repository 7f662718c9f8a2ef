// 从业人员: a store's staff and their health certificates (健康证).

import { apiRequest } from "./client";

export interface StaffMember {
  id: string;
  storeId: string;
  name: string;
  position: string | null;
  /** Sealed at rest; replies carry its first and last two characters only (JK******12). */
  healthCertificateNoMasked: string | null;
  healthCertificateIssuer: string;
  /** YYYY-MM-DD. */
  healthCertificateValidTo: string;
  healthCertificateExpired: boolean;
}

export interface NewStaffMember {
  name: string;
  position?: string;
  healthCertificateNo: string;
  healthCertificateIssuer: string;
  /** YYYY-MM-DD. */
  healthCertificateValidTo: string;
}

export async function listStaff(storeId: string): Promise<StaffMember[]> {
  return (await apiRequest<{ items: StaffMember[] }>("GET", `/stores/${storeId}/staff`)).items;
}

export function addStaff(storeId: string, member: NewStaffMember): Promise<StaffMember> {
  return apiRequest("POST", `/stores/${storeId}/staff`, member);
}
