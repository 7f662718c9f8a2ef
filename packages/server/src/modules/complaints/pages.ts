import { html, page } from "../../http/html.js";
import type { Language } from "../../http/language.js";
import { CATEGORY_CODES, COMPLAINT_CATEGORIES } from "./categories.js";
import { MAX_DESCRIPTION, MAX_PHOTOS } from "./submission.js";
import type { presentTracking } from "./presenter.js";

const TEXT = {
  "zh-CN": {
    formTitle: "投诉举报",
    store: "被投诉门店",
    category: "问题类别",
    description: "问题描述",
    descriptionHint: `请说明时间、经过和问题（不超过 ${MAX_DESCRIPTION} 字）`,
    photos: `照片（可选，最多 ${MAX_PHOTOS} 张，JPEG/PNG/WebP，每张不超过 10 MB）`,
    phone: "联系电话（可选，仅办案人员可见，页面显示时隐去中间四位）",
    submit: "提交投诉",
    privacy: "照片中的位置等元数据会被去除。",
    submittedTitle: "投诉已提交",
    submitted: "我们已收到您的投诉，将在 1 个工作日内受理。请保存下面的查询链接，凭它查看办理进度和答复：",
    trackTitle: "投诉办理进度",
    status: "状态",
    statuses: { received: "已收到", acknowledged: "已受理", assigned: "已派员核查", closed: "已办结" },
    created: "提交时间",
    acknowledged: "受理时间",
    closed: "办结时间",
    reply: "监管部门答复",
    upheld: "核查结论",
    upheldYes: "投诉属实",
    upheldNo: "投诉不属实",
    none: "—",
    errorTitle: "无法提交",
    back: "返回修改",
    other: "English",
  },
  en: {
    formTitle: "Report a food safety problem",
    store: "Store",
    category: "What happened",
    description: "Description",
    descriptionHint: `When and what happened (at most ${MAX_DESCRIPTION} characters)`,
    photos: `Photos (optional, up to ${MAX_PHOTOS}, JPEG/PNG/WebP, 10 MB each)`,
    phone: "Phone (optional; only officers handling the case see it, shown masked)",
    submit: "Send complaint",
    privacy: "Location and other metadata are removed from photos.",
    submittedTitle: "Complaint received",
    submitted:
      "We received your complaint and will acknowledge it within one working day. Keep this link to follow it and read the reply:",
    trackTitle: "Complaint status",
    status: "Status",
    statuses: {
      received: "Received",
      acknowledged: "Acknowledged",
      assigned: "Inspector sent",
      closed: "Closed",
    },
    created: "Filed",
    acknowledged: "Acknowledged",
    closed: "Closed",
    reply: "The bureau's reply",
    upheld: "Finding",
    upheldYes: "Upheld",
    upheldNo: "Not upheld",
    none: "—",
    errorTitle: "Could not send",
    back: "Back to the form",
    other: "中文",
  },
} as const;

const FORM_CSS = html`<style>
  label {
    display: block;
    margin: 12px 0 4px;
    color: #434343;
  }
  select,
  textarea,
  input {
    width: 100%;
    box-sizing: border-box;
    font-size: 16px;
    padding: 8px;
    border: 1px solid #d9d9d9;
    border-radius: 6px;
  }
  button {
    margin-top: 16px;
    width: 100%;
    padding: 12px;
    font-size: 17px;
    background: #cf1322;
    color: #fff;
    border: 0;
    border-radius: 6px;
  }
  .link {
    word-break: break-all;
  }
</style>`;

function otherLanguage(language: Language, path: string): string {
  const url = new URL(path, "http://x");
  url.searchParams.set("lang", language === "en" ? "zh-CN" : "en");
  return `${url.pathname}${url.search}`;
}

function formatTime(date: string | null, language: Language): string | null {
  if (!date) return null;
  return new Date(date).toLocaleString(language === "en" ? "en-GB" : "zh-CN", { timeZone: "Asia/Shanghai" });
}

export function renderComplaintForm(options: {
  code: string;
  storeName: string;
  language: Language;
}): string {
  const { code, storeName, language } = options;
  const t = TEXT[language];
  const path = `/s/${encodeURIComponent(code)}/complaint`;
  return page({
    lang: language,
    title: t.formTitle,
    body: html`<main>
      ${FORM_CSS}
      <div class="banner bad">
        <a class="lang" href="${otherLanguage(language, `${path}?lang=${language}`)}">${t.other}</a
        >${t.formTitle}
      </div>
      <form class="card" method="post" action="${path}?lang=${language}" enctype="multipart/form-data">
        <dl>
          <dt>${t.store}</dt>
          <dd data-testid="store-name">${storeName}</dd>
        </dl>
        <label for="category">${t.category}</label>
        <select id="category" name="category" required>
          ${CATEGORY_CODES.map((c) => html`<option value="${c}">${COMPLAINT_CATEGORIES[c][language]}</option>`)}
        </select>
        <label for="description">${t.description}</label>
        <textarea
          id="description"
          name="description"
          rows="6"
          maxlength="${MAX_DESCRIPTION}"
          required
          placeholder="${t.descriptionHint}"
        ></textarea>
        <label for="photos">${t.photos}</label>
        <input id="photos" name="photos" type="file" accept="image/jpeg,image/png,image/webp" multiple />
        <label for="contactPhone">${t.phone}</label>
        <input id="contactPhone" name="contactPhone" type="tel" inputmode="numeric" maxlength="13" />
        <small>${t.privacy}</small>
        <button type="submit">${t.submit}</button>
      </form>
    </main>`,
  });
}

export function renderSubmitted(options: { trackingPath: string; language: Language }): string {
  const t = TEXT[options.language];
  return page({
    lang: options.language,
    title: t.submittedTitle,
    body: html`<main>
      ${FORM_CSS}
      <div class="banner ok">✔ ${t.submittedTitle}</div>
      <div class="card">
        <p>${t.submitted}</p>
        <p class="link">
          <a data-testid="tracking-link" href="${options.trackingPath}">${options.trackingPath}</a>
        </p>
      </div>
    </main>`,
  });
}

export function renderError(options: { message: string; back: string | null; language: Language }): string {
  const t = TEXT[options.language];
  return page({
    lang: options.language,
    title: t.errorTitle,
    body: html`<main>
      <div class="banner bad">✘ ${t.errorTitle}</div>
      <div class="card">
        <p data-testid="error">${options.message}</p>
        ${options.back ? html`<p><a href="${options.back}">${t.back}</a></p>` : ""}
      </div>
    </main>`,
  });
}

export function renderTracking(options: {
  view: ReturnType<typeof presentTracking>;
  language: Language;
  path: string;
}): string {
  const { view, language } = options;
  const t = TEXT[language];
  const none = t.none;
  return page({
    lang: language,
    title: t.trackTitle,
    body: html`<main>
      <div class="banner ${view.status === "closed" ? "ok" : "warn"}">
        <a class="lang" href="${otherLanguage(language, options.path)}">${t.other}</a>${t.trackTitle}
      </div>
      <div class="card">
        <dl>
          <dt>${t.status}</dt>
          <dd data-testid="status">${t.statuses[view.status]}</dd>
          <dt>${t.category}</dt>
          <dd>${view.categoryName[language]}</dd>
          ${
            view.storeName
              ? html`<dt>${t.store}</dt>
                  <dd>${view.storeName}</dd>`
              : ""
          }
          <dt>${t.created}</dt>
          <dd>${formatTime(view.createdAt, language)}</dd>
          <dt>${t.acknowledged}</dt>
          <dd>${formatTime(view.acknowledgedAt, language) ?? none}</dd>
          <dt>${t.closed}</dt>
          <dd>${formatTime(view.closedAt, language) ?? none}</dd>
          ${
            view.upheld === null
              ? ""
              : html`<dt>${t.upheld}</dt>
                  <dd>${view.upheld ? t.upheldYes : t.upheldNo}</dd>`
          }
        </dl>
      </div>
      ${
        view.reply
          ? html`<div class="card">
              <h2>${t.reply}</h2>
              <p data-testid="reply">${view.reply}</p>
            </div>`
          : ""
      }
    </main>`,
  });
}
