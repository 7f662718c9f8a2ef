import { html, page, raw, type Html } from "../../http/html.js";
import { PUBLIC_LABELS } from "../../http/public-labels.js";
import type { Language } from "../../http/language.js";
import type { SafetyColour } from "../../config.js";
import { commitmentCard } from "../safety-code/pages.js";
import type { ScreenView } from "./service.js";

/** Seconds between reloads of the screen (a meta refresh: the display runs no script). */
export const SCREEN_REFRESH_SECONDS = 60;

const TEXT = {
  "zh-CN": {
    title: "阳光电子屏",
    colours: PUBLIC_LABELS["zh-CN"].colours,
    redAlert: "存在未办结的红色预警，监管部门正在处置",
    grade: (grade: string) => `信用等级 ${grade}`,
    licence: "许可证",
    noLicence: "无有效许可证",
    validTo: "有效期至",
    kitchen: "后厨实时画面",
    noFeed: "暂未接入后厨视频",
    unsupported: "本浏览器不能直接播放 HLS 视频，请在支持的设备上打开：",
    rapidTests: (day: string) => `今日快检结果（${day}）`,
    noRapidTests: "今日暂无快检记录",
    results: { pass: "合格", fail: "不合格" },
    health: "从业人员健康证",
    validCount: (valid: number, total: number) => `有效 ${valid} 份 / 共 ${total} 份`,
    scan: "扫码查看食安码详情、评价与投诉",
  },
  en: {
    title: "Sunshine screen",
    colours: PUBLIC_LABELS.en.colours,
    redAlert: "An open red alert: the bureau is dealing with it",
    grade: (grade: string) => `Grade ${grade}`,
    licence: "Licence",
    noLicence: "No valid licence",
    validTo: "valid to",
    kitchen: "Kitchen live",
    noFeed: "No kitchen video connected",
    unsupported: "This browser cannot play HLS video directly; open it on a device that can:",
    rapidTests: (day: string) => `Today's rapid tests (${day})`,
    noRapidTests: "No rapid tests today",
    results: { pass: "Pass", fail: "Fail" },
    health: "Staff health certificates",
    validCount: (valid: number, total: number) => `${valid} valid of ${total}`,
    scan: "Scan for the full record, ratings and complaints",
  },
} as const;

const BANNER_CLASS: Record<SafetyColour, string> = { green: "ok", yellow: "warn", red: "bad" };

// 16:9 display: sizes in vw/vh so the same page fills a 1080p or 4K screen without scrolling.
const SCREEN_STYLE = html`<style>
  body.screen {
    background: #0b1d33;
    color: #fff;
    overflow: hidden;
  }
  .screen main {
    max-width: none;
    height: 100vh;
    box-sizing: border-box;
    padding: 1.5vw;
    display: grid;
    grid-template-columns: 58fr 42fr;
    grid-template-rows: auto 1fr;
    gap: 1.2vw;
    font-size: 1.5vw;
  }
  .screen header {
    grid-column: 1 / 3;
    display: flex;
    align-items: center;
    gap: 1.5vw;
  }
  .screen h1 {
    font-size: 3.2vw;
    margin: 0;
    flex: 1;
  }
  .screen .banner {
    font-size: 2vw;
    padding: 0.8vw 1.5vw;
  }
  .screen .card {
    background: #13294b;
    color: #fff;
    margin: 0 0 1vw;
    padding: 1vw 1.2vw;
  }
  .screen h2 {
    font-size: 1.8vw;
    margin: 0 0 0.6vw;
  }
  .screen video {
    width: 100%;
    aspect-ratio: 16 / 9;
    background: #000;
    border-radius: 8px;
  }
  .screen table {
    width: 100%;
    border-collapse: collapse;
  }
  .screen td {
    padding: 0.3vw 0.4vw;
    border-bottom: 1px solid #2b4470;
  }
  .screen .fail {
    color: #ff7875;
    font-weight: 600;
  }
  .screen ol {
    margin: 0;
    padding-left: 1.6em;
    font-size: 1.3vw;
  }
  .screen small {
    color: #a6b8d4;
  }
  .screen .qr {
    display: flex;
    align-items: center;
    gap: 1vw;
  }
  .screen .qr svg {
    width: 11vw;
    height: 11vw;
  }
  .screen .url {
    word-break: break-all;
  }
</style>`;

function kitchenCard(view: ScreenView, language: Language): Html {
  const t = TEXT[language];
  if (!view.feed) {
    return html`<section class="card">
      <h2>${t.kitchen}</h2>
      <p>${t.noFeed}</p>
    </section>`;
  }
  // Native HLS: Safari, iOS, Android and most TV browsers; a desktop browser without it shows the fallback.
  return html`<section class="card">
    <h2>${t.kitchen} · ${view.feed.name}</h2>
    <video src="${view.feed.hlsUrl}" autoplay muted playsinline loop>
      <p>${t.unsupported} <span class="url">${view.feed.hlsUrl}</span></p>
    </video>
    <p><small class="url">${view.feed.hlsUrl}</small></p>
  </section>`;
}

function rapidTestCard(view: ScreenView, language: Language): Html {
  const t = TEXT[language];
  return html`<section class="card">
    <h2>${t.rapidTests(view.today)}</h2>
    ${
      view.rapidTests.length === 0
        ? html`<p><small>${t.noRapidTests}</small></p>`
        : html`<table>
            ${view.rapidTests.map(
              (row) =>
                html`<tr>
                  <td>${row.item}</td>
                  <td>${row.value ?? ""}</td>
                  <td class="${row.result}">${t.results[row.result]}</td>
                  <td>
                    <small
                      >${row.testedAt.toLocaleTimeString("zh-CN", {
                        timeZone: "Asia/Shanghai",
                        hour: "2-digit",
                        minute: "2-digit",
                      })}</small
                    >
                  </td>
                </tr>`,
            )}
          </table>`
    }
  </section>`;
}

function licenceCard(view: ScreenView, language: Language): Html {
  const t = TEXT[language];
  const licence = view.scan.licence;
  return html`<section class="card">
    <h2>${t.licence}</h2>
    ${licence ? html`<p>${licence.number} · ${t.validTo} ${licence.validTo}</p>` : html`<p>${t.noLicence}</p>`}
  </section>`;
}

function healthCard(view: ScreenView, language: Language): Html {
  const t = TEXT[language];
  const all = view.scan.healthCertificates;
  const valid = all.filter((row) => !row.expired);
  return html`<section class="card">
    <h2>${t.health}</h2>
    <p>${t.validCount(valid.length, all.length)}</p>
    ${valid.length ? html`<p><small>${valid.map((row) => row.nameMasked).join("、")}</small></p>` : ""}
  </section>`;
}

/** GET /screen/{code}: the stall's or store's 阳光电子屏 on a 16:9 display; reloads itself, no script. */
export function renderScreenPage(view: ScreenView, qrSvg: string, language: Language): string {
  const t = TEXT[language];
  const { scan } = view;
  return page({
    lang: language,
    title: `${scan.name} — ${t.title}`,
    refreshSeconds: SCREEN_REFRESH_SECONDS,
    className: "screen",
    body: html`${SCREEN_STYLE}
      <main>
        <header>
          <h1>${scan.name}</h1>
          <div class="banner ${BANNER_CLASS[scan.colour]}">
            ${t.colours[scan.colour]}${scan.grade ? ` · ${t.grade(scan.grade.grade)}` : ""}
          </div>
        </header>
        <div>
          ${scan.colourReason === "red_alert" ? html`<div class="banner bad">${t.redAlert}</div>` : ""}
          ${kitchenCard(view, language)} ${rapidTestCard(view, language)}
        </div>
        <div>
          ${licenceCard(view, language)} ${commitmentCard(view.scan, language)} ${healthCard(view, language)}
          <section class="card qr">
            ${raw(qrSvg)}
            <p>${t.scan}<br /><small>${scan.code}</small></p>
          </section>
        </div>
      </main>`,
  });
}
