import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { describe, expect, it } from "vitest";
import { findMissingCharacters, MissingGlyphError, subsetFont } from "./fonts.js";

// 𪚥 (U+2A6A5, CJK Ext. B): a real character that Noto Sans SC does not draw.
const MISSING = "𪚥";
// 喆 and 㐂 (CJK Ext. A) appear in business and personal names and must print.
const RARE = "喆㐂";

describe("certificate fonts", () => {
  it("has no glyph for the test's missing character (checked on the font file itself)", () => {
    const fonts = join(dirname(createRequire(import.meta.url).resolve("@embedpdf/fonts-sc")), "..", "fonts");
    const font = fontkit.create(readFileSync(join(fonts, "NotoSansHans-Regular.otf")));
    expect(font.hasGlyphForCodePoint(MISSING.codePointAt(0)!)).toBe(false);
    expect(font.hasGlyphForCodePoint(RARE.codePointAt(0)!)).toBe(true);
  });

  it("subsets to exactly the characters of the text, rare ones included", async () => {
    const subset = fontkit.create(await subsetFont(`陈${RARE}餐饮 JY1`));
    for (const c of `陈${RARE}餐饮JY1`) expect(subset.hasGlyphForCodePoint(c.codePointAt(0)!)).toBe(true);
    expect(subset.hasGlyphForCodePoint("鸿".codePointAt(0)!)).toBe(false);
    expect(subset.numGlyphs).toBeLessThan(20);
  });

  it("subsets the bold weight too", async () => {
    const subset = fontkit.create(await subsetFont("食品经营许可证", "bold"));
    expect(subset.postscriptName).toMatch(/Bold/);
  });

  it("names every character it cannot draw instead of printing a box", async () => {
    expect(await findMissingCharacters(`张${MISSING}餐饮${MISSING}\u{E000}`)).toEqual([MISSING, "\u{E000}"]);
    const error = await subsetFont(`鸿福${MISSING}餐饮`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingGlyphError);
    expect((error as MissingGlyphError).characters).toEqual([MISSING]);
    expect((error as Error).message).toContain(`"${MISSING}" (U+2A6A5)`);
  });
});
