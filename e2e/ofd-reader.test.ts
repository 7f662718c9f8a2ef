// An independent OFD reader (ofd.js 0.2.6, dev only) opens the certificate.ofd our server writes: GB/T 33190 as
// GB/T 36905 names it for e-licences — the file is readable by a reader that is not ours, not only by our tests.
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { logIn, useDemoSession } from "./browser";

const SCREENSHOTS = [
  fileURLToPath(new URL("./screenshots/ofd-reader.png", import.meta.url)),
  fileURLToPath(new URL("../docs/screenshot-ofd.png", import.meta.url)),
];
/** The UMD bundle of ofd.js (its package main), with its old Vue 2/element-ui code inside. */
const OFD_JS = createRequire(import.meta.url).resolve("ofd.js");
const READER = "http://localhost/reader.html";

const demo = useDemoSession();

test("ofd.js renders a demo certificate.ofd with the holder's name and the licence number", async () => {
  // The owner reads one of its valid licences, its signed payload and its OFD file.
  const context = await demo.browser.newContext({ locale: "zh-CN" });
  const page = await context.newPage();
  await page.goto(`${demo.baseUrl}/login`);
  await logIn(page, "owner", "/portal");
  await page.getByTestId("nav-certificates").click();
  const card = page
    .getByTestId("certificate-card")
    .filter({ has: page.locator('[data-testid="license-status"][data-status="valid"]') })
    .first();
  const number = await card.getByTestId("license-number").innerText();
  expect(number).toMatch(/^JY\d{14}$/);
  const signed = await page.request.get(`${demo.baseUrl}/api/v1/certificates/${number}`);
  expect(signed.status()).toBe(200);
  // The payload is the canonical JSON string both signatures cover.
  const signedPayload = ((await signed.json()) as { payload: string }).payload;
  const payload = JSON.parse(signedPayload) as { licenseNo: string; holderName: string };
  expect(payload.licenseNo).toBe(number);
  expect(payload.holderName).toMatch(/[\u4e00-\u9fff]/);
  const file = await page.request.get(`${demo.baseUrl}/api/v1/certificates/${number}/certificate.ofd`);
  expect(file.status()).toBe(200);
  const ofd = (await file.body()).toString("base64");
  await context.close();

  // The reader runs in a page of its own where every request but the stub page is blocked.
  const sandbox = await demo.browser.newContext({ viewport: { width: 900, height: 1200 } });
  await sandbox.route("**/*", (route) =>
    route.request().url() === READER
      ? route.fulfill({
          contentType: "text/html",
          body: '<!doctype html><meta charset="utf-8"><body style="margin:0"><div id="ofd"></div>',
        })
      : route.abort(),
  );
  const reader = await sandbox.newPage();
  await reader.goto(READER);
  await reader.addScriptTag({ path: OFD_JS });
  const rendered = await reader.evaluate(
    (base64) =>
      new Promise<{ pages: number; text: string }>((resolve, reject) => {
        // e2e compiles without the DOM library: the few browser objects used here, typed by hand.
        interface Element {
          readonly textContent: string | null;
          appendChild(child: Element): void;
        }
        interface OfdJs {
          parseOfdDocument(options: {
            ofd: string;
            success: (result: unknown[]) => void;
            fail: (error: unknown) => void;
          }): void;
          renderOfd(width: number, document: unknown): Element[];
        }
        const browser = globalThis as unknown as {
          ofd: OfdJs;
          document: { getElementById(id: string): Element };
        };
        const ofdJs = browser.ofd;
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        ofdJs.parseOfdDocument({
          ofd: URL.createObjectURL(new Blob([bytes])),
          success: (result) => {
            try {
              const root = browser.document.getElementById("ofd");
              const pages = ofdJs.renderOfd(840, result[0]);
              for (const div of pages) root.appendChild(div);
              resolve({ pages: pages.length, text: root.textContent ?? "" });
            } catch (error) {
              reject(new Error(String(error)));
            }
          },
          fail: (error) => reject(new Error(`ofd.js could not parse the file: ${String(error)}`)),
        });
      }),
    ofd,
  );
  expect(rendered.pages).toBeGreaterThan(0);
  expect(rendered.text).toContain(payload.holderName);
  expect(rendered.text).toContain(number);

  for (const path of SCREENSHOTS) {
    await mkdir(dirname(path), { recursive: true });
    await reader.locator("#ofd").screenshot({ path, animations: "disabled" });
  }
  await sandbox.close();
}, 120_000);
