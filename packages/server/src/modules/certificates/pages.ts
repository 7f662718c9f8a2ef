import { PUBLIC_LABELS } from "../../http/public-labels.js";
import {
  chinaDate,
  BUSINESS_FORM_NAMES,
  BUSINESS_SUBTYPE_NAMES,
  type BusinessForm,
  type BusinessSubtype,
} from "@shian/domain";
import { html, page, raw } from "../../http/html.js";
import type { Language } from "../../http/language.js";
import type { StatutoryFields } from "./documents.js";
import { maskUscc } from "./presenter.js";
import { eLicenceIdOfCertificate } from "./e-licence-id.js";
import type { StoreStanding } from "../open-data/store-standing.js";
import type { CertificateStatus, TokenVerdict } from "./service.js";
import type { findCurrentCertificate } from "./repository.js";

type Certified = NonNullable<Awaited<ReturnType<typeof findCurrentCertificate>>>;

const TEXT = {
  "zh-CN": {
    title: "食品经营许可证核验",
    valid: "✔ 有效的电子许可证",
    invalid: "✘ 无效",
    reasons: {
      malformed: "二维码内容无法识别",
      unknown_key: "签名密钥未知",
      bad_signature: "签名校验失败：内容被篡改",
      expired: "许可证已过期",
      unknown_certificate: "未找到该证书",
      suspended: "许可证已暂停",
      revoked: "许可证已撤销",
      cancelled: "许可证已注销",
      superseded: "该版本已被新版本替代",
      valid: "",
    } as Record<string, string>,
    licence: "食品经营许可证",
    number: "许可证编号",
    eLicenceId: "电子证照标识",
    holder: "经营者名称",
    uscc: "统一社会信用代码",
    address: "经营场所",
    form: "主体业态",
    items: "经营项目",
    validTo: "有效期至",
    issuer: "发证机关",
    legalRepresentative: "法定代表人（负责人）",
    residence: "住所",
    validity: "有效期",
    supervision: "日常监督管理机构/人员",
    hotline: "投诉举报电话",
    signer: "签发人",
    issuedOn: "签发日期",
    legacy: "历史导入：按原证载明内容展示",
    notRecorded: "历史数据未载明",
    to: "至",
    businessLicence: "营业执照（联动展示）",
    registration: "登记机关",
    registeredOn: "成立日期",
    scope: "经营范围",
    registrationStatus: "登记状态",
    checkedAt: "核验时间",
    other: "English",
  },
  en: {
    title: "Food business licence check",
    valid: "✔ Valid electronic licence",
    invalid: "✘ Not valid",
    reasons: {
      malformed: "The QR code cannot be read",
      unknown_key: "Unknown signing key",
      bad_signature: "The signature does not match: the content was changed",
      expired: "The licence has expired",
      unknown_certificate: "No such certificate",
      suspended: "The licence is suspended",
      revoked: "The licence is revoked",
      cancelled: "The licence is cancelled",
      superseded: "This version was replaced by a newer one",
      valid: "",
    } as Record<string, string>,
    licence: "Food business licence",
    number: "Licence number",
    eLicenceId: "E-licence identifier",
    holder: "Holder",
    uscc: "Unified social credit code",
    address: "Premises",
    form: "Business form",
    items: "Items",
    validTo: "Valid to",
    issuer: "Issued by",
    legalRepresentative: "Legal representative (person in charge)",
    residence: "Domicile",
    validity: "Valid",
    supervision: "Routine supervision (agency / officer)",
    hotline: "Complaint hotline",
    signer: "Signed by",
    issuedOn: "Date of issue",
    legacy: "Imported legacy licence (历史导入): shown as the original states",
    notRecorded: "not recorded",
    to: "to",
    businessLicence: "Business licence (linked)",
    registration: "Registered by",
    registeredOn: "Registered on",
    scope: "Business scope",
    registrationStatus: "Registration status",
    checkedAt: "Checked at",
    other: "中文",
  },
};

interface Fields extends StatutoryFields {
  licenseNo: string;
  holderName: string;
  businessForm?: BusinessForm;
  subtype?: BusinessSubtype;
  items: string[];
  validFrom: string;
  validTo: string;
  issuer: string;
  storeAddress: string;
  legalRepresentative: string;
  issuedAt: string;
}

function formText(fields: Fields, language: Language): string {
  if (!fields.businessForm || !fields.subtype) return "—";
  const key = language === "en" ? "en" : "zh";
  return `${BUSINESS_FORM_NAMES[fields.businessForm][key]}（${BUSINESS_SUBTYPE_NAMES[fields.subtype][key]}）`;
}

/** The licence and the linked business licence (营业执照), shown together (seed 000). */
export function certificateCards(row: Certified, language: Language, personal = true) {
  const t = TEXT[language];
  const fields = JSON.parse(row.certificate.payload) as Fields;
  const business = row.business;
  // — step 11: statutory fields — a version-1 or legacy certificate shows what it states, the rest as missing.
  const missing = fields.legacyImport ? t.notRecorded : "—";
  // The in-shop board names no person (seed 000 display): the agency only, no legal representative or officer.
  const supervision = [fields.supervisionAgency, personal ? fields.supervisionOfficer : undefined]
    .filter(Boolean)
    .join(" / ");
  return html`<section class="card">
      <h2>${t.licence}</h2>
      ${fields.legacyImport ? html`<p class="legacy-import"><small>${t.legacy}</small></p>` : ""}
      <dl>
        <dt>${t.number}</dt>
        <dd>${fields.licenseNo}</dd>
        <dt>${t.eLicenceId}</dt>
        <dd class="e-licence-id" style="word-break:break-all">${eLicenceIdOfCertificate(row.certificate)}</dd>
        <dt>${t.holder}</dt>
        <dd>${fields.holderName}</dd>
        <dt>${t.uscc}</dt>
        <dd>${maskUscc(business.uscc)}</dd>
        ${
          personal
            ? html`<dt>${t.legalRepresentative}</dt>
                <dd>${fields.legalRepresentative}</dd>`
            : ""
        }
        <dt>${t.residence}</dt>
        <dd>${fields.residence ?? missing}</dd>
        <dt>${t.address}</dt>
        <dd>${fields.storeAddress}</dd>
        <dt>${t.form}</dt>
        <dd>${formText(fields, language)}</dd>
        <dt>${t.items}</dt>
        <dd>${fields.items.join("；")}</dd>
        <dt>${t.validity}</dt>
        <dd>${fields.validFrom} ${t.to} ${fields.validTo}</dd>
        <dt>${t.supervision}</dt>
        <dd>${supervision || missing}</dd>
        <dt>${t.hotline}</dt>
        <dd>${fields.complaintHotline ?? missing}</dd>
        <dt>${t.issuer}</dt>
        <dd>${fields.issuer}</dd>
        ${
          personal
            ? html`<dt>${t.signer}</dt>
                <dd>${fields.signer ?? missing}</dd>`
            : ""
        }
        <dt>${t.issuedOn}</dt>
        <dd>${chinaDate(fields.issuedAt)}</dd>
      </dl>
    </section>
    <section class="card">
      <h2>${t.businessLicence}</h2>
      <dl>
        <dt>${t.holder}</dt>
        <dd>${business.name}</dd>
        <dt>${t.uscc}</dt>
        <dd>${maskUscc(business.uscc)}</dd>
        <dt>${t.registration}</dt>
        <dd>${business.registrationAuthority ?? "—"}</dd>
        <dt>${t.registeredOn}</dt>
        <dd>${business.registeredOn ?? "—"}</dd>
        <dt>${t.scope}</dt>
        <dd>${business.businessScope ?? "—"}</dd>
        <dt>${t.registrationStatus}</dt>
        <dd>${business.registrationStatus}</dd>
      </dl>
    </section>`;
}

export function banner(status: CertificateStatus | null, reason: string | null, language: Language) {
  const t = TEXT[language];
  if (status === "valid" && !reason) return html`<div class="banner ok">${t.valid}</div>`;
  return html`<div class="banner bad">
    ${t.invalid}<br /><small style="color:#fff">${t.reasons[reason ?? status ?? ""] ?? reason}</small>
  </div>`;
}

/** GET /v/{token}: what a phone shows after scanning the licence's QR code. */
export function renderVerificationPage(
  verdict: TokenVerdict,
  language: Language,
  otherLanguageUrl: string,
  now: Date,
) {
  const t = TEXT[language];
  const reason = verdict.valid ? null : verdict.reason;
  return page({
    lang: language,
    title: t.title,
    body: html`<main>
      <a class="lang" href="${otherLanguageUrl}" style="color:#1677ff;float:right">${t.other}</a>
      <h1 style="font-size:18px">${t.title}</h1>
      ${banner(verdict.status, reason, language)}
      ${verdict.certificate ? certificateCards(verdict.certificate, language) : ""}
      <p><small>${t.checkedAt} ${now.toISOString()}</small></p>
    </main>`,
  });
}

const BOARD_TEXT = {
  "zh-CN": {
    colours: PUBLIC_LABELS["zh-CN"].colours,
    code: "食安码",
    grade: "等级",
    lastInspection: "最近一次检查",
    noInspection: "暂无检查记录",
    kinds: PUBLIC_LABELS["zh-CN"].inspectionKinds,
    outcomes: PUBLIC_LABELS["zh-CN"].inspectionOutcomes,
  },
  en: {
    colours: PUBLIC_LABELS.en.colours,
    code: "Food safety code",
    grade: "Grade",
    lastInspection: "Last inspection",
    noInspection: "No inspections yet",
    kinds: PUBLIC_LABELS.en.inspectionKinds,
    outcomes: PUBLIC_LABELS.en.inspectionOutcomes,
  },
};

const COLOUR_CLASS: Record<StoreStanding["colour"], string> = { green: "ok", yellow: "warn", red: "bad" };

/** The 食安码 colour and the last inspection on the board (issue 8: business-side boards). */
function standingCard(standing: StoreStanding, language: Language) {
  const t = BOARD_TEXT[language];
  const last = standing.lastInspection;
  return html`<section class="card standing" data-colour="${standing.colour}">
    <h2>${t.code}</h2>
    <div class="banner ${COLOUR_CLASS[standing.colour]}">${t.colours[standing.colour]}</div>
    <dl>
      ${
        standing.grade
          ? html`<dt>${t.grade}</dt>
              <dd>${standing.grade}</dd>`
          : ""
      }
      <dt>${t.lastInspection}</dt>
      <dd>
        ${
          last
            ? `${last.date} · ${t.kinds[last.kind] ?? last.kind} · ${
                last.outcome ? (t.outcomes[last.outcome] ?? last.outcome) : "—"
              }`
            : t.noInspection
        }
      </dd>
    </dl>
  </section>`;
}

/** The in-shop display (亮照亮证, e-photo-frame): both licences, one QR, the 食安码 colour and last inspection. */
export function renderDisplayPage(
  row: Certified,
  status: CertificateStatus,
  qrSvg: string,
  language: Language,
  frame: boolean,
  standing?: StoreStanding,
) {
  return page({
    lang: language,
    title: `${row.store.name} — ${TEXT[language].licence}`,
    refreshSeconds: frame ? 300 : undefined,
    className: frame ? "frame" : "",
    body: html`<main>
      <h1 style="font-size:1.4em">${row.store.name}</h1>
      ${banner(status, status === "valid" ? null : status, language)}
      ${standing ? standingCard(standing, language) : ""}
      <div class="card qr">
        ${raw(qrSvg)}<br /><small>${language === "en" ? "Scan to verify" : "扫码核验"}</small>
      </div>
      ${certificateCards(row, language, false)}
    </main>`,
  });
}
