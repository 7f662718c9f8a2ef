// 严重违法失信名单 with its joint-punishment export, 守信激励 (red-list incentives) and consented bank referrals.

import { apiRequest } from "./client";
import type { Bilingual } from "../i18n/messages";
import type { Store } from "./stores";

export type ExportFormat = "xlsx" | "csv";

export interface DishonestyEntry {
  id: string;
  businessId: string;
  businessName: string;
  uscc: string;
  regionCode: string;
  penaltyId: string | null;
  reason: string;
  legalBasis: string;
  listedOn: string;
  until: string;
  removedAt: string | null;
  removedReason: string | null;
}

export interface NewDishonestyEntry {
  businessId: string;
  reason: string;
  legalBasis: string;
  listedOn: string;
  until: string;
}

export interface BankPartner {
  id: string;
  name: string;
  regionCode: string;
  createdAt: string;
}

/** A bank as the business sees it: consentedAt is null when it has not consented (or withdrew). */
export interface PortalBankPartner {
  id: string;
  name: string;
  regionCode: string;
  consentedAt: string | null;
}

export interface StoreIncentives {
  storeId: string;
  storeName: string;
  grade: { model: string; grade: string; riskColour: string | null; period: string | null } | null;
  incentives: { code: string; label: Bilingual; maxYuan: number | null; source: string }[];
}

/** A store with the business it belongs to (officers list businesses through their stores). */
export type StoreOfBusiness = Store & { businessId: string };

export async function listStoresOfBusinesses(): Promise<StoreOfBusiness[]> {
  return (await apiRequest<{ items: StoreOfBusiness[] }>("GET", "/stores?limit=200")).items;
}

export async function listDishonesty(active: boolean): Promise<DishonestyEntry[]> {
  return (await apiRequest<{ items: DishonestyEntry[] }>("GET", `/dishonesty?active=${active}&limit=500`))
    .items;
}

export function listBusiness(entry: NewDishonestyEntry): Promise<DishonestyEntry> {
  return apiRequest("POST", "/dishonesty", entry);
}

export function removeFromList(id: string, reason: string): Promise<DishonestyEntry> {
  return apiRequest("POST", `/dishonesty/${id}/remove`, { reason });
}

export function jointPunishmentHref(format: ExportFormat): string {
  return `/api/v1/dishonesty/export.${format}`;
}

export async function listBankPartners(): Promise<BankPartner[]> {
  return (await apiRequest<{ items: BankPartner[] }>("GET", "/bank-partners")).items;
}

export function registerBankPartner(name: string, regionCode: string): Promise<BankPartner> {
  return apiRequest("POST", "/bank-partners", { name, regionCode });
}

export function referralsHref(bankPartnerId: string, format: ExportFormat): string {
  return `/api/v1/bank-partners/${bankPartnerId}/referrals.${format}`;
}

export async function listMyBankPartners(): Promise<PortalBankPartner[]> {
  return (await apiRequest<{ items: PortalBankPartner[] }>("GET", "/portal/bank-partners")).items;
}

export function giveConsent(bankPartnerId: string): Promise<PortalBankPartner> {
  return apiRequest("POST", "/portal/referral-consents", { bankPartnerId });
}

export function withdrawConsent(bankPartnerId: string): Promise<PortalBankPartner> {
  return apiRequest("DELETE", `/portal/referral-consents/${bankPartnerId}`);
}

export async function listMyIncentives(): Promise<StoreIncentives[]> {
  return (await apiRequest<{ items: StoreIncentives[] }>("GET", "/portal/incentives")).items;
}
