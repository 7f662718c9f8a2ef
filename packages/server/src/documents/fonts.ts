import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import fontkit from "@pdf-lib/fontkit";
import type { Font } from "@pdf-lib/fontkit";
import subset from "subset-font";

export type FontWeight = "regular" | "bold";

// Noto Sans Hans (SIL OFL) from @embedpdf/fonts-sc, which exports file names only: resolve its folder.
const FONT_DIR = join(dirname(createRequire(import.meta.url).resolve("@embedpdf/fonts-sc")), "..", "fonts");
const FONT_FILES: Record<FontWeight, string> = {
  regular: "NotoSansHans-Regular.otf",
  bold: "NotoSansHans-Bold.otf",
};

/** A character the certificate font cannot draw: refuse rather than print a blank box. */
export class MissingGlyphError extends Error {
  constructor(readonly characters: string[]) {
    const list = characters
      .map((c) => `"${c}" (U+${c.codePointAt(0)!.toString(16).toUpperCase()})`)
      .join(", ");
    super(`证书字体缺少字形 / the certificate font has no glyph for: ${list}`);
    this.name = "MissingGlyphError";
  }
}

interface LoadedFont {
  bytes: Buffer;
  font: Font;
}

// Each font (≈ 8.5 MB) is read and parsed once per process, on first use.
const loaded = new Map<FontWeight, Promise<LoadedFont>>();

function loadFont(weight: FontWeight): Promise<LoadedFont> {
  let font = loaded.get(weight);
  if (!font) {
    font = readFile(join(FONT_DIR, FONT_FILES[weight])).then((bytes) => ({
      bytes,
      font: fontkit.create(bytes),
    }));
    font.catch(() => loaded.delete(weight));
    loaded.set(weight, font);
  }
  return font;
}

/** The characters of `text` that the font cannot draw, each once, in order of appearance. */
export async function findMissingCharacters(text: string, weight: FontWeight = "regular"): Promise<string[]> {
  const { font } = await loadFont(weight);
  return [...new Set(text)].filter((c) => !font.hasGlyphForCodePoint(c.codePointAt(0)!));
}

/**
 * An OpenType font holding only the glyphs of `text`, to embed with pdf-lib's `subset: false`
 * (pdf-lib's own subsetting draws CJK glyphs as boxes, DESIGN.md §10). Throws MissingGlyphError.
 */
export async function subsetFont(text: string, weight: FontWeight = "regular"): Promise<Buffer> {
  const missing = await findMissingCharacters(text, weight);
  if (missing.length > 0) throw new MissingGlyphError(missing);
  const { bytes } = await loadFont(weight);
  // Without layout closure the subset skips alternates (vertical, traditional forms) that horizontal
  // Simplified Chinese never reaches: about half the size.
  return subset(bytes, [...new Set(text)].join(""), { targetFormat: "sfnt", noLayoutClosure: true });
}
