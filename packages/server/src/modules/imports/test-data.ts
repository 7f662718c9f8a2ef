import fs from "node:fs";
import { once } from "node:events";
import {
  BUSINESS_SUBTYPES,
  DEMO_DISTRICTS,
  DEMO_LICENSE_ITEMS,
  createRandom,
  formatJyNumber,
  formatScNumber,
  generateDemoBusiness,
  type BusinessForm,
  type ItemRequest,
} from "@shian/domain";
import ExcelJS from "exceljs";
import { IMPORT_COLUMNS, type ImportColumn } from "./columns.js";

// Deterministic test files for the legacy-licence import: N rows built with the demo generator, a given share of
// them broken in one known way each, so a test knows exactly which rows must fail and on which column.

export const BAD_ROW_KINDS = [
  "bad_uscc",
  "unknown_region",
  "bad_date",
  "subtype_outside_form",
  "unknown_item",
  "bad_number",
] as const;
export type BadRowKind = (typeof BAD_ROW_KINDS)[number];

/** The column each kind of bad row is reported on. */
export const BAD_ROW_FIELD: Record<BadRowKind, ImportColumn> = {
  bad_uscc: "uscc",
  unknown_region: "region_code",
  bad_date: "valid_from",
  subtype_outside_form: "subtype",
  unknown_item: "items",
  bad_number: "license_no",
};

export interface TestDataOptions {
  rows: number;
  /** Share of bad rows, e.g. 0.01; they are spread evenly through the file. */
  badFraction: number;
  seed?: string;
  /** The date the validity periods are drawn back from (default 2025-01-01), so files do not change with time. */
  today?: string;
}

export type TestRow = Record<ImportColumn, string>;

export interface TestDataStats {
  rows: number;
  /** Bad rows by row number (the header is row 1) with the column they fail on. */
  badRows: Map<number, { kind: BadRowKind; field: ImportColumn }>;
  goodRows: number;
  /** Distinct businesses (USCCs) and stores (USCC + address) among the good rows: what the import creates. */
  businesses: number;
  stores: number;
  /** Good rows whose number has a check digit of another system (accepted as legacy numbers). */
  legacyCheckDigits: number;
  scRows: number;
}

const DAY_MS = 86_400_000;

function itemsText(items: readonly ItemRequest[]): string {
  return items
    .map((item) => {
      const qualifiers = Object.entries(item)
        .filter(([key, value]) => key !== "code" && value === true)
        .map(([key]) => key);
      return qualifiers.length > 0 ? `${item.code}(${qualifiers.join(",")})` : item.code;
    })
    .join(";");
}

const otherForm = (form: BusinessForm): BusinessForm => (form === "catering" ? "unit_canteen" : "catering");

/**
 * The rows of a test file, one at a time (memory stays flat for any N), with statistics filled in as they go:
 * the statistics are complete once the generator is done.
 */
export function* generateTestRows(options: TestDataOptions, stats: TestDataStats): Generator<TestRow> {
  const random = createRandom(options.seed ?? "shian-import-test");
  const today = Date.parse(`${options.today ?? "2025-01-01"}T00:00:00Z`);
  const badEvery = options.badFraction > 0 ? Math.round(1 / options.badFraction) : 0;
  const sequences = new Map<string, number>();
  const businesses = new Set<string>();
  const stores = new Set<string>();
  /** The last good JY row of each district: chains and SC licences reuse its business (and store). */
  const previous = new Map<string, TestRow>();
  let badCount = 0;
  for (let i = 0; i < options.rows; i++) {
    const rowNumber = i + 2;
    const district = DEMO_DISTRICTS[i % DEMO_DISTRICTS.length]!;
    const generated = generateDemoBusiness(random, district, Math.floor(i / DEMO_DISTRICTS.length));
    const validFrom = new Date(today - random.int(0, 6 * 365) * DAY_MS).toISOString().slice(0, 10);
    const validTo = new Date(Date.parse(`${validFrom}T00:00:00Z`) + (5 * 365 - 1) * DAY_MS)
      .toISOString()
      .slice(0, 10);
    let row: TestRow = {
      license_no: "",
      holder_name: generated.name,
      uscc: generated.uscc,
      legal_representative: generated.legalRepresentative,
      store_name: generated.store.name,
      store_address: generated.store.address,
      region_code: district.code,
      business_form: generated.store.businessForm,
      subtype: generated.store.subtype,
      items: itemsText(DEMO_LICENSE_ITEMS[generated.store.subtype]),
      valid_from: validFrom,
      valid_to: validTo,
      issued_on: random.next() < 0.5 ? validFrom : "",
      status: random.next() < 0.02 ? random.pick(["suspended", "revoked", "cancelled"]) : "",
      food_categories: "",
    };
    const shape = random.next();
    const earlier = previous.get(district.code);
    if (earlier && shape < 0.05) {
      // A chain: the business of an earlier row with another store.
      row = { ...row, holder_name: earlier.holder_name, uscc: earlier.uscc };
      row.legal_representative = earlier.legal_representative;
    } else if (earlier && shape < 0.06) {
      // A store holding a production licence (SC) as well: same business, same address.
      row = { ...earlier, items: "", food_categories: "124", issued_on: "", status: "" };
    }
    const isSc = row.food_categories !== "";
    const prefix = isSc ? `SC124${district.code}` : `JY${row.business_form}${district.code}`;
    const sequence = (sequences.get(prefix) ?? 0) + 1;
    sequences.set(prefix, sequence);
    row.license_no = isSc
      ? formatScNumber({ foodCategory: "124", regionCode: district.code, sequence })
      : formatJyNumber({
          businessForm: row.business_form as BusinessForm,
          regionCode: district.code,
          sequence,
        });
    const bad = badEvery > 0 && i % badEvery === badEvery - 1;
    if (!isSc && random.next() < 0.005) {
      // A number from another system: same structure, another check digit.
      const check = Number(row.license_no.slice(-1));
      row.license_no = row.license_no.slice(0, -1) + String((check + 1) % 10);
      if (!bad) stats.legacyCheckDigits += 1;
    }
    if (bad) {
      const kind = BAD_ROW_KINDS[badCount % BAD_ROW_KINDS.length]!;
      badCount += 1;
      breakRow(row, kind, isSc);
      stats.badRows.set(rowNumber, { kind, field: BAD_ROW_FIELD[kind] });
    } else {
      stats.goodRows += 1;
      businesses.add(row.uscc);
      stores.add(`${row.uscc} ${row.store_address}`);
      if (isSc) stats.scRows += 1;
    }
    stats.rows += 1;
    stats.businesses = businesses.size;
    stats.stores = stores.size;
    if (!isSc && !bad) previous.set(district.code, row);
    yield row;
  }
}

function breakRow(row: TestRow, kind: BadRowKind, isSc: boolean) {
  switch (kind) {
    case "bad_uscc": {
      const last = row.uscc.slice(-1);
      row.uscc = row.uscc.slice(0, -1) + (last === "0" ? "1" : "0");
      return;
    }
    case "unknown_region":
      row.region_code = "449999";
      return;
    case "bad_date":
      row.valid_from = row.valid_from.slice(0, 5) + "02-30";
      return;
    case "subtype_outside_form": {
      const form = row.business_form as BusinessForm;
      row.subtype = BUSINESS_SUBTYPES[otherForm(form)][0];
      return;
    }
    case "unknown_item":
      row.items = isSc ? "hot_food" : `${row.items};flying_food`;
      return;
    case "bad_number":
      // A JY number whose business-form digit is not 1–3.
      row.license_no = `JY9${row.license_no.slice(3)}`;
      return;
  }
}

export function emptyStats(): TestDataStats {
  return {
    rows: 0,
    badRows: new Map(),
    goodRows: 0,
    businesses: 0,
    stores: 0,
    legacyCheckDigits: 0,
    scRows: 0,
  };
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes a CSV test file (UTF-8, optionally with a BOM) and returns what it holds. */
export async function writeTestCsv(
  filePath: string,
  options: TestDataOptions & { bom?: boolean },
): Promise<TestDataStats> {
  const stats = emptyStats();
  const out = fs.createWriteStream(filePath);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  await write(`${options.bom ? "\uFEFF" : ""}${IMPORT_COLUMNS.join(",")}\r\n`);
  for (const row of generateTestRows(options, stats)) {
    await write(`${IMPORT_COLUMNS.map((column) => csvField(row[column])).join(",")}\r\n`);
  }
  out.end();
  await once(out, "finish");
  return stats;
}

/** Writes an XLSX test file (first sheet, header row; dates as real date cells) and returns what it holds. */
export async function writeTestXlsx(filePath: string, options: TestDataOptions): Promise<TestDataStats> {
  const stats = emptyStats();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: filePath, useSharedStrings: false });
  const sheet = workbook.addWorksheet("licences");
  sheet.addRow([...IMPORT_COLUMNS]).commit();
  for (const row of generateTestRows(options, stats)) {
    sheet
      .addRow(
        IMPORT_COLUMNS.map((column) =>
          column === "valid_from" && /^\d{4}-\d{2}-\d{2}$/.test(row[column]) && !row[column].endsWith("02-30")
            ? new Date(`${row[column]}T00:00:00Z`)
            : row[column],
        ),
      )
      .commit();
  }
  sheet.commit();
  await workbook.commit();
  return stats;
}
