import {
  chinaDate,
  itemWording,
  verifyToken,
  decodeTokenClaims,
  type BusinessForm,
  type BusinessSubtype,
  type CertificatePayload,
  type ItemRequest,
} from "@shian/domain";
import type { Queryable } from "../../db/client.js";
import { loadSigner, publishedJwks, type Keyring } from "../keys/service.js";
import * as repo from "./repository.js";
import { locateStatusEntry, statusListId } from "./status-list.js";

export interface CertificateDeps {
  keyring: Keyring;
  publicBaseUrl: string;
  /** 投诉举报电话 printed on certificates (config COMPLAINT_HOTLINE); 12315 when not given. */
  complaintHotline?: string;
}

/** 全国12315 (the national complaint hotline of market regulation). */
export const DEFAULT_COMPLAINT_HOTLINE = "12315";

const WITHDRAWN = new Set(["suspended", "revoked", "cancelled"]);

export type CertificateStatus = "valid" | "suspended" | "revoked" | "cancelled" | "expired" | "superseded";

type Certified = NonNullable<Awaited<ReturnType<typeof repo.findCurrentCertificate>>>;

/** The status a verifier is told: superseded and withdrawn licences first, then expiry. */
export function certificateStatus(
  row: Pick<Certified, "certificate" | "license">,
  today = chinaDate(new Date()),
): CertificateStatus {
  if (row.certificate.supersededAt) return "superseded";
  const status = row.license.status;
  if (status === "revoked" || status === "cancelled" || status === "suspended") return status;
  return row.license.validTo < today ? "expired" : "valid";
}

/** A non-empty text or nothing (legacy contents lack some statutory fields). */
const textOrNothing = (value: unknown) =>
  typeof value === "string" && value.trim() !== "" ? value : undefined;

function payloadOf(
  found: NonNullable<Awaited<ReturnType<typeof repo.findLicenseVersionForCertificate>>>,
  statusIndex: number,
  complaintHotline: string,
): CertificatePayload {
  const { license, version, business, store } = found;
  const content = version.content as {
    businessForm?: BusinessForm;
    subtype?: BusinessSubtype;
    items?: ItemRequest[];
    foodCategories?: string[];
    issuingAuthority?: string;
    residence?: string;
    supervisionAgency?: string;
    supervisionOfficer?: string;
    signer?: string;
  };
  const { serial, entry } = locateStatusEntry(statusIndex);
  return {
    licenseNo: license.number,
    licenseType: license.type as "JY" | "SC",
    version: version.version,
    holderName: business.name,
    uscc: business.uscc,
    legalRepresentative: business.legalRepresentative,
    storeAddress: store.address,
    ...(content.businessForm && content.subtype
      ? { businessForm: content.businessForm, subtype: content.subtype }
      : {}),
    items: (content.items ?? []).map((item) => itemWording(item).zh),
    ...(content.foodCategories ? { foodCategories: content.foodCategories } : {}),
    issuer: content.issuingAuthority ?? "市场监督管理局",
    issuerRegion: license.regionCode,
    validFrom: version.validFrom,
    validTo: version.validTo,
    issuedAt: version.issuedAt.toISOString(),
    status: { listId: statusListId("revocation", serial), index: entry },
    // — step 11: statutory fields — payload version 2; the version's content first, then the current records.
    payloadVersion: 2,
    residence: textOrNothing(content.residence) ?? textOrNothing(business.residence),
    supervisionAgency: textOrNothing(content.supervisionAgency) ?? textOrNothing(license.supervisionAgency),
    supervisionOfficer:
      textOrNothing(content.supervisionOfficer) ?? textOrNothing(license.supervisionOfficer),
    complaintHotline,
    signer: textOrNothing(content.signer),
    ...(version.reason === "import" ? { legacyImport: true as const } : {}),
  };
}

/**
 * Signs the certificates of licence versions (Ed25519 JWS + SM2) in the caller's transaction, supersedes the
 * licences' older certificates and carries each licence's status into the status lists. Bulk: a few queries for
 * any number of versions (demo data, legacy imports).
 */
export async function issueCertificates(
  tx: Queryable,
  deps: CertificateDeps,
  keys: { licenseId: string; version: number }[],
) {
  if (keys.length === 0) return [];
  const found = await repo.findLicenseVersionsForCertificates(tx, keys);
  if (found.length !== keys.length) throw new Error("some licence versions to certify do not exist");
  const indexes = await repo.allocateStatusEntries(tx, found.length);
  const rows = [];
  // One signer per issuing authority for the whole batch (loading one checks the active keys in the database).
  const signers = new Map<string, Awaited<ReturnType<typeof loadSigner>>>();
  for (const [i, entry] of found.entries()) {
    const authority = entry.license.regionCode;
    const signer = signers.get(authority) ?? (await loadSigner(tx, deps.keyring, authority));
    signers.set(authority, signer);
    const signed = signer.signCertificate(
      payloadOf(entry, indexes[i]!, deps.complaintHotline ?? DEFAULT_COMPLAINT_HOTLINE),
    );
    rows.push({
      licenseId: entry.license.id,
      licenseVersion: entry.version.version,
      licenseNumber: entry.license.number,
      payload: signed.payload,
      jws: signed.jws,
      sm2Kid: signed.sm2Kid,
      sm2Signature: signed.sm2Signature,
      token: signed.token,
      statusListIndex: indexes[i]!,
      issuedAt: entry.version.issuedAt,
    });
  }
  const certificates = await repo.insertCertificates(tx, rows);
  for (const [i, entry] of found.entries()) {
    if (entry.version.version > 1)
      await repo.supersedeCertificates(tx, entry.license.id, entry.version.version);
    // A fresh entry reads "not revoked, not suspended"; only those statuses need a bit (expiry is in the token).
    if (WITHDRAWN.has(entry.license.status))
      await reflectLicenseStatus(tx, indexes[i]!, entry.license.status);
  }
  return certificates;
}

/** The import hook: every licence created by a committed import batch gets its certificate in that batch. */
export function certifyImportedLicenses(deps: CertificateDeps) {
  return async (tx: Queryable, licenseIds: string[]) => {
    await issueCertificates(
      tx,
      deps,
      licenseIds.map((licenseId) => ({ licenseId, version: 1 })),
    );
  };
}

export async function issueCertificate(
  tx: Queryable,
  deps: CertificateDeps,
  licenseId: string,
  version: number,
) {
  const [certificate] = await issueCertificates(tx, deps, [{ licenseId, version }]);
  return certificate!;
}

/** Sets the status-list bits of a certificate from its licence's status (same transaction as the change). */
export async function reflectLicenseStatus(tx: Queryable, statusIndex: number, licenseStatus: string) {
  await repo.setStatusBit(tx, "suspension", statusIndex, licenseStatus === "suspended");
  await repo.setStatusBit(
    tx,
    "revocation",
    statusIndex,
    licenseStatus === "revoked" || licenseStatus === "cancelled",
  );
}

/** After a licence's status changed: its live certificate's entries follow. */
export async function updateCertificateStatus(tx: Queryable, licenseId: string, licenseStatus: string) {
  const live = await repo.findLiveCertificateOfLicense(tx, licenseId);
  if (live) await reflectLicenseStatus(tx, live.statusListIndex, licenseStatus);
}

export function verifyUrl(deps: Pick<CertificateDeps, "publicBaseUrl">, token: string): string {
  return `${deps.publicBaseUrl}/v/${token}`;
}

export async function findCertificate(db: Queryable, licenseNumber: string) {
  return repo.findCurrentCertificate(db, licenseNumber);
}

export type TokenVerdict =
  | { valid: true; status: CertificateStatus; claims: Record<string, unknown>; certificate: Certified }
  | {
      valid: false;
      reason: string;
      status: CertificateStatus | null;
      claims: Record<string, unknown> | null;
      certificate: Certified | null;
    };

/** Online verification of a QR token: signature and expiry (offline checks), then the licence's live status. */
export async function verifyTokenOnline(db: Queryable, token: string): Promise<TokenVerdict> {
  const offline = await verifyToken(token, await publishedJwks(db));
  const claims = (offline.claims ?? decodeTokenClaims(token)) as Record<string, unknown> | null;
  const found =
    claims && typeof claims.n === "string" && typeof claims.v === "number"
      ? await repo.findCertificateByVersion(db, claims.n, claims.v)
      : undefined;
  const status = found ? certificateStatus(found) : null;
  if (!offline.valid) {
    return {
      valid: false,
      reason: offline.reason ?? "bad_signature",
      status,
      claims,
      certificate: found ?? null,
    };
  }
  if (!found) return { valid: false, reason: "unknown_certificate", status: null, claims, certificate: null };
  if (found.certificate.token !== token) {
    return { valid: false, reason: "bad_signature", status, claims, certificate: found };
  }
  if (status !== "valid") return { valid: false, reason: status!, status, claims, certificate: found };
  return { valid: true, status, claims: claims!, certificate: found };
}
