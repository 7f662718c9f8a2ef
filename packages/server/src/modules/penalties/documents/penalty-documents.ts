import { PENALTY_RULES, type PenaltySeverity } from "@shian/domain";
import { formatDateZh } from "../../../documents/format-date.js";
import type { OfficialDocument } from "./official-document-pdf.js";

/** What both documents of a penalty state (双书同达: served together, seed 004 Rizhao). */
export interface PenaltyParticulars {
  decisionNumber: string;
  issuer: string;
  businessName: string;
  uscc: string;
  legalRepresentative: string;
  storeName: string;
  storeAddress: string;
  decidedOn: string;
  violation: string;
  legalBasis: string;
  fineYuan: number | null;
  severity: PenaltySeverity;
  publicUntil: string;
  repairableFrom: string;
  /** Last day on the serious-dishonesty list, when the penalty listed the business. */
  listedUntil: string | null;
}

/** The market-supervision bureau of a county: "镇海区" → "镇海区市场监督管理局". */
export function authorityName(regionName: string | null): string {
  return `${regionName ?? ""}市场监督管理局`;
}

const PUBLICATION_RULE = "《市场监督管理行政处罚信息公示规定》第十三条";

const yuan = (amount: number) => amount.toLocaleString("zh-CN", { minimumFractionDigits: 2 });

/** 《行政处罚决定书》. */
export function decisionDocument(p: PenaltyParticulars): OfficialDocument {
  const sanction = p.fineYuan
    ? `罚款人民币${yuan(p.fineYuan)}元。当事人应当自收到本决定书之日起十五日内缴纳罚款（《中华人民共和国行政处罚法》第六十七条）。`
    : "警告。";
  return {
    issuer: p.issuer,
    title: "行政处罚决定书",
    number: p.decisionNumber,
    particulars: [
      `当事人：${p.businessName}`,
      `统一社会信用代码：${p.uscc}`,
      `法定代表人（负责人）：${p.legalRepresentative}`,
      `经营场所：${p.storeName}，${p.storeAddress}`,
    ],
    paragraphs: [
      `经查，当事人存在以下违法行为：${p.violation}`,
      `以上事实违反了${p.legalBasis}的规定。`,
      `本局决定对当事人作出如下行政处罚：${sanction}`,
      "如不服本处罚决定，可以在收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。",
      "本决定书与《信用修复告知书》同时送达（双书同达）。",
    ],
    issuedOn: p.decidedOn,
  };
}

function publicationText(p: PenaltyParticulars): string {
  if (PENALTY_RULES[p.severity].publicMonths === 0) {
    return `一、公示期限。依照${PENALTY_RULES[p.severity].source}，该行政处罚信息不予公示。`;
  }
  return `一、公示期限。依照${PUBLICATION_RULE}，该行政处罚信息将通过国家企业信用信息公示系统向社会公示，公示期至${formatDateZh(p.publicUntil)}止。`;
}

/** 《信用修复告知书》: when and how the business may repair its credit (变“自主申请”为“主动告知”). */
export function repairNoticeDocument(p: PenaltyParticulars): OfficialDocument {
  const listing = p.listedUntil
    ? [
        `三、严重违法失信名单。因该行政处罚，你单位已被列入严重违法失信名单，列入期限至${formatDateZh(p.listedUntil)}止。信用修复申请经批准的，同时移出严重违法失信名单。`,
      ]
    : [];
  return {
    issuer: p.issuer,
    title: "信用修复告知书",
    number: `关于${p.decisionNumber}`,
    particulars: [`${p.businessName}：`],
    paragraphs: [
      `你单位于${formatDateZh(p.decidedOn)}被本局给予行政处罚，行政处罚决定书文号为${p.decisionNumber}。为鼓励经营主体主动纠正违法失信行为、消除不良影响、重塑信用，现将信用修复有关事项告知如下：`,
      publicationText(p),
      `二、修复条件。依照《市场监督管理信用修复管理办法》，自${formatDateZh(p.repairableFrom)}起，你单位已经自觉履行行政处罚决定中规定的义务、已经主动消除危害后果和不良影响、且未因同一类违法行为再次受到行政处罚的，可以申请信用修复。`,
      ...listing,
      `${listing.length > 0 ? "四" : "三"}、办理方式。登录经营者门户“处罚与信用修复”，填写信用修复申请并上传履行义务的证明材料（如罚款缴纳凭证、整改照片），在线提交。即申即办，当日办结；修复后信用等级随即重新评定。`,
    ],
    issuedOn: p.decidedOn,
  };
}
