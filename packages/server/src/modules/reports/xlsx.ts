// The report as an xlsx workbook (exceljs, no macros: opens in Excel and WPS): a summary sheet and one sheet per
// section; row 1 Chinese headers, row 2 English, both frozen; counts as integers, changes as percentages.

import ExcelJS from "exceljs";
import type { ReportFigures } from "./figures.js";
import { reportSections, reportTitle, summaryLines, type Line } from "./sections.js";

const COUNT_FORMAT = "#,##0";
const CHANGE_FORMAT = "0.0%";

function addSheet(workbook: ExcelJS.Workbook, name: string, lines: Line[], annual: boolean, note: string) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 2 }] });
  const zh = annual ? ["项目", "项目（英文）", "本年", "上年", "同比变化"] : ["项目", "项目（英文）", "数量"];
  const en = annual
    ? ["Item", "Item (English)", "This year", "Previous year", "Change"]
    : ["Item", "Item (English)", "Count"];
  sheet.columns = [
    { key: "zh", width: 30 },
    { key: "en", width: 36 },
    { key: "value", width: 12, style: { numFmt: COUNT_FORMAT } },
    ...(annual
      ? [
          { key: "previous", width: 12, style: { numFmt: COUNT_FORMAT } },
          { key: "change", width: 12, style: { numFmt: CHANGE_FORMAT } },
        ]
      : []),
  ];
  sheet.addRow(zh);
  sheet.addRow(en);
  for (const header of [sheet.getRow(1), sheet.getRow(2)]) {
    header.font = { bold: true };
    header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF7" } };
    header.alignment = { vertical: "middle" };
  }
  sheet.getRow(2).font = { italic: true };
  for (const l of lines) {
    sheet.addRow({
      zh: l.zh,
      en: l.en,
      value: l.value,
      ...(annual
        ? {
            previous: l.previous ?? 0,
            change: l.change === null || l.change === undefined ? null : l.change / 100,
          }
        : {}),
    });
  }
  sheet.addRow([]);
  sheet.addRow([note]).font = { italic: true, color: { argb: "FF666666" } };
}

export async function renderReportXlsx(figures: ReportFigures, generatedAt: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const title = reportTitle(figures);
  workbook.creator = "shian";
  workbook.title = title.zh;
  workbook.subject = title.en;
  workbook.created = generatedAt;
  workbook.modified = generatedAt;
  const annual = figures.kind === "annual";
  const sections = reportSections(figures);
  const note = `${title.zh} · ${figures.regionCode} · 生成时间 Generated ${generatedAt.toISOString()}`;
  addSheet(workbook, "汇总 Summary", summaryLines(sections), annual, note);
  for (const section of sections)
    addSheet(workbook, section.sheet, section.lines, annual, `${section.zh} / ${section.en}`);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
