import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { request, type APIRequestContext, type Page } from "playwright-core";
import { beforeAll, expect, test } from "vitest";
import { logIn, logOut, openDesktopPage, useDemoSession } from "./browser";

const DOCS = fileURLToPath(new URL("../docs/", import.meta.url));
const SCREENSHOTS = {
  grading: `${DOCS}screenshot-grading.png`,
  plans: `${DOCS}screenshot-plans.png`,
  myGrade: `${DOCS}screenshot-my-grade.png`,
};
const TIANHE = "440106";
/** The demo owner's licensed Tianhe store (the one with a 食安码 and a grade). */
const OWNER_STORE = "花城大道店";
const EXPIRED_STAFF = "李健康";

const demo = useDemoSession();

beforeAll(async () => {
  await mkdir(DOCS, { recursive: true });
});

/** This month in China (YYYY-MM): the month the demo seed grades. */
const thisMonth = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit" }).format(
    new Date(),
  );

/** A signed-in API client for the steps that have no page (or are another user's). */
async function apiAs(username: string) {
  const api = await request.newContext({ baseURL: demo.baseUrl });
  const login = await api.post("/api/v1/auth/login", { data: { username, password: "shian-demo" } });
  expect(login.status(), `log in ${username}`).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return { api, headers: { "x-csrf-token": csrfToken } };
}

async function getJson<T>(api: APIRequestContext, path: string): Promise<T> {
  const response = await api.get(path);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

const openPage = () => openDesktopPage(demo.browser, demo.baseUrl);

/** The page shows no antd error alert. */
async function expectNoErrorAlert(page: Page, where: string) {
  expect(await page.getByTestId("error-alert").count(), where).toBe(0);
}

/** The colour banner of a store's public scan page. */
async function scanBanner(page: Page, code: string) {
  await page.goto(`/s/${code}`);
  return (await page.locator(".banner").first().textContent()) ?? "";
}

test("a leader sees the month's grading, generates Tianhe's supervision plan and opens the penalty pages", async () => {
  const period = thisMonth();
  const { context, page, errors } = await openPage();
  await logIn(page, "leader", "/console");

  // 信用评级: the demo seed graded this month; the page shows each run done with its progress bar.
  const runsBefore = await getJson<{ items: unknown[] }>(page.request, "/api/v1/credit/runs?limit=100");
  await page.getByTestId("nav-grading").click();
  const runs = page.getByTestId("grading-runs");
  const doneThisMonth = runs.locator("tbody tr", { hasText: period }).filter({ hasText: "已完成" });
  await doneThisMonth.first().waitFor();
  expect(await doneThisMonth.count()).toBeGreaterThan(0);
  expect(await doneThisMonth.first().locator(".ant-progress").count()).toBe(1);
  const distribution = page.getByTestId("grade-distribution");
  await distribution.getByTestId("grade-tag").first().waitFor();
  await expect(distribution.textContent()).resolves.toContain(period);
  await expectNoErrorAlert(page, "grading");
  await page.screenshot({ path: SCREENSHOTS.grading, animations: "disabled", fullPage: true });
  const runsAfter = await getJson<{ items: unknown[] }>(page.request, "/api/v1/credit/runs?limit=100");
  expect(runsAfter.items.length, "opening the page starts no run").toBe(runsBefore.items.length);

  // 监管计划: commit the month's secret, then generate Tianhe's plan from a declared seed.
  await page.getByTestId("nav-plans").click();
  await page.getByTestId("plans-district").locator("input").fill(TIANHE);
  await page.getByTestId("plans-commit").click();
  await page.getByTestId("plans-commitment").waitFor();
  await expect(page.getByTestId("plans-commitment").textContent()).resolves.toMatch(/[0-9a-f]{64}/);
  await page.getByTestId("plans-declared-seed").fill(`上证综指 ${period}-25 收盘价 3000.00`);
  await page.getByTestId("plans-generate").click();
  const plan = page.getByTestId("plan-card").first();
  await plan.waitFor();
  await expect(plan.textContent()).resolves.toContain(`${period} · ${TIANHE}`);
  expect(await plan.locator(".ant-progress").count(), "overall and per-grade completion").toBeGreaterThan(1);
  await plan.getByText("计划事项").click();
  const offline = plan.getByTestId("plan-items").locator("tbody tr", { hasText: "现场检查" });
  await offline.first().waitFor();
  for (const row of await offline.all()) {
    // The inspectors' names may arrive after the row itself: wait for them rather than read too early.
    const inspectors = async () => ((await row.locator("td").nth(3).textContent()) ?? "").split("、");
    await expect.poll(inspectors, { message: "two drawn inspectors per on-site visit" }).toHaveLength(2);
  }
  await expectNoErrorAlert(page, "plans");
  await page.locator(".ant-message-notice").waitFor({ state: "detached" });
  await page.screenshot({ path: SCREENSHOTS.plans, animations: "disabled", fullPage: true });
  const drawHref = await plan.getByTestId("plan-draw-link").getAttribute("href");
  expect(drawHref).toMatch(/^\/api\/v1\/public\/draws\//);

  // 处罚 / 信用修复 / 失信名单 render (the demo has none yet).
  await page.getByTestId("nav-penalties").click();
  await page.getByTestId("penalties").waitFor();
  await expectNoErrorAlert(page, "penalties");
  await page.getByTestId("nav-creditRepairs").click();
  await page.getByTestId("credit-repairs").waitFor();
  await expectNoErrorAlert(page, "credit repairs");
  await page.getByTestId("nav-dishonesty").click();
  await page.getByTestId("dishonesty-entries").waitFor();
  await page.getByTestId("dishonesty-export-xlsx").waitFor();
  await expectNoErrorAlert(page, "dishonesty");
  await logOut(page);

  // The public draw record answers anyone, as JSON.
  const draw = await page.request.get(drawHref!);
  expect(draw.status()).toBe(200);
  expect(draw.headers()["content-type"]).toContain("application/json");
  const record = (await draw.json()) as { declaredSeed: string; revealedSecret: string };
  expect(record.declaredSeed).toContain("上证综指");
  expect(record.revealedSecret).toBeTruthy();

  expect(errors, "console errors").toEqual([]);
  await context.close();
});

test("a red alert (expired health certificate) turns the 食安码 red until an inspector closes it; the owner reads the grade", async () => {
  const { context, page, errors } = await openPage();
  const scan = await (await demo.browser.newContext({ baseURL: demo.baseUrl, locale: "zh-CN" })).newPage();

  await logIn(page, "inspector", "/console");
  await page.getByTestId("nav-alerts").click();
  await page.getByTestId("alerts").waitFor();
  await expectNoErrorAlert(page, "alerts");

  // The owner records a cook whose health certificate ran out; the administrator runs the rules.
  const owner = await apiAs("owner");
  const stores = await getJson<{ items: { id: string; name: string }[] }>(
    owner.api,
    "/api/v1/stores?limit=200",
  );
  const store = stores.items.find((item) => item.name.includes(OWNER_STORE))!;
  expect(store, "the demo owner's licensed store").toBeTruthy();
  const staff = await owner.api.post(`/api/v1/stores/${store.id}/staff`, {
    headers: owner.headers,
    data: {
      name: EXPIRED_STAFF,
      position: "厨师",
      healthCertificateNo: "JK-2020-0009",
      healthCertificateIssuer: "天河区疾控中心",
      healthCertificateValidTo: "2020-01-31",
    },
  });
  expect(staff.status()).toBe(201);
  await owner.api.dispose();
  const admin = await apiAs("admin");
  expect((await admin.api.post("/api/v1/alerts/run", { headers: admin.headers })).status()).toBe(200);
  await admin.api.dispose();
  const { safetyCode } = await getJson<{ safetyCode: string }>(
    page.request,
    `/api/v1/public/stores/${store.id}`,
  );

  await page.reload();
  const redAlert = page.getByTestId("alerts").locator("tbody tr", { hasText: EXPIRED_STAFF });
  await redAlert.waitFor();
  await expect(redAlert.textContent()).resolves.toContain("红色预警");
  await expect(scanBanner(scan, safetyCode)).resolves.toContain("红码");
  await logOut(page);

  // The owner: the alert under 预警提醒, the grade explained under 我的信用, the penalties page.
  await logIn(page, "owner", "/portal");
  await page.getByTestId("nav-myAlerts").click();
  await page.getByTestId("alerts").locator("tbody tr", { hasText: "从业人员健康证明过期" }).waitFor();
  await expectNoErrorAlert(page, "my alerts");

  await page.getByTestId("nav-myGrade").click();
  await page.getByTestId("store-select").click();
  await page.locator(".ant-select-item-option", { hasText: OWNER_STORE }).click();
  const grade = page.getByTestId("my-grade");
  await grade.getByTestId("grade-tag").waitFor();
  await grade.getByTestId("code-colour").waitFor();
  expect(await grade.getByTestId("grade-dimension").count(), "dimension breakdown").toBeGreaterThan(1);
  await grade.getByTestId("grade-improvements").waitFor();
  await page.getByTestId("grade-history").waitFor();
  // While the red alert is open the door shows 红码, whatever the grade; the page says so.
  await expect(page.getByTestId("live-code-colour").textContent()).resolves.toContain("红码");
  await expectNoErrorAlert(page, "my grade");
  await page.screenshot({ path: SCREENSHOTS.myGrade, animations: "disabled", fullPage: true });

  await page.getByTestId("nav-myPenalties").click();
  await page.getByTestId("penalties").waitFor();
  await page.getByTestId("credit-repairs").waitFor();
  await expectNoErrorAlert(page, "my penalties");
  await logOut(page);

  // The inspector closes the alert with a note; the scan page is no longer red.
  await logIn(page, "inspector", "/console");
  await page.getByTestId("nav-alerts").click();
  const open = page.getByTestId("alerts").locator("tbody tr", { hasText: EXPIRED_STAFF });
  await open.getByTestId("alert-note").fill("已核实：该员工已停止上岗，健康证复检中。");
  await open.getByTestId("alert-close").click();
  await open.getByText("已办结").first().waitFor();
  await expectNoErrorAlert(page, "alert closed");
  await expect(scanBanner(scan, safetyCode)).resolves.not.toContain("红码");

  expect(errors, "console errors").toEqual([]);
  await scan.context().close();
  await context.close();
});
