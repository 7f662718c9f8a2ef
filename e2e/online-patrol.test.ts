// Issue 12's must-show (seed 004, Zhenhai: green units are supervised by online patrol only): an online patrol
// (线上巡查) of a green demo store from the console, with a snapshot as evidence, completes one item of the
// month's plan. The leader generates Tianhe's plan first (its online items list the green stores); the inspector
// opens the green store that has a kitchen camera, chooses a snapshot, marks the checklist and submits.
import { fileURLToPath } from "node:url";
import { request } from "playwright-core";
import { expect, test } from "vitest";
import { logIn, openDesktopPage, useDemoSession } from "./browser";

const SCREENSHOT = fileURLToPath(new URL("../docs/screenshot-online-patrol.png", import.meta.url));
const TIANHE = "440106";

const demo = useDemoSession();

const thisMonth = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit" }).format(
    new Date(),
  );

/** The Tianhe leader commits the month's secret and generates the plan (the plans page does the same). */
async function generateTianhePlan(period: string) {
  const api = await request.newContext({ baseURL: demo.baseUrl });
  const login = await api.post("/api/v1/auth/login", {
    data: { username: "leader", password: "shian-demo" },
  });
  expect(login.status()).toBe(200);
  const headers = { "x-csrf-token": ((await login.json()) as { csrfToken: string }).csrfToken };
  const commit = await api.post("/api/v1/supervision/commitments", {
    headers,
    data: { regionCode: TIANHE, period },
  });
  expect(commit.status(), await commit.text()).toBe(201);
  const plan = await api.post("/api/v1/supervision/plans", {
    headers,
    data: {
      regionCode: TIANHE,
      period,
      model: "zhenhai-3l4c",
      declaredSeed: `上证综指 ${period}-25 收盘价 3000.00`,
    },
  });
  expect(plan.status(), await plan.text()).toBe(201);
  await api.dispose();
}

test("an inspector's online patrol of a green demo store, with a snapshot as evidence, completes its plan item", async () => {
  const period = thisMonth();
  await generateTianhePlan(period);
  const { context, page } = await openDesktopPage(demo.browser, demo.baseUrl);
  await logIn(page, "inspector", "/console");
  await page.getByTestId("nav-onlinePatrol").click();

  // The green store with a kitchen camera (the demo gives the first green Tianhe store one, with snapshots).
  const row = page
    .locator('[data-testid="online-patrol-row"][data-grade="green"]:not([data-feeds="0"])')
    .first();
  await row.waitFor();
  expect(await row.getAttribute("data-done")).toBe("false");
  const storeName = (await row.locator("td").first().textContent())!;
  await row.getByTestId("online-patrol-open").click();

  const workspace = page.getByTestId("online-patrol-workspace");
  await workspace.waitFor();
  await expect(workspace.textContent()).resolves.toContain(storeName);
  // Left: the live stream (or its fallback) and the snapshots; one chosen as evidence.
  await workspace
    .locator('[data-testid="online-patrol-video"], [data-testid="online-patrol-video-fallback"]')
    .first()
    .waitFor();
  const snapshots = workspace.getByTestId("online-patrol-snapshot");
  expect(await snapshots.count()).toBeGreaterThanOrEqual(2);
  await snapshots.first().click();
  expect(await snapshots.first().getAttribute("data-selected")).toBe("true");
  await expect
    .poll(() =>
      snapshots
        .first()
        .locator("img")
        .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    )
    .toBeGreaterThan(0);

  // Right: every item passes but waste sorting, which fails with a note (→ a rectification order).
  const passes = workspace.locator('[data-testid^="online-patrol-"][data-testid$="-pass"]');
  expect(await passes.count()).toBeGreaterThan(3);
  for (const pass of await passes.all()) await pass.click();
  await workspace.getByTestId("online-patrol-waste_sorting-fail").click();
  await workspace.getByTestId("online-patrol-note-waste_sorting").fill("餐厨垃圾桶未加盖");
  await page.screenshot({ path: SCREENSHOT, animations: "disabled", fullPage: true });
  await workspace.getByTestId("online-patrol-submit").click();

  const recorded = page.getByTestId("online-patrol-recorded");
  await recorded.waitFor();
  await expect(recorded.textContent()).resolves.toContain("1 / 1");
  const doneRow = page.locator('[data-testid="online-patrol-row"]', { hasText: storeName });
  await expect.poll(() => doneRow.getAttribute("data-done")).toBe("true");
  expect(await page.getByTestId("error-alert").count()).toBe(0);

  // The record: an online_patrol inspection whose failed item carries the snapshot, copied as a file.
  const list = await page.request.get(`/api/v1/inspections?kind=online_patrol`);
  expect(list.status()).toBe(200);
  const [inspection] = (
    (await list.json()) as {
      items: { storeName: string; results: { code: string; photoFileIds?: string[] }[] }[];
    }
  ).items;
  expect(inspection!.storeName).toBe(storeName);
  const evidence = inspection!.results.find((r) => r.code === "waste_sorting")!.photoFileIds!;
  expect(evidence).toHaveLength(1);
  const file = await page.request.get(`/api/v1/files/${evidence[0]}`);
  expect(file.headers()["content-type"]).toBe("image/jpeg");
  await context.close();
});
