import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { useDemoSession, waitForPath } from "./browser";

const SCREENSHOT = fileURLToPath(new URL("../docs/screenshot-console.png", import.meta.url));

const demo = useDemoSession();

test("an acceptor signs in, switches the console to English and signs out", async () => {
  const page = await demo.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${demo.baseUrl}/login`);

  await page.getByTestId("login-username").fill("acceptor");
  await page.getByTestId("login-password").fill("shian-demo");
  await page.getByTestId("login-submit").click();
  await waitForPath(page, "/console");

  const menu = page.locator("aside").getByRole("menu");
  await menu.getByText("受理", { exact: true }).waitFor();
  expect(await menu.innerText()).toContain("工作台");
  expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");

  await page.getByTestId("lang-switch").click();
  await menu.getByText("Acceptance", { exact: true }).waitFor();
  expect(await menu.innerText()).toContain("Dashboard");
  expect(await page.locator("html").getAttribute("lang")).toBe("en");

  await mkdir(fileURLToPath(new URL("../docs/", import.meta.url)), { recursive: true });
  await page.screenshot({ path: SCREENSHOT });

  await page.getByTestId("user-menu").click();
  await page.getByTestId("logout").click();
  await waitForPath(page, "/login");
  await page.getByTestId("login-submit").waitFor();
});
