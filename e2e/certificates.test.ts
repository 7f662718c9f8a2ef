import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { request, type BrowserContext, type Page } from "playwright-core";
import { expect, test } from "vitest";
import { DESKTOP, logIn, logOut, useDemoSession } from "./browser";

const SCREENSHOT = fileURLToPath(new URL("../docs/screenshot-certificates.png", import.meta.url));

const demo = useDemoSession();

/** The demo has no third-party platform: an administrator registers one through the API (there is no page for it). */
async function registerPlatform(name: string) {
  const api = await request.newContext({ baseURL: demo.baseUrl });
  const login = await api.post("/api/v1/auth/login", { data: { username: "admin", password: "shian-demo" } });
  const { user, csrfToken } = (await login.json()) as {
    user: { regionCode: string | null };
    csrfToken: string;
  };
  const created = await api.post("/api/v1/api-clients", {
    headers: { "x-csrf-token": csrfToken },
    data: { name, scopes: ["certificates:read"], regionCode: user.regionCode },
  });
  expect(created.status()).toBe(201);
  await api.dispose();
}

/** GETs a path of the server with the page's session; fails unless the answer is 200. */
async function fetchOk(page: Page, path: string) {
  const response = await page.request.get(`${demo.baseUrl}${path}`);
  expect(response.status(), path).toBe(200);
  return response;
}

/** Opens a link that opens in a new tab, and returns that tab. */
async function openInNewTab(context: BrowserContext, link: ReturnType<Page["getByTestId"]>) {
  const [opened] = await Promise.all([context.waitForEvent("page"), link.click()]);
  await opened.waitForLoadState();
  return opened;
}

test("an owner uses the e-certificates, authorises a platform and reads messages; an approver suspends the licence", async () => {
  await registerPlatform("美团外卖");
  // Chinese: the verification pages answer in the browser's language.
  const context = await demo.browser.newContext({ viewport: DESKTOP, locale: "zh-CN" });
  const page = await context.newPage();
  await page.goto(`${demo.baseUrl}/login`);
  await logIn(page, "owner", "/portal");

  // 电子证照: a valid licence with its signed certificate.
  await page.getByTestId("nav-certificates").click();
  const card = page
    .getByTestId("certificate-card")
    .filter({ has: page.locator('[data-testid="license-status"][data-status="valid"]') })
    .first();
  await card.getByTestId("certificate-qr").waitFor();
  const number = await card.getByTestId("license-number").innerText();
  expect(number).toMatch(/^JY\d{14}$/);

  // The signatures, folded away until asked for.
  await card.getByTestId("signatures").getByText("签名信息").click();
  await card.getByTestId("sm2-length").waitFor();
  expect(await card.getByTestId("sm2-length").innerText()).toMatch(/^\d+ 字节$/);
  await mkdir(fileURLToPath(new URL("../docs/", import.meta.url)), { recursive: true });
  await page.screenshot({ path: SCREENSHOT, animations: "disabled" });

  // The PDF, the shop display and the e-photo frame open in new tabs: each answers.
  const pdf = await fetchOk(page, (await card.getByTestId("certificate-pdf").getAttribute("href"))!);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  for (const action of ["certificate-display", "certificate-frame"]) {
    const display = await fetchOk(page, (await card.getByTestId(action).getAttribute("href"))!);
    expect(await display.text()).toContain(number);
  }

  // The QR code loads, with the verification URL beside it.
  await card.getByTestId("certificate-qr").click();
  const qr = page.getByTestId("qr-image");
  await expect
    .poll(() => qr.evaluate((image) => (image as unknown as { naturalWidth: number }).naturalWidth))
    .toBeGreaterThan(0);
  expect(await page.getByTestId("verify-url").innerText()).toMatch(/\/v\/[\w.-]+/);
  await page.keyboard.press("Escape");
  await qr.waitFor({ state: "detached" });

  // The public verification page, in a new tab.
  const verification = await openInNewTab(context, card.getByTestId("certificate-verify"));
  expect(new URL(verification.url()).pathname).toMatch(/^\/v\//);
  await verification.getByText("有效的电子许可证").waitFor();
  await verification.close();

  // 授权管理: the platform registered above may fetch all the licences until the middle of next year; then
  // the owner revokes that.
  await page.getByTestId("nav-authorizations").click();
  await page.getByTestId("authorizations").waitFor();
  await page.getByTestId("grant-platform").click();
  await page.locator(".ant-select-item-option", { hasText: "美团外卖" }).click();
  const until = page.getByTestId("grant-valid-until");
  await until.click();
  await until.fill(`${new Date().getFullYear() + 1}-06-30`);
  // Leaving the field takes the typed date (Enter would submit the form at once).
  await until.press("Tab");
  await page.getByTestId("grant-submit").click();
  const status = page.getByTestId("authorization-status");
  await status.and(page.locator('[data-status="active"]')).waitFor();
  await page.getByTestId("authorization-revoke").click();
  await page.locator(".ant-popconfirm .ant-btn-primary").click();
  await status.and(page.locator('[data-status="revoked"]')).waitFor();

  // 消息: the inbox (the demo's licences were seeded without messages: it may be empty).
  await page.getByTestId("nav-inbox").click();
  await page.getByTestId("inbox").waitFor();
  await logOut(page);

  // The approver suspends that licence, giving the reason …
  await logIn(page, "approver", "/console");
  await page.getByTestId("nav-licenses").click();
  await page.getByTestId("license-search").fill(number);
  const row = page.locator("tr", { hasText: number });
  await row.getByTestId("license-suspend").click();
  await page.getByTestId("status-reason").fill("抽检发现问题，责令停业整改");
  await page.getByTestId("status-confirm").click();
  await row.locator('[data-testid="license-status"][data-status="suspended"]').waitFor();
  expect(await row.getByTestId("license-reinstate").count()).toBe(1);

  // … and the public verification page of its certificate says so at once.
  const { token } = (await (await fetchOk(page, `/api/v1/certificates/${number}`)).json()) as {
    token: string;
  };
  await page.goto(`${demo.baseUrl}/v/${token}`);
  await page.getByText("许可证已暂停").waitFor();
  await context.close();
}, 180_000);
