import { formatDateZh } from "../../../documents/format-date.js";
import type { CertificateDocument, LicenseType } from "./certificate-document.js";

/** A printed label: Chinese first, English below it. */
export interface Label {
  zh: string;
  en: string;
}

export interface CertificateField {
  label: Label;
  /** One printed line each (long lines wrap). */
  values: string[];
}

// The fields whose names differ between the 食品经营许可证 and 食品生产许可证 forms.
const FORM_LABELS: Record<LicenseType, Record<"title" | "holder" | "address" | "form" | "items", Label>> = {
  JY: {
    title: { zh: "食品经营许可证", en: "Food Business Licence" },
    holder: { zh: "经营者名称", en: "Business name" },
    address: { zh: "经营场所", en: "Business premises" },
    form: { zh: "主体业态", en: "Business form" },
    items: { zh: "经营项目", en: "Business items" },
  },
  SC: {
    title: { zh: "食品生产许可证", en: "Food Production Licence" },
    holder: { zh: "生产者名称", en: "Producer name" },
    address: { zh: "生产地址", en: "Production site" },
    form: { zh: "食品类别", en: "Food categories" },
    items: { zh: "品种明细", en: "Product details" },
  },
};

export function certificateTitle(type: LicenseType): Label {
  return FORM_LABELS[type].title;
}

/** What a certificate lacks prints as this (imported legacy licences only). */
export const NOT_RECORDED = "（历史数据未载明）";

/**
 * The fields of the certificate in the order of the official form: the statutory field set (step 11, docs/
 * certificates.md). Payload-version-1 certificates print the fields they have; imported legacy licences are
 * marked 历史导入 and print NOT_RECORDED where they lack one.
 */
export function certificateFields(doc: CertificateDocument): CertificateField[] {
  const labels = FORM_LABELS[doc.licenseType];
  const optional = (label: Label, value: string | undefined): CertificateField[] =>
    value ? [{ label, values: [value] }] : doc.legacyImport ? [{ label, values: [NOT_RECORDED] }] : [];
  const supervision = [doc.supervisingAuthority, doc.supervisionOfficer].filter(Boolean).join(" / ");
  return [
    ...(doc.legacyImport
      ? [{ label: { zh: "数据来源", en: "Source" }, values: ["历史导入（按原证载明内容展示）"] }]
      : []),
    { label: labels.holder, values: [doc.holderName] },
    { label: { zh: "统一社会信用代码", en: "Unified social credit code" }, values: [doc.uscc] },
    {
      label: { zh: "法定代表人（负责人）", en: "Legal rep. (person in charge)" },
      values: [doc.legalRepresentative],
    },
    ...optional({ zh: "住所", en: "Domicile" }, doc.residence),
    { label: labels.address, values: [doc.storeAddress] },
    { label: labels.form, values: [doc.businessFormText] },
    { label: labels.items, values: doc.itemsText },
    { label: { zh: "许可证编号", en: "Licence number" }, values: [doc.licenseNo] },
    {
      label: { zh: "有效期", en: "Valid from / to" },
      values: [`${formatDateZh(doc.validFrom)} 至 ${formatDateZh(doc.validTo)}`],
    },
    ...optional({ zh: "日常监督管理机构/人员", en: "Routine supervision" }, supervision || undefined),
    ...optional({ zh: "投诉举报电话", en: "Complaint hotline" }, doc.complaintHotline),
    { label: { zh: "签发机关", en: "Issuing authority" }, values: [doc.issuer] },
    ...optional({ zh: "签发人", en: "Signed by" }, doc.signer || undefined),
    { label: { zh: "签发日期", en: "Date of issue" }, values: [formatDateZh(doc.issuedAt)] },
  ];
}
