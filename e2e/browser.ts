// Debian chromium driven by playwright-core, and the steps every browser test shares.
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { startServer, type TestServer } from "./server";

/** Headless chromium with the flags this machine needs (no background networking: the network is closed). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export function waitForPath(page: Page, pathname: string) {
  return page.waitForURL((url) => url.pathname === pathname);
}

/** Logs in on the login page already open and waits for the role's home. */
export async function logIn(page: Page, username: string, home: string) {
  await page.getByTestId("login-username").fill(username);
  await page.getByTestId("login-password").fill("shian-demo");
  await page.getByTestId("login-submit").click();
  await waitForPath(page, home);
}

export async function logOut(page: Page) {
  await page.getByTestId("user-menu").click();
  await page.getByTestId("logout").click();
  await waitForPath(page, "/login");
}

/** The viewport of the desktop browser tests. */
export const DESKTOP = { width: 1280, height: 800 };

/**
 * A desktop page in Chinese on the login page, recording what would show as an error in the browser console
 * (the login page's 401 for "who is signed in?" is expected and left out).
 */
export async function openDesktopPage(
  browser: Browser,
  baseURL: string,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ baseURL, viewport: DESKTOP, locale: "zh-CN" });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (message) => {
    const whoAmI = message.location().url.endsWith("/api/v1/auth/me");
    if (message.type() === "error" && !whoAmI) errors.push(`${message.text()} ${message.location().url}`);
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto("/login");
  return { context, page, errors };
}

/** What the tests of one file share: the demo server and the chromium they drive. */
export interface DemoSession {
  readonly server: TestServer;
  readonly browser: Browser;
  /** The demo server's address, e.g. http://127.0.0.1:40123. */
  readonly baseUrl: string;
}

/**
 * Starts `shian serve --demo --stores <stores>` and chromium before the file's tests and stops both after them.
 * Call it at the top level of a test file; read its fields inside tests and hooks (they exist once it started).
 */
export function useDemoSession(stores = 50): DemoSession {
  let server: TestServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    server = await startServer(["--demo", "--stores", String(stores)]);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started: read it inside a test or a hook`);
    return value;
  };
  return {
    get server() {
      return started(server, "the demo server");
    },
    get browser() {
      return started(browser, "chromium");
    },
    get baseUrl() {
      return started(server, "the demo server").baseUrl;
    },
  };
}
