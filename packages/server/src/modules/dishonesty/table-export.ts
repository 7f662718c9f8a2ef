import ExcelJS from "exceljs";

/** One column of an export: its header and how a row gives its text. */
export interface ExportColumn<Row> {
  header: string;
  value: (row: Row) => string;
}

/** A leading = + - @ is neutralised so that a spreadsheet does not run the cell (CSV injection, ASVS 5.3.10). */
function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** UTF-8 CSV with a BOM (Excel opens the Chinese text correctly), every cell quoted. */
export function toCsv<Row>(columns: readonly ExportColumn<Row>[], rows: readonly Row[]): string {
  const line = (cells: string[]) => cells.map((cell) => `"${safeText(cell).replace(/"/g, '""')}"`).join(",");
  const lines = [
    line(columns.map((c) => c.header)),
    ...rows.map((row) => line(columns.map((c) => c.value(row)))),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** One worksheet: a bold header row, then one row per record, every cell text. */
export async function toXlsx<Row>(
  sheetName: string,
  columns: readonly ExportColumn<Row>[],
  rows: readonly Row[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "shian";
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columns.map((column) => ({ header: column.header, width: 24 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((column) => safeText(column.value(row))));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const EXPORT_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

export type ExportFormat = keyof typeof EXPORT_TYPES;

export interface ExportFile {
  body: Buffer;
  contentType: string;
  filename: string;
}

/** The rows as an xlsx workbook (one sheet) or a CSV file named `{name}.{format}`. */
export async function renderExport<Row>(
  format: ExportFormat,
  name: string,
  sheetName: string,
  columns: readonly ExportColumn<Row>[],
  rows: readonly Row[],
): Promise<ExportFile> {
  const body =
    format === "csv" ? Buffer.from(toCsv(columns, rows), "utf8") : await toXlsx(sheetName, columns, rows);
  return { body, contentType: EXPORT_TYPES[format], filename: `${name}.${format}` };
}
