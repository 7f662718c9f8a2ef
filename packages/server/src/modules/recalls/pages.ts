import { chinaDate } from "@shian/domain";
import { html, page } from "../../http/html.js";
import type { Language } from "../../http/language.js";
import type { PublicRecallRow } from "./presenter.js";

const TEXT = {
  "zh-CN": {
    title: "食品召回公示",
    empty: "暂无召回",
    producer: "生产者",
    product: "产品",
    batch: "批次号",
    reason: "召回原因",
    recalledOn: "召回日期",
    status: { open: "召回中", closed: "已结束" } as Record<string, string>,
    closedOn: "结束日期",
    other: "English",
  },
  en: {
    title: "Food recalls",
    empty: "No recalls",
    producer: "Producer",
    product: "Product",
    batch: "Batch",
    reason: "Reason",
    recalledOn: "Recalled",
    status: { open: "Open", closed: "Closed" } as Record<string, string>,
    closedOn: "Closed",
    other: "中文",
  },
} as const;

/** GET /recalls: the public list of recalls, open and closed, newest first. No script, no personal data. */
export function renderRecallsPage(rows: PublicRecallRow[], language: Language): string {
  const t = TEXT[language];
  return page({
    lang: language,
    title: t.title,
    body: html`<main>
      <a href="/recalls?lang=${language === "en" ? "zh-CN" : "en"}" style="float:right;color:#1677ff"
        >${t.other}</a
      >
      <h1 style="font-size:20px">${t.title}</h1>
      ${rows.length === 0 ? html`<p>${t.empty}</p>` : ""}
      ${rows.map(
        (row) =>
          html`<section class="card">
            <h2>
              ${row.product} · ${row.batchNumber}
              <small class="${row.recall.status === "open" ? "fail" : ""}"
                >${t.status[row.recall.status] ?? row.recall.status}</small
              >
            </h2>
            <dl>
              <dt>${t.producer}</dt>
              <dd>${row.businessName}（${row.storeName}）</dd>
              <dt>${t.reason}</dt>
              <dd>${row.recall.reason}</dd>
              <dt>${t.recalledOn}</dt>
              <dd>${chinaDate(row.recall.createdAt)}</dd>
              ${
                row.recall.closedAt
                  ? html`<dt>${t.closedOn}</dt>
                      <dd>${chinaDate(row.recall.closedAt)}</dd>`
                  : ""
              }
            </dl>
          </section>`,
      )}
    </main>`,
  });
}
