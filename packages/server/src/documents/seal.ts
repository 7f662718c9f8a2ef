import { BlendMode, degrees, rgb } from "pdf-lib";
import type { PDFFont, PDFPage } from "pdf-lib";

const SEAL_RED = rgb(0.86, 0.1, 0.12);

// The issuer name runs along at most this much of the upper arc, centred on the top.
const MAX_ARC = (240 * Math.PI) / 180;
const MAX_TEXT_SIZE = 15;
const LETTER_SPACING = 1.15;

export interface SealOptions {
  /** The seal owner, written along the upper arc. */
  text: string;
  font: PDFFont;
  x: number;
  y: number;
  radius: number;
}

/** A red circular e-seal (电子印章): ring, five-pointed star, and the owner's name along the upper arc. */
export function drawSeal(page: PDFPage, { text, font, x, y, radius }: SealOptions): void {
  // Multiply lets the text under the seal show through, as ink does on paper.
  const ink = { color: SEAL_RED, blendMode: BlendMode.Multiply };
  page.drawCircle({
    x,
    y,
    size: radius,
    borderColor: SEAL_RED,
    borderWidth: radius * 0.06,
    blendMode: ink.blendMode,
  });
  page.drawSvgPath(starPath(radius * 0.3), { x, y, ...ink });

  const characters = [...text];
  const inner = radius * 0.86; // where the tops of the characters sit
  // Largest size at which the name fits the arc: n · size · spacing = (inner − size) · arc.
  const size = Math.min(MAX_TEXT_SIZE, (inner * MAX_ARC) / (characters.length * LETTER_SPACING + MAX_ARC));
  const baseline = inner - size;
  const step = (size * LETTER_SPACING) / baseline;
  characters.forEach((character, i) => {
    const angle = Math.PI / 2 + ((characters.length - 1) / 2 - i) * step; // left to right, clockwise
    const halfWidth = font.widthOfTextAtSize(character, size) / 2;
    // Rotate the glyph so its baseline is tangent to the arc; start half its width back along the tangent.
    page.drawText(character, {
      x: x + baseline * Math.cos(angle) - halfWidth * Math.sin(angle),
      y: y + baseline * Math.sin(angle) + halfWidth * Math.cos(angle),
      size,
      font,
      rotate: degrees((angle * 180) / Math.PI - 90),
      ...ink,
    });
  });
}

/** SVG path (y downwards, as pdf-lib's drawSvgPath expects) of a star pointing up, centred on 0,0. */
function starPath(outer: number): string {
  const inner = outer * 0.382; // the golden-ratio inner radius of a regular five-pointed star
  const points = Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 === 0 ? outer : inner;
    const angle = Math.PI / 2 + (i * Math.PI) / 5;
    return `${(r * Math.cos(angle)).toFixed(2)} ${(-r * Math.sin(angle)).toFixed(2)}`;
  });
  return `M ${points.join(" L ")} Z`;
}
