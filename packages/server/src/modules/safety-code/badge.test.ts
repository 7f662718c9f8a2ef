import vm from "node:vm";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeGrades, stores } from "../../db/schema.js";
import { licensedStore, type TestStore } from "../../test/grading-fixtures.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { invalidateStore } from "./cache.js";
import { safetyCodeOfStore } from "./service.js";

// Step 11: the embeddable 食安码 badge (after the UK FSA's auto-updating digital rating badge).
const BASE = "https://shian.example.gov.cn";
const HOSTILE_NAME = `<script>alert(1)</script>&"老王's\u0007 面馆`;
let t: TestApp;
let store: TestStore;
let code: string;

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_BASE_URL: BASE, BADGE_CACHE_SECONDS: "120" });
  store = await licensedStore(t.database.db);
  await t.database.db.update(stores).set({ name: HOSTILE_NAME }).where(eq(stores.id, store.storeId));
  invalidateStore(store.storeId);
  code = (await safetyCodeOfStore(t.database.db, store.storeId))!;
});
afterAll(() => t.close());

const badge = (headers: Record<string, string> = {}) => t.app.inject({ url: `/badge/${code}.svg`, headers });

/** Grading writes the grade and drops the store's public pages (credit/grading.ts does both). */
async function grade(grade: string, colour: "green" | "yellow" | "red", gradedOn: string) {
  await t.database.db
    .insert(storeGrades)
    .values({ storeId: store.storeId, grade, colour, gradedOn, model: "test" })
    .onConflictDoUpdate({ target: storeGrades.storeId, set: { grade, colour, gradedOn } });
  invalidateStore(store.storeId);
}

/** The colour of the badge's left block, rendered by librsvg (which also proves the SVG is well-formed XML). */
async function renderedColour(svg: Buffer): Promise<[number, number, number]> {
  const { data } = await sharp(svg).raw().toBuffer({ resolveWithObject: true });
  const at = (10 * 240 + 10) * 4; // pixel (10, 10), RGBA
  return [data[at]!, data[at + 1]!, data[at + 2]!];
}

describe("GET /badge/{safetyCode}.svg", () => {
  it("is an SVG of the current colour with the 食安码 mark and the store's name escaped (ASVS 5.3.3)", async () => {
    const response = await badge();
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("image/svg+xml; charset=utf-8");
    const svg = response.body;
    expect(svg).toContain('data-colour="green"');
    expect(svg).toContain("食安码");
    expect(svg).toContain("尚未评级");
    expect(svg).toContain("&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;老王&apos;s");
    expect(svg).not.toMatch(/<script|on[a-z]+=|href=/i);
    expect(await renderedColour(response.rawPayload)).toEqual([0x1a, 0x7f, 0x37]);
  });

  it("headers: nosniff, a CSP without scripts, embeddable cross-origin, cacheable for BADGE_CACHE_SECONDS with an ETag (ASVS 14.4)", async () => {
    const response = await badge();
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    const csp = String(response.headers["content-security-policy"]).split(/;\s*/);
    expect(csp).toEqual(expect.arrayContaining(["default-src 'none'", "sandbox"]));
    expect(csp.filter((directive) => directive.startsWith("script-src"))).toEqual([]);
    expect(response.headers["cross-origin-resource-policy"]).toBe("cross-origin");
    expect(response.headers["cache-control"]).toBe("public, max-age=120");
    expect(Number(response.headers.age)).toBeLessThanOrEqual(120);
    const etag = String(response.headers.etag);
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await badge({ "if-none-match": etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
  });

  it("never stale beyond its cache time: a new grade or colour shows on the next request", async () => {
    const before = await badge();
    await grade("B", "yellow", "2026-11-20");
    const yellow = await badge();
    expect(yellow.headers.etag).not.toBe(before.headers.etag);
    expect(yellow.body).toContain('data-colour="yellow"');
    expect(yellow.body).toContain("黄码 · 等级 B");
    expect(yellow.body).toContain("评定日期 2026-11-20");
    expect(await renderedColour(yellow.rawPayload)).toEqual([0xf2, 0xc9, 0x4c]);
    await grade("C", "red", "2026-12-01");
    const red = await badge({ "if-none-match": String(yellow.headers.etag) });
    expect(red.statusCode).toBe(200);
    expect(red.body).toContain('data-colour="red"');
    expect(red.body).toContain("等级 C");
    expect(red.body).toContain("评定日期 2026-12-01");
  });

  it("an unknown or malformed code is a 404 problem, not an SVG", async () => {
    for (const url of ["/badge/0000000000.svg", "/badge/not-a-code!.svg"]) {
      const response = await t.app.inject({ url });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers["content-type"]).toContain("application/problem+json");
      expect(response.json()).toMatchObject({ type: "urn:shian:problem:not_found" });
    }
  });
});

describe("GET /badge.js", () => {
  it("renders <a href=/s/{code}><img src=/badge/{code}.svg></a> right after its own script tag", async () => {
    const response = await t.app.inject({ url: "/badge.js" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(response.headers["cross-origin-resource-policy"]).toBe("cross-origin");
    // A page with the snippet, as a minimal DOM: just what the script touches.
    const inserted: Element[] = [];
    const element = (tag: string) => {
      const node: Record<string, unknown> & { children: unknown[]; attributes: Record<string, string> } = {
        tagName: tag.toUpperCase(),
        children: [],
        attributes: {},
        appendChild(child: unknown) {
          node.children.push(child);
        },
      };
      return node;
    };
    const script = {
      src: `${BASE}/badge.js`,
      attributes: { "data-code": code } as Record<string, string>,
      getAttribute(name: string) {
        return this.attributes[name] ?? null;
      },
      setAttribute(name: string, value: string) {
        this.attributes[name] = value;
      },
      nextSibling: null,
      parentNode: {
        insertBefore(node: Element, before: unknown) {
          expect(before).toBeNull();
          inserted.push(node);
        },
      },
    };
    const document = {
      currentScript: script,
      createElement: element,
      querySelectorAll: () => [script],
    };
    vm.runInNewContext(response.body, { document, encodeURIComponent });
    expect(inserted).toHaveLength(1); // once, although both currentScript and the query find the tag
    const link = inserted[0] as unknown as { href: string; children: { tagName: string; src: string }[] };
    expect(link.href).toBe(`${BASE}/s/${code}`);
    expect(link.children[0]).toMatchObject({ tagName: "IMG", src: `${BASE}/badge/${code}.svg` });
  });
});
