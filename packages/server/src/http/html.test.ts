import { describe, expect, it } from "vitest";
import { html, raw } from "./html.js";

describe("html templates", () => {
  it("escapes interpolated text (no HTML injection from business names)", () => {
    expect(html`<p>${'<script>alert("x")</script>'}</p>`.value).toBe(
      "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>",
    );
  });
  it("keeps trusted markup and nested templates", () => {
    expect(html`<div>${raw("<svg/>")}${html`<b>${"a&b"}</b>`}</div>`.value).toBe(
      "<div><svg/><b>a&amp;b</b></div>",
    );
  });
});
