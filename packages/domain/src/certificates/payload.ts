// The signed content of an electronic certificate (电子证书, DESIGN.md §6): one licence version rendered as
// canonical JSON (RFC 8785, JSON Canonicalization Scheme), so that the Ed25519 JWS and the SM2 signature cover
// exactly the same bytes and any verifier can rebuild them.

import canonicalize from "canonicalize";

/** JY 食品经营许可证 or SC 食品生产许可证. */
export type LicenseType = "JY" | "SC";

/** Where the certificate's revocation bit lives (W3C Bitstring Status List style). */
export interface CertificateStatusRef {
  listId: string;
  index: number;
}

export interface CertificatePayload {
  /** 许可证编号. */
  licenseNo: string;
  licenseType: LicenseType;
  /** The licence version this certificate renders (a change or renewal issues a new version). */
  version: number;
  /** 经营者名称 / 生产者名称. */
  holderName: string;
  /** 统一社会信用代码. */
  uscc: string;
  /** 法定代表人（负责人）. */
  legalRepresentative: string;
  /** 经营场所 / 生产地址. */
  storeAddress: string;
  /** 主体业态 (JY only). */
  businessForm?: string;
  /** 具体业态. */
  subtype?: string;
  /** 经营项目: the licence wording of each item. */
  items: string[];
  /** 食品类别 (SC only). */
  foodCategories?: string[];
  /** 发证机关: the issuing authority's name. */
  issuer: string;
  /** The issuing authority's GB/T 2260 region code; its keys sign the certificate. */
  issuerRegion: string;
  /** 有效期 from, YYYY-MM-DD. */
  validFrom: string;
  /** 有效期至, YYYY-MM-DD (inclusive, China Standard Time). */
  validTo: string;
  /** When the certificate was signed, ISO 8601 with zone. */
  issuedAt: string;
  status: CertificateStatusRef;
  // Payload version 2 (step 11, statutory field set). Absent in version-1 payloads, which keep verifying: both
  // signatures cover the stored canonical bytes, and version 1 simply has none of the fields below.
  /** 2 for payloads with the statutory field set; absent = 1. */
  payloadVersion?: 2;
  /** 住所 (registered domicile). */
  residence?: string;
  /** 日常监督管理机构. */
  supervisionAgency?: string;
  /** 日常监督管理人员. */
  supervisionOfficer?: string;
  /** 投诉举报电话 (12315 or configured). */
  complaintHotline?: string;
  /** 签发人. */
  signer?: string;
  /** 历史导入: a legacy licence imported as it was; it shows the fields it has. */
  legacyImport?: true;
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export class CertificatePayloadError extends Error {
  constructor(
    readonly field: keyof CertificatePayload,
    message: string,
  ) {
    super(`certificate payload ${field}: ${message}`);
  }
}

/** Refuses a payload that would sign something a verifier cannot read back the same way. */
export function assertCertificatePayload(p: CertificatePayload): void {
  if (p.licenseType !== "JY" && p.licenseType !== "SC")
    throw new CertificatePayloadError("licenseType", "must be JY or SC");
  if (!p.licenseNo.startsWith(p.licenseType))
    throw new CertificatePayloadError("licenseNo", `must start with ${p.licenseType}`);
  if (!Number.isInteger(p.version) || p.version < 1)
    throw new CertificatePayloadError("version", "must be an integer ≥ 1");
  for (const field of ["validFrom", "validTo"] as const) {
    if (!DATE.test(p[field])) throw new CertificatePayloadError(field, "must be YYYY-MM-DD");
  }
  if (p.validTo < p.validFrom) throw new CertificatePayloadError("validTo", "must not be before validFrom");
  if (!ISO_TIME.test(p.issuedAt) || Number.isNaN(Date.parse(p.issuedAt)))
    throw new CertificatePayloadError("issuedAt", "must be an ISO 8601 time with zone");
  if (!Number.isInteger(p.status.index) || p.status.index < 0)
    throw new CertificatePayloadError("status", "index must be an integer ≥ 0");
  if (p.status.listId === "") throw new CertificatePayloadError("status", "listId must not be empty");
  if (p.payloadVersion !== undefined && p.payloadVersion !== 2)
    throw new CertificatePayloadError("payloadVersion", "must be 2 or absent");
}

/** RFC 8785 canonical JSON of any JSON value (the trust list, other signed documents). */
export function canonicalJson(value: unknown): string {
  const json = canonicalize(value);
  if (json === undefined) throw new TypeError("value has no JSON form");
  return json;
}

/**
 * The canonical JSON (RFC 8785) of a payload: keys sorted, no whitespace, absent optional fields left out.
 * Both signatures cover the UTF-8 bytes of this string.
 */
export function canonicalPayload(p: CertificatePayload): string {
  assertCertificatePayload(p);
  // Only the listed fields: an object with extra properties (a spread database row) signs nothing more.
  const fields: CertificatePayload = {
    licenseNo: p.licenseNo,
    licenseType: p.licenseType,
    version: p.version,
    holderName: p.holderName,
    uscc: p.uscc,
    legalRepresentative: p.legalRepresentative,
    storeAddress: p.storeAddress,
    businessForm: p.businessForm,
    subtype: p.subtype,
    items: [...p.items],
    foodCategories: p.foodCategories ? [...p.foodCategories] : undefined,
    issuer: p.issuer,
    issuerRegion: p.issuerRegion,
    validFrom: p.validFrom,
    validTo: p.validTo,
    issuedAt: p.issuedAt,
    status: { listId: p.status.listId, index: p.status.index },
    payloadVersion: p.payloadVersion,
    residence: p.residence,
    supervisionAgency: p.supervisionAgency,
    supervisionOfficer: p.supervisionOfficer,
    complaintHotline: p.complaintHotline,
    signer: p.signer,
    legacyImport: p.legacyImport,
  };
  return canonicalJson(fields);
}
