import { degrees, rgb } from "pdf-lib";
import type { PDFFont, PDFPage } from "pdf-lib";

/** The text of a copy made for an authorized party (授权使用, seed 000). */
export function watermarkText(party: string, date: string): string {
  return `仅供 ${party} 使用 ${date}`;
}

const SIZE = 16;
const ANGLE = 35;
const ROW_GAP = 140;

/** Repeats `text` diagonally in light grey over the whole page, on top of everything, so no part is unmarked. */
export function drawWatermark(page: PDFPage, font: PDFFont, text: string): void {
  const { width, height } = page.getSize();
  const columnGap = font.widthOfTextAtSize(text, SIZE) * Math.cos((ANGLE * Math.PI) / 180) + 60;
  // Start below and left of the page so the rotated rows also cover its corners.
  for (let row = 0, y = -height / 2; y < height; row += 1, y += ROW_GAP) {
    for (let x = -columnGap + (row % 2) * (columnGap / 2); x < width; x += columnGap) {
      page.drawText(text, {
        x,
        y,
        size: SIZE,
        font,
        color: rgb(0.55, 0.55, 0.55),
        opacity: 0.28,
        rotate: degrees(ANGLE),
      });
    }
  }
}
