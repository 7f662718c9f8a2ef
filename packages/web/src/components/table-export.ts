// Turns what a table shows into a spreadsheet: the rows left after the table's own filters and sorting,
// the visible columns' titles, each cell's text as rendered. Pure (no DOM), so it is unit-tested in node.
import { Fragment, isValidElement, type Key, type ReactNode } from "react";
import type { TableColumnType, TableProps } from "antd";

/** A cell of the sheet: numbers stay numbers (Excel can sum them), everything else is text. */
export type CellValue = string | number;

/** A column of a `DataTable`: antd's, plus an optional override of the exported value. */
export type DataTableColumn<Row> = TableColumnType<Row> & {
  /** The cell's value in the export, for the rare column whose rendered text is not right there. */
  exportValue?: (row: Row) => CellValue | null | undefined;
};
/** A column group (antd's `children`) whose leaves may also carry `exportValue`. */
export type DataTableColumnGroup<Row> = Omit<TableColumnType<Row>, "dataIndex" | "render"> & {
  children: DataTableColumns<Row>;
};
export type DataTableColumns<Row> = (DataTableColumn<Row> | DataTableColumnGroup<Row>)[];

type SortOrder = "ascend" | "descend";
type FilterValues = readonly (Key | boolean)[];
type CompareFn<Row> = (a: Row, b: Row, order?: SortOrder | null) => number;

/** The table's filter and sort state as its `onChange` last reported it (undefined: the user has not touched it). */
export interface TableViewState {
  filters?: Record<string, FilterValues | null>;
  sorts?: { columnKey: string; order: SortOrder }[];
}

/** A leaf column with the key antd gives it (its `key`, else its `dataIndex`, else its position). */
interface KeyedColumn<Row> {
  key: string;
  column: DataTableColumn<Row>;
  /** The titles of its groups and itself, joined for the header row. */
  title: string;
}

function isGroup<Row>(
  column: DataTableColumn<Row> | DataTableColumnGroup<Row>,
): column is DataTableColumnGroup<Row> {
  return Array.isArray((column as DataTableColumnGroup<Row>).children);
}

/** antd's `getColumnKey`/`getColumnPos`, so that the keys match those its `onChange` reports. */
function columnKey<Row>(column: DataTableColumn<Row> | DataTableColumnGroup<Row>, position: string): string {
  if (column.key !== undefined && column.key !== null) return String(column.key);
  const dataIndex = (column as DataTableColumn<Row>).dataIndex;
  if (dataIndex !== undefined && dataIndex !== null && dataIndex !== "") {
    return Array.isArray(dataIndex) ? dataIndex.join(".") : String(dataIndex as Key);
  }
  return position;
}

function titleText(title: unknown): string {
  if (typeof title === "function") return "";
  return nodeText(title as ReactNode) ?? "";
}

/** The leaf columns in display order (column groups flattened), hidden ones included. */
export function leafColumns<Row>(
  columns: DataTableColumns<Row>,
  position = "",
  groupTitle = "",
): KeyedColumn<Row>[] {
  return columns.flatMap((column, index) => {
    const pos = position ? `${position}-${index}` : `${index}`;
    const title = [groupTitle, titleText(column.title)].filter(Boolean).join(" / ");
    if (isGroup(column)) return leafColumns(column.children, pos, title);
    return [{ key: columnKey(column, pos), column, title }];
  });
}

/** Keys of action columns (buttons, links to act on a row) which an export leaves out. */
const ACTION_KEYS = /^(actions?|operations?|ops|buttons?)$/i;

/** The columns worth exporting: shown, titled, and not a column of buttons. */
export function exportedColumns<Row>(columns: DataTableColumns<Row>): KeyedColumn<Row>[] {
  return leafColumns(columns).filter(
    ({ key, column, title }) => !column.hidden && title.trim() !== "" && !ACTION_KEYS.test(key),
  );
}

function compareOf<Row>(sorter: DataTableColumn<Row>["sorter"]): CompareFn<Row> | undefined {
  if (typeof sorter === "function") return sorter as CompareFn<Row>;
  if (sorter && typeof sorter === "object" && typeof sorter.compare === "function") {
    return sorter.compare as CompareFn<Row>;
  }
  return undefined;
}

function priorityOf<Row>(sorter: DataTableColumn<Row>["sorter"]): number {
  return sorter && typeof sorter === "object" && typeof sorter.multiple === "number" ? sorter.multiple : 0;
}

/**
 * The rows the table shows on all its pages, as antd computes them (`extra.currentDataSource`): kept when, for
 * every filtered column, one of the chosen values passes its `onFilter`; then sorted by the active sorters,
 * the one with the highest `multiple` first. Controlled `filteredValue`/`sortOrder` win over the reported
 * state, which wins over the `default…` props. Recomputed here rather than kept from `onChange` because antd
 * reports it only when the user acts, not when the data reloads under a filter.
 */
export function visibleRows<Row>(
  rows: readonly Row[],
  columns: DataTableColumns<Row>,
  state: TableViewState = {},
): Row[] {
  const leaves = leafColumns(columns);
  let kept = [...rows];
  for (const { key, column } of leaves) {
    if (!column.onFilter) continue;
    const chosen =
      column.filteredValue !== undefined
        ? column.filteredValue
        : state.filters && key in state.filters
          ? state.filters[key]
          : column.defaultFilteredValue;
    if (!chosen || chosen.length === 0) continue;
    const options = flattenFilterValues(column.filters ?? []);
    const onFilter = column.onFilter;
    kept = kept.filter((row) =>
      chosen.some((value) => {
        // antd hands onFilter the option's own value (a number stays a number), matched by its text.
        const real = options.find((option) => String(option) === String(value)) ?? value;
        return onFilter(real, row);
      }),
    );
  }

  const controlled = leaves.some(({ column }) => column.sortOrder !== undefined);
  const orders = leaves
    .map(({ key, column }) => {
      const reported = state.sorts?.find((sort) => sort.columnKey === key)?.order;
      const order = controlled
        ? column.sortOrder
        : state.sorts !== undefined
          ? (reported ?? null)
          : column.defaultSortOrder;
      return { compare: compareOf(column.sorter), order, priority: priorityOf(column.sorter) };
    })
    .filter((sort): sort is { compare: CompareFn<Row>; order: SortOrder; priority: number } =>
      Boolean(sort.compare && sort.order),
    )
    .sort((a, b) => b.priority - a.priority);
  if (orders.length === 0) return kept;
  return kept.sort((a, b) => {
    for (const { compare, order } of orders) {
      const result = compare(a, b, order);
      if (result !== 0) return order === "ascend" ? result : -result;
    }
    return 0;
  });
}

function flattenFilterValues(filters: NonNullable<TableColumnType<unknown>["filters"]>): (Key | boolean)[] {
  return filters.flatMap((filter) => [filter.value, ...flattenFilterValues(filter.children ?? [])]);
}

/** The filter and sort state from antd Table's `onChange(pagination, filters, sorter)`. */
export function viewStateOf<Row>(
  filters: Record<string, FilterValues | null>,
  sorter: Parameters<NonNullable<TableProps<Row>["onChange"]>>[2],
): TableViewState {
  const sorters = Array.isArray(sorter) ? sorter : [sorter];
  return {
    filters,
    sorts: sorters.flatMap((sort) =>
      sort.order && sort.columnKey !== undefined
        ? [{ columnKey: String(sort.columnKey), order: sort.order }]
        : [],
    ),
  };
}

/**
 * The text a React node shows: strings and numbers as they are, the children of elements walked
 * (`<Tag>绿码</Tag>` → 绿码), siblings that are elements separated by a space, runs of white space collapsed.
 * `undefined` when it holds a component element without children (`<StatusTag status="closed" />`), whose
 * text only rendering tells.
 */
export function nodeText(node: ReactNode): string | undefined {
  const text = rawNodeText(node);
  return text === undefined ? undefined : text.replace(/\s+/g, " ").trim();
}

function rawNodeText(node: unknown): string | undefined {
  if (node === null || node === undefined || typeof node === "boolean") return "";
  if (typeof node === "string") return node;
  if (typeof node === "number" || typeof node === "bigint") return String(node);
  if (Array.isArray(node)) {
    const parts: string[] = [];
    for (const child of node as unknown[]) {
      const text = rawNodeText(child);
      if (text === undefined) return undefined;
      parts.push(isValidElement(child) ? ` ${text} ` : text);
    }
    return parts.join("");
  }
  if (isValidElement<{ children?: ReactNode }>(node)) {
    const { children } = node.props;
    const isHost = typeof node.type === "string" || node.type === Fragment;
    if (children === undefined) return isHost ? "" : undefined;
    return rawNodeText(children);
  }
  if (typeof node === "object" && "children" in node) {
    // A render may return antd's `{ children, props }` (row/col spans).
    return rawNodeText((node as { children: unknown }).children);
  }
  return undefined;
}

/** A cell whose text only rendering tells (see `nodeText`); `fallback` is the raw value if it cannot be rendered. */
export interface OpaqueCell {
  node: ReactNode;
  fallback: CellValue;
}

function rawValue<Row>(row: Row, column: DataTableColumn<Row>): unknown {
  const { dataIndex } = column;
  if (dataIndex === undefined || dataIndex === null || dataIndex === "") return undefined;
  const path = Array.isArray(dataIndex) ? (dataIndex as readonly Key[]) : [dataIndex as Key];
  let value: unknown = row;
  for (const step of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[String(step)];
  }
  return value;
}

function plainValue(value: unknown): CellValue {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "string") return value;
  if (typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (value instanceof Date) return value.toISOString();
  return nodeText(value as ReactNode) ?? JSON.stringify(value);
}

/**
 * One cell: the column's `exportValue` if it has one; else what its `render` returns when that is plain text
 * or a number, or the text of the element tree it returns; else the raw `dataIndex` value.
 */
export function cellValue<Row>(
  row: Row,
  column: DataTableColumn<Row>,
  index: number,
): CellValue | OpaqueCell {
  if (column.exportValue) return plainValue(column.exportValue(row));
  const raw = rawValue(row, column);
  if (!column.render) return plainValue(raw);
  const rendered = column.render(raw, row, index) as unknown;
  if (typeof rendered === "number") return plainValue(rendered);
  const text = rawNodeText(rendered);
  if (text !== undefined) return text.replace(/\s+/g, " ").trim();
  return { node: rendered as ReactNode, fallback: plainValue(raw) };
}

/** What the export needs from a table: its header row and one row of cells per shown record. */
export interface ExportSheet {
  header: string[];
  rows: (CellValue | OpaqueCell)[][];
}

/** The header and cells of the rows a table shows (filtered and sorted, all pages) in its exported columns. */
export function tableSheet<Row>(
  rows: readonly Row[],
  columns: DataTableColumns<Row>,
  state: TableViewState = {},
): ExportSheet {
  const exported = exportedColumns(columns);
  return {
    header: exported.map(({ title }) => title),
    rows: visibleRows(rows, columns, state).map((row, index) =>
      exported.map(({ column }) => cellValue(row, column, index)),
    ),
  };
}

export function isOpaque(cell: CellValue | OpaqueCell): cell is OpaqueCell {
  return typeof cell === "object";
}

/** Cells whose text is still unknown take their raw value. */
export function resolvedRows(
  rows: readonly (CellValue | OpaqueCell)[][],
  textOf: (cell: OpaqueCell) => string | undefined = () => undefined,
): CellValue[][] {
  return rows.map((cells) => cells.map((cell) => (isOpaque(cell) ? (textOf(cell) ?? cell.fallback) : cell)));
}

/** `${name}-YYYYMMDD.xlsx`, the date being the day in China (Asia/Shanghai) at `now`. */
export function exportFileName(name: string, now: Date): string {
  const day = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  })
    .format(now)
    .replace(/-/g, "");
  return `${name.replace(/[\\/:*?"<>|]/g, "_")}-${day}.xlsx`;
}

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\. */
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, "_").slice(0, 31) || "Sheet1";
}

/** Display width of a text in Excel's character units: a CJK (full-width) character takes two. */
function textWidth(value: CellValue): number {
  let width = 0;
  for (const char of String(value))
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        char,
      ) || char.codePointAt(0)! > 0xffff
        ? 2
        : 1;
  return width;
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * The xlsx file of a sheet: bold, frozen header row, column widths from the content (8 to 60 characters).
 * exceljs is loaded here, on first use, so it stays out of the pages' bundles. Text cells are written as
 * strings, never as formulas, so a cell starting with `=` does not run in Excel.
 */
export async function xlsxBlob(
  name: string,
  header: readonly string[],
  rows: readonly CellValue[][],
): Promise<Blob> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "shian";
  const worksheet = workbook.addWorksheet(sheetName(name), { views: [{ state: "frozen", ySplit: 1 }] });
  worksheet.addRow([...header]).font = { bold: true };
  for (const cells of rows) worksheet.addRow([...cells]);
  (worksheet.columns ?? []).forEach((column, index) => {
    const widest = Math.max(
      textWidth(header[index] ?? ""),
      ...rows.map((cells) => textWidth(cells[index] ?? "")),
    );
    column.width = Math.min(60, Math.max(8, widest + 2));
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer as ArrayBuffer], { type: XLSX_TYPE });
}
