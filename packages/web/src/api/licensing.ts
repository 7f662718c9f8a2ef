// The licensing API: self-assessment, applications and their stage transitions, licences.

import type {
  ApplicationStatus,
  BusinessForm,
  BusinessSubtype,
  ItemCode,
  SpecialFoodKind,
} from "@shian/domain";
import { apiRequest } from "./client";

export type ApplicationKind = "new" | "change" | "renewal" | "reissue" | "cancellation";
export type LicenseType = "JY" | "SC";

/** An item as the API takes it: the code and the qualifiers that item has. */
export interface ItemInput {
  code: ItemCode;
  coldChain?: boolean;
  cookedFood?: boolean;
  braisedMeat?: boolean;
  decorated?: boolean;
  homeBrewedLiquor?: boolean;
  kinds?: SpecialFoodKind[];
  variety?: string;
}

/** Facts of the premises the rules need. */
export interface Facts {
  hasPhysicalStore?: boolean;
  premisesChanged?: boolean;
  processingAreaM2?: number;
  diners?: number;
  fullTimeSafetyManagers?: number;
  contractedCanteen?: boolean;
  separateStorage?: boolean;
}

/** What a JY licence is applied for: 主体业态, 具体业态, 经营项目 and the facts. */
export interface Scope extends Facts {
  businessForm: BusinessForm;
  subtype: BusinessSubtype;
  items: ItemInput[];
}

export interface Assessment {
  ruleset: string;
  category: number;
  onsiteInspectionRequired: boolean;
  commitmentEligible: boolean;
  allowed: boolean;
  violations: { rule: string; article: string; message: string }[];
  requiredMaterials: { code: string; name: string }[];
}

export interface ApplicationSummary {
  id: string;
  kind: ApplicationKind;
  licenseType: LicenseType;
  status: ApplicationStatus;
  storeId: string;
  storeName: string;
  businessName: string;
  regionCode: string;
  commitment: boolean;
  submittedAt: string | null;
  stageDeadline: string | null;
  overdue: boolean;
  licenseId: string | null;
}

export type OnsiteResult = "pass" | "fail" | "na";
export type ChecklistLevel = "key" | "important" | "general";

export interface OnsiteRecord {
  results: { code: string; result: OnsiteResult; note?: string }[];
  photoFileIds: string[];
  applicantSigned: boolean;
  notes?: string;
}

export interface Onsite {
  scheduledAt: string;
  inspectedAt: string | null;
  outcome: "pass" | "rectify" | "fail" | null;
  results: OnsiteRecord["results"];
  photoFileIds: string[];
  applicantSigned: boolean | null;
  notes: string | null;
}

export interface ChecklistItem {
  code: string;
  level: ChecklistLevel;
  text: string;
}

export interface ApplicationDetail extends ApplicationSummary {
  request: Partial<Scope>;
  assessment: Assessment;
  materials: { code: string; fileId: string }[];
  missingMaterials: string[];
  onsite: Onsite | null;
  checklist: ChecklistItem[];
  review: { outcome: "pass" | "fail"; opinion: string; at: string } | null;
  decision: { decision: "approve" | "reject"; at: string } | null;
  reasons: string | null;
  timeline: { at: string; action: string; actor: string }[];
}

export type Queue = "acceptance" | "review" | "decision";

export interface License {
  id: string;
  number: string;
  type: LicenseType;
  status: string;
  storeId: string;
  storeName: string;
  businessName: string;
  version: number;
  validFrom: string;
  validTo: string;
  content: Partial<Scope> & Record<string, unknown>;
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The live self-assessment of a new JY licence (public, answers in the request language). */
export function assess(scope: Scope): Promise<Assessment> {
  return apiRequest("POST", "/licensing/assessments", { kind: "new", ...scope });
}

/** The caller's applications: a business sees its own, an officer a stage's queue (overdue first). */
export async function listApplications(queue?: Queue): Promise<ApplicationSummary[]> {
  const query = new URLSearchParams({ limit: "200", ...(queue ? { queue } : {}) });
  return (await apiRequest<Page<ApplicationSummary>>("GET", `/applications?${query}`)).items;
}

export function getApplication(id: string): Promise<ApplicationDetail> {
  return apiRequest("GET", `/applications/${id}`);
}

/** Starts a draft application for a new JY licence of one store. */
export function createApplication(storeId: string, scope: Scope): Promise<ApplicationDetail> {
  return apiRequest("POST", "/applications", { kind: "new", licenseType: "JY", storeId, ...scope });
}

export function attachMaterial(id: string, code: string, fileId: string): Promise<ApplicationDetail> {
  return apiRequest("POST", `/applications/${id}/materials`, { code, fileId });
}

/** Submits the application; a signer's typed name signs the 告知承诺 (commitment). */
export function submitApplication(id: string, commitmentSigner?: string): Promise<ApplicationDetail> {
  return apiRequest("POST", `/applications/${id}/submit`, commitmentSigner ? { commitmentSigner } : {});
}

export function withdrawApplication(id: string): Promise<ApplicationDetail> {
  return apiRequest("POST", `/applications/${id}/withdraw`);
}

export function acceptApplication(id: string): Promise<ApplicationDetail> {
  return apiRequest("POST", `/applications/${id}/accept`);
}

export function returnApplication(id: string, reasons: string): Promise<ApplicationDetail> {
  return apiRequest("POST", `/applications/${id}/return`, { reasons });
}

export function scheduleOnsite(id: string, scheduledAt: string): Promise<ApplicationDetail> {
  return apiRequest("POST", `/applications/${id}/onsite-schedule`, { scheduledAt });
}

export function recordOnsite(id: string, record: OnsiteRecord): Promise<ApplicationDetail> {
  return apiRequest("POST", `/applications/${id}/onsite-record`, record);
}

export function reviewApplication(
  id: string,
  outcome: "pass" | "fail",
  opinion: string,
): Promise<ApplicationDetail> {
  return apiRequest("POST", `/applications/${id}/review`, { outcome, opinion });
}

export function decideApplication(
  id: string,
  decision: "approve" | "reject",
  reasons?: string,
): Promise<ApplicationDetail> {
  return apiRequest("POST", `/applications/${id}/decide`, reasons ? { decision, reasons } : { decision });
}

export async function listLicenses(): Promise<License[]> {
  return (await apiRequest<Page<License>>("GET", "/licenses?limit=200")).items;
}

/** The statuses an approver sets: suspend (暂停), revoke (撤销) or reinstate (恢复, back to valid). */
export type LicenseStatusChange = "valid" | "suspended" | "revoked";

export function changeLicenseStatus(
  id: string,
  status: LicenseStatusChange,
  reason: string,
): Promise<License> {
  return apiRequest("POST", `/licenses/${id}/status`, { status, reason });
}
