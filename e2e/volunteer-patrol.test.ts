import { request, type APIRequestContext } from "playwright-core";
import sharp from "sharp";
import { expect, test } from "vitest";
import { useDemoSession } from "./browser";

const PHONE = { width: 390, height: 844 };

const demo = useDemoSession();

/** An API session of a demo user, with the CSRF token on every POST. */
async function apiAs(username: string) {
  const api = await request.newContext({ baseURL: demo.baseUrl });
  const login = await api.post("/api/v1/auth/login", { data: { username, password: "shian-demo" } });
  expect(login.status()).toBe(200);
  const { user, csrfToken } = (await login.json()) as { user: { id: string }; csrfToken: string };
  return {
    api,
    userId: user.id,
    post: (url: string, data?: unknown) =>
      api.post(url, { headers: { "x-csrf-token": csrfToken }, ...(data === undefined ? {} : { data }) }),
  };
}

async function firstTianheStore(api: APIRequestContext) {
  const response = await api.get("/api/v1/stores?limit=50");
  const { items } = (await response.json()) as {
    items: { id: string; name: string; regionCode: string; lat: number | null; lng: number | null }[];
  };
  const store = items.find((s) => s.regionCode === "440106" && s.lat !== null && s.lng !== null);
  expect(store, "a Tianhe demo store with coordinates").toBeTruthy();
  return store!;
}

test("a Tianhe volunteer patrols an assigned store on the phone; the finding becomes an inspector's task", async () => {
  // The inspector assigns a store to the demo volunteer (approved by the demo seed).
  const volunteer = await apiAs("volunteer");
  const inspector = await apiAs("inspector");
  const store = await firstTianheStore(inspector.api);
  const assigned = await inspector.post(`/api/v1/volunteers/${volunteer.userId}/assignments`, {
    storeIds: [store.id],
  });
  expect(assigned.status()).toBe(201);

  // On the phone, standing 30 m from the store.
  const phone = await demo.browser.newContext({
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    locale: "zh-CN",
  });
  await phone.grantPermissions(["geolocation"], { origin: demo.baseUrl });
  await phone.setGeolocation({ latitude: store.lat! + 0.0003, longitude: store.lng! });
  const page = await phone.newPage();
  await page.goto(`${demo.baseUrl}/login`);
  await page.getByTestId("login-username").fill("volunteer");
  await page.getByTestId("login-password").fill("shian-demo");
  await page.getByTestId("login-submit").click();
  await page.waitForURL((url) => url.pathname.startsWith("/m"));
  await page.goto(`${demo.baseUrl}/m/patrol`);

  const card = page.getByTestId("patrol-card").filter({ hasText: store.name });
  await card.getByTestId("patrol-start").click();
  const items = await page.locator('[data-testid^="patrol-item-"]').count();
  expect(items).toBeGreaterThan(5);
  for (const code of [
    "licence_displayed",
    "staff_health_certificates",
    "staff_hygiene",
    "premises_clean",
    "facilities_working",
    "disinfection",
    "signage",
  ]) {
    await page.getByTestId(`patrol-${code}-pass`).click();
  }
  await page.getByTestId("patrol-waste_sorting-fail").click();
  const photo = await sharp({ create: { width: 32, height: 32, channels: 3, background: "#884400" } })
    .jpeg()
    .toBuffer();
  await page
    .getByTestId("patrol-photo")
    .setInputFiles({ name: "bins.jpg", mimeType: "image/jpeg", buffer: photo });
  await expect.poll(() => page.getByTestId("patrol-photo-count").textContent()).toContain("1");
  const [submitted] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith("/api/v1/patrols") && r.request().method() === "POST"),
    page.getByTestId("patrol-submit").click(),
  ]);
  expect(submitted.status()).toBe(201);
  const body = (await submitted.json()) as {
    findingTaskId: string;
    farFromStore: boolean;
    failedItems: string[];
  };
  expect(body.failedItems).toEqual(["waste_sorting"]);
  expect(body.farFromStore).toBe(false);
  await page.getByTestId("patrol-done").waitFor();

  // The inspector sees the finding as an open task of the store.
  const tasks = (await (await inspector.api.get("/api/v1/tasks?status=open&limit=200")).json()) as {
    items: { id: string; kind: string; storeId: string | null }[];
  };
  expect(tasks.items).toContainEqual(
    expect.objectContaining({ id: body.findingTaskId, kind: "patrol_finding", storeId: store.id }),
  );
  await phone.close();
});
