import { DownloadOutlined } from "@ant-design/icons";
import { App, Button, Flex, Table, type TableProps } from "antd";
import { useEffect, useRef, useState } from "react";
import { useI18n } from "../i18n/language";
import {
  exportFileName,
  isOpaque,
  resolvedRows,
  tableSheet,
  viewStateOf,
  xlsxBlob,
  type DataTableColumns,
  type ExportSheet,
  type OpaqueCell,
  type TableViewState,
} from "./table-export";

export type { DataTableColumn, DataTableColumns } from "./table-export";

export type DataTableProps<Row> = Omit<TableProps<Row>, "columns"> & {
  columns?: DataTableColumns<Row>;
  /** The file's name before its date: `${exportName}-YYYYMMDD.xlsx`. */
  exportName: string;
};

/** An export waiting for the text of cells that only rendering tells (component elements without children). */
interface PendingExport {
  sheet: ExportSheet;
  opaque: OpaqueCell[];
}

/** The text of a rendered cell as a reader sees it: elements separated by a space, white space collapsed. */
function domText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? "";
  const parts = Array.from(node.childNodes, (child) =>
    child.nodeType === Node.ELEMENT_NODE ? ` ${domText(child)} ` : domText(child),
  );
  return parts.join("").replace(/\s+/g, " ").trim();
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  // The browser has started the download once click() returns; the URL is kept a moment for slow ones.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/**
 * antd `Table` with a button above it that exports, as xlsx, the rows it shows after its own filters and
 * sorting (all pages), in its visible columns, each cell as rendered.
 */
export function DataTable<Row extends object>({
  exportName,
  columns,
  onChange,
  ...props
}: DataTableProps<Row>) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [view, setView] = useState<TableViewState>({});
  const [pending, setPending] = useState<PendingExport | null>(null);
  const [busy, setBusy] = useState(false);
  const probe = useRef<HTMLDivElement>(null);
  const rows = props.dataSource ?? [];

  const write = async (sheet: ExportSheet, textOf?: (cell: OpaqueCell) => string | undefined) => {
    try {
      const blob = await xlsxBlob(exportName, sheet.header, resolvedRows(sheet.rows, textOf));
      download(blob, exportFileName(exportName, new Date()));
    } catch {
      void message.error(t("tableExport.failed"));
    } finally {
      setBusy(false);
    }
  };

  const start = () => {
    setBusy(true);
    const sheet = tableSheet(rows, columns ?? [], view);
    const opaque = sheet.rows.flat().filter(isOpaque);
    if (opaque.length === 0) void write(sheet);
    else setPending({ sheet, opaque });
  };

  // Cells such as <StatusTag status=… /> are rendered off screen inside this tree (so they see the same
  // language, router and theme) and read back as text once React has committed them.
  useEffect(() => {
    if (!pending) return;
    const texts = new Map<OpaqueCell, string>();
    Array.from(probe.current?.children ?? []).forEach((element, index) => {
      const cell = pending.opaque[index];
      if (cell) texts.set(cell, domText(element));
    });
    setPending(null);
    void write(pending.sheet, (cell) => texts.get(cell));
  }, [pending]);

  return (
    <>
      <Flex justify="end" style={{ marginBottom: 8 }}>
        <Button
          data-testid="table-export"
          size="small"
          icon={<DownloadOutlined />}
          loading={busy}
          disabled={rows.length === 0}
          onClick={start}
        >
          {t("tableExport.button")}
        </Button>
      </Flex>
      <Table<Row>
        {...props}
        columns={columns}
        onChange={(pagination, filters, sorter, extra) => {
          setView(viewStateOf(filters, sorter));
          onChange?.(pagination, filters, sorter, extra);
        }}
      />
      {pending && (
        <div ref={probe} aria-hidden style={{ display: "none" }}>
          {pending.opaque.map((cell, index) => (
            <div key={index}>{cell.node}</div>
          ))}
        </div>
      )}
    </>
  );
}
