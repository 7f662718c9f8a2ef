// What open data publishes of a store or an inspection, field by field (STYLE.md rule 6). No field names a
// person, carries a phone or ID number, or points at a photo (PIPL arts. 25, 73; SECURITY.md #15–16).

import { chinaDate, INSPECTION_TEMPLATES, isInspectionTemplateCode, type Bilingual } from "@shian/domain";
import { maskAddress } from "../safety-code/address.js";
import { isLicenceValid } from "../safety-code/colour.js";
import type { LastInspection, OpenInspectionRow, OpenStoreRow, ShownLicence } from "./repository.js";

export interface Violation {
  code: string;
  description: Bilingual;
}

/**
 * The failed checklist items of an inspection with the checklist's own wording. The inspector's note on an
 * item is free text that may name people, so it is never published.
 */
export function violationsOf(row: Pick<OpenInspectionRow, "template" | "results">): Violation[] {
  const items = isInspectionTemplateCode(row.template) ? INSPECTION_TEMPLATES[row.template].items : [];
  return (row.results ?? [])
    .filter((result) => result.result === "fail")
    .map((result) => {
      const item = items.find((candidate) => candidate.code === result.code);
      return {
        code: result.code,
        description: item ? { ...item.text } : { zh: result.code, en: result.code },
      };
    });
}

export function presentOpenStore(
  row: OpenStoreRow,
  licence: ShownLicence | undefined,
  last: LastInspection | undefined,
  today: string,
) {
  return {
    storeId: row.storeId,
    safetyCode: row.safetyCode,
    name: row.name,
    // The same masking as the public store search: house numbers of home-run premises are personal data.
    addressMasked: maskAddress(row.address),
    regionCode: row.regionCode,
    regionName: row.regionName,
    lat: row.lat,
    lng: row.lng,
    businessForm: row.businessForm,
    subtype: row.subtype,
    licence: licence
      ? {
          number: licence.number,
          // As on the scan page: a licence past its end date reads "expired" whatever its stored status.
          status: licence.status === "valid" && !isLicenceValid(licence, today) ? "expired" : licence.status,
          validFrom: licence.validFrom,
          validTo: licence.validTo,
        }
      : null,
    colour: row.colour,
    grade: row.grade,
    gradedOn: row.gradedOn,
    lastInspection: last
      ? { date: chinaDate(last.inspectedAt), result: last.outcome, score: last.score }
      : null,
  };
}

export function presentOpenInspection(row: OpenInspectionRow) {
  return {
    id: row.id,
    storeId: row.storeId,
    safetyCode: row.safetyCode,
    storeName: row.storeName,
    regionCode: row.regionCode,
    date: chinaDate(row.inspectedAt!),
    type: row.kind,
    result: row.outcome,
    score: row.score,
    violations: violationsOf(row),
  };
}
