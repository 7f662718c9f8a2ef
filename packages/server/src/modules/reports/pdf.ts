// The report as a printable A4 PDF: title, a table per section (annual: this year, previous year, change) and
// vector bar charts — licences, complaints by category, grade distribution; the annual report draws this
// year's bars next to the previous year's. Fonts, wrapping and dates are the shared helpers of src/documents/.

import fontkit from "@pdf-lib/fontkit";
import { chinaDate } from "@shian/domain";
import { PageSizes, PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { subsetFont } from "../../documents/fonts.js";
import { formatDateZh } from "../../documents/format-date.js";
import { wrapText } from "../../documents/wrap-text.js";
import { SERIES_COLOURS, chartText, drawBarChart, type BarChart } from "./bar-chart.js";
import type { ReportFigures, SectionFigures } from "./figures.js";
import {
  GRADE_NAMES,
  reportSections,
  reportTitle,
  summaryLines,
  type Line,
  type Section,
} from "./sections.js";

const [PAGE_WIDTH, PAGE_HEIGHT] = PageSizes.A4;
const MARGIN = 56;
const TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const INK = rgb(0.1, 0.1, 0.1);
const RULE = rgb(0.8, 0.8, 0.8);
const BODY = 9.5;
const ROW = 15;
const CHART_HEIGHT = 170;
const DIGITS = "0123456789.,%+-—–()（）：:/ 年月日第页共级码色";

const LICENCE_REASONS: [keyof SectionFigures["licences"], string][] = [
  ["issued", "新发"],
  ["changed", "变更"],
  ["renewed", "延续"],
  ["reissued", "补办"],
  ["cancelled", "注销"],
];

/** The charts of the report: what the seed asks a leader to see at a glance. */
function chartsOf(figures: ReportFigures, sections: Section[]): BarChart[] {
  const annual = figures.kind === "annual" && figures.previous;
  const thisLabel = annual ? `${figures.period}年` : "本月";
  const series = (values: number[], previous?: number[]) => [
    { label: thisLabel, values, colour: SERIES_COLOURS[0] },
    ...(annual && previous
      ? [{ label: `${figures.previous!.period}年`, values: previous, colour: SERIES_COLOURS[1] }]
      : []),
  ];
  const monthTotal = (f: SectionFigures) =>
    Object.values(f.licences.byMonth).map((types) => Object.values(types).reduce((a, b) => a + b, 0));
  const licenceChart: BarChart = annual
    ? {
        title: "新发许可证（按月）",
        categories: Object.keys(figures.licences.byMonth).map((m) => `${Number(m.slice(5))}月`),
        series: series(monthTotal(figures), monthTotal(figures.previous!)),
      }
    : {
        title: "许可证办理（按类型）",
        categories: [...LICENCE_REASONS.map(([, zh]) => zh), "JY", "SC"],
        series: series([
          ...LICENCE_REASONS.map(([key]) => figures.licences[key] as number),
          figures.licences.byType.JY ?? 0,
          figures.licences.byType.SC ?? 0,
        ]),
      };
  const complaintsSection = sections.find((s) => s.key === "complaints")!;
  const categories = complaintsSection.lines.filter((l) => l.key.startsWith("complaints.category."));
  const gradeLines = sections
    .find((s) => s.key === "grades")!
    .lines.filter((l) => l.key.startsWith("grades.grade."));
  const tallyChart = (title: string, lines: Line[]): BarChart => ({
    title,
    categories: lines.map((l) => l.zh),
    series: series(
      lines.map((l) => l.value),
      lines.map((l) => l.previous ?? 0),
    ),
  });
  return [
    licenceChart,
    tallyChart("投诉举报（按类别）", categories),
    tallyChart(
      `风险等级分布${figures.grades.gradedPeriod ? `（${figures.grades.gradedPeriod}）` : ""}`,
      gradeLines,
    ),
  ];
}

export async function renderReportPdf(figures: ReportFigures, generatedAt: Date): Promise<Buffer> {
  const title = reportTitle(figures);
  const sections = reportSections(figures);
  const summary: Section = {
    key: "summary",
    sheet: "",
    zh: "主要指标",
    en: "Summary",
    lines: summaryLines(sections),
  };
  const charts = chartsOf(figures, sections);
  const issued = formatDateZh(chinaDate(generatedAt));
  const subtitle = `行政区划代码 ${figures.regionCode} · 生成日期 ${issued}`;
  const text = [
    title.zh,
    subtitle,
    DIGITS,
    "项目数量本年上年同比变化图表",
    ...[summary, ...sections].flatMap((s) => [s.zh, ...s.lines.map((l) => l.zh)]),
    ...charts.map(chartText),
    ...Object.values(GRADE_NAMES).map((g) => g.zh),
  ].join("");
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const regular = await pdf.embedFont(await subsetFont(text), { subset: false });
  const bold = await pdf.embedFont(await subsetFont(text, "bold"), { subset: false });
  pdf.setTitle(title.zh);
  pdf.setSubject(title.en);
  pdf.setCreator("shian");
  pdf.setProducer("shian");
  pdf.setLanguage("zh-CN");
  pdf.setCreationDate(generatedAt);
  pdf.setModificationDate(generatedAt);

  const writer = new ReportWriter(pdf, regular, bold, figures.kind === "annual");
  for (const line of wrapText(title.zh, bold, 17, TEXT_WIDTH)) writer.centred(line, bold, 17, 26);
  writer.centred(subtitle, regular, BODY, 24);
  writer.table(summary);
  writer.heading("图表");
  for (const chart of charts) writer.chart(chart);
  for (const section of sections) writer.table(section);
  writer.pageNumbers();
  return Buffer.from(await pdf.save());
}

/** Draws top to bottom, starting a new page when a block would not fit. */
class ReportWriter {
  private page: PDFPage;
  private y = PAGE_HEIGHT - MARGIN;

  constructor(
    private readonly pdf: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
    private readonly annual: boolean,
  ) {
    this.page = pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
  }

  centred(text: string, font: PDFFont, size: number, advance: number): void {
    this.room(advance);
    const x = (PAGE_WIDTH - font.widthOfTextAtSize(text, size)) / 2;
    this.page.drawText(text, { x, y: this.y - size, size, font, color: INK });
    this.y -= advance;
  }

  heading(text: string): void {
    this.room(ROW * 3);
    this.y -= 8;
    this.page.drawText(text, { x: MARGIN, y: this.y - 12, size: 12, font: this.bold, color: INK });
    this.y -= 20;
  }

  table(section: Section): void {
    this.heading(section.zh);
    const columns = this.annual ? ["本年", "上年", "同比变化"] : ["数量"];
    this.row("项目", columns, this.bold);
    if (section.lines.length === 0) this.row("（无数据）", this.annual ? ["0", "0", "—"] : ["0"], this.font);
    for (const l of section.lines) {
      const values = this.annual
        ? [
            String(l.value),
            String(l.previous ?? 0),
            l.change === null || l.change === undefined ? "—" : `${l.change > 0 ? "+" : ""}${l.change}%`,
          ]
        : [String(l.value)];
      this.row(l.zh, values, this.font);
    }
  }

  chart(chart: BarChart): void {
    this.room(CHART_HEIGHT + 10);
    this.y -= drawBarChart(this.page, this.font, chart, {
      x: MARGIN,
      top: this.y,
      width: TEXT_WIDTH,
      height: CHART_HEIGHT,
    });
    this.y -= 10;
  }

  /** "第 n 页 共 m 页" centred at the foot of every page. */
  pageNumbers(): void {
    const pages = this.pdf.getPages();
    pages.forEach((page, i) => {
      const text = `第 ${i + 1} 页 共 ${pages.length} 页`;
      const x = (PAGE_WIDTH - this.font.widthOfTextAtSize(text, 8)) / 2;
      page.drawText(text, { x, y: MARGIN / 2, size: 8, font: this.font, color: INK });
    });
  }

  private row(label: string, values: string[], font: PDFFont): void {
    this.room(ROW);
    const valueWidth = 70;
    this.page.drawText(label, { x: MARGIN + 4, y: this.y - BODY - 2, size: BODY, font, color: INK });
    values.forEach((value, i) => {
      const right = PAGE_WIDTH - MARGIN - 4 - (values.length - 1 - i) * valueWidth;
      this.page.drawText(value, {
        x: right - font.widthOfTextAtSize(value, BODY),
        y: this.y - BODY - 2,
        size: BODY,
        font,
        color: INK,
      });
    });
    this.y -= ROW;
    this.page.drawLine({
      start: { x: MARGIN, y: this.y },
      end: { x: PAGE_WIDTH - MARGIN, y: this.y },
      thickness: 0.4,
      color: RULE,
    });
  }

  private room(height: number): void {
    if (this.y - height >= MARGIN) return;
    this.page = this.pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.y = PAGE_HEIGHT - MARGIN;
  }
}
