// Smoke test of the step-9 pages: each renders without an error alert, a console error or a page error.
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { logIn, logOut, openDesktopPage, useDemoSession } from "./browser";

/** The demo owner's licensed Tianhe store (the one with a 食安码). */
const OWNER_STORE = "花城大道店";
const SIGNER = "张承诺";

const demo = useDemoSession();

const openPage = () => openDesktopPage(demo.browser, demo.baseUrl);

/** Opens a page from the side menu, waits for its landmark and checks that no error alert shows. */
async function openFromNav(page: Page, nav: string, landmark: string) {
  await page.getByTestId(nav).click();
  await page.getByTestId(landmark).waitFor();
  expect(await page.locator(".ant-alert-error").count(), nav).toBe(0);
}

test("step 9: the owner signs a commitment letter and opens 阳光厨房 and 生产批次; the inspector opens breaches and evaluations; the public screen shows the store", async () => {
  const { context, page, errors } = await openPage();

  await logIn(page, "owner", "/portal");
  await openFromNav(page, "nav-commitments", "commitment-signer");
  const store = page.getByTestId("store-select");
  await expect
    .poll(async () => (await store.textContent()) ?? "", { message: "the first store" })
    .not.toBe("");
  await page.getByTestId("commitment-signer").fill(SIGNER);
  await page.getByTestId("commitment-agree").check();
  await page.getByTestId("commitment-submit").click();
  // The demo may have signed one already: the new letter replaces it.
  const letter = page.getByTestId("commitment-current");
  await expect
    .poll(async () => (await letter.textContent()) ?? "", { message: "the letter" })
    .toContain(SIGNER);
  expect(await page.locator(".ant-alert-error").count(), "signed").toBe(0);

  await openFromNav(page, "nav-sunshine", "kitchen-feeds");
  await openFromNav(page, "nav-batches", "batches");

  const stores = (await (await page.request.get("/api/v1/stores?limit=200")).json()) as {
    items: { id: string; name: string }[];
  };
  const licensed = stores.items.find((item) => item.name.includes(OWNER_STORE));
  expect(licensed, "the demo owner's licensed store").toBeTruthy();
  await logOut(page);

  await logIn(page, "inspector", "/console");
  await openFromNav(page, "nav-commitmentBreaches", "commitment-letters");
  await page.getByTestId("commitment-letters").locator("tbody tr", { hasText: SIGNER }).waitFor();
  await openFromNav(page, "nav-evaluations", "sanction-proposals");
  await logOut(page);
  expect(errors, "console errors").toEqual([]);

  // 阳光电子屏: the public screen of the owner's store, by its 食安码 (server-rendered; checked after the
  // console errors because the browser's own /favicon.ico request may 404 there).
  const detail = await page.request.get(`/api/v1/public/stores/${licensed!.id}`);
  expect(detail.status()).toBe(200);
  const { safetyCode } = (await detail.json()) as { safetyCode: string };
  const screen = await page.goto(`/screen/${safetyCode}`);
  expect(screen?.status()).toBe(200);
  await expect(page.locator("h1").textContent()).resolves.toContain(OWNER_STORE);
  await context.close();
});
