import { Type } from "@sinclair/typebox";
import { certificateStatus, verifyUrl, type CertificateDeps, type CertificateStatus } from "./service.js";
import type { findCurrentCertificate } from "./repository.js";
import type { StatutoryFields } from "./documents.js";
import { eLicenceIdOfCertificate } from "./e-licence-id.js";

type Certified = NonNullable<Awaited<ReturnType<typeof findCurrentCertificate>>>;

/** A USCC with its middle hidden: enough to compare with a printed licence, not to copy it (PIPL for 个体户). */
export function maskUscc(uscc: string): string {
  return `${uscc.slice(0, 4)}${"*".repeat(Math.max(uscc.length - 8, 0))}${uscc.slice(-4)}`;
}

interface SignedFields extends StatutoryFields {
  licenseNo: string;
  holderName: string;
  businessForm?: string;
  subtype?: string;
  items: string[];
  validFrom: string;
  validTo: string;
  issuer: string;
  storeAddress: string;
  legalRepresentative: string;
  issuedAt: string;
}

/** The public verification answer: what the certificate states, its live status, no personal data. */
export function presentVerification(row: Certified, status: CertificateStatus, checkedAt: Date) {
  const payload = JSON.parse(row.certificate.payload) as SignedFields;
  return {
    licenseNo: payload.licenseNo,
    eLicenceId: eLicenceIdOfCertificate(row.certificate),
    status,
    version: row.certificate.licenseVersion,
    holderName: payload.holderName,
    usccMasked: maskUscc(row.business.uscc),
    businessForm: payload.businessForm ?? null,
    subtype: payload.subtype ?? null,
    items: payload.items,
    validFrom: payload.validFrom,
    validTo: payload.validTo,
    issuer: payload.issuer,
    storeAddress: payload.storeAddress,
    // — step 11: statutory fields — null where a version-1 or legacy certificate does not state one.
    legalRepresentative: payload.legalRepresentative,
    residence: payload.residence ?? null,
    supervisionAgency: payload.supervisionAgency ?? null,
    supervisionOfficer: payload.supervisionOfficer ?? null,
    complaintHotline: payload.complaintHotline ?? null,
    signer: payload.signer ?? null,
    issuedAt: payload.issuedAt,
    legacyImport: payload.legacyImport === true,
    checkedAt: checkedAt.toISOString(),
  };
}

/** Path parameter of a licence number. */
export const LicenseNo = Type.String({ pattern: "^(JY|SC)[0-9]{14}$" });

/**
 * A licence number or a GB/T 36904 电子证照标识 (root code 1.2.156.3005.2 first). Anything after the root code is
 * let through to the parser, so a mistyped identifier gets a 400 naming it (e_licence_id_invalid).
 */
export const LicenseNoOrELicenceId = Type.String({
  maxLength: 120,
  pattern: "^((JY|SC)[0-9]{14}|1\\.2\\.156\\.3005\\.2\\.[0-9A-Za-z.]{1,100})$",
});

/** The signed certificate itself: canonical payload, Ed25519 JWS, SM2 signature and the QR token. */
export const SignedCertificateView = Type.Object({
  licenseNo: Type.String(),
  /** 电子证照标识 (GB/T 36904-2018), derived from the certificate; not part of the signed payload. */
  eLicenceId: Type.String(),
  version: Type.Integer(),
  status: Type.String(),
  payload: Type.String(),
  jws: Type.String(),
  sm2Kid: Type.String(),
  sm2Signature: Type.String(),
  token: Type.String(),
  verifyUrl: Type.String(),
});

export function presentSignedCertificate(row: Certified, deps: Pick<CertificateDeps, "publicBaseUrl">) {
  const { certificate } = row;
  return {
    licenseNo: certificate.licenseNumber,
    eLicenceId: eLicenceIdOfCertificate(certificate),
    version: certificate.licenseVersion,
    status: certificateStatus(row),
    payload: certificate.payload,
    jws: certificate.jws,
    sm2Kid: certificate.sm2Kid,
    sm2Signature: certificate.sm2Signature,
    token: certificate.token,
    verifyUrl: verifyUrl(deps, certificate.token),
  };
}
