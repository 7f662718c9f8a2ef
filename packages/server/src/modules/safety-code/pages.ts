import { PUBLIC_LABELS } from "../../http/public-labels.js";
import {
  BUSINESS_FORM_NAMES,
  BUSINESS_SUBTYPE_NAMES,
  type BusinessForm,
  type BusinessSubtype,
} from "@shian/domain";
import { html, page, type Html } from "../../http/html.js";
import type { Language } from "../../http/language.js";
import type { SafetyColour } from "../../config.js";
import type { ScanView } from "./service.js";

const TEXT = {
  "zh-CN": {
    title: "食安码",
    colours: PUBLIC_LABELS["zh-CN"].colours,
    noLicence: "无有效许可证",
    redAlert: "存在未办结的红色预警，监管部门正在 24 小时内闭环处置",
    licence: "许可证",
    number: "许可证编号",
    status: "状态",
    statuses: {
      valid: "有效",
      expired: "已过期",
      suspended: "已暂停",
      revoked: "已撤销",
      cancelled: "已注销",
    } as Record<string, string>,
    validTo: "有效期至",
    verify: "核验电子证书",
    address: "地址",
    form: "业态",
    grade: "等级",
    gradedOn: "评定日期",
    notGraded: "尚未评级",
    inspections: "检查记录",
    noInspections: "暂无检查记录",
    kinds: PUBLIC_LABELS["zh-CN"].inspectionKinds,
    outcomes: PUBLIC_LABELS["zh-CN"].inspectionOutcomes,
    rectification: "整改",
    rectStatuses: { open: "整改中", replied: "已回复", closed: "已完成", reopened: "重新整改" } as Record<
      string,
      string
    >,
    date: "日期",
    type: "类型",
    result: "结果",
    selfChecks: "自查登记",
    healthCertificates: "从业人员健康证",
    noHealthCertificates: "暂无健康证备案",
    expired: "已过期",
    noSelfChecks: "暂无自查登记",
    passFail: (pass: number, fail: number) => `符合 ${pass} 项，不符合 ${fail} 项`,
    ratings: "消费评价",
    noRatings: "暂无评价",
    summary: (average: number, count: number) => `${average.toFixed(1)} 星（${count} 条评价）`,
    rate: "我要评价",
    stars: "星级",
    comment: "评价内容（选填，审核后公开）",
    submit: "提交评价",
    complain: "消费举报投诉",
    other: "English",
    code: "食安码",
    commitment: "食品安全承诺书",
    noCommitment: "尚未签署承诺书",
    signedBy: (name: string, date: string) => `承诺人：${name}，签署日期：${date}`,
  },
  en: {
    title: "Food safety code",
    colours: PUBLIC_LABELS.en.colours,
    noLicence: "No valid licence",
    redAlert: "An open red alert: the bureau is dealing with it within 24 hours",
    licence: "Licence",
    number: "Licence number",
    status: "Status",
    statuses: {
      valid: "Valid",
      expired: "Expired",
      suspended: "Suspended",
      revoked: "Revoked",
      cancelled: "Cancelled",
    } as Record<string, string>,
    validTo: "Valid to",
    verify: "Verify the electronic certificate",
    address: "Address",
    form: "Business form",
    grade: "Grade",
    gradedOn: "Graded on",
    notGraded: "Not graded yet",
    inspections: "Inspections",
    noInspections: "No inspections yet",
    kinds: PUBLIC_LABELS.en.inspectionKinds,
    outcomes: PUBLIC_LABELS.en.inspectionOutcomes,
    rectification: "Rectification",
    rectStatuses: { open: "Open", replied: "Replied", closed: "Done", reopened: "Reopened" } as Record<
      string,
      string
    >,
    date: "Date",
    type: "Type",
    result: "Result",
    selfChecks: "Self-checks",
    healthCertificates: "Staff health certificates",
    noHealthCertificates: "No health certificates filed",
    expired: "expired",
    noSelfChecks: "No self-checks filed",
    passFail: (pass: number, fail: number) => `${pass} passed, ${fail} failed`,
    ratings: "Ratings",
    noRatings: "No ratings yet",
    summary: (average: number, count: number) => `${average.toFixed(1)} stars (${count} ratings)`,
    rate: "Rate this place",
    stars: "Stars",
    comment: "Comment (optional, public after review)",
    submit: "Send rating",
    complain: "Complain",
    other: "中文",
    code: "Code",
    commitment: "Food safety commitment letter",
    noCommitment: "No commitment letter signed yet",
    signedBy: (name: string, date: string) => `Signed by ${name} on ${date}`,
  },
} as const;

const BANNER_CLASS: Record<SafetyColour, string> = { green: "ok", yellow: "warn", red: "bad" };

const PAGE_STYLE = html`<style>
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 14px;
  }
  td,
  th {
    text-align: left;
    padding: 4px 2px;
    border-bottom: 1px solid #f0f0f0;
  }
  .stars label {
    margin-right: 8px;
  }
  textarea {
    width: 100%;
    box-sizing: border-box;
  }
  a.btn,
  button {
    display: inline-block;
    padding: 8px 16px;
    border-radius: 6px;
    border: 0;
    background: #1677ff;
    color: #fff;
    text-decoration: none;
    font-size: 15px;
  }
  a.btn {
    background: #cf1322;
  }
</style>`;

/** Phone-like digit runs in consumer comments are masked before display (PIPL: no phone numbers). */
export function maskDigits(text: string): string {
  return text.replace(/\d{7,}/g, (digits) => `${digits.slice(0, 3)}****${digits.slice(-2)}`);
}

function formText(view: ScanView, language: Language): string {
  const key = language === "en" ? "en" : "zh";
  const form = BUSINESS_FORM_NAMES[view.businessForm as BusinessForm]?.[key];
  const subtype = BUSINESS_SUBTYPE_NAMES[view.subtype as BusinessSubtype]?.[key];
  return [form, subtype].filter(Boolean).join(" · ") || "—";
}

function licenceCard(view: ScanView, language: Language): Html {
  const t = TEXT[language];
  const licence = view.licence;
  if (!licence)
    return html`<section class="card">
      <h2>${t.licence}</h2>
      <p>${t.noLicence}</p>
    </section>`;
  return html`<section class="card">
    <h2>${t.licence}</h2>
    <dl>
      <dt>${t.number}</dt>
      <dd>${licence.number}</dd>
      <dt>${t.status}</dt>
      <dd>${t.statuses[licence.status] ?? licence.status}</dd>
      <dt>${t.validTo}</dt>
      <dd>${licence.validTo}</dd>
    </dl>
    ${
      licence.certificateToken
        ? html`<p><a href="/v/${encodeURIComponent(licence.certificateToken)}">${t.verify}</a></p>`
        : ""
    }
  </section>`;
}

function inspectionCard(view: ScanView, language: Language): Html {
  const t = TEXT[language];
  if (view.inspections.length === 0) {
    return html`<section class="card">
      <h2>${t.inspections}</h2>
      <p><small>${t.noInspections}</small></p>
    </section>`;
  }
  return html`<section class="card">
    <h2>${t.inspections}</h2>
    <table>
      <tr>
        <th>${t.date}</th>
        <th>${t.type}</th>
        <th>${t.result}</th>
        <th>${t.rectification}</th>
      </tr>
      ${view.inspections.map(
        (row) =>
          html`<tr>
            <td>${row.date ?? "—"}</td>
            <td>${t.kinds[row.kind] ?? row.kind}</td>
            <td>${row.outcome ? (t.outcomes[row.outcome] ?? row.outcome) : "—"}</td>
            <td>
              ${
                row.rectifications.length
                  ? row.rectifications.map((s) => t.rectStatuses[s] ?? s).join("、")
                  : "—"
              }
            </td>
          </tr>`,
      )}
    </table>
  </section>`;
}

function selfCheckCard(view: ScanView, language: Language): Html {
  const t = TEXT[language];
  return html`<section class="card">
    <h2>${t.selfChecks}</h2>
    ${
      view.selfChecks.length === 0
        ? html`<p><small>${t.noSelfChecks}</small></p>`
        : html`<table>
            ${view.selfChecks.map(
              (row) =>
                html`<tr>
                  <td>${row.checkedOn}</td>
                  <td>${t.passFail(row.pass, row.fail)}</td>
                </tr>`,
            )}
          </table>`
    }
  </section>`;
}

function healthCertificateCard(view: ScanView, language: Language): Html {
  const t = TEXT[language];
  return html`<section class="card">
    <h2>${t.healthCertificates}</h2>
    ${
      view.healthCertificates.length === 0
        ? html`<p><small>${t.noHealthCertificates}</small></p>`
        : html`<table>
            ${view.healthCertificates.map(
              (row) =>
                html`<tr>
                  <td>${row.nameMasked}</td>
                  <td>${t.validTo} ${row.validTo}${row.expired ? html` <b>${t.expired}</b>` : ""}</td>
                </tr>`,
            )}
          </table>`
    }
  </section>`;
}

/** 承诺书 (seed 004 Xiangshan: every letter published); the items in the page's language. Also on the sunshine screen. */
export function commitmentCard(view: ScanView, language: Language): Html {
  const t = TEXT[language];
  const letter = view.commitment;
  if (!letter) {
    return html`<section class="card">
      <h2>${t.commitment}</h2>
      <p><small>${t.noCommitment}</small></p>
    </section>`;
  }
  const key = language === "en" ? "en" : "zh";
  return html`<section class="card">
    <h2>${t.commitment}</h2>
    <ol>
      ${letter.items.map((item) => html`<li>${item.text[key]}</li>`)}
    </ol>
    <p><small>${t.signedBy(letter.signerNameMasked, letter.signedOn)}</small></p>
  </section>`;
}

function ratingCard(view: ScanView, language: Language): Html {
  const t = TEXT[language];
  const { average, count, latest } = view.ratings;
  return html`<section class="card">
      <h2>${t.ratings}</h2>
      <p>${average === null ? t.noRatings : t.summary(average, count)}</p>
      ${latest.map(
        (row) =>
          html`<p>
            ${"★".repeat(row.stars)}${"☆".repeat(5 - row.stars)} <small>${row.ratedOn}</small
            ><br />${maskDigits(row.comment)}
          </p>`,
      )}
    </section>
    <section class="card">
      <h2>${t.rate}</h2>
      <form method="post" action="/s/${view.code}/rate">
        <input type="hidden" name="lang" value="${language}" />
        <p class="stars">
          ${[5, 4, 3, 2, 1].map(
            (n) =>
              html`<label
                ><input type="radio" name="stars" value="${n}" ${n === 5 ? "required" : ""} />${n}★</label
              >`,
          )}
        </p>
        <p>
          <label>${t.comment}<br /><textarea name="comment" maxlength="500" rows="3"></textarea></label>
        </p>
        <button type="submit">${t.submit}</button>
      </form>
    </section>`;
}

/** GET /s/{code}: what a phone shows after scanning the door sticker. No script; a few KB. */
/** — step 11: recalls — one line per open recall of a batch this store produced. */
function recallLines(view: ScanView, language: Language): Html {
  return html`${view.openRecalls.map(
    (r) =>
      html`<p class="recall" data-recall="open">
        <strong
          >${
            language === "en"
              ? `Recall: ${r.product}, batch ${r.batchNumber} (${r.recalledOn}) — ${r.reason}`
              : `召回：${r.product}，批次号 ${r.batchNumber}（${r.recalledOn}）— ${r.reason}`
          }</strong
        >
        <a href="/recalls">${language === "en" ? "All recalls" : "召回公示"}</a>
      </p>`,
  )}`;
}

export function renderScanPage(view: ScanView, language: Language): string {
  const t = TEXT[language];
  const other = `/s/${view.code}?lang=${language === "en" ? "zh-CN" : "en"}`;
  return page({
    lang: language,
    title: `${view.name} — ${t.title}`,
    body: html`${PAGE_STYLE}
      <main>
        <a href="${other}" style="float:right;color:#1677ff">${t.other}</a>
        <h1 style="font-size:20px">${view.name}</h1>
        <div class="banner ${BANNER_CLASS[view.colour]}">${t.colours[view.colour]}</div>
        ${view.colourReason === "red_alert" ? html`<p><strong>${t.redAlert}</strong></p>` : ""}
        ${recallLines(view, language)}
        <section class="card">
          <dl>
            <dt>${t.code}</dt>
            <dd>${view.code}</dd>
            <dt>${t.address}</dt>
            <dd>${view.addressMasked}</dd>
            <dt>${t.form}</dt>
            <dd>${formText(view, language)}</dd>
            <dt>${t.grade}</dt>
            <dd>
              ${view.grade ? `${view.grade.grade}（${t.gradedOn} ${view.grade.gradedOn}）` : t.notGraded}
            </dd>
          </dl>
        </section>
        ${licenceCard(view, language)} ${inspectionCard(view, language)} ${selfCheckCard(view, language)}
        ${healthCertificateCard(view, language)} ${commitmentCard(view, language)}
        ${ratingCard(view, language)}
        <p style="text-align:center"><a class="btn" href="/s/${view.code}/complaint">${t.complain}</a></p>
      </main>`,
  });
}

const NOT_FOUND = {
  "zh-CN": { title: "未找到该食安码", body: "请核对二维码或编码是否正确。" },
  en: { title: "Unknown food safety code", body: "Check the QR code or the code you typed." },
};

export function renderNotFoundPage(language: Language): string {
  const t = NOT_FOUND[language];
  return page({
    lang: language,
    title: t.title,
    body: html`<main>
      <div class="banner bad">${t.title}</div>
      <p>${t.body}</p>
    </main>`,
  });
}

const RATED = {
  "zh-CN": {
    thanks: "感谢您的评价",
    pending: "评价内容将在审核后公开。",
    rejected: "评价含有不文明用语，未予公开。",
    approved: "评价已计入。",
    duplicate: "您今天已评价过该店。",
    invalid: "请选择 1–5 星，评价内容不超过 500 字。",
    back: "返回",
  },
  en: {
    thanks: "Thank you for your rating",
    pending: "Your comment will be public after review.",
    rejected: "Your rating contains abusive words and will not be shown.",
    approved: "Your rating counts now.",
    duplicate: "You have already rated this place today.",
    invalid: "Choose 1 to 5 stars; comments are at most 500 characters.",
    back: "Back",
  },
};

export type RateOutcome = "pending" | "rejected" | "approved" | "duplicate" | "invalid";

/** The answer to the plain HTML rating form. */
export function renderRatedPage(code: string, outcome: RateOutcome, language: Language): string {
  const t = RATED[language];
  const ok = outcome === "pending" || outcome === "approved" || outcome === "rejected";
  return page({
    lang: language,
    title: ok ? t.thanks : t[outcome],
    body: html`<main>
      <div class="banner ${ok ? "ok" : "warn"}">${ok ? t.thanks : t[outcome]}</div>
      <p>${ok ? t[outcome] : ""}</p>
      <p><a href="/s/${code}?lang=${language}">${t.back}</a></p>
    </main>`,
  });
}
