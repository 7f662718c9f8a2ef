import { chinaDate, formatJyNumber, formatScNumber, licenseValidity } from "@shian/domain";
import type { Transaction } from "../../db/client.js";
import { findRegionName } from "../accounts/repository.js";
import { findBusinessById, findStoreById } from "../entities/repository.js";
import type { LicenseHooks } from "./hooks.js";
import * as repo from "./repository.js";

export interface IssueInput {
  application: repo.ApplicationRow;
  issuedBy: { id: string | null; displayName: string };
  now: Date;
  hooks: LicenseHooks;
}

/** The day after a date (dates are calendar days in China; UTC midnight plus a day stays on that calendar). */
const dayAfter = (isoDate: string) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The licence's printed content: what a certificate of this version states. */
export function buildLicenseContent(parts: {
  business: { name: string; uscc: string; legalRepresentative: string };
  store: { address: string };
  authorityRegionName: string | null;
  request: Record<string, unknown>;
}): Record<string, unknown> {
  return {
    holderName: parts.business.name,
    uscc: parts.business.uscc,
    legalRepresentative: parts.business.legalRepresentative,
    premises: parts.store.address,
    issuingAuthority: `${parts.authorityRegionName ?? ""}市场监督管理局`,
    ...parts.request,
  };
}

async function licenseContent(tx: Transaction, application: repo.ApplicationRow) {
  // One after another: a transaction is one connection, which runs one query at a time.
  const store = await findStoreById(tx, application.storeId);
  const business = await findBusinessById(tx, application.businessId);
  const authorityRegionName = await findRegionName(tx, application.regionCode);
  return buildLicenseContent({
    business: business!,
    store: store!,
    authorityRegionName,
    request: application.request,
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
  { application, issuedBy, now, hooks }: IssueInput,
) {
  const content = await licenseContent(tx, application);
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
  const license = (await repo.lockLicense(tx, application.licenseId!))!;
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
  const versionContent = application.kind === "reissue" ? current!.content : content;
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
    currentVersion: version,
    validFrom: validity.validFrom,
    validTo: validity.validTo,
    status: "valid",
  });
  await hooks.versionIssued(tx, updated, application.kind);
  return updated;
}
