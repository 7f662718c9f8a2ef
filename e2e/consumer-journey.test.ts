import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { DESKTOP, useDemoSession } from "./browser";

const SCREENSHOT = fileURLToPath(new URL("../docs/screenshot-scan.png", import.meta.url));
const PHONE = { width: 390, height: 844 };
/** A 1×1 PNG: the complaint's photo. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);
const REPLY = "已派员现场核查，责令门店整改并复查合格。";

const demo = useDemoSession();

test("a diner scans a Tianhe store, rates it, complains with a photo; the inspector closes it; the diner reads the reply", async () => {
  const base = demo.baseUrl;
  const stores = (await (await fetch(`${base}/api/v1/public/stores?region=440106&limit=1`)).json()) as {
    items: { safetyCode: string | null }[];
  };
  const code = stores.items[0]?.safetyCode;
  expect(code, "the demo data gives Tianhe stores a 食安码").toBeTruthy();

  // On the phone: the scan page, a rating, then a complaint through the no-JS form.
  const phone = await demo.browser.newContext({
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    locale: "zh-CN",
  });
  const scan = await phone.newPage();
  await scan.goto(`${base}/s/${code}`);
  await mkdir(fileURLToPath(new URL("../docs/", import.meta.url)), { recursive: true });
  await scan.screenshot({ path: SCREENSHOT, fullPage: false });
  await scan.locator('input[name="stars"][value="4"]').check();
  await scan.locator('textarea[name="comment"]').fill("菜品新鲜");
  const [rated] = await Promise.all([
    scan.waitForResponse((r) => r.url().includes("/rate") && r.request().method() === "POST"),
    scan.locator('form[action$="/rate"] button[type="submit"]').click(),
  ]);
  expect(rated.status()).toBe(201);

  await scan.goto(`${base}/s/${code}`);
  await scan.locator(`a[href="/s/${code}/complaint"]`).click();
  await scan.waitForURL((url) => url.pathname === `/s/${code}/complaint`);
  await scan.locator("#category").selectOption("foreign_object");
  await scan.locator("#description").fill("米饭里吃出一根头发。");
  await scan.locator("#photos").setInputFiles({ name: "rice.png", mimeType: "image/png", buffer: PNG });
  await scan.locator("#contactPhone").fill("13812345678");
  await scan.locator('form button[type="submit"]').click();
  const link = scan.getByTestId("tracking-link");
  await link.waitFor();
  const trackingPath = (await link.getAttribute("href"))!;
  const complaintId = /^\/complaints\/([0-9a-f-]{36})\?token=/.exec(trackingPath)?.[1];
  expect(complaintId).toBeDefined();

  // At the bureau: Tianhe's inspector finds it in the queue, dispatches themself and closes it with a reply.
  const desk = await demo.browser.newContext({ viewport: DESKTOP });
  const page = await desk.newPage();
  await page.goto(`${base}/login`);
  await page.getByTestId("login-username").fill("inspector");
  await page.getByTestId("login-password").fill("shian-demo");
  await page.getByTestId("login-submit").click();
  await page.waitForURL((url) => url.pathname === "/console");
  await page.getByTestId("nav-complaints").click();
  await page.locator(`[data-testid="complaint-link"][href$="/${complaintId}"]`).click();
  await page.getByTestId("complaint-description").waitFor();
  expect(await page.getByTestId("complaint-description").innerText()).toContain("头发");
  expect(await page.content()).not.toContain("13812345678");
  await page.getByTestId("complaint-photo").first().waitFor();
  await page.getByTestId("complaint-inspector").click();
  await page.locator(".ant-select-item-option").filter({ hasText: "(inspector)" }).click();
  await page.getByTestId("complaint-assign").click();
  await page.getByTestId("complaint-reply-input").waitFor();
  await page.getByTestId("complaint-reply-input").fill(REPLY);
  await page.getByTestId("complaint-close").click();
  await page.getByTestId("complaint-reply").waitFor();

  // Back on the phone: the tracking link shows the bureau's reply.
  await scan.goto(`${base}${trackingPath}`);
  expect(await scan.getByTestId("reply").innerText()).toBe(REPLY);
  expect(await scan.content()).not.toContain("13812345678");
  await phone.close();
  await desk.close();
});
