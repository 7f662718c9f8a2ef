import { createHash } from "node:crypto";
import {
  BUSINESS_FORM_NAMES,
  BUSINESS_SUBTYPE_NAMES,
  type BusinessForm,
  type BusinessSubtype,
} from "@shian/domain";
import type { CertificateDocument } from "./documents/certificate-document.js";
import { renderCertificateOfd } from "./documents/certificate-ofd.js";
import { renderCertificatePdf } from "./documents/certificate-pdf.js";
import { eLicenceIdOfCertificate } from "./e-licence-id.js";
import type { CertificateRow } from "./repository.js";
import { verifyUrl, type CertificateDeps } from "./service.js";

/** The statutory fields a certificate payload of version 2 signs (step 11); absent from version-1 payloads. */
export interface StatutoryFields {
  residence?: string;
  supervisionAgency?: string;
  supervisionOfficer?: string;
  complaintHotline?: string;
  signer?: string;
  legacyImport?: boolean;
}

interface SignedFields extends StatutoryFields {
  licenseType: "JY" | "SC";
  licenseNo: string;
  version: number;
  holderName: string;
  uscc: string;
  legalRepresentative: string;
  storeAddress: string;
  businessForm?: BusinessForm;
  subtype?: BusinessSubtype;
  items: string[];
  foodCategories?: string[];
  issuer: string;
  validFrom: string;
  validTo: string;
  issuedAt: string;
}

/**
 * What one signed certificate prints (PDF and OFD), read from its signed payload only. `signer` is the version
 * content's 签发人 for payload-version-1 certificates (version 2 signs it).
 */
export function certificateDocument(
  deps: CertificateDeps,
  certificate: CertificateRow,
  signer: string,
): CertificateDocument {
  const fields = JSON.parse(certificate.payload) as SignedFields;
  const edKid = (
    JSON.parse(Buffer.from(certificate.jws.split(".")[0]!, "base64url").toString("utf8")) as { kid: string }
  ).kid;
  const businessFormText =
    fields.businessForm && fields.subtype
      ? `${BUSINESS_FORM_NAMES[fields.businessForm].zh}（${BUSINESS_SUBTYPE_NAMES[fields.subtype].zh}）`
      : "食品生产";
  return {
    licenseType: fields.licenseType,
    licenseNo: fields.licenseNo,
    eLicenceId: eLicenceIdOfCertificate(certificate),
    version: fields.version,
    holderName: fields.holderName,
    uscc: fields.uscc,
    legalRepresentative: fields.legalRepresentative,
    storeAddress: fields.storeAddress,
    ...(fields.residence ? { residence: fields.residence } : {}),
    businessFormText,
    itemsText: fields.items.length > 0 ? fields.items : (fields.foodCategories ?? []),
    ...(fields.supervisionAgency ? { supervisingAuthority: fields.supervisionAgency } : {}),
    ...(fields.supervisionOfficer ? { supervisionOfficer: fields.supervisionOfficer } : {}),
    ...(fields.complaintHotline ? { complaintHotline: fields.complaintHotline } : {}),
    ...(fields.legacyImport ? { legacyImport: true } : {}),
    issuer: fields.issuer,
    signer: fields.signer ?? signer,
    validFrom: fields.validFrom,
    validTo: fields.validTo,
    issuedAt: fields.issuedAt,
    verifyUrl: verifyUrl(deps, certificate.token),
    edKid,
    sm2Kid: certificate.sm2Kid,
    payloadSha256: createHash("sha256").update(certificate.payload).digest("hex"),
  };
}

/** The printable certificate of a signed payload; copies for third parties carry a "仅供 … 使用" watermark. */
export function certificatePdf(
  deps: CertificateDeps,
  certificate: CertificateRow,
  signer: string,
  watermark?: { party: string; date: string },
) {
  return renderCertificatePdf(
    certificateDocument(deps, certificate, signer),
    watermark ? { watermark } : undefined,
  );
}

/** The same certificate as an OFD file (GB/T 33190, step 11): subset font and QR image embedded. */
export function certificateOfd(deps: CertificateDeps, certificate: CertificateRow, signer: string) {
  return renderCertificateOfd(certificateDocument(deps, certificate, signer));
}
