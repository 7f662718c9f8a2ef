// The figures as labelled lines (Chinese first, English second), one list per section: the xlsx sheets and
// the PDF tables are both drawn from these, so the two files always show the same numbers.

import { BUSINESS_FORM_NAMES, type BusinessForm } from "@shian/domain";
import { COMPLAINT_CATEGORIES, isComplaintCategory } from "../complaints/categories.js";
import { changePercent, type ReportFigures, type SectionFigures, type Tally } from "./figures.js";

export interface Label {
  zh: string;
  en: string;
}

export interface Line extends Label {
  key: string;
  value: number;
  /** Annual reports: the previous year's value and the change in percent (null: nothing to compare with). */
  previous?: number;
  change?: number | null;
}

export interface Section extends Label {
  key: string;
  sheet: string;
  lines: Line[];
}

const CHANNELS: Record<string, Label> = {
  page: { zh: "扫码核验页面", en: "Scan page (/v/)" },
  api: { zh: "核验接口", en: "Verify API" },
  token: { zh: "二维码令牌核验", en: "QR token check" },
  partner: { zh: "第三方平台调用", en: "Partner API" },
  batch: { zh: "第三方批量核验", en: "Partner batch check" },
  pdf: { zh: "证书 PDF 下载", en: "Certificate PDF" },
  ofd: { zh: "证书 OFD 下载", en: "Certificate OFD" },
  qr: { zh: "二维码下载", en: "QR code" },
  json: { zh: "电子证照数据下载", en: "Signed certificate data" },
  "partner-pdf": { zh: "第三方平台 PDF 下载", en: "Partner PDF" },
};

const INSPECTION_KINDS: Record<string, Label> = {
  routine: { zh: "日常监督检查", en: "Routine inspection" },
  random_draw: { zh: "双随机抽查", en: "Random-draw inspection" },
  complaint: { zh: "投诉核查", en: "Complaint inspection" },
  alert_follow_up: { zh: "预警处置检查", en: "Alert follow-up" },
  commitment_follow_up: { zh: "告知承诺核查", en: "Commitment follow-up" },
  volunteer_patrol: { zh: "社会监督员巡查", en: "Volunteer patrol" },
  online_patrol: { zh: "线上巡查", en: "Online patrol" },
};

const COLOURS: Record<string, Label> = {
  green: { zh: "绿码", en: "Green" },
  yellow: { zh: "黄码", en: "Yellow" },
  red: { zh: "红码", en: "Red" },
};

export const GRADE_NAMES: Record<string, Label> = {
  A: { zh: "A 级", en: "Grade A" },
  B: { zh: "B 级", en: "Grade B" },
  C: { zh: "C 级", en: "Grade C" },
  D: { zh: "D 级", en: "Grade D" },
  ...COLOURS,
};

function formName(form: string): Label {
  const name = BUSINESS_FORM_NAMES[form as BusinessForm] as Label | undefined;
  return name ?? { zh: form, en: form };
}

function categoryName(category: string): Label {
  if (!isComplaintCategory(category)) return { zh: category, en: category };
  const name = COMPLAINT_CATEGORIES[category];
  return { zh: name["zh-CN"], en: name.en };
}

const line = (key: string, label: Label, value: number): Line => ({ key, ...label, value });
const tallyLines = (prefix: string, values: Tally, name: (key: string) => Label) =>
  Object.entries(values).map(([key, value]) => line(`${prefix}.${key}`, name(key), value));

/** The sections of one period's figures, without comparison. */
function sectionsOf(f: SectionFigures): Section[] {
  const { licences, certificates, inspections, complaints, grades, draws } = f;
  return [
    {
      key: "licences",
      sheet: "许可 Licences",
      zh: "许可证办理",
      en: "Licences",
      lines: [
        line("licences.issued", { zh: "新发许可证", en: "New licences issued" }, licences.issued),
        line("licences.changed", { zh: "变更", en: "Changed" }, licences.changed),
        line("licences.renewed", { zh: "延续", en: "Renewed" }, licences.renewed),
        line("licences.reissued", { zh: "补办", en: "Reissued" }, licences.reissued),
        line("licences.cancelled", { zh: "注销", en: "Cancelled" }, licences.cancelled),
        ...tallyLines("licences.type", licences.byType, (type) => ({
          zh: type === "SC" ? "新发食品生产许可证（SC）" : "新发食品经营许可证（JY）",
          en: type === "SC" ? "New production licences (SC)" : "New business licences (JY)",
        })),
      ],
    },
    {
      key: "forms",
      sheet: "业态 Business forms",
      zh: "新发许可证（按业态）",
      en: "New licences by business form",
      lines: tallyLines("forms", licences.byForm, formName),
    },
    {
      key: "certificates",
      sheet: "电子证照 E-certificates",
      zh: "电子证照核验与下载",
      en: "E-certificate verifications and downloads",
      lines: [
        line(
          "certificates.verifications",
          { zh: "核验合计", en: "Verifications, total" },
          certificates.verificationTotal,
        ),
        ...tallyLines("certificates.verification", certificates.verifications, (c) =>
          withPrefix("核验：", "Verification: ", CHANNELS[c] ?? { zh: c, en: c }),
        ),
        line(
          "certificates.downloads",
          { zh: "下载合计", en: "Downloads, total" },
          certificates.downloadTotal,
        ),
        ...tallyLines("certificates.download", certificates.downloads, (c) =>
          withPrefix("下载：", "Download: ", CHANNELS[c] ?? { zh: c, en: c }),
        ),
      ],
    },
    {
      key: "inspections",
      sheet: "检查 Inspections",
      zh: "监督检查",
      en: "Inspections",
      lines: [
        line("inspections.done", { zh: "完成检查", en: "Inspections done" }, inspections.done),
        line("inspections.failed", { zh: "结果不合格", en: "Failed" }, inspections.failed),
        line("inspections.rectify", { zh: "责令整改", en: "Rectification required" }, inspections.rectify),
        line(
          "inspections.rectificationsOpened",
          { zh: "整改单新开", en: "Rectification orders opened" },
          inspections.rectificationsOpened,
        ),
        line(
          "inspections.rectificationsClosed",
          { zh: "整改单办结", en: "Rectification orders closed" },
          inspections.rectificationsClosed,
        ),
        ...tallyLines("inspections.kind", inspections.byKind, (k) => INSPECTION_KINDS[k] ?? { zh: k, en: k }),
      ],
    },
    {
      key: "complaints",
      sheet: "投诉 Complaints",
      zh: "投诉举报",
      en: "Complaints",
      lines: [
        line("complaints.received", { zh: "受理投诉", en: "Complaints received" }, complaints.received),
        line("complaints.closed", { zh: "办结投诉", en: "Complaints closed" }, complaints.closed),
        line(
          "complaints.closedWithinSla",
          { zh: "按期办结", en: "Closed within the deadline" },
          complaints.closedWithinSla,
        ),
        ...tallyLines("complaints.category", complaints.byCategory, categoryName),
      ],
    },
    {
      key: "grades",
      sheet: "等级 Grades",
      zh: `风险等级分布${grades.gradedPeriod ? `（${grades.gradedPeriod}）` : ""}`,
      en: `Grade distribution${grades.gradedPeriod ? ` (${grades.gradedPeriod})` : ""}`,
      lines: [
        ...tallyLines("grades.grade", grades.byGrade, (g) => GRADE_NAMES[g] ?? { zh: g, en: g }),
        ...tallyLines("grades.colour", grades.byColour, (c) =>
          withPrefix("码色：", "Colour: ", COLOURS[c] ?? { zh: c, en: c }),
        ),
      ],
    },
    {
      key: "draws",
      sheet: "双随机 Random draws",
      zh: "双随机抽查",
      en: "Random draws (双随机)",
      lines: [
        line("draws.draws", { zh: "抽取次数", en: "Draws" }, draws.draws),
        line("draws.storesDrawn", { zh: "抽中门店", en: "Stores drawn" }, draws.storesDrawn),
        line("draws.done", { zh: "已完成检查", en: "Drawn visits done" }, draws.done),
      ],
    },
  ];
}

function withPrefix(zh: string, en: string, label: Label): Label {
  return { zh: `${zh}${label.zh}`, en: `${en}${label.en}` };
}

/** The report's sections; an annual report's lines carry the previous year's value and the change. */
export function reportSections(figures: ReportFigures): Section[] {
  const current = sectionsOf(figures);
  if (!figures.previous) return current;
  const before = sectionsOf(figures.previous);
  return current.map((section, index) => {
    const previousLines = before[index]!.lines;
    const keys = new Set(section.lines.map((l) => l.key));
    // Lines only the previous year had (a channel no longer used) show with 0 this year.
    const lines = [
      ...section.lines,
      ...previousLines.filter((l) => !keys.has(l.key)).map((l) => ({ ...l, value: 0 })),
    ];
    return {
      ...section,
      lines: lines.map((l) => {
        const previous = previousLines.find((p) => p.key === l.key)?.value ?? 0;
        return { ...l, previous, change: changePercent(l.value, previous) };
      }),
    };
  });
}

/** The headline figures of the summary sheet and the PDF's first table. */
export function summaryLines(sections: Section[]): Line[] {
  const keys = [
    "licences.issued",
    "licences.changed",
    "licences.renewed",
    "licences.reissued",
    "licences.cancelled",
    "certificates.verifications",
    "certificates.downloads",
    "inspections.done",
    "inspections.failed",
    "inspections.rectificationsOpened",
    "inspections.rectificationsClosed",
    "complaints.received",
    "complaints.closed",
    "complaints.closedWithinSla",
    "draws.draws",
    "draws.storesDrawn",
    "draws.done",
  ];
  const all = sections.flatMap((section) => section.lines);
  return keys.map((key) => all.find((l) => l.key === key)!).filter(Boolean);
}

export function reportTitle(figures: Pick<ReportFigures, "kind" | "period" | "regionName">): Label {
  if (figures.kind === "annual") {
    return {
      zh: `${figures.regionName}食品安全监管统计年报（${figures.period}年）`,
      en: `Food safety supervision statistics, ${figures.regionName}, year ${figures.period}`,
    };
  }
  const [year, month] = figures.period.split("-");
  return {
    zh: `${figures.regionName}食品安全监管统计月报（${year}年${Number(month)}月）`,
    en: `Food safety supervision statistics, ${figures.regionName}, ${figures.period}`,
  };
}
