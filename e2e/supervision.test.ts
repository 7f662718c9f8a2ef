import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { DESKTOP, logIn, logOut, useDemoSession } from "./browser";

const demo = useDemoSession();

/** Types a date into an antd DatePicker; leaving the field takes it (Enter would submit the form). */
async function typeDate(page: Page, testId: string, date: string) {
  const field = page.getByTestId(testId);
  await field.click();
  await field.fill(date);
  await field.press("Tab");
}

const today = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
};

test("an owner records staff and a self-check; an inspector publishes and withdraws a red-list entry and posts a notice", async () => {
  const context = await demo.browser.newContext({ viewport: DESKTOP, locale: "zh-CN" });
  const page = await context.newPage();
  await page.goto(`${demo.baseUrl}/login`);
  await logIn(page, "owner", "/portal");

  // 从业人员与健康证: a member whose health certificate ran out is flagged.
  await page.getByTestId("nav-staff").click();
  await page.getByTestId("staff-name").fill("王小明");
  await page.getByTestId("staff-certificate-no").fill("JK-2020-0001");
  await page.getByTestId("staff-issuer").fill("天河区疾控中心");
  await typeDate(page, "staff-valid-to", "2020-01-31");
  await page.getByTestId("staff-submit").click();
  await page.getByTestId("staff").getByText("王小明").waitFor();
  await page.getByTestId("staff-expired").waitFor();

  // 自查: every item of the patrol checklist passes.
  await page.getByTestId("nav-selfChecks").click();
  await typeDate(page, "self-check-date", today());
  const passes = page.locator('[data-testid^="self-check-"][data-testid$="-pass"]');
  expect(await passes.count()).toBeGreaterThan(5);
  for (const pass of await passes.all()) await pass.click();
  await page.getByTestId("self-check-submit").click();
  await page.getByTestId("self-checks").getByText("全部合格").waitFor();

  await page.getByTestId("nav-notices").click();
  await page.getByTestId("policy-notices").waitFor();
  await logOut(page);

  // 红黑榜: the inspector puts a store on the red list, then withdraws it.
  await logIn(page, "inspector", "/console");
  await page.getByTestId("nav-lists").click();
  await page.getByTestId("list-store").click();
  await page.locator(".ant-select-item-option").first().click();
  await page.getByTestId("list-reason").fill("连续三年量化分级A级");
  await page.getByTestId("list-legal-basis").fill("《食品安全信用信息管理办法》");
  await typeDate(page, "list-expires-on", `${new Date().getFullYear() + 1}-06-30`);
  await page.getByTestId("list-submit").click();
  const withdraw = page.getByTestId("list-withdraw").first();
  await withdraw.waitFor();
  await withdraw.click();
  await page.locator(".ant-popconfirm .ant-btn-primary").click();
  await page.getByTestId("list-withdrawn").waitFor();

  // 发布通知: the notice shows at the top of the list.
  await page.getByTestId("nav-notices").click();
  await page.getByTestId("notice-title").fill("关于开展夏季食品安全自查的通知");
  await page.getByTestId("notice-body").fill("请各经营者于本月底前完成自查。");
  await page.getByTestId("notice-submit").click();
  await page.getByTestId("policy-notice").filter({ hasText: "关于开展夏季食品安全自查的通知" }).waitFor();

  await page.getByTestId("nav-inspectionRecords").click();
  await page.getByTestId("inspection-records").waitFor();
  await page.getByTestId("nav-ratings").click();
  await page.getByTestId("ratings").waitFor();
  await expect(page.getByTestId("error-alert").count()).resolves.toBe(0);
  await context.close();
});
