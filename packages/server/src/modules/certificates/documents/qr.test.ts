import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import QRCode from "qrcode";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderQrPng, renderQrSvg } from "./qr.js";

const run = promisify(execFile);

/** A verify URL of `bytes` bytes, shaped like a real one: base URL + base64url token. */
function verifyUrl(bytes: number): string {
  const base = "https://shian.example.gov.cn/v/";
  const token = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 37 + 11) % 256)).toString("base64url");
  return (base + token).slice(0, bytes);
}

describe("QR codes", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "shian-qr-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function decode(png: Buffer): Promise<string> {
    const file = join(dir, "qr.png");
    await writeFile(file, png);
    const { stdout } = await run("zbarimg", ["--raw", "-q", file]);
    return stdout.replace(/\n$/, "");
  }

  it("fits a 350-byte verify URL in version 14 at level M (DESIGN.md §10)", () => {
    expect(QRCode.create(verifyUrl(350), { errorCorrectionLevel: "M" }).version).toBe(14);
  });

  it("renders a PNG that zbarimg decodes back to the exact URL", async () => {
    for (const url of [verifyUrl(300), verifyUrl(350)]) {
      expect(await decode(await renderQrPng(url))).toBe(url);
    }
  });

  it("renders at the requested width", async () => {
    const png = await renderQrPng(verifyUrl(350), { size: 486 });
    expect((await sharp(png).metadata()).width).toBe(486);
    expect(await decode(png)).toBe(verifyUrl(350));
  });

  it("renders an SVG for HTML pages that decodes to the same URL", async () => {
    const svg = await renderQrSvg(verifyUrl(350));
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 81 81"/); // 73 modules + 2 × 4 quiet zone
    expect(await decode(await sharp(Buffer.from(svg), { density: 300 }).png().toBuffer())).toBe(
      verifyUrl(350),
    );
  });
});
