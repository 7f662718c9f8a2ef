// Third-party platforms (外卖 and the like) and the business's authorisations to fetch its certificates.

import { apiRequest } from "./client";

export interface Partner {
  id: string;
  name: string;
}

export interface Authorization {
  id: string;
  apiClientId: string;
  clientName: string;
  /** The licences the platform may fetch; null = all of the business's. */
  licenseIds: string[] | null;
  validUntil: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface Grant {
  apiClientId: string;
  /** Omitted: all licences. */
  licenseIds?: string[];
  validUntil: string;
}

export async function listPartners(): Promise<Partner[]> {
  return (await apiRequest<{ items: Partner[] }>("GET", "/partners")).items;
}

export async function listAuthorizations(): Promise<Authorization[]> {
  return (await apiRequest<{ items: Authorization[] }>("GET", "/partner-authorizations")).items;
}

export function grantAuthorization(grant: Grant): Promise<{ id: string }> {
  return apiRequest("POST", "/partner-authorizations", grant);
}

export function revokeAuthorization(id: string): Promise<void> {
  return apiRequest("POST", `/partner-authorizations/${id}/revoke`);
}
