// Exports of lists: the inspector filters the licences table by a column and exports it; the xlsx holds the
// table's column titles and exactly the rows the filter keeps (all pages), each cell as shown.
import ExcelJS from "exceljs";
import { expect, test } from "vitest";
import { logIn, openDesktopPage, useDemoSession } from "./browser";

const demo = useDemoSession(40);

interface License {
  number: string;
  status: string;
  validTo: string;
}

/** The text of a cell as exceljs reads it (numbers and rich text included). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object" && "richText" in value)
    return value.richText.map((part) => part.text).join("");
  return String(value as string | number);
}

test("the inspector filters the licences by the years they expire and exports exactly those rows as xlsx", async () => {
  const { context, page, errors } = await openDesktopPage(demo.browser, demo.baseUrl);
  await logIn(page, "inspector", "/console");
  await page.getByTestId("nav-licenses").click();
  const table = page.getByTestId("licenses");
  const rows = table.locator("tbody tr.ant-table-row");
  await rows.first().waitFor();

  // Years of expiry, most licences first, until the rows would fill more than one page (20; the demo inspector's
  // district has fewer), leaving out at least one year so that the filter visibly narrows the list.
  const all = ((await (await page.request.get("/api/v1/licenses?limit=200")).json()) as { items: License[] })
    .items;
  const byYear = new Map<string, License[]>();
  for (const license of all) {
    const year = license.validTo.slice(0, 4);
    byYear.set(year, [...(byYear.get(year) ?? []), license]);
  }
  const years = [...byYear].sort((a, b) => b[1].length - a[1].length);
  const chosen: string[] = [];
  const kept: License[] = [];
  for (const [year, items] of years.slice(0, -1)) {
    if (kept.length > 20) break;
    chosen.push(year);
    kept.push(...items);
  }
  expect(kept.length, "licences expiring in the chosen years").toBeGreaterThan(0);
  expect(kept.length).toBeLessThan(all.length);

  // Column filter of 有效期: tick the years, confirm.
  await table.locator("thead th", { hasText: "有效期" }).locator(".ant-table-filter-trigger").click();
  const dropdown = page.locator(".ant-table-filter-dropdown:visible");
  for (const year of chosen) await dropdown.getByText(year, { exact: true }).click();
  await dropdown.locator(".ant-table-filter-dropdown-btns .ant-btn-primary").click();
  await expect
    .poll(() => rows.count(), { message: "rows on the first page" })
    .toBe(Math.min(kept.length, 20));

  const titles = (await table.locator("thead th").allTextContents())
    .map((text) => text.trim())
    .filter(Boolean);
  expect(titles).toContain("状态");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("table-export").click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^许可证-\d{8}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.worksheets[0]!;

  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(cellText);
  expect(header).toEqual(titles);
  expect(sheet.rowCount - 1, "exported rows = rows the filter keeps, on all pages").toBe(kept.length);
  console.info(
    `table export: ${all.length} licences, ${kept.length} expiring in ${chosen.join(", ")} exported`,
  );

  const column = (title: string) => header.indexOf(title) + 1;
  const exported = sheet.getRows(2, sheet.rowCount - 1)!;
  const numbers = exported.map((row) => cellText(row.getCell(column("许可证编号")).value));
  expect(numbers.sort()).toEqual(kept.map((license) => license.number).sort());
  for (const row of exported) {
    // 有效期 as shown ("2021年3月5日 – 2026年3月4日"); 状态 is a tag component, exported as its text.
    const validity = cellText(row.getCell(column("有效期")).value);
    expect(
      chosen.some((year) => validity.includes(`– ${year}年`)),
      validity,
    ).toBe(true);
    expect(cellText(row.getCell(column("状态")).value)).toBe("有效");
  }

  expect(errors, "console errors").toEqual([]);
  await context.close();
});
