// The columns of a legacy-licence import file (存量证书电子化转换), see docs/import.md.

export const IMPORT_COLUMNS = [
  "license_no",
  "holder_name",
  "uscc",
  "legal_representative",
  "store_name",
  "store_address",
  "region_code",
  "business_form",
  "subtype",
  "items",
  "valid_from",
  "valid_to",
  "issued_on",
  "status",
  "food_categories",
] as const;

export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Columns that may be left out of the header altogether. */
export const OPTIONAL_COLUMNS: readonly ImportColumn[] = ["issued_on", "status", "food_categories"];

export const REQUIRED_COLUMNS: readonly ImportColumn[] = IMPORT_COLUMNS.filter(
  (column) => !OPTIONAL_COLUMNS.includes(column),
);

/** One data row as read from the file: every known column as trimmed text ("" when absent). */
export interface RawRow {
  /** The row as the user sees it: the sheet row in XLSX, the line in CSV; the header is row 1. */
  rowNumber: number;
  values: Record<ImportColumn, string>;
}

/** A problem with a whole file (not one row): the import cannot start. */
export class ImportFileError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/** Where each known column sits in a row: header names are matched trimmed and case-insensitively. */
export type ColumnIndex = Map<ImportColumn, number>;

export function indexHeader(header: readonly string[]): ColumnIndex {
  const index: ColumnIndex = new Map();
  header.forEach((raw, position) => {
    const name = raw
      .replace(/^\uFEFF/, "")
      .trim()
      .toLowerCase();
    if (!(IMPORT_COLUMNS as readonly string[]).includes(name)) return;
    if (index.has(name as ImportColumn)) {
      throw new ImportFileError(`表头中“${name}”列重复`, `The header names the column "${name}" twice`);
    }
    index.set(name as ImportColumn, position);
  });
  const missing = REQUIRED_COLUMNS.filter((column) => !index.has(column));
  if (missing.length > 0) {
    throw new ImportFileError(
      `表头缺少列：${missing.join("、")}（第一行须为列名，见 docs/import.md）`,
      `The header lacks the columns ${missing.join(", ")} (the first row must name the columns, see docs/import.md)`,
    );
  }
  return index;
}

export function toRawRow(rowNumber: number, cells: readonly string[], index: ColumnIndex): RawRow {
  const values = {} as Record<ImportColumn, string>;
  for (const column of IMPORT_COLUMNS) {
    const position = index.get(column);
    values[column] = position === undefined ? "" : (cells[position] ?? "").trim();
  }
  return { rowNumber, values };
}

/** True when every cell is blank: such rows are not data (trailing lines, spacer rows) and are not counted. */
export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === "");
}
