import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { type Page } from "playwright-core";
import { expect, test } from "vitest";
import { DESKTOP, logIn, logOut, useDemoSession, waitForPath } from "./browser";

const SCREENSHOT = fileURLToPath(new URL("../docs/screenshot-wizard.png", import.meta.url));
const PHONE = { width: 390, height: 844 };

/** The smallest PDF the server's content check accepts, for every required material. */
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n" +
    "trailer<</Root 1 0 R>>\n%%EOF\n",
);
/** A 1×1 PNG, the on-site photo. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

const demo = useDemoSession();

/** Waits until the open application shows this status. */
function statusShown(page: Page, status: string) {
  return page.locator(`[data-testid="application-status"][data-status="${status}"]`).waitFor();
}

/** From a work queue (the menu item `nav`) to the application's page. */
async function openFromQueue(page: Page, nav: string, applicationId: string) {
  await page.getByTestId(nav).click();
  await page.locator(`[data-testid="application-link"][href$="/${applicationId}"]`).click();
  await page.getByTestId("stage-actions").waitFor();
}

test("a new small restaurant applies, is accepted, inspected, reviewed, approved and gets its licence", async () => {
  const page = await demo.browser.newPage({ viewport: DESKTOP });
  await page.goto(`${demo.baseUrl}/login`);

  // The owner applies for a new licence, as a small restaurant selling hot food.
  await logIn(page, "owner", "/portal");
  await page.getByTestId("nav-applications").click();
  await page.getByTestId("new-application").click();
  await waitForPath(page, "/portal/applications/new");
  // The first store without a licence (a store that holds one cannot apply for a new one).
  const store = page.locator('[data-testid^="store-option-"][data-licensed="false"]').first();
  const storeName = await store.getByTestId("store-name").innerText();
  await store.click();
  await page.getByTestId("wizard-next").click();
  await page.getByTestId("form-catering").click();
  await page.getByTestId("subtype-restaurant_small").click();
  await page.getByTestId("item-hot_food").click();
  await page.getByTestId("fact-processingAreaM2").fill("120");

  // The live assessment: category 2, on-site inspection required, no violations, a materials checklist.
  await page.locator('[data-testid="assessment-onsite"][data-required="true"]').waitFor();
  await page.getByTestId("assessment-allowed").waitFor();
  expect(await page.getByTestId("assessment-category").getAttribute("data-category")).toBe("2");
  expect(await page.getByTestId("assessment-commitment").getAttribute("data-eligible")).toBe("false");
  await mkdir(fileURLToPath(new URL("../docs/", import.meta.url)), { recursive: true });
  await page.evaluate("window.scrollTo(0, 0)");
  await page.screenshot({ path: SCREENSHOT });

  await page.getByTestId("wizard-next").click();
  const uploads = page.locator('[data-testid^="material-upload-"]');
  await uploads.first().waitFor();
  const codes = await uploads.evaluateAll((cells) =>
    cells.map((cell) => cell.getAttribute("data-testid")!.slice("material-upload-".length)),
  );
  expect(codes.length).toBeGreaterThan(0);
  for (const code of codes) {
    await page
      .getByTestId(`material-upload-${code}`)
      .locator('input[type="file"]')
      .setInputFiles({ name: `${code}.pdf`, mimeType: "application/pdf", buffer: PDF });
    await page.getByTestId(`material-attached-${code}`).waitFor();
  }
  await page.getByTestId("wizard-next").click();
  await page.getByTestId("submit-application").click();
  await page.waitForURL((url) => /^\/portal\/applications\/[0-9a-f-]{36}$/.test(url.pathname));
  const applicationId = new URL(page.url()).pathname.split("/").pop()!;
  await statusShown(page, "submitted");
  await logOut(page);

  // The acceptor accepts it from the acceptance queue.
  await logIn(page, "acceptor", "/console");
  await openFromQueue(page, "nav-acceptance", applicationId);
  await page.getByTestId("accept").click();
  await statusShown(page, "accepted");
  await logOut(page);

  // The reviewer schedules the inspection, records it on a phone (all pass, one photo, signed), then passes it.
  await logIn(page, "reviewer", "/console");
  await openFromQueue(page, "nav-review", applicationId);
  const picker = page.getByTestId("onsite-at");
  await picker.click();
  await picker.fill(`${new Date().getFullYear() + 1}-01-15 09:30`);
  await picker.press("Enter");
  await page.getByTestId("onsite-schedule").click();
  await statusShown(page, "onsite_scheduled");

  await page.getByTestId("onsite-mobile-link").click();
  await waitForPath(page, `/m/applications/${applicationId}/onsite`);
  await page.setViewportSize(PHONE);
  // The console's own checklist stays on screen until the mobile shell has loaded.
  const phonePage = page.getByTestId("onsite-page");
  const passButtons = phonePage.locator('[data-testid^="onsite-"][data-testid$="-pass"]');
  await passButtons.first().waitFor();
  for (const button of await passButtons.all()) await button.click();
  await phonePage
    .getByTestId("photo-input")
    .setInputFiles({ name: "kitchen.png", mimeType: "image/png", buffer: PNG });
  await phonePage.getByTestId("photo").waitFor();
  await phonePage.getByTestId("onsite-signed").check();
  await phonePage.getByTestId("onsite-submit").click();
  await page.getByTestId("onsite-done").waitFor();
  expect(await page.getByTestId("onsite-outcome").innerText()).toBe("通过");

  await page.setViewportSize(DESKTOP);
  await page.goto(`${demo.baseUrl}/console/review/${applicationId}`);
  await page.getByTestId("review-opinion").fill("书面审查与现场核查均符合要求");
  await page.getByTestId("review-submit").click();
  await statusShown(page, "reviewed");
  await logOut(page);

  // The approver grants the licence.
  await logIn(page, "approver", "/console");
  await openFromQueue(page, "nav-decisions", applicationId);
  await page.getByTestId("approve").click();
  await statusShown(page, "approved");
  await logOut(page);

  // The owner finds it among their certificates.
  await logIn(page, "owner", "/portal");
  await page.getByTestId("nav-certificates").click();
  const number = page
    .locator('[data-testid="certificate-card"]', { hasText: storeName })
    .getByTestId("license-number");
  await number.waitFor();
  expect(await number.innerText()).toMatch(/^JY2440106\d{7}$/);
  await page.close();
}, 240_000);
