import {
  chinaDate,
  findMissingStatutoryField,
  formatJyNumber,
  formatScNumber,
  licenseValidity,
} from "@shian/domain";
import type { Transaction } from "../../db/client.js";
import { AppError } from "../../http/errors.js";
import { findRegionName } from "../accounts/repository.js";
import { findBusinessById, findStoreById } from "../entities/repository.js";
import type { LicenseHooks } from "./hooks.js";
import * as repo from "./repository.js";

export interface IssueInput {
  application: repo.ApplicationRow;
  issuedBy: { id: string | null; displayName: string };
  now: Date;
  hooks: LicenseHooks;
  /** 日常监督管理人员 the approver assigns (step 11). */
  supervisionOfficer?: string | undefined;
}

/** The day after a date (dates are calendar days in China; UTC midnight plus a day stays on that calendar). */
const dayAfter = (isoDate: string) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The licence's printed content: what a certificate of this version states. */
export function buildLicenseContent(parts: {
  business: { name: string; uscc: string; legalRepresentative: string; residence?: string | null };
  store: { address: string };
  authorityRegionName: string | null;
  request: Record<string, unknown>;
  /** 日常监督管理机构/人员 (step 11): the agency defaults to the region's bureau. */
  supervision?: { agency?: string | null; officer?: string | null };
}): Record<string, unknown> {
  const bureau = `${parts.authorityRegionName ?? ""}市场监督管理局`;
  return {
    holderName: parts.business.name,
    uscc: parts.business.uscc,
    legalRepresentative: parts.business.legalRepresentative,
    // — step 11: statutory fields — 住所 and the routine supervision (日常监督管理机构/人员).
    ...(parts.business.residence ? { residence: parts.business.residence } : {}),
    premises: parts.store.address,
    issuingAuthority: bureau,
    supervisionAgency: parts.supervision?.agency || bureau,
    ...(parts.supervision?.officer ? { supervisionOfficer: parts.supervision.officer } : {}),
    ...parts.request,
  };
}

/** Refuses a licence version without every statutory field (400 naming it, e.g. 缺少法定字段：住所 (residence)). */
export function assertStatutoryFields(content: Record<string, unknown>, licenseType: string) {
  const missing = findMissingStatutoryField(content, licenseType === "SC" ? "SC" : "JY");
  if (!missing) return;
  throw new AppError("statutory_field_missing", {
    "zh-CN": `缺少法定字段：${missing.zh} (${missing.key})`,
    en: `Missing statutory field: ${missing.zh} (${missing.key})`,
  });
}

async function licenseContent(
  tx: Transaction,
  application: repo.ApplicationRow,
  supervision: { agency?: string | null; officer?: string | null },
) {
  // One after another: a transaction is one connection, which runs one query at a time.
  const store = await findStoreById(tx, application.storeId);
  const business = await findBusinessById(tx, application.businessId);
  const authorityRegionName = await findRegionName(tx, application.regionCode);
  return buildLicenseContent({
    business: business!,
    store: store!,
    authorityRegionName,
    request: application.request,
    supervision,
  });
}

/** The next licence number: JY + form digit + region + sequence + check digit, or SC + category + region + …. */
async function nextNumber(tx: Transaction, application: repo.ApplicationRow): Promise<string> {
  const request = application.request as { businessForm?: string; foodCategories?: string[] };
  if (application.licenseType === "SC") {
    const foodCategory = request.foodCategories![0]!;
    const sequence = await repo.nextLicenseSequence(tx, `SC${foodCategory}${application.regionCode}`);
    return formatScNumber({ foodCategory, regionCode: application.regionCode, sequence });
  }
  const probe = formatJyNumber({
    businessForm: request.businessForm as never,
    regionCode: application.regionCode,
    sequence: 1,
  });
  const sequence = await repo.nextLicenseSequence(tx, probe.slice(0, 9));
  return formatJyNumber({
    businessForm: request.businessForm as never,
    regionCode: application.regionCode,
    sequence,
  });
}

/**
 * Applies an approved application to the licence register, in the caller's transaction:
 * new → a licence, version 1; change and reissue → a new version, same validity; renewal → a new version valid
 * five more years; cancellation → status cancelled. Returns the licence.
 */
export async function applyApprovedApplication(
  tx: Transaction,
  { application, issuedBy, now, hooks, supervisionOfficer }: IssueInput,
) {
  const existing = application.licenseId ? await repo.lockLicense(tx, application.licenseId) : undefined;
  // — step 11: statutory fields — the licence keeps its supervision; the approver is the default officer.
  const content = await licenseContent(tx, application, {
    agency: existing?.supervisionAgency,
    officer: supervisionOfficer || existing?.supervisionOfficer || issuedBy.displayName,
  });
  if (application.kind !== "cancellation")
    assertStatutoryFields({ ...content, signer: issuedBy.displayName }, application.licenseType);
  if (application.kind === "new") {
    const validity = licenseValidity(chinaDate(now));
    const number = await nextNumber(tx, application);
    const license = await repo.insertLicense(tx, {
      number,
      type: application.licenseType,
      businessId: application.businessId,
      storeId: application.storeId,
      regionCode: application.regionCode,
      status: "valid",
      currentVersion: 1,
      validFrom: validity.validFrom,
      validTo: validity.validTo,
      issuedAt: now,
      supervisionAgency: String(content.supervisionAgency),
      supervisionOfficer: String(content.supervisionOfficer),
    });
    await repo.insertLicenseVersion(tx, {
      licenseId: license.id,
      version: 1,
      applicationId: application.id,
      reason: "new",
      content: { ...content, number, signer: issuedBy.displayName },
      validFrom: validity.validFrom,
      validTo: validity.validTo,
      issuedAt: now,
      issuedBy: issuedBy.id,
    });
    await hooks.versionIssued(tx, license, "new");
    return license;
  }
  const license = existing!;
  if (application.kind === "cancellation") {
    const cancelled = await repo.updateLicense(tx, license.id, { status: "cancelled" });
    await hooks.statusChanged(tx, cancelled);
    return cancelled;
  }
  // A renewal runs five more years from the day after the current licence ends.
  const validity =
    application.kind === "renewal"
      ? licenseValidity(dayAfter(license.validTo))
      : { validFrom: license.validFrom, validTo: license.validTo };
  const version = license.currentVersion + 1;
  const [current] = await repo.listLicenseVersions(tx, license.id);
  // A reissue repeats the current content; statutory fields it predates (step 11) are filled in from today's data.
  const versionContent = application.kind === "reissue" ? { ...content, ...current!.content } : content;
  await repo.insertLicenseVersion(tx, {
    licenseId: license.id,
    version,
    applicationId: application.id,
    reason: application.kind,
    content: { ...versionContent, number: license.number, signer: issuedBy.displayName },
    validFrom: validity.validFrom,
    validTo: validity.validTo,
    issuedAt: now,
    issuedBy: issuedBy.id,
  });
  const updated = await repo.updateLicense(tx, license.id, {
    supervisionAgency: String(content.supervisionAgency),
    supervisionOfficer: String(content.supervisionOfficer),
    currentVersion: version,
    validFrom: validity.validFrom,
    validTo: validity.validTo,
    status: "valid",
  });
  await hooks.versionIssued(tx, updated, application.kind);
  return updated;
}
