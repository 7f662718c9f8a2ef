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
    address: { zh: "住所/经营场所", en: "Domicile / premises" },
    form: { zh: "主体业态", en: "Business form" },
    items: { zh: "经营项目", en: "Business items" },
  },
  SC: {
    title: { zh: "食品生产许可证", en: "Food Production Licence" },
    holder: { zh: "生产者名称", en: "Producer name" },
    address: { zh: "住所/生产地址", en: "Domicile / production site" },
    form: { zh: "食品类别", en: "Food categories" },
    items: { zh: "品种明细", en: "Product details" },
  },
};

export function certificateTitle(type: LicenseType): Label {
  return FORM_LABELS[type].title;
}

/** The fields of the certificate in the order of the official form. */
export function certificateFields(doc: CertificateDocument): CertificateField[] {
  const labels = FORM_LABELS[doc.licenseType];
  const supervision: CertificateField[] = doc.supervisingAuthority
    ? [{ label: { zh: "日常监督管理机构", en: "Supervising authority" }, values: [doc.supervisingAuthority] }]
    : [];
  return [
    { label: labels.holder, values: [doc.holderName] },
    { label: { zh: "统一社会信用代码", en: "Unified social credit code" }, values: [doc.uscc] },
    {
      label: { zh: "法定代表人（负责人）", en: "Legal rep. (person in charge)" },
      values: [doc.legalRepresentative],
    },
    { label: labels.address, values: [doc.storeAddress] },
    { label: labels.form, values: [doc.businessFormText] },
    { label: labels.items, values: doc.itemsText },
    { label: { zh: "许可证编号", en: "Licence number" }, values: [doc.licenseNo] },
    { label: { zh: "有效期至", en: "Valid until" }, values: [formatDateZh(doc.validTo)] },
    ...supervision,
    { label: { zh: "签发机关", en: "Issuing authority" }, values: [doc.issuer] },
    { label: { zh: "签发人", en: "Signed by" }, values: [doc.signer] },
    { label: { zh: "签发日期", en: "Date of issue" }, values: [formatDateZh(doc.issuedAt)] },
  ];
}
