import { createHash } from "node:crypto";
import fs from "node:fs";
import { Readable } from "node:stream";
import { TextDecoder } from "node:util";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";
import {
  ImportFileError,
  indexHeader,
  isBlankRow,
  toRawRow,
  type ColumnIndex,
  type RawRow,
} from "./columns.js";

export type ImportFormat = "csv" | "xlsx";

/** The bytes of an import file, readable as often as needed (to hash, to count, to import). */
export interface ImportSource {
  fileName: string;
  open(): Readable;
}

export function fileSource(filePath: string, fileName = filePath): ImportSource {
  return { fileName, open: () => fs.createReadStream(filePath) };
}

export function bufferSource(fileName: string, bytes: Buffer): ImportSource {
  return { fileName, open: () => Readable.from([bytes]) };
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * The format judged by content, never by name: XLSX is a ZIP (PK\x03\x04); CSV is UTF-8 text without NUL bytes.
 * Null for anything else. `complete` says whether `bytes` is the whole file (else a trailing partial
 * UTF-8 sequence is allowed).
 */
export function detectImportFormat(bytes: Buffer, complete = true): ImportFormat | null {
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) return "xlsx";
  if (bytes.includes(0)) return null;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: !complete });
    return "csv";
  } catch {
    return null;
  }
}

export interface SourceInfo {
  sha256: string;
  format: ImportFormat;
  size: number;
}

export function unsupportedFile(): ImportFileError {
  return new ImportFileError(
    "文件类型不支持：仅接受 CSV（UTF-8 文本）或 XLSX，以文件内容判断",
    "Unsupported file: only CSV (UTF-8 text) or XLSX is accepted, judged by content",
  );
}

/** One streaming pass over the bytes: SHA-256 (the job's identity), size and format checked by content. */
export async function inspectSource(source: ImportSource): Promise<SourceInfo> {
  const hash = createHash("sha256");
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let size = 0;
  let format: ImportFormat | null = null;
  let head = Buffer.alloc(0);
  for await (const chunk of source.open()) {
    const bytes = chunk as Buffer;
    hash.update(bytes);
    size += bytes.length;
    if (format === null && head.length < 4) {
      head = Buffer.concat([head, bytes]);
      if (head.length < 4) continue;
      format = head.subarray(0, 4).equals(ZIP_MAGIC) ? "xlsx" : "csv";
      if (format === "csv") checkText(decoder, head);
      continue;
    }
    if (format === "csv") checkText(decoder, bytes);
  }
  if (format === null) {
    // Fewer than four bytes: only a (useless) CSV can be that short.
    checkText(decoder, head);
    format = "csv";
  }
  if (format === "csv") {
    try {
      decoder.decode();
    } catch {
      throw unsupportedFile();
    }
  }
  return { sha256: hash.digest("hex"), format, size };
}

function checkText(decoder: TextDecoder, bytes: Buffer) {
  if (bytes.includes(0)) throw unsupportedFile();
  try {
    decoder.decode(bytes, { stream: true });
  } catch {
    throw unsupportedFile();
  }
}

/** The data rows of a file in order, with the header checked first; blank rows are left out. */
export function readRows(source: ImportSource, format: ImportFormat): AsyncGenerator<RawRow> {
  return format === "csv" ? readCsvRows(source) : readXlsxRows(source);
}

async function* readCsvRows(source: ImportSource): AsyncGenerator<RawRow> {
  const input = source.open();
  const parser = input.pipe(
    parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true }),
  );
  // pipe() does not pass a read error on: without this the parser would wait forever.
  input.on("error", (error) => parser.destroy(error));
  let index: ColumnIndex | undefined;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      if (!index) {
        index = indexHeader(record);
        continue;
      }
      if (isBlankRow(record)) continue;
      yield toRawRow(info.lines, record, index);
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    const message = (error as Error).message;
    throw new ImportFileError(`CSV 格式错误：${message}`, `The CSV is malformed: ${message}`);
  } finally {
    parser.destroy();
    input.destroy();
  }
  if (!index)
    throw new ImportFileError(
      "文件为空：第一行须为列名",
      "The file is empty: the first row must name the columns",
    );
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A cell as text: dates as YYYY-MM-DD (exceljs gives them as UTC dates), formulas by their result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("text" in value && typeof value.text === "string") return value.text;
  if ("result" in value) return value.result === undefined ? "" : cellText(value.result as ExcelJS.CellValue);
  if ("error" in value) return "";
  return "";
}

/** Dates typed as numbers in a sheet without date formats: Excel serial days since 1899-12-30. */
function excelSerialDate(text: string): string {
  if (!/^[0-9]{5}(\.[0-9]+)?$/.test(text)) return text;
  return new Date(EXCEL_EPOCH_MS + Math.floor(Number(text)) * 86_400_000).toISOString().slice(0, 10);
}

const DATE_COLUMNS = ["valid_from", "valid_to", "issued_on"] as const;

async function* readXlsxRows(source: ImportSource): AsyncGenerator<RawRow> {
  const input = source.open();
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  let index: ColumnIndex | undefined;
  try {
    for await (const worksheet of workbook) {
      for await (const row of worksheet) {
        const values = row.values as ExcelJS.CellValue[];
        // row.values is 1-based: cell A is values[1].
        const cells = Array.from({ length: Math.max(values.length - 1, 0) }, (_, i) =>
          cellText(values[i + 1]),
        );
        if (!index) {
          if (isBlankRow(cells)) continue;
          index = indexHeader(cells);
          continue;
        }
        if (isBlankRow(cells)) continue;
        const raw = toRawRow(row.number, cells, index);
        for (const column of DATE_COLUMNS) raw.values[column] = excelSerialDate(raw.values[column]);
        yield raw;
      }
      break; // the first sheet only
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    const message = (error as Error).message;
    throw new ImportFileError(`XLSX 文件无法读取：${message}`, `The XLSX file cannot be read: ${message}`);
  } finally {
    input.destroy();
  }
  if (!index)
    throw new ImportFileError(
      "文件为空：第一行须为列名",
      "The file is empty: the first row must name the columns",
    );
}

/** How many data rows a file holds (a full parse: a malformed file fails here, before anything is imported). */
export async function countRows(source: ImportSource, format: ImportFormat): Promise<number> {
  let rows = 0;
  for await (const _row of readRows(source, format)) rows += 1;
  return rows;
}
