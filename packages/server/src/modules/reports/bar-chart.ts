// A vector bar chart for the report PDFs: grouped bars drawn as rectangles with value and category labels,
// so it prints sharp and needs no image library.

import { rgb, type PDFFont, type PDFPage, type RGB } from "pdf-lib";

export interface BarSeries {
  label: string;
  values: number[];
  colour: RGB;
}

export interface BarChart {
  title: string;
  categories: string[];
  series: BarSeries[];
}

export const SERIES_COLOURS = [rgb(0.2, 0.42, 0.75), rgb(0.62, 0.68, 0.78)] as const;
const INK = rgb(0.1, 0.1, 0.1);
const AXIS = rgb(0.55, 0.55, 0.55);
const TITLE_SIZE = 11;
const LABEL_SIZE = 7;

/** Every string the chart will draw, for the font subset. */
export function chartText(chart: BarChart): string {
  return [chart.title, ...chart.categories, ...chart.series.map((s) => s.label)].join("");
}

/** Draws the chart with its top-left corner at (x, top); returns the height used. */
export function drawBarChart(
  page: PDFPage,
  font: PDFFont,
  chart: BarChart,
  box: { x: number; top: number; width: number; height: number },
): number {
  const { x, top, width, height } = box;
  page.drawText(chart.title, { x, y: top - TITLE_SIZE, size: TITLE_SIZE, font, color: INK });
  // Legend on the title line, right-aligned.
  let legendX = x + width;
  for (const series of [...chart.series].reverse()) {
    legendX -= font.widthOfTextAtSize(series.label, LABEL_SIZE) + 16;
    page.drawRectangle({ x: legendX, y: top - 9, width: 8, height: 8, color: series.colour });
    page.drawText(series.label, { x: legendX + 11, y: top - 9, size: LABEL_SIZE, font, color: INK });
  }
  const plotTop = top - TITLE_SIZE - 16;
  const baseline = top - height + 24;
  const plotHeight = plotTop - baseline;
  const max = Math.max(1, ...chart.series.flatMap((s) => s.values));
  page.drawLine({
    start: { x, y: baseline },
    end: { x: x + width, y: baseline },
    thickness: 0.6,
    color: AXIS,
  });
  const slot = width / Math.max(1, chart.categories.length);
  const barWidth = Math.min(22, (slot * 0.7) / chart.series.length);
  chart.categories.forEach((category, i) => {
    const groupX = x + i * slot + (slot - barWidth * chart.series.length) / 2;
    chart.series.forEach((series, s) => {
      const value = series.values[i] ?? 0;
      const barHeight = (value / max) * plotHeight;
      const barX = groupX + s * barWidth;
      if (barHeight > 0) {
        page.drawRectangle({
          x: barX,
          y: baseline,
          width: barWidth - 1,
          height: barHeight,
          color: series.colour,
        });
      }
      const text = String(value);
      const textWidth = font.widthOfTextAtSize(text, LABEL_SIZE);
      page.drawText(text, {
        x: barX + (barWidth - 1 - textWidth) / 2,
        y: baseline + barHeight + 2,
        size: LABEL_SIZE,
        font,
        color: INK,
      });
    });
    const label = fit(category, font, slot - 2);
    page.drawText(label, {
      x: x + i * slot + (slot - font.widthOfTextAtSize(label, LABEL_SIZE)) / 2,
      y: baseline - 11,
      size: LABEL_SIZE,
      font,
      color: INK,
    });
  });
  return height;
}

/** Shortens a label to the slot width (an ellipsis marks the cut). */
function fit(text: string, font: PDFFont, width: number): string {
  if (font.widthOfTextAtSize(text, LABEL_SIZE) <= width) return text;
  let cut = text;
  while (cut.length > 1 && font.widthOfTextAtSize(`${cut}…`, LABEL_SIZE) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}
