import { chinaDate, type RiskColour } from "@shian/domain";
import { formatDateZh } from "../../documents/format-date.js";
import { renderOfficialDocumentPdf } from "../penalties/documents/official-document-pdf.js";
import { authorityName } from "../penalties/documents/penalty-documents.js";
import { failedItemsOf, type MonthReport } from "./service.js";

const COLOUR_ZH: Record<RiskColour, string> = {
  green: "绿色",
  blue: "蓝色（较低风险）",
  yellow: "黄色（一般风险）",
  orange: "橙色（较高风险）",
  red: "红色（高风险）",
};

/** 月度评价报告: the store, each week's score and failed items, the month's average and risk colour, as a PDF. */
export async function renderMonthlyReport(report: MonthReport, now = new Date()): Promise<Buffer> {
  const [year, month] = report.month.split("-");
  const weeks = report.weeks.map(({ week, evaluation }) => {
    const label = `${formatDateZh(week)}当周`;
    if (!evaluation) return `${label}：未评价，按0分计。`;
    const failed = failedItemsOf(evaluation).map(
      (entry) => `${entry.text.zh}${entry.key ? "（关键项）" : ""}`,
    );
    return `${label}：${evaluation.score}分；${failed.length ? `不符合项：${failed.join("、")}。` : "全部符合。"}`;
  });
  return renderOfficialDocumentPdf({
    issuer: authorityName(report.regionName),
    title: "食品小作坊（摊位）月度评价报告",
    number: `${year}年${Number(month)}月`,
    particulars: [
      `经营者（门店）：${report.store.name}`,
      `地址：${report.store.address}`,
      `评价月份：${year}年${Number(month)}月，共${report.weeks.length}周`,
    ],
    paragraphs: [
      ...weeks,
      `本月平均分${report.average}分，月度风险等级：${COLOUR_ZH[report.colour]}。`,
      "评价依据：每周对照现场评价表逐项评价；关键项不符合的，当周得分不超过59分；未评价的周按0分计。",
    ],
    issuedOn: chinaDate(now),
  });
}
