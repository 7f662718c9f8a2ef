/** 许可证类别: JY 食品经营许可证 (food business licence), SC 食品生产许可证 (food production licence). */
export type LicenseType = "JY" | "SC";

/** What one signed certificate version prints: every text is final, in Chinese, as issued. */
export interface CertificateDocument {
  licenseType: LicenseType;
  licenseNo: string;
  /** 电子证照标识 (GB/T 36904-2018), derived from the certificate at render time; printed when given */
  eLicenceId?: string;
  version: number;
  /** 经营者名称 (生产者名称 for SC) */
  holderName: string;
  /** 统一社会信用代码 */
  uscc: string;
  /** 法定代表人（负责人） */
  legalRepresentative: string;
  /** 经营场所 (生产地址 for SC) */
  storeAddress: string;
  /** 住所 (registered domicile); absent only on imported legacy certificates */
  residence?: string;
  /** 主体业态 with 具体业态 in brackets, e.g. "餐饮服务经营者（中型餐馆）" (食品类别 for SC) */
  businessFormText: string;
  /** 经营项目 (品种明细 for SC), one printed line each */
  itemsText: string[];
  /** 日常监督管理机构, printed only when known (always on payload version 2) */
  supervisingAuthority?: string;
  /** 日常监督管理人员 */
  supervisionOfficer?: string;
  /** 投诉举报电话 */
  complaintHotline?: string;
  /** 历史导入: an imported legacy licence, printed with the fields it has */
  legacyImport?: boolean;
  /** 签发机关, also the text of the seal */
  issuer: string;
  /** 签发人 */
  signer: string;
  /** YYYY-MM-DD */
  validFrom: string;
  /** YYYY-MM-DD */
  validTo: string;
  /** ISO 8601 date or timestamp; printed as the date in China */
  issuedAt: string;
  verifyUrl: string;
  edKid: string;
  sm2Kid: string;
  /** hex SHA-256 of the signed payload */
  payloadSha256: string;
}
