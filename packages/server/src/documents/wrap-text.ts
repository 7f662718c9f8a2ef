import type { PDFFont } from "pdf-lib";

/** Breaks `text` into lines no wider than `maxWidth` at `size` points. */
export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const fits = (s: string) => font.widthOfTextAtSize(s, size) <= maxWidth;
  const lines: string[] = [];
  let line = "";
  for (const token of tokens(text, fits)) {
    if (line !== "" && !fits(line + token)) {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else {
      line += token;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

// Chinese has no spaces, so a line may break between any two characters; Latin words and numbers
// (licence numbers, house numbers) stay whole when they fit on one line.
function tokens(text: string, fits: (s: string) => boolean): string[] {
  return (text.match(/[A-Za-z0-9]+|./gsu) ?? []).flatMap((t) => (t.length > 1 && !fits(t) ? [...t] : [t]));
}
