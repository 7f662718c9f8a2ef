import { execFile } from "node:child_process";
import { copyFile, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { PDFDocument, PDFName, PDFString } from "pdf-lib";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { MissingGlyphError } from "../../../documents/fonts.js";
import type { CertificateDocument } from "./certificate-document.js";
import { renderCertificatePdf } from "./certificate-pdf.js";

const run = promisify(execFile);
const SAMPLE = fileURLToPath(new URL("../../../../../../docs/certificate-sample.png", import.meta.url));
const HOLDER = "广州市天河区鸿福餐饮管理有限公司";

function certificate(overrides: Partial<CertificateDocument> = {}): CertificateDocument {
  const token = Buffer.from(Array.from({ length: 240 }, (_, i) => (i * 53 + 7) % 256)).toString("base64url");
  return {
    licenseType: "JY",
    licenseNo: "JY24401060004271",
    version: 2,
    holderName: HOLDER,
    uscc: "91440106MA5D8QXX3K",
    legalRepresentative: "陈喆",
    storeAddress: "广州市天河区天河路385号太古汇商场负一层B12号铺（自编号B12-1）",
    businessFormText: "餐饮服务经营者（中型餐馆）",
    itemsText: ["热食类食品制售", "冷食类食品制售（不含烧卤熟肉制品）", "自制饮品制售（不含自酿酒）"],
    supervisingAuthority: "广州市天河区市场监督管理局天河南市场监督管理所",
    issuer: "广州市天河区市场监督管理局",
    signer: "李明",
    validFrom: "2025-07-01",
    validTo: "2030-06-30",
    issuedAt: "2025-07-01T10:20:00+08:00",
    verifyUrl: `https://shian.example.gov.cn/v/${token}`, // 351 bytes, like a signed token
    edKid: "gz-th-ed25519-2025-01",
    sm2Kid: "gz-th-sm2-2025-01",
    payloadSha256: "3f7a9c2e41d85b6c0e9f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f",
    ...overrides,
  };
}

interface Pixels {
  data: Buffer;
  width: number;
  height: number;
}

describe("certificate PDF", () => {
  let dir: string;
  let pdf: Buffer;
  let pdfFile: string;

  async function save(name: string, bytes: Buffer): Promise<string> {
    const file = join(dir, name);
    await writeFile(file, bytes);
    return file;
  }

  /** Page 1 as PNG via poppler (which prints harmless font-type warnings on stderr, ignored). */
  async function renderPage(file: string, dpi: number): Promise<string> {
    const prefix = file.replace(/\.pdf$/, `-${dpi}`);
    await run("pdftoppm", ["-r", String(dpi), "-png", "-f", "1", "-l", "1", "-singlefile", file, prefix]);
    return `${prefix}.png`;
  }

  async function pixels(png: string): Promise<Pixels> {
    const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  }

  function count(p: Pixels, test: (r: number, g: number, b: number) => boolean, top = 0, bottom = p.height) {
    const hits: { x: number; y: number }[] = [];
    for (let y = top; y < bottom; y++) {
      for (let x = 0; x < p.width; x++) {
        const i = (y * p.width + x) * 3;
        if (test(p.data[i]!, p.data[i + 1]!, p.data[i + 2]!)) hits.push({ x, y });
      }
    }
    return hits;
  }

  const isDark = (r: number, g: number, b: number) => r < 110 && g < 110 && b < 110;
  const isRed = (r: number, g: number, b: number) => r > 170 && g < 110 && b < 110;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "shian-certificate-"));
    pdf = await renderCertificatePdf(certificate());
    pdfFile = await save("certificate.pdf", pdf);
  });

  it("holds the licence's text in Chinese, extractable by pdftotext", async () => {
    const { stdout } = await run("pdftotext", [pdfFile, "-"]);
    for (const text of [HOLDER, "JY24401060004271", "食品经营许可证", "陈喆", "2030年6月30日", "扫码核验"]) {
      expect(stdout).toContain(text);
    }
    expect(stdout).toContain("热食类食品制售");
    expect(stdout).toContain("3f7a9c2e41d85b6c"); // the first 16 hex of the payload hash
    expect(stdout).not.toContain("3f7a9c2e41d85b6c0");
  });

  it("sets the document metadata", async () => {
    const { stdout } = await run("pdfinfo", [pdfFile]);
    expect(stdout).toMatch(/Title:\s+食品经营许可证 JY24401060004271/);
    expect(stdout).toMatch(/Creator:\s+shian/);
    expect(stdout).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    const catalog = (await PDFDocument.load(pdf)).catalog;
    expect(catalog.lookup(PDFName.of("Lang"), PDFString).decodeText()).toBe("zh-CN");
  });

  it("renders visible text and a red seal in the lower right", async () => {
    const png = await renderPage(pdfFile, 50);
    const page = await pixels(png);
    // The fields fill the upper 70 % of the page with text: ≈ 3 000 dark pixels at 50 dpi, none when blank.
    expect(count(page, isDark, 0, Math.round(page.height * 0.7)).length).toBeGreaterThan(1500);
    const red = count(page, isRed);
    expect(red.length).toBeGreaterThan(800);
    const centre = { x: avg(red.map((p) => p.x)), y: avg(red.map((p) => p.y)) };
    expect(centre.x / page.width).toBeGreaterThan(0.65);
    expect(centre.y / page.height).toBeGreaterThan(0.75);
    await copyFile(png, SAMPLE); // only a render that passed the checks becomes the README's sample
  });

  it("draws real glyphs, not boxes: another name of the same length changes the pixels", async () => {
    // Missing or broken glyphs all render as the same .notdef box, so two names would look alike.
    const other = await save(
      "other.pdf",
      await renderCertificatePdf(certificate({ holderName: "深圳市南山区喆福食品贸易有限公司" })),
    );
    const [a, b] = await Promise.all([
      pixels(await renderPage(pdfFile, 50)),
      pixels(await renderPage(other, 50)),
    ]);
    let changed = 0;
    for (let i = 0; i < a.data.length; i += 3) if (Math.abs(a.data[i]! - b.data[i]!) > 60) changed += 1;
    expect(changed).toBeGreaterThan(150);
  });

  it("carries a QR code that decodes to the verify URL from the rendered page", async () => {
    const png = await renderPage(pdfFile, 150);
    const { stdout } = await run("zbarimg", ["--raw", "-q", png]);
    expect(stdout.trim()).toBe(certificate().verifyUrl);
  });

  it("marks copies for an authorized party with a diagonal watermark, QR still readable", async () => {
    const file = await save(
      "watermarked.pdf",
      await renderCertificatePdf(certificate(), { watermark: { party: "美团外卖", date: "2025-07-02" } }),
    );
    // pdftotext splits rotated text into single characters; -raw keeps their order.
    const { stdout } = await run("pdftotext", ["-raw", file, "-"]);
    expect(stdout.replace(/\s/g, "")).toContain("仅供美团外卖使用2025-07-02");
    const { stdout: qr } = await run("zbarimg", ["--raw", "-q", await renderPage(file, 150)]);
    expect(qr.trim()).toBe(certificate().verifyUrl);
  });

  it("titles a production licence 食品生产许可证", async () => {
    const file = await save(
      "sc.pdf",
      await renderCertificatePdf(certificate({ licenseType: "SC", licenseNo: "SC10344010600125" })),
    );
    const { stdout } = await run("pdftotext", [file, "-"]);
    expect(stdout).toContain("食品生产许可证");
    expect(stdout).toContain("生产者名称");
  });

  it("refuses a name the font cannot draw, naming the character", async () => {
    const error = await renderCertificatePdf(certificate({ holderName: "广州市𪚥记餐饮有限公司" })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MissingGlyphError);
    expect((error as Error).message).toContain("U+2A6A5");
  });

  it("refuses content that does not fit on one page rather than overprinting the seal", async () => {
    const items = Array.from({ length: 30 }, (_, i) => `其他类食品制售（第${i + 1}项）`);
    await expect(renderCertificatePdf(certificate({ itemsText: items }))).rejects.toThrow(RangeError);
  });

  it("is small and reproducible: subset fonts, the same bytes for the same certificate", async () => {
    expect(pdf.length).toBeLessThan(300 * 1024);
    expect((await renderCertificatePdf(certificate())).equals(pdf)).toBe(true);
  });
});

function avg(values: number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}
