import fontkit from "@pdf-lib/fontkit";
import { PageSizes, PDFDocument, rgb } from "pdf-lib";
import type { PDFFont, PDFPage } from "pdf-lib";
import { subsetFont } from "../../../documents/fonts.js";
import { formatDateZh } from "../../../documents/format-date.js";
import { drawSeal } from "../../../documents/seal.js";
import { wrapText } from "../../../documents/wrap-text.js";

/**
 * A one-issuer official document (公文) on A4: the issuer and title centred, the document number, the party's
 * particulars, numbered paragraphs, then the issuer, the date and its seal. Long texts continue on new pages.
 * The font, wrapping, date and seal helpers are shared with the certificate (src/documents/).
 */
export interface OfficialDocument {
  issuer: string;
  /** e.g. 行政处罚决定书. */
  title: string;
  /** 文号, printed under the title. */
  number: string;
  /** "当事人：…" style lines about the party. */
  particulars: string[];
  paragraphs: string[];
  /** YYYY-MM-DD: the date printed above the seal, and the PDF's creation date (same input, same bytes). */
  issuedOn: string;
}

const [PAGE_WIDTH, PAGE_HEIGHT] = PageSizes.A4;
const INK = rgb(0.1, 0.1, 0.1);
const MARGIN = 72;
const TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const BODY_SIZE = 12;
const LINE_HEIGHT = 21;
const PARAGRAPH_GAP = 6;
const SIGNATURE_BLOCK = 150;
const INDENT = "\u3000\u3000";

export async function renderOfficialDocumentPdf(doc: OfficialDocument): Promise<Buffer> {
  const date = formatDateZh(doc.issuedOn);
  const text = [INDENT, doc.issuer, doc.title, doc.number, ...doc.particulars, ...doc.paragraphs, date].join(
    "",
  );
  const [regularFont, boldFont] = [await subsetFont(text), await subsetFont(text, "bold")];
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const regular = await pdf.embedFont(regularFont, { subset: false });
  const bold = await pdf.embedFont(boldFont, { subset: false });
  pdf.setTitle(`${doc.title} ${doc.number}`);
  pdf.setSubject(`${doc.issuer} · ${doc.number}`);
  pdf.setCreator("shian");
  pdf.setProducer("shian");
  pdf.setLanguage("zh-CN");
  const issued = new Date(`${doc.issuedOn}T00:00:00+08:00`);
  pdf.setCreationDate(issued);
  pdf.setModificationDate(issued);

  const writer = new PageWriter(pdf, regular);
  writer.centred(doc.issuer, bold, 20, 34);
  writer.centred(doc.title, bold, 22, 36);
  writer.centred(doc.number, regular, BODY_SIZE, 34);
  for (const line of doc.particulars) writer.paragraph(line);
  writer.gap(PARAGRAPH_GAP * 2);
  for (const paragraph of doc.paragraphs) writer.paragraph(`${INDENT}${paragraph}`);
  writer.signature(doc.issuer, date, bold);
  return Buffer.from(await pdf.save());
}

/** Draws top to bottom and starts a new page when the next line would not fit. */
class PageWriter {
  private page: PDFPage;
  private y = PAGE_HEIGHT - MARGIN;

  constructor(
    private readonly pdf: PDFDocument,
    private readonly font: PDFFont,
  ) {
    this.page = pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
  }

  centred(text: string, font: PDFFont, size: number, advance: number): void {
    this.room(advance);
    const x = (PAGE_WIDTH - font.widthOfTextAtSize(text, size)) / 2;
    this.page.drawText(text, { x, y: this.y - size, size, font, color: INK });
    this.y -= advance;
  }

  /** A paragraph wrapped to the text width; body paragraphs start with two ideographic spaces (首行缩进两字). */
  paragraph(text: string): void {
    for (const line of wrapText(text, this.font, BODY_SIZE, TEXT_WIDTH)) {
      this.room(LINE_HEIGHT);
      this.page.drawText(line, {
        x: MARGIN,
        y: this.y - BODY_SIZE,
        size: BODY_SIZE,
        font: this.font,
        color: INK,
      });
      this.y -= LINE_HEIGHT;
    }
    this.y -= PARAGRAPH_GAP;
  }

  gap(points: number): void {
    this.y -= points;
  }

  /** The issuer and the date at the right, under the red seal (加盖印章). */
  signature(issuer: string, date: string, sealFont: PDFFont): void {
    this.room(SIGNATURE_BLOCK);
    const right = PAGE_WIDTH - MARGIN;
    const issuerY = this.y - 70;
    for (const [text, y] of [
      [issuer, issuerY],
      [date, issuerY - LINE_HEIGHT],
    ] as const) {
      const x = right - this.font.widthOfTextAtSize(text, BODY_SIZE);
      this.page.drawText(text, { x, y, size: BODY_SIZE, font: this.font, color: INK });
    }
    drawSeal(this.page, { text: issuer, font: sealFont, x: right - 60, y: issuerY - 4, radius: 52 });
    this.y -= SIGNATURE_BLOCK;
  }

  private room(height: number): void {
    if (this.y - height >= MARGIN) return;
    this.page = this.pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.y = PAGE_HEIGHT - MARGIN;
  }
}
