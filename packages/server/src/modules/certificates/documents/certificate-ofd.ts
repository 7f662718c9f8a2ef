// The certificate as an OFD file (GB/T 33190-2016, 电子文件存储与交换格式 版式文档), the format GB/T 36905-2018
// names for electronic licences. Same content as the PDF (certificateFields), one A4 page, laid out in millimetres:
//
//   OFD.xml                         entry: DocBody → DocInfo (DocID, title, dates, custom data) + DocRoot
//   Doc_0/Document.xml              CommonData (MaxUnitID, PageArea/PhysicalBox, PublicRes, DocumentRes) + Pages
//   Doc_0/PublicRes.xml             Fonts: the subset CJK font (the PDF's subsetFont), FontFile in Res/
//   Doc_0/DocumentRes.xml           MultiMedias: the QR code as a PNG image in Res/
//   Doc_0/Pages/Page_0/Content.xml  one Body layer: frame (PathObject), texts (TextObject/TextCode), QR (ImageObject)
//
// Every element is in the namespace http://www.ofdspec.org/2016 with the prefix ofd; IDs are unique in the
// document and MaxUnitID is the largest. The bytes depend on the certificate only (dates from issuedAt).

import { createHash } from "node:crypto";
import fontkit from "@pdf-lib/fontkit";
import { zipSync, strToU8 } from "fflate";
import { subsetFont } from "../../../documents/fonts.js";
import { formatDateZh } from "../../../documents/format-date.js";
import type { CertificateDocument } from "./certificate-document.js";
import { certificateFields, certificateTitle } from "./certificate-fields.js";
import { renderQrPng } from "./qr.js";

export const OFD_NAMESPACE = "http://www.ofdspec.org/2016";
export const OFD_MEDIA_TYPE = "application/ofd";

const PAGE = { width: 210, height: 297 };
const MARGIN = 20;
const VALUE_X = 68;
const VALUE_WIDTH = PAGE.width - MARGIN - VALUE_X;
const VALUE_SIZE = 3.8;
const LINE = 5.4;
const QR = { x: MARGIN, y: 238, size: 36 };
const FONT_FILE = "font_cert.otf";
const QR_FILE = "qr.png";

interface Measure {
  /** Advance of each character at size 1 (em fraction). */
  advances(text: string): number[];
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const mm = (n: number) => String(Math.round(n * 1000) / 1000);

/** Greedy line breaking by measured width (CJK breaks anywhere, as the PDF does). */
function wrap(text: string, measure: Measure, size: number, width: number): string[] {
  const chars = [...text];
  const advances = measure.advances(text);
  const lines: string[] = [];
  let line = "";
  let used = 0;
  chars.forEach((c, i) => {
    const w = advances[i]! * size;
    if (line !== "" && used + w > width) {
      lines.push(line);
      line = "";
      used = 0;
    }
    line += c;
    used += w;
  });
  if (line !== "") lines.push(line);
  return lines.length > 0 ? lines : [""];
}

class PageWriter {
  readonly objects: string[] = [];
  constructor(
    private readonly nextId: () => number,
    private readonly fontId: number,
    private readonly measure: Measure,
  ) {}

  /** One line of text with its baseline at (x, y), glyph advances from the embedded font. */
  text(x: number, y: number, text: string, size: number, colour = "26 26 26") {
    if (text === "") return;
    const advances = this.measure.advances(text).map((a) => a * size);
    const width = advances.reduce((sum, a) => sum + a, 0);
    const deltaX = advances.slice(0, -1).map(mm).join(" ");
    this.objects.push(
      `<ofd:TextObject ID="${this.nextId()}" Boundary="${mm(x)} ${mm(y - size)} ${mm(width + 1)} ${mm(size * 1.4)}"` +
        ` Font="${this.fontId}" Size="${mm(size)}">` +
        `<ofd:FillColor Value="${colour}"/>` +
        `<ofd:TextCode X="0" Y="${mm(size)}"${deltaX ? ` DeltaX="${deltaX}"` : ""}>${escapeXml(text)}</ofd:TextCode>` +
        `</ofd:TextObject>`,
    );
    return width;
  }

  centred(y: number, text: string, size: number, colour?: string) {
    const width = this.measure.advances(text).reduce((sum, a) => sum + a * size, 0);
    this.text((PAGE.width - width) / 2, y, text, size, colour);
  }

  rule(y: number) {
    this.objects.push(
      `<ofd:PathObject ID="${this.nextId()}" Boundary="0 0 ${PAGE.width} ${PAGE.height}" LineWidth="0.15">` +
        `<ofd:StrokeColor Value="209 209 209"/>` +
        `<ofd:AbbreviatedData>M ${MARGIN} ${mm(y)} L ${PAGE.width - MARGIN} ${mm(y)}</ofd:AbbreviatedData>` +
        `</ofd:PathObject>`,
    );
  }

  frame(inset: number, width: number) {
    const [l, t, r, b] = [inset, inset, PAGE.width - inset, PAGE.height - inset];
    this.objects.push(
      `<ofd:PathObject ID="${this.nextId()}" Boundary="0 0 ${PAGE.width} ${PAGE.height}" LineWidth="${width}">` +
        `<ofd:StrokeColor Value="115 92 51"/>` +
        `<ofd:AbbreviatedData>M ${l} ${t} L ${r} ${t} L ${r} ${b} L ${l} ${b} C</ofd:AbbreviatedData>` +
        `</ofd:PathObject>`,
    );
  }

  image(resourceId: number, x: number, y: number, size: number) {
    this.objects.push(
      `<ofd:ImageObject ID="${this.nextId()}" Boundary="${mm(x)} ${mm(y)} ${mm(size)} ${mm(size)}"` +
        ` CTM="${mm(size)} 0 0 ${mm(size)} 0 0" ResourceID="${resourceId}"/>`,
    );
  }
}

function xmlFile(body: string): Uint8Array {
  return strToU8(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`);
}

/** The certificate as an OFD package (a zip), with the subset font and the QR image embedded. */
export async function renderCertificateOfd(input: CertificateDocument): Promise<Buffer> {
  const title = certificateTitle(input.licenseType);
  const fields = certificateFields(input);
  const signatures = [
    ...(input.eLicenceId ? [`电子证照标识 E-licence ID: ${input.eLicenceId}`] : []),
    `Ed25519 kid: ${input.edKid}`,
    `SM2 kid: ${input.sm2Kid}`,
    `SHA-256: ${input.payloadSha256.slice(0, 16)}…`,
    `版本 Version ${input.version} · 生效 Effective ${formatDateZh(input.validFrom)}`,
  ];
  const caption = "扫码核验 Scan to verify";
  const heading = "电子签名 / digital signatures";
  const allText = [
    title.zh,
    title.en,
    caption,
    heading,
    ...signatures,
    ...fields.flatMap(({ label, values }) => [label.zh, label.en, ...values]),
  ].join("");
  const [fontBytes, qrPng] = await Promise.all([subsetFont(allText), renderQrPng(input.verifyUrl)]);
  const font = fontkit.create(fontBytes);
  const measure: Measure = {
    advances: (text) =>
      [...text].map((c) => font.glyphForCodePoint(c.codePointAt(0)!).advanceWidth / font.unitsPerEm),
  };

  let lastId = 0;
  const nextId = () => ++lastId;
  const fontId = nextId();
  const qrId = nextId();
  const pageId = nextId();
  const layerId = nextId();
  const page = new PageWriter(nextId, fontId, measure);

  page.frame(8, 0.7);
  page.frame(10, 0.2);
  page.centred(30, title.zh, 10);
  page.centred(37, title.en, 3.6, "107 107 107");
  let top = 44;
  page.rule(top);
  for (const { label, values } of fields) {
    const baseline = top + 5;
    const lines = values.flatMap((value) => wrap(value, measure, VALUE_SIZE, VALUE_WIDTH));
    page.text(MARGIN, baseline, label.zh, 3.6);
    page.text(MARGIN, baseline + 3.4, label.en, 2.4, "107 107 107");
    lines.forEach((line, i) => page.text(VALUE_X, baseline + i * LINE, line, VALUE_SIZE));
    top = Math.max(baseline + 5, baseline + (lines.length - 1) * LINE + 2.5);
    page.rule(top);
  }
  if (top > QR.y - 4) throw new RangeError("The certificate's fields do not fit on one A4 page");
  page.image(qrId, QR.x, QR.y, QR.size);
  page.text(QR.x + 2, QR.y + QR.size + 4, caption, 2.8);
  const signaturesX = QR.x + QR.size + 8;
  page.text(signaturesX, QR.y + 4, heading, 3.2);
  signatures
    .flatMap((line) => wrap(line, measure, 2.6, PAGE.width - MARGIN - signaturesX))
    .forEach((line, i) => page.text(signaturesX, QR.y + 9 + i * 4, line, 2.6, "107 107 107"));

  const ns = `xmlns:ofd="${OFD_NAMESPACE}"`;
  const issuedDay = input.issuedAt.slice(0, 10);
  const docId = createHash("sha256").update(input.payloadSha256).digest("hex").slice(0, 32);
  const custom = [
    ["许可证编号", input.licenseNo],
    ...(input.eLicenceId ? [["电子证照标识", input.eLicenceId]] : []),
    ["持证主体", input.holderName],
    ["统一社会信用代码", input.uscc],
    ["有效期至", input.validTo],
    ["payloadSha256", input.payloadSha256],
  ];
  const ofdXml =
    `<ofd:OFD ${ns} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo>` +
    `<ofd:DocID>${docId}</ofd:DocID>` +
    `<ofd:Title>${escapeXml(`${title.zh} ${input.licenseNo}`)}</ofd:Title>` +
    `<ofd:Author>${escapeXml(input.issuer)}</ofd:Author>` +
    `<ofd:Subject>${escapeXml(`${input.holderName} · ${input.licenseNo} · 版本 ${input.version}`)}</ofd:Subject>` +
    `<ofd:CreationDate>${issuedDay}</ofd:CreationDate><ofd:ModDate>${issuedDay}</ofd:ModDate>` +
    `<ofd:Creator>shian</ofd:Creator><ofd:CreatorVersion>1.0</ofd:CreatorVersion>` +
    `<ofd:CustomDatas>${custom
      .map(
        ([name, value]) => `<ofd:CustomData Name="${escapeXml(name!)}">${escapeXml(value!)}</ofd:CustomData>`,
      )
      .join("")}</ofd:CustomDatas>` +
    `</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`;
  const contentXml =
    `<ofd:Page ${ns}><ofd:Content><ofd:Layer ID="${layerId}" Type="Body">` +
    page.objects.join("") +
    `</ofd:Layer></ofd:Content></ofd:Page>`;
  const documentXml =
    `<ofd:Document ${ns}><ofd:CommonData><ofd:MaxUnitID>${lastId}</ofd:MaxUnitID>` +
    `<ofd:PageArea><ofd:PhysicalBox>0 0 ${PAGE.width} ${PAGE.height}</ofd:PhysicalBox></ofd:PageArea>` +
    `<ofd:PublicRes>PublicRes.xml</ofd:PublicRes><ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>` +
    `</ofd:CommonData><ofd:Pages><ofd:Page ID="${pageId}" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages>` +
    `</ofd:Document>`;
  const publicResXml =
    `<ofd:Res ${ns} BaseLoc="Res"><ofd:Fonts>` +
    `<ofd:Font ID="${fontId}" FontName="Noto Sans Hans" FamilyName="Noto Sans Hans">` +
    `<ofd:FontFile>${FONT_FILE}</ofd:FontFile></ofd:Font></ofd:Fonts></ofd:Res>`;
  const documentResXml =
    `<ofd:Res ${ns} BaseLoc="Res"><ofd:MultiMedias>` +
    `<ofd:MultiMedia ID="${qrId}" Type="Image" Format="PNG"><ofd:MediaFile>${QR_FILE}</ofd:MediaFile>` +
    `</ofd:MultiMedia></ofd:MultiMedias></ofd:Res>`;

  const mtime = new Date(input.issuedAt);
  const zip = zipSync(
    {
      "OFD.xml": xmlFile(ofdXml),
      "Doc_0/Document.xml": xmlFile(documentXml),
      "Doc_0/PublicRes.xml": xmlFile(publicResXml),
      "Doc_0/DocumentRes.xml": xmlFile(documentResXml),
      "Doc_0/Pages/Page_0/Content.xml": xmlFile(contentXml),
      [`Doc_0/Res/${FONT_FILE}`]: [new Uint8Array(fontBytes), { level: 0 }],
      [`Doc_0/Res/${QR_FILE}`]: [new Uint8Array(qrPng), { level: 0 }],
    },
    { level: 6, mtime },
  );
  return Buffer.from(zip);
}
