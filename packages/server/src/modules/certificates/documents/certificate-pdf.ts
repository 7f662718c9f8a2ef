import fontkit from "@pdf-lib/fontkit";
import { PageSizes, PDFDocument, rgb } from "pdf-lib";
import type { PDFFont, PDFPage, RGB } from "pdf-lib";
import { subsetFont } from "../../../documents/fonts.js";
import { formatDateZh } from "../../../documents/format-date.js";
import { drawSeal } from "../../../documents/seal.js";
import { wrapText } from "../../../documents/wrap-text.js";
import type { CertificateDocument } from "./certificate-document.js";
import { certificateFields, certificateTitle } from "./certificate-fields.js";
import type { CertificateField } from "./certificate-fields.js";
import { renderQrPng } from "./qr.js";
import { drawWatermark, watermarkText } from "./watermark.js";

export interface CertificatePdfOptions {
  /** Marks a copy made for an authorized party: "仅供 {party} 使用 {date}" across the page. */
  watermark?: { party: string; date: string };
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

const [PAGE_WIDTH, PAGE_HEIGHT] = PageSizes.A4;
const INK = rgb(0.1, 0.1, 0.1);
const MUTED = rgb(0.42, 0.42, 0.42);
const RULE = rgb(0.82, 0.82, 0.82);
const FRAME = rgb(0.45, 0.36, 0.2);
const FRAME_LINES = [
  { inset: 22, borderWidth: 2 },
  { inset: 28, borderWidth: 0.6 },
];
const MARGIN = 60;
const VALUE_X = 205;
const VALUE_SIZE = 11.5;
const LINE_HEIGHT = 16;
// The fields must end above the band that holds the QR code, the signatures and the seal.
const BAND_TOP = 215;
const QR = { x: MARGIN, y: 70, size: 112 };
const SEAL = { x: PAGE_WIDTH - MARGIN - 75, y: 142, radius: 58 };
const QR_CAPTION = "扫码核验 Scan to verify";
const SIGNATURES_HEADING = "电子签名 / digital signatures";

/** The printable A4 PDF of one certificate version (食品经营许可证 / 食品生产许可证). */
export async function renderCertificatePdf(
  input: CertificateDocument,
  options: CertificatePdfOptions = {},
): Promise<Buffer> {
  const title = certificateTitle(input.licenseType);
  const fields = certificateFields(input);
  const signatures = signatureLines(input);
  const watermark = options.watermark && watermarkText(options.watermark.party, options.watermark.date);
  // Every string drawn below, so that the subset fonts hold exactly the glyphs the page needs.
  // Both weights get every glyph: a few KB more than splitting, but no string can miss a glyph in either.
  const text = [
    title.zh,
    title.en,
    QR_CAPTION,
    SIGNATURES_HEADING,
    ...signatures,
    watermark ?? "",
    ...fieldText(fields),
  ].join("");
  const [regularFont, boldFont, qrPng] = await Promise.all([
    subsetFont(text),
    subsetFont(text, "bold"),
    renderQrPng(input.verifyUrl),
  ]);

  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  // Embedded one after the other: object numbers, and so the bytes, do not depend on timing.
  // pdf-lib declares these OpenType (CFF) fonts as CIDFontType2 and writes glyph ids; poppler, pdf.js and
  // PDFium read the font program and render it right (poppler warns "Mismatch between font type…").
  const regular = await pdf.embedFont(regularFont, { subset: false });
  const bold = await pdf.embedFont(boldFont, { subset: false });
  const qr = await pdf.embedPng(qrPng);
  const fonts = { regular, bold };
  setMetadata(pdf, input, title.zh);

  const page = pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
  drawFrame(page);
  drawCentred(page, title.zh, bold, 30, PAGE_HEIGHT - 92, INK);
  drawCentred(page, title.en, regular, 11, PAGE_HEIGHT - 112, MUTED);
  drawFields(page, fonts, fields, PAGE_HEIGHT - 132);

  page.drawImage(qr, { x: QR.x, y: QR.y, width: QR.size, height: QR.size });
  const captionWidth = regular.widthOfTextAtSize(QR_CAPTION, 8);
  page.drawText(QR_CAPTION, {
    x: QR.x + (QR.size - captionWidth) / 2,
    y: QR.y - 10,
    size: 8,
    font: regular,
    color: INK,
  });
  drawSignatures(page, fonts, signatures, QR.x + QR.size + 24, QR.y + QR.size - 12);
  drawSeal(page, { text: input.issuer, font: bold, ...SEAL });
  if (watermark) drawWatermark(page, regular, watermark);
  return Buffer.from(await pdf.save());
}

function fieldText(fields: CertificateField[]): string[] {
  return fields.flatMap(({ label, values }) => [label.zh, label.en, ...values]);
}

function signatureLines(input: CertificateDocument): string[] {
  return [
    // GB/T 36904 电子证照标识: small print with the key ids, so it costs the fields above no room (step 11).
    ...(input.eLicenceId ? [`电子证照标识 E-licence ID: ${input.eLicenceId}`] : []),
    `Ed25519 kid: ${input.edKid}`,
    `SM2 kid: ${input.sm2Kid}`,
    `SHA-256: ${input.payloadSha256.slice(0, 16)}…`,
    `版本 Version ${input.version} · 生效 Effective ${formatDateZh(input.validFrom)}`,
  ];
}

function setMetadata(pdf: PDFDocument, input: CertificateDocument, title: string): void {
  pdf.setTitle(`${title} ${input.licenseNo}`);
  pdf.setSubject(`${input.holderName} · ${input.licenseNo} · 版本 ${input.version}`);
  pdf.setCreator("shian");
  pdf.setProducer("shian");
  pdf.setLanguage("zh-CN");
  // Dates from the certificate, not the clock: the same certificate always gives the same bytes.
  pdf.setCreationDate(new Date(input.issuedAt));
  pdf.setModificationDate(new Date(input.issuedAt));
}

/** A double frame, thick outside and thin inside, as on the printed forms. */
function drawFrame(page: PDFPage): void {
  for (const { inset, borderWidth } of FRAME_LINES) {
    const [width, height] = [PAGE_WIDTH - 2 * inset, PAGE_HEIGHT - 2 * inset];
    page.drawRectangle({ x: inset, y: inset, width, height, borderWidth, borderColor: FRAME });
  }
}

function drawCentred(page: PDFPage, text: string, font: PDFFont, size: number, y: number, color: RGB): void {
  page.drawText(text, { x: (PAGE_WIDTH - font.widthOfTextAtSize(text, size)) / 2, y, size, font, color });
}

/** Label (Chinese, English below) on the left, value lines on the right, a hairline under each row. */
function drawFields(page: PDFPage, fonts: Fonts, fields: CertificateField[], top: number): void {
  const valueWidth = PAGE_WIDTH - MARGIN - VALUE_X;
  const rule = (y: number) =>
    page.drawLine({
      start: { x: MARGIN, y },
      end: { x: PAGE_WIDTH - MARGIN, y },
      thickness: 0.5,
      color: RULE,
    });
  rule(top);
  for (const { label, values } of fields) {
    const baseline = top - 15;
    const lines = values.flatMap((value) => wrapText(value, fonts.regular, VALUE_SIZE, valueWidth));
    // Rows of 29 pt: the statutory field set (step 11) fits above the band with a few wrapped item lines.
    top = Math.min(baseline - 10, baseline - (lines.length - 1) * LINE_HEIGHT) - 4;
    if (top < BAND_TOP) throw new RangeError("The certificate's fields do not fit on one A4 page");
    page.drawText(label.zh, { x: MARGIN, y: baseline, size: 10.5, font: fonts.bold, color: INK });
    page.drawText(label.en, { x: MARGIN, y: baseline - 10, size: 7, font: fonts.regular, color: MUTED });
    lines.forEach((line, i) => {
      const y = baseline - i * LINE_HEIGHT;
      page.drawText(line, { x: VALUE_X, y, size: VALUE_SIZE, font: fonts.regular, color: INK });
    });
    rule(top);
  }
}

/** Between the QR code and the seal: long key ids wrap rather than run under the seal. */
function drawSignatures(page: PDFPage, fonts: Fonts, lines: string[], x: number, top: number): void {
  const width = SEAL.x - SEAL.radius - 12 - x;
  page.drawText(SIGNATURES_HEADING, { x, y: top, size: 9, font: fonts.bold, color: INK });
  lines
    .flatMap((line) => wrapText(line, fonts.regular, 7.5, width))
    .forEach((line, i) => {
      page.drawText(line, { x, y: top - 16 - i * 12, size: 7.5, font: fonts.regular, color: MUTED });
    });
}
