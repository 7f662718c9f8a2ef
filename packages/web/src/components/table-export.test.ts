import ExcelJS from "exceljs";
import { createElement, Fragment } from "react";
import { describe, expect, test } from "vitest";
import {
  exportFileName,
  nodeText,
  resolvedRows,
  tableSheet,
  viewStateOf,
  xlsxBlob,
  type DataTableColumns,
} from "./table-export";

interface Store {
  id: string;
  name: string;
  colour: "green" | "yellow" | "red";
  score: number;
  owner: { phone: string };
}

const STORES: Store[] = [
  { id: "s1", name: "花城大道店", colour: "green", score: 92, owner: { phone: "1" } },
  { id: "s2", name: "天河路店", colour: "red", score: 61, owner: { phone: "2" } },
  { id: "s3", name: "珠江新城店", colour: "yellow", score: 75, owner: { phone: "3" } },
  { id: "s4", name: "体育西店", colour: "green", score: 88, owner: { phone: "4" } },
];

const COLOUR_NAMES = { green: "绿码", yellow: "黄码", red: "红码" } as const;

/** A component that takes no children: only rendering tells its text. */
function ColourBadge(_props: { colour: string }) {
  return null;
}

const COLUMNS: DataTableColumns<Store> = [
  { key: "name", title: "门店", dataIndex: "name" },
  {
    key: "colour",
    title: createElement("span", null, "食安码"),
    filters: [
      { text: "绿码", value: "green" },
      { text: "红码", value: "red" },
    ],
    onFilter: (value, row) => row.colour === value,
    render: (_, row) =>
      createElement("div", null, createElement(Fragment, null, "码: "), tag(COLOUR_NAMES[row.colour])),
  },
  { key: "score", title: "评分", dataIndex: "score", sorter: (a, b) => a.score - b.score },
  {
    key: "badge",
    title: "标识",
    dataIndex: "colour",
    render: (_, row) => createElement(ColourBadge, { colour: row.colour }),
  },
  { key: "phone", title: "电话", hidden: true, dataIndex: ["owner", "phone"] },
  { key: "actions", title: "操作", render: () => createElement("button", null, "查看") },
  { key: "untitled", title: "", render: () => "x" },
];

/** An antd Tag-like component element: the text is in its children. */
function Tag({ children }: { children?: string }) {
  return children ?? null;
}
function tag(text: string) {
  return createElement(Tag, null, text);
}

describe("nodeText (the text a rendered cell shows)", () => {
  test("walks the children of elements and components: <Tag>绿码</Tag> gives 绿码", () => {
    expect(nodeText(tag("绿码"))).toBe("绿码");
    expect(nodeText(createElement("span", null, "评分 ", 92))).toBe("评分 92");
  });

  test("separates sibling elements by a space and collapses white space", () => {
    const cell = createElement(
      "div",
      null,
      "2026-12-07 10:00",
      tag("逾期"),
      createElement("br"),
      "  ",
      null,
      false,
    );
    expect(nodeText(cell)).toBe("2026-12-07 10:00 逾期");
  });

  test("is undefined for a component element without children, whose text only rendering tells", () => {
    expect(nodeText(createElement(ColourBadge, { colour: "red" }))).toBeUndefined();
    expect(
      nodeText(createElement("div", null, "x", createElement(ColourBadge, { colour: "red" }))),
    ).toBeUndefined();
  });
});

describe("tableSheet (what the export holds)", () => {
  test("holds the visible, titled, non-action columns' titles as the header", () => {
    expect(tableSheet(STORES, COLUMNS).header).toEqual(["门店", "食安码", "评分", "标识"]);
  });

  test("holds only the rows the column filter keeps, sorted as the table sorts, from all pages", () => {
    const state = viewStateOf<Store>(
      { colour: ["green"] },
      { columnKey: "score", order: "descend", column: COLUMNS[2], field: "score" },
    );
    const sheet = tableSheet(STORES, COLUMNS, state);
    expect(resolvedRows(sheet.rows)).toEqual([
      ["花城大道店", "码: 绿码", 92, "green"],
      ["体育西店", "码: 绿码", 88, "green"],
    ]);
  });

  test("takes a column's exportValue over its rendering, and the text of opaque cells once rendered", () => {
    const columns: DataTableColumns<Store> = [
      { ...COLUMNS[0], exportValue: (row) => row.id },
      COLUMNS[3] as DataTableColumns<Store>[number],
    ];
    const sheet = tableSheet(STORES.slice(0, 1), columns);
    expect(resolvedRows(sheet.rows, () => "绿码")).toEqual([["s1", "绿码"]]);
  });

  test("applies a column's default filter before the user touches the table", () => {
    const columns: DataTableColumns<Store> = [{ ...COLUMNS[1], defaultFilteredValue: ["red"] }];
    expect(resolvedRows(tableSheet(STORES, columns).rows)).toEqual([["码: 红码"]]);
  });
});

describe("the xlsx file", () => {
  test("is named after the export and the day in China", () => {
    // 2026-12-07T17:30Z is already 8 December in Beijing.
    expect(exportFileName("投诉", new Date("2026-12-07T17:30:00Z"))).toBe("投诉-20261208.xlsx");
  });

  test("opens with exceljs: bold, frozen header row and the cells as given", async () => {
    const blob = await xlsxBlob(
      "门店",
      ["门店", "评分"],
      [
        ["花城大道店", 92],
        ["=1+1", 61],
      ],
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await blob.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("门店");
    expect(sheet.getRow(1).values).toEqual([undefined, "门店", "评分"]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getRow(2).values).toEqual([undefined, "花城大道店", 92]);
    // Text that looks like a formula stays text.
    expect(sheet.getCell("A3").value).toBe("=1+1");
    expect(sheet.rowCount).toBe(3);
  });
});
