// 驾驶舱 in the browser: the demo city leader (Guangzhou) opens the cockpit, every chart draws with demo data,
// no console error; a screenshot for docs/cockpit.md; then a drill-down to Tianhe, its stores, and back up.
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { logIn, openDesktopPage, useDemoSession } from "./browser";

const SCREENSHOT = fileURLToPath(new URL("../docs/screenshot-cockpit.png", import.meta.url));
const WALL_SCREENSHOT = fileURLToPath(new URL("../docs/screenshot-cockpit-wall.png", import.meta.url));
const GUANGZHOU = "440100";
const TIANHE = "440106";
const CHARTS = [
  "map",
  "children",
  "licences",
  "colours",
  "grades",
  "inspections",
  "complaints",
  "alerts",
  "applications",
];

const demo = useDemoSession(120);

/** Waits until the cockpit shows the region (its data arrived and the page re-rendered). */
async function waitForRegion(page: Page, code: string) {
  await page.locator(`[data-testid="cockpit"][data-region="${code}"]`).waitFor();
}

/** The bits of a canvas the check reads (the e2e project compiles without the DOM library). */
interface CanvasLike {
  width: number;
  height: number;
  getContext(
    kind: "2d",
  ): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
}

/**
 * Every chart has a canvas with something drawn on it (some pixel not transparent) and series data: the chart
 * wrapper counts its series' data items in data-points.
 */
async function expectChartsDrawn(page: Page) {
  for (const name of CHARTS) {
    const chart = page.getByTestId(`cockpit-chart-${name}`);
    await chart.locator("canvas").first().waitFor();
    expect(Number(await chart.getAttribute("data-points")), `${name}: series data`).toBeGreaterThan(0);
    await expect
      .poll(
        () =>
          chart
            .locator("canvas")
            .first()
            .evaluate((node) => {
              const canvas = node as unknown as CanvasLike;
              const context = canvas.getContext("2d");
              if (!context || canvas.width === 0 || canvas.height === 0) return 0;
              const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
              let drawn = 0;
              for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) drawn += 1;
              return drawn;
            }),
        { message: `${name}: canvas not blank` },
      )
      .toBeGreaterThan(100);
  }
}

test("the city leader opens the cockpit: every chart draws, then drills down to Tianhe's stores and back", async () => {
  const { context, page, errors } = await openDesktopPage(demo.browser, demo.baseUrl);
  await logIn(page, "leader", "/console");
  await page.getByTestId("nav-cockpit").click();
  await waitForRegion(page, GUANGZHOU);
  await expect(page.getByTestId("cockpit-title").textContent()).resolves.toContain("广州市");
  await expect(page.getByTestId("cockpit-updated").textContent()).resolves.toContain("更新于");
  await expectChartsDrawn(page);
  // The demo's district (Tianhe, a sixth of the demo stores) has stores on the map; the table lists clocks.
  expect(Number(await page.getByTestId("cockpit-chart-map").getAttribute("data-points"))).toBeGreaterThan(10);
  await page.getByTestId("cockpit-applications-table").locator("tbody tr.ant-table-row").first().waitFor();
  expect(await page.locator(".ant-alert-error").count()).toBe(0);
  await page.screenshot({ path: SCREENSHOT, animations: "disabled", fullPage: true });

  // Drill down: Tianhe's row in the table of districts.
  await page.getByTestId(`cockpit-region-${TIANHE}`).click();
  await waitForRegion(page, TIANHE);
  await expect(page.getByTestId("cockpit-title").textContent()).resolves.toContain("天河区");
  const crumbs = (await page.getByTestId("cockpit-breadcrumb").textContent()) ?? "";
  expect(crumbs).toContain("广州市");
  expect(crumbs).toContain("天河区");
  const storeRows = page.getByTestId("cockpit-children").locator('[data-testid^="cockpit-store-"]');
  await storeRows.first().waitFor();
  expect(await storeRows.count()).toBeGreaterThan(10);
  await expectChartsDrawn(page);

  // A store opens in a drawer with the link to its public scan page.
  await storeRows.first().click();
  await expect(page.getByTestId("cockpit-store-scan").getAttribute("href")).resolves.toMatch(/^\/s\/\w+/);
  await page.keyboard.press("Escape");

  // The wall-screen mode keeps every chart (dark), and the breadcrumb goes back up to the city.
  await page.getByTestId("cockpit-fullscreen").click();
  await page.locator('[data-testid="cockpit"][data-wall="true"]').waitFor();
  await expectChartsDrawn(page);
  await page.screenshot({ path: WALL_SCREENSHOT, animations: "disabled" });
  await page.getByTestId("cockpit-fullscreen").click();
  await page.locator('[data-testid="cockpit"][data-wall="false"]').waitFor();
  await page.getByTestId(`cockpit-crumb-${GUANGZHOU}`).click();
  await waitForRegion(page, GUANGZHOU);

  expect(errors, "console errors").toEqual([]);
  await context.close();
});

test("the city leader generates last month's statistics report and downloads it as xlsx and PDF", async () => {
  const { context, page, errors } = await openDesktopPage(demo.browser, demo.baseUrl);
  await logIn(page, "leader", "/console");
  await page.getByTestId("nav-reports").click();
  await page.getByTestId("report-generate").getByRole("button").click();
  const row = page.getByTestId("report-row").first();
  await row.waitFor();
  expect(await row.textContent()).toContain("广州市");
  expect(await page.locator(".ant-alert-error").count()).toBe(0);

  const links = row.locator("a");
  const xlsx = await page.request.get((await links.nth(0).getAttribute("href"))!);
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
  // An xlsx is a zip: "PK" first.
  expect((await xlsx.body()).subarray(0, 2).toString()).toBe("PK");
  const pdf = await page.request.get((await links.nth(1).getAttribute("href"))!);
  expect(pdf.status()).toBe(200);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  expect(errors, "console errors").toEqual([]);
  await context.close();
});
