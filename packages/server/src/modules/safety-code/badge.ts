import { createHash } from "node:crypto";
import { chinaDate } from "@shian/domain";
import type { Queryable } from "../../db/client.js";
import type { SafetyColour } from "../../config.js";
import { scanPageCache, type RenderedPage } from "./cache.js";
import { safetyColour } from "./colour.js";
import * as repo from "./repository.js";
import type { SafetyCodeDeps } from "./service.js";

// The embeddable 食安码 badge (step 11; after the UK FSA's auto-updating digital rating badge): an SVG with the
// store's colour, grade, the date of the grade, the 食安码 mark and the store's name, and a script tag that shows
// it with a link to the scan page (docs/badge.md).

export interface BadgeView {
  storeId: string;
  name: string;
  colour: SafetyColour;
  grade: { grade: string; gradedOn: string } | null;
}

/** What the badge shows, read fresh: the colour by the scan page's rule (colour.ts), the current grade. */
export async function loadBadgeView(
  db: Queryable,
  deps: Pick<SafetyCodeDeps, "defaultColour">,
  code: string,
  today = chinaDate(new Date()),
): Promise<BadgeView | null> {
  const store = await repo.findStoreByCode(db, code);
  if (!store) return null;
  const [valid, redAlert, grade] = await Promise.all([
    repo.hasValidLicence(db, store.storeId, today),
    repo.hasOpenRedAlert(db, store.storeId),
    repo.findGrade(db, store.storeId),
  ]);
  const { colour } = safetyColour({
    hasValidLicence: valid,
    openRedAlert: redAlert,
    grade: grade ? { colour: grade.colour } : null,
    defaultColour: deps.defaultColour,
  });
  return {
    storeId: store.storeId,
    name: store.name,
    colour,
    grade: grade ? { grade: grade.grade, gradedOn: grade.gradedOn } : null,
  };
}

const COLOURS: Record<SafetyColour, { fill: string; ink: string; zh: string }> = {
  green: { fill: "#1a7f37", ink: "#ffffff", zh: "绿码" },
  yellow: { fill: "#f2c94c", ink: "#1f2328", zh: "黄码" },
  red: { fill: "#cf222e", ink: "#ffffff", zh: "红码" },
};

const NAME_MAX = 14;

/** Text for XML character data and attribute values: the five predefined entities, control characters dropped. */
export function escapeXml(text: string): string {
  return Array.from(text)
    .filter((character) => isXmlCharacter(character.codePointAt(0)!))
    .join("")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** XML 1.0 Char: tab, newline, carriage return and everything from U+0020 but lone surrogates, U+FFFE and U+FFFF. */
function isXmlCharacter(code: number): boolean {
  if (code === 0x9 || code === 0xa || code === 0xd) return true;
  return code >= 0x20 && (code < 0xd800 || code > 0xdfff) && code !== 0xfffe && code !== 0xffff;
}

function shorten(name: string): string {
  const characters = Array.from(name);
  return characters.length <= NAME_MAX ? name : `${characters.slice(0, NAME_MAX - 1).join("")}…`;
}

/**
 * The badge, 240 × 64: a block in the store's colour with the 食安码 mark and the grade, then the name, the
 * colour in words and the date of the grade. Presentation attributes only: no style, no script, no links.
 */
export function renderBadgeSvg(view: BadgeView): string {
  const colour = COLOURS[view.colour];
  const name = escapeXml(shorten(view.name));
  const grade = view.grade ? escapeXml(view.grade.grade) : "—";
  const status = view.grade ? `${colour.zh} · 等级 ${grade}` : `${colour.zh} · 尚未评级`;
  const date = view.grade ? `评定日期 ${escapeXml(view.grade.gradedOn)}` : "";
  const label = `食安码 ${status}${date ? ` ${date}` : ""} ${escapeXml(view.name)}`;
  const font = `font-family="'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif"`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="64" viewBox="0 0 240 64" role="img" aria-label="${label}" data-colour="${view.colour}">
<title>${label}</title>
<rect x="1" y="1" width="238" height="62" rx="8" fill="#ffffff" stroke="${colour.fill}" stroke-width="2"/>
<rect x="1" y="1" width="66" height="62" rx="8" fill="${colour.fill}"/>
<text x="34" y="24" text-anchor="middle" ${font} font-size="13" fill="${colour.ink}">食安码</text>
<text x="34" y="51" text-anchor="middle" ${font} font-size="22" font-weight="bold" fill="${colour.ink}">${grade}</text>
<text x="76" y="22" ${font} font-size="14" font-weight="bold" fill="#1f2328">${name}</text>
<text x="76" y="40" ${font} font-size="12" fill="#1f2328">${status}</text>
<text x="76" y="56" ${font} font-size="11" fill="#57606a">${date}</text>
</svg>
`;
}

/**
 * The badge of a code, from the scan pages' cache (same store group: every change that drops a store's scan
 * page — grading, licence status, alerts — drops its badge too) or rendered and cached. Null for an unknown code.
 */
export async function badgeSvg(
  db: Queryable,
  deps: Pick<SafetyCodeDeps, "defaultColour">,
  code: string,
  now = Date.now(),
): Promise<RenderedPage | null> {
  const key = `badge|${code}`;
  const cached = scanPageCache.get(key);
  if (cached) return cached;
  const readAt = scanPageCache.generation;
  const view = await loadBadgeView(db, deps, code, chinaDate(new Date(now)));
  if (!view) return null;
  const body = Buffer.from(renderBadgeSvg(view));
  const rendered = {
    body,
    etag: `"${createHash("sha1").update(body).digest("base64url")}"`,
    renderedAt: now,
  };
  scanPageCache.set(key, rendered, view.storeId, readAt);
  return rendered;
}

/**
 * The embed script: each `<script src=".../badge.js" data-code="…">` gets, right after itself, a link to the
 * scan page holding the badge image. Plain ES5, no globals, nothing read from the page but its own tag.
 */
export function badgeScript(publicBaseUrl: string): string {
  return `/* 食安码 badge: <script src="${publicBaseUrl}/badge.js" data-code="…" async></script> */
(function () {
  "use strict";
  var base = ${JSON.stringify(publicBaseUrl).replace(/</g, "\\u003c")};
  var pattern = /^[0-9A-Za-z-]{10,14}$/;
  function render(script) {
    if (!script || script.getAttribute("data-shian-badge") === "done") return;
    var code = script.getAttribute("data-code") || "";
    if (!pattern.test(code) || !script.parentNode) return;
    script.setAttribute("data-shian-badge", "done");
    var link = document.createElement("a");
    link.href = base + "/s/" + encodeURIComponent(code);
    link.target = "_blank";
    link.rel = "noopener";
    var img = document.createElement("img");
    img.src = base + "/badge/" + encodeURIComponent(code) + ".svg";
    img.alt = "食安码";
    img.width = 240;
    img.height = 64;
    link.appendChild(img);
    script.parentNode.insertBefore(link, script.nextSibling);
  }
  render(document.currentScript);
  var scripts = document.querySelectorAll("script[data-code]");
  for (var i = 0; i < scripts.length; i++) {
    if (/\\/badge\\.js(\\?|#|$)/.test(scripts[i].src || "")) render(scripts[i]);
  }
})();
`;
}
