import type { Static } from "@sinclair/typebox";
import type { ListEntryRow, PolicyNoticeRow } from "./repository.js";
import type { ListEntryView, PolicyNoticeView, PublicListEntry } from "./schema.js";

/** House numbers hidden: the road stays, "体育西路123号" → "体育西路*号" (PIPL art. 51 public-data minimisation). */
export function maskAddress(address: string): string {
  return address.replace(/[0-9０-９]+/g, "*");
}

type Row = { entry: ListEntryRow; storeName: string; storeAddress: string };

/** What the public and the media get: the store, never a person (no owner, no phone, no officer). */
export function presentPublicEntry({ entry, storeName, storeAddress }: Row): Static<typeof PublicListEntry> {
  return {
    id: entry.id,
    list: entry.list,
    storeName,
    address: maskAddress(storeAddress),
    regionCode: entry.regionCode,
    reason: entry.reason,
    legalBasis: entry.legalBasis,
    publishedOn: entry.publishedAt.toISOString().slice(0, 10),
    expiresOn: entry.expiresOn,
  };
}

export function presentListEntry(row: Row): Static<typeof ListEntryView> {
  return {
    ...presentPublicEntry(row),
    storeId: row.entry.storeId,
    withdrawnAt: row.entry.withdrawnAt?.toISOString() ?? null,
  };
}

const CSV_COLUMNS = [
  "list",
  "storeName",
  "address",
  "regionCode",
  "reason",
  "legalBasis",
  "publishedOn",
  "expiresOn",
] as const;

/** One CSV cell: quoted, and a leading = + - @ neutralised so a spreadsheet does not run it (CSV injection). */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** UTF-8 with a BOM so that Excel opens the Chinese text correctly. */
export function toCsv(entries: Static<typeof PublicListEntry>[]): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const entry of entries)
    lines.push(CSV_COLUMNS.map((column) => csvCell(String(entry[column]))).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export function presentPolicyNotice(row: PolicyNoticeRow): Static<typeof PolicyNoticeView> {
  return {
    id: row.id,
    regionCode: row.regionCode,
    businessForms: row.businessForms ?? [],
    title: row.title,
    body: row.body,
    publishedAt: row.publishedAt.toISOString(),
  };
}
