// The statutory field set of a food licence (食品经营许可证 / 食品生产许可证): what the licence form of the food
// business licensing measures (《食品经营许可和备案管理办法》 art. 28, 2023) and the production measures
// (《食品生产许可管理办法》 art. 29) require on every certificate. A licence version missing one of them cannot
// be issued (docs/certificates.md, "Statutory fields").

/** One required field of the licence content (license_versions.content), with its printed Chinese name. */
export interface StatutoryField {
  key: StatutoryFieldKey;
  /** The field's name on the form, e.g. 住所. */
  zh: string;
}

export type StatutoryFieldKey =
  | "holderName"
  | "uscc"
  | "legalRepresentative"
  | "residence"
  | "premises"
  | "businessForm"
  | "items"
  | "issuingAuthority"
  | "supervisionAgency"
  | "supervisionOfficer"
  | "signer";

/** In the order of the form. Licence number, validity, hotline, issue date and QR are set by the platform itself. */
export const STATUTORY_FIELDS: readonly StatutoryField[] = [
  { key: "holderName", zh: "经营者名称" },
  { key: "uscc", zh: "统一社会信用代码" },
  { key: "legalRepresentative", zh: "法定代表人（负责人）" },
  { key: "residence", zh: "住所" },
  { key: "premises", zh: "经营场所" },
  { key: "businessForm", zh: "主体业态" },
  { key: "items", zh: "经营项目" },
  { key: "issuingAuthority", zh: "发证机关" },
  { key: "supervisionAgency", zh: "日常监督管理机构" },
  { key: "supervisionOfficer", zh: "日常监督管理人员" },
  { key: "signer", zh: "签发人" },
];

function present(value: unknown): boolean {
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  return value !== undefined && value !== null;
}

/**
 * The first statutory field a licence's content lacks, or null when all are there. An SC licence states its
 * 食品类别 (foodCategories) in place of 主体业态 and 经营项目.
 */
export function findMissingStatutoryField(
  content: Record<string, unknown>,
  licenseType: "JY" | "SC",
): StatutoryField | null {
  for (const field of STATUTORY_FIELDS) {
    const key =
      licenseType === "SC" && (field.key === "businessForm" || field.key === "items")
        ? "foodCategories"
        : field.key;
    if (!present(content[key])) return field;
  }
  return null;
}
