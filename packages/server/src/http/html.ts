/** Server-rendered pages: a tagged template that escapes every interpolated value unless it is already Html. */
export class Html {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

type Value = Html | string | number | null | undefined | false | readonly Value[];

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  return new Html(
    strings.reduce((out, part, i) => out + part + (i < values.length ? render(values[i]!) : ""), ""),
  );
}

/** Trusted markup (e.g. an SVG we rendered ourselves). */
export function raw(markup: string): Html {
  return new Html(markup);
}

/** A whole page: small, no scripts, readable on a phone. */
export function page(options: {
  lang: string;
  title: string;
  body: Html;
  refreshSeconds?: number;
  className?: string;
}): string {
  return html`<!doctype html>
    <html lang="${options.lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        ${options.refreshSeconds ? html`<meta http-equiv="refresh" content="${options.refreshSeconds}" />` : ""}
        <title>${options.title}</title>
        <style>
          ${raw(PAGE_CSS)}
        </style>
      </head>
      <body class="${options.className ?? ""}">
        ${options.body}
      </body>
    </html>`.value;
}

const PAGE_CSS = `
body{margin:0;font-family:"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#1f1f1f;background:#f5f5f5}
main{max-width:640px;margin:0 auto;padding:16px}
.banner{padding:20px 16px;color:#fff;font-size:22px;font-weight:600;border-radius:8px}
.ok{background:#389e0d}.bad{background:#cf1322}.warn{background:#d48806}
.card{background:#fff;border-radius:8px;padding:16px;margin-top:12px}
dl{display:grid;grid-template-columns:7.5em 1fr;gap:6px 12px;margin:0}dt{color:#595959}dd{margin:0}
h2{font-size:17px;margin:0 0 10px}small{color:#8c8c8c}.lang{float:right;color:#fff}
.frame main{max-width:none;font-size:1.6vw}.frame .qr svg{width:18vw;height:18vw}
.qr{text-align:center}.qr svg{width:180px;height:180px}
`;
