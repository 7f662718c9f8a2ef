import { chinaDate } from "@shian/domain";
import { html, page, type Html } from "../../http/html.js";
import type { Language } from "../../http/language.js";
import type { TraceView } from "./view.js";

const TEXT = {
  "zh-CN": {
    title: "食品溯源",
    genuine: "正品溯源码 · 设备签名核验通过",
    notGenuine: "非正品溯源码",
    notGenuineBody:
      "该溯源码的签名无法核验（设备未登记、已停用或内容被改动），不能证明商品来源。请向商家索要正规凭证，或拨打 12315 举报。",
    offline: "该溯源码由设备离线打印，尚未上传；以下信息来自设备签名。",
    sale: "本次购买",
    store: "门店",
    address: "地址",
    product: "商品",
    weight: "重量",
    grams: (g: number) => `${g} 克`,
    soldAt: "时间",
    device: "计量设备",
    devices: { scale: "电子秤", till: "收银机" } as Record<string, string>,
    batch: "生产批次",
    batchNumber: "批次号",
    producedAt: "生产时间",
    noBatch: "商家尚未登记该批次",
    materials: "原料及供应商",
    material: "原料",
    supplier: "供应商",
    licence: "许可证（实时核验）",
    expiresOn: "保质期至",
    expired: "已过期",
    noLicence: "未登记许可证",
    statuses: {
      valid: "有效",
      expired: "已过期",
      suspended: "已暂停",
      revoked: "已撤销",
      cancelled: "已注销",
      superseded: "已换发",
      unknown: "查无此证",
    } as Record<string, string>,
    rapidTests: "快检结果",
    noRapidTests: "暂无快检记录",
    results: { pass: "合格", fail: "不合格" } as Record<string, string>,
    commitment: "食品安全承诺书",
    signedAt: "签署时间",
    colour: "食安码",
    colours: { green: "绿码", yellow: "黄码", red: "红码" } as Record<string, string>,
    redAlert: "存在未办结的红色预警",
    scanPage: "查看门店食安码",
    complain: "消费举报投诉",
    recall: "召回",
    recallOpen: (date: string) => `该批次已于 ${date} 召回，请停止食用并联系商家退换`,
    recallClosed: (date: string, closed: string) => `该批次曾于 ${date} 召回，召回已于 ${closed} 结束`,
    recallReason: "原因",
    recallList: "查看召回公示",
    other: "English",
  },
  en: {
    title: "Food traceability",
    genuine: "Genuine trace code · device signature verified",
    notGenuine: "Not a genuine trace code",
    notGenuineBody:
      "This code's signature does not verify (unknown or revoked device, or altered content): it proves nothing about the product. Ask the seller for a proper receipt, or call 12315.",
    offline: "Printed offline by the device and not uploaded yet; the details below come from its signature.",
    sale: "This purchase",
    store: "Store",
    address: "Address",
    product: "Product",
    weight: "Weight",
    grams: (g: number) => `${g} g`,
    soldAt: "Time",
    device: "Device",
    devices: { scale: "Scale", till: "Till" } as Record<string, string>,
    batch: "Production batch",
    batchNumber: "Batch",
    producedAt: "Produced",
    noBatch: "The business has not recorded this batch yet",
    materials: "Raw materials and suppliers",
    material: "Material",
    supplier: "Supplier",
    licence: "Licence (checked now)",
    expiresOn: "Use by",
    expired: "expired",
    noLicence: "no licence given",
    statuses: {
      valid: "Valid",
      expired: "Expired",
      suspended: "Suspended",
      revoked: "Revoked",
      cancelled: "Cancelled",
      superseded: "Superseded",
      unknown: "Not found",
    } as Record<string, string>,
    rapidTests: "Rapid tests",
    noRapidTests: "No rapid tests recorded",
    results: { pass: "Pass", fail: "Fail" } as Record<string, string>,
    commitment: "Food safety commitment",
    signedAt: "Signed",
    colour: "Food safety code",
    colours: { green: "Green", yellow: "Yellow", red: "Red" } as Record<string, string>,
    redAlert: "open red alert",
    scanPage: "See the store's food safety code",
    complain: "Complain",
    recall: "Recall",
    recallOpen: (date: string) =>
      `This batch was recalled on ${date}: do not eat it; return it to the seller`,
    recallClosed: (date: string, closed: string) =>
      `This batch was recalled on ${date}; the recall was closed on ${closed}`,
    recallReason: "Reason",
    recallList: "See all recalls",
    other: "中文",
  },
} as const;

const STYLE = html`<style>
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
    vertical-align: top;
  }
  .pass {
    color: #389e0d;
  }
  .fail {
    color: #cf1322;
    font-weight: 600;
  }
  .dot {
    display: inline-block;
    width: 12px;
    height: 12px;
    border-radius: 6px;
    margin-right: 6px;
  }
  .green {
    background: #389e0d;
  }
  .yellow {
    background: #d48806;
  }
  .red {
    background: #cf1322;
  }
  a.btn {
    display: inline-block;
    padding: 8px 16px;
    border-radius: 6px;
    background: #cf1322;
    color: #fff;
    text-decoration: none;
  }
</style>`;

/** Beijing time, minute precision: "2025-05-01 10:42". */
function beijingTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
}

const GOOD_LICENCE = new Set(["valid"]);

function batchCard(view: TraceView, t: (typeof TEXT)[Language]): Html {
  const batch = view.batch;
  if (!batch) {
    return html`<section class="card">
      <h2>${t.batch}</h2>
      ${view.batchNumber ? html`<p>${t.batchNumber} ${view.batchNumber}</p>` : ""}
      <p><small>${t.noBatch}</small></p>
    </section>`;
  }
  return html`<section class="card">
      <h2>${t.batch}</h2>
      <dl>
        <dt>${t.batchNumber}</dt>
        <dd>${batch.batchNumber}</dd>
        <dt>${t.product}</dt>
        <dd>${batch.product}</dd>
        <dt>${t.producedAt}</dt>
        <dd>${beijingTime(batch.producedAt)}</dd>
      </dl>
    </section>
    <section class="card">
      <h2>${t.materials}</h2>
      <table>
        <tr>
          <th>${t.material}</th>
          <th>${t.supplier}</th>
          <th>${t.licence}</th>
        </tr>
        ${batch.materials.map(
          (m) =>
            html`<tr>
              <td>
                ${m.name}
                ${
                  m.expiresOn
                    ? html`<br /><small>${t.expiresOn} ${m.expiresOn}</small
                        >${m.expired ? html` <b class="fail">${t.expired}</b>` : ""}`
                    : ""
                }
              </td>
              <td>${m.supplierName}</td>
              <td>
                ${
                  m.supplierLicenceNumber
                    ? html`${m.supplierLicenceNumber}<br /><span
                          class="${GOOD_LICENCE.has(m.licenceStatusNow ?? "") ? "pass" : "fail"}"
                          >${t.statuses[m.licenceStatusNow ?? "unknown"] ?? m.licenceStatusNow}</span
                        >`
                    : html`<small>${t.noLicence}</small>`
                }
              </td>
            </tr>`,
        )}
      </table>
    </section>
    <section class="card">
      <h2>${t.rapidTests}</h2>
      ${
        batch.rapidTests.length === 0
          ? html`<p><small>${t.noRapidTests}</small></p>`
          : html`<table>
              ${batch.rapidTests.map(
                (r) =>
                  html`<tr>
                    <td>${r.item}</td>
                    <td class="${r.result}">
                      ${t.results[r.result] ?? r.result}${r.value ? ` (${r.value})` : ""}
                    </td>
                    <td><small>${chinaDate(r.testedAt)}</small></td>
                  </tr>`,
              )}
            </table>`
      }
    </section>`;
}

/** — step 11: recalls — 召回 banner: red while open, grey once an officer closed the recall. */
function recallBanner(view: TraceView, language: Language): Html {
  const t = TEXT[language];
  const recall = view.recall;
  if (!recall) return html``;
  const open = recall.status === "open";
  return html`<div
    class="banner ${open ? "bad" : ""}"
    data-recall="${recall.status}"
    style="${open ? "" : "background:#8c8c8c"}"
  >
    ${t.recall} ·
    ${open ? t.recallOpen(recall.recalledOn) : t.recallClosed(recall.recalledOn, recall.closedOn ?? "")}
    <div style="font-size:15px;font-weight:400">${t.recallReason}：${recall.reason}</div>
    <div style="font-size:13px;font-weight:400">
      <a href="/recalls" style="color:#fff">${t.recallList}</a>
    </div>
  </div>`;
}

function commitmentCard(view: TraceView, language: Language): Html {
  const t = TEXT[language];
  if (!view.commitment) return html``;
  const key = language === "en" ? "en" : "zh";
  return html`<section class="card">
    <h2>${t.commitment}</h2>
    <ol>
      ${view.commitment.items.map((item) => html`<li>${item.text[key]}</li>`)}
    </ol>
    <p><small>${t.signedAt} ${chinaDate(view.commitment.signedAt)}</small></p>
  </section>`;
}

/** GET /t/{token}: what a phone shows after scanning the code on a receipt or label. No script. */
export function renderTracePage(token: string, view: TraceView, language: Language): string {
  const t = TEXT[language];
  const { store } = view;
  return page({
    lang: language,
    title: `${view.product} — ${t.title}`,
    body: html`${STYLE}
      <main>
        <a href="/t/${token}?lang=${language === "en" ? "zh-CN" : "en"}" style="float:right;color:#1677ff"
          >${t.other}</a
        >
        <h1 style="font-size:20px">${t.title}</h1>
        ${recallBanner(view, language)}
        <div class="banner ok">${t.genuine}</div>
        ${view.uploaded ? "" : html`<p><small>${t.offline}</small></p>`}
        <section class="card">
          <h2>${t.sale}</h2>
          <dl>
            <dt>${t.store}</dt>
            <dd>${store.name}</dd>
            <dt>${t.address}</dt>
            <dd>${store.addressMasked}</dd>
            <dt>${t.colour}</dt>
            <dd>
              ${
                store.colour
                  ? html`<span class="dot ${store.colour}"></span
                      >${t.colours[store.colour]}${store.colourReason === "red_alert" ? `（${t.redAlert}）` : ""}`
                  : "—"
              }
            </dd>
            <dt>${t.product}</dt>
            <dd>${view.product}</dd>
            <dt>${t.weight}</dt>
            <dd>${t.grams(view.weightGrams)}</dd>
            <dt>${t.soldAt}</dt>
            <dd>${beijingTime(view.soldAt)}</dd>
            <dt>${t.device}</dt>
            <dd>
              ${t.devices[view.device.kind] ?? view.device.kind} · ${view.device.name} · #${view.serial}
            </dd>
          </dl>
        </section>
        ${batchCard(view, t)} ${commitmentCard(view, language)}
        ${
          store.safetyCode
            ? html`<p style="text-align:center">
                  <a href="/s/${store.safetyCode}">${t.scanPage}</a>
                </p>
                <p style="text-align:center">
                  <a class="btn" href="/s/${store.safetyCode}/complaint">${t.complain}</a>
                </p>`
            : ""
        }
      </main>`,
  });
}

export function renderNotGenuinePage(language: Language): string {
  const t = TEXT[language];
  return page({
    lang: language,
    title: t.notGenuine,
    body: html`<main>
      <div class="banner bad">${t.notGenuine}</div>
      <section class="card"><p>${t.notGenuineBody}</p></section>
    </main>`,
  });
}
