import { formatJyNumber, makeUscc } from "@shian/domain";
import { type Page } from "playwright-core";
import { expect, test } from "vitest";
import { useDemoSession } from "./browser";

const HEADER = [
  "license_no",
  "holder_name",
  "uscc",
  "legal_representative",
  "store_name",
  "store_address",
  "region_code",
  "business_form",
  "subtype",
  "items",
  "valid_from",
  "valid_to",
];

/** A legacy licence of a small restaurant in Tianhe (the approver's district), numbered far past the demo's. */
function registerRow(sequence: number, uscc: string): string[] {
  return [
    formatJyNumber({ businessForm: "catering", regionCode: "440106", sequence }),
    `广州天河存量${sequence}餐饮店`,
    uscc,
    "陈志强",
    `存量${sequence}餐馆`,
    `广东省广州市天河区体育西路${sequence % 1000}号`,
    "440106",
    "catering",
    "restaurant_small",
    "hot_food",
    "2023-03-01",
    "2028-02-29",
  ];
}

const demo = useDemoSession();

/** The number a statistic of the import shows. */
async function count(page: Page, name: string): Promise<string | null> {
  return page.getByTestId(`import-${name}`).locator(".ant-statistic-content-value").textContent();
}

test("an approver imports a legacy register and sees the row that could not be imported", async () => {
  const good = makeUscc({ regionCode: "440106", organizationBody8: "MA9E2E01" });
  // The last character is the check character: changing it breaks the USCC.
  const broken = good.slice(0, -1) + (good.endsWith("0") ? "1" : "0");
  const csv = [HEADER, registerRow(900001, good), registerRow(900002, broken)]
    .map((cells) => cells.join(","))
    .join("\n");

  const page = await demo.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${demo.baseUrl}/login`);
  await page.getByTestId("login-username").fill("approver");
  await page.getByTestId("login-password").fill("shian-demo");
  await page.getByTestId("login-submit").click();
  await page.waitForURL((url) => url.pathname === "/console");

  await page.getByTestId("nav-imports").click();
  await page
    .getByTestId("import-upload")
    .locator('input[type="file"]')
    .setInputFiles({ name: "register.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.locator('[data-testid="import-progress"][data-status="done"]').waitFor();
  expect(await count(page, "total")).toBe("2");
  expect(await count(page, "imported")).toBe("1");
  expect(await count(page, "errors")).toBe("1");

  const errors = page.getByTestId("import-errors");
  await errors.locator("tbody tr").first().waitFor();
  expect(await errors.locator("tbody tr").count()).toBe(1);
  expect(await errors.locator("tbody tr").innerText()).toMatch(/^3\s+uscc/);

  // The imported licence is in the register.
  await page.getByTestId("nav-licenses").click();
  await page.getByTestId("license-search").fill(registerRow(900001, good)[0]!);
  await page.getByTestId("license-number").waitFor();
  expect(await page.getByTestId("license-number").count()).toBe(1);
  await page.close();
}, 120_000);
