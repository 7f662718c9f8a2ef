import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { type Browser } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { launchChromium, waitForPath } from "./browser";
import { startServer, type TestServer } from "./server";

const SCREENSHOT = fileURLToPath(new URL("../docs/screenshot-console.png", import.meta.url));

let server: TestServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  server = await startServer(["--demo", "--stores", "50"]);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test("an acceptor signs in, switches the console to English and signs out", async () => {
  const page = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${server!.baseUrl}/login`);

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
