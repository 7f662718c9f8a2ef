import { Readable } from "node:stream";
import { formatJyNumber, formatScNumber, makeUscc } from "@shian/domain";
import { describe, expect, it } from "vitest";
import { IMPORT_COLUMNS, ImportFileError, indexHeader, type ImportColumn, type RawRow } from "./columns.js";
import { detectImportFormat, inspectSource, readRows, type ImportSource } from "./file-reader.js";
import { parseItems, validateRow, type RowContext } from "./row-validation.js";

const context: RowContext = {
  countyCodes: new Set(["440106", "310104", "330213"]),
  jurisdiction: null,
  today: "2025-06-01",
};

const USCC = makeUscc({ regionCode: "440106", organizationBody8: "MA5T3K2Q" });

function row(values: Partial<Record<ImportColumn, string>> = {}): RawRow {
  return {
    rowNumber: 2,
    values: {
      license_no: formatJyNumber({ businessForm: "catering", regionCode: "440106", sequence: 42 }),
      holder_name: "广州市天河区老王面馆",
      uscc: USCC,
      legal_representative: "王伟",
      store_name: "老王面馆(天河路店)",
      store_address: "广东省广州市天河区天河路12号",
      region_code: "440106",
      business_form: "catering",
      subtype: "restaurant_small",
      items: "hot_food;cold_food(braisedMeat)",
      valid_from: "2022-03-01",
      valid_to: "2027-02-28",
      issued_on: "",
      status: "",
      food_categories: "",
      ...values,
    },
  };
}

function errorsOf(values: Partial<Record<ImportColumn, string>>, ctx = context) {
  const result = validateRow(row(values), ctx);
  if (result.ok) throw new Error("expected errors");
  return result.errors;
}

describe("import row validation", () => {
  it("accepts a complete JY row and builds the licence's request from it", () => {
    const result = validateRow(row(), context);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.row).toMatchObject({
      licenseType: "JY",
      checkDigitValid: true,
      sequencePrefix: "JY2440106",
      sequence: 42,
      issuedOn: "2022-03-01",
      status: "valid",
      request: {
        businessForm: "catering",
        subtype: "restaurant_small",
        items: [{ code: "hot_food" }, { code: "cold_food", braisedMeat: true }],
      },
    });
  });

  it("accepts a legacy number whose check digit is another system's, and says so", () => {
    const number = formatJyNumber({ businessForm: "catering", regionCode: "440106", sequence: 42 });
    const legacy = number.slice(0, -1) + String((Number(number.slice(-1)) + 1) % 10);
    const result = validateRow(row({ license_no: legacy }), context);
    expect(result.ok && result.row.checkDigitValid).toBe(false);
    expect(result.ok && result.row.licenseNumber).toBe(legacy);
  });

  it("refuses numbers without the JY/SC structure", () => {
    for (const bad of ["JY123", "XX24401060000421", "JY94401060000421", "JY24401060000000"]) {
      expect(errorsOf({ license_no: bad }).map((e) => e.field)).toContain("license_no");
    }
  });

  it("refuses a JY number whose form digit contradicts business_form", () => {
    const errors = errorsOf({ business_form: "food_sales", subtype: "grocery", items: "prepackaged_sales" });
    expect(errors).toEqual([expect.objectContaining({ field: "license_no" })]);
    expect(errors[0]!.messageEn).toContain("business-form digit means catering");
  });

  it("reports every problem of a row with its column, in Chinese and English", () => {
    const errors = errorsOf({
      uscc: USCC.slice(0, -1) + (USCC.endsWith("0") ? "1" : "0"),
      region_code: "449999",
      valid_from: "2023-02-30",
      subtype: "school",
      items: "hot_food;flying_food",
      holder_name: "",
    });
    expect(errors.map((e) => e.field).sort()).toEqual([
      "holder_name",
      "items",
      "region_code",
      "subtype",
      "uscc",
      "valid_from",
    ]);
    for (const error of errors) {
      expect(error.message).toMatch(/^[a-z_]+(\[\d+\]\.[a-z]+)?：/);
      expect(error.messageEn).toMatch(/^[a-z_]+(\[\d+\]\.[a-z]+)?: /);
    }
  });

  it("checks dates: real calendar dates, valid_from not after valid_to", () => {
    expect(errorsOf({ valid_to: "2021-01-01" }).map((e) => e.field)).toEqual(["valid_to"]);
    expect(errorsOf({ issued_on: "01/03/2022" }).map((e) => e.field)).toEqual(["issued_on"]);
  });

  it("imports a licence that ended before today as expired; an explicit status is kept", () => {
    const expired = validateRow(row({ valid_from: "2018-01-01", valid_to: "2022-12-31" }), context);
    expect(expired.ok && expired.row.status).toBe("expired");
    const revoked = validateRow(row({ status: "Revoked" }), context);
    expect(revoked.ok && revoked.row.status).toBe("revoked");
    expect(errorsOf({ status: "active" }).map((e) => e.field)).toEqual(["status"]);
  });

  it("refuses a row outside the importer's jurisdiction", () => {
    const errors = errorsOf({}, { ...context, jurisdiction: "310000" });
    expect(errors).toEqual([expect.objectContaining({ field: "region_code" })]);
    expect(errors[0]!.messageEn).toContain("outside the importer's jurisdiction");
  });

  it("checks items against the taxonomy: qualifiers, required kinds and variety", () => {
    expect(parseItems("special_food_sales（health_food，infant_formula）；other_food_making(豆浆)")).toEqual([
      { code: "special_food_sales", kinds: ["health_food", "infant_formula"] },
      { code: "other_food_making", variety: "豆浆" },
    ]);
    expect(errorsOf({ items: "special_food_sales" }).map((e) => e.field)).toEqual(["items"]);
    expect(errorsOf({ items: "hot_food(coldChain)" })[0]!.messageEn).toContain("does not apply");
    expect(errorsOf({ items: "" })[0]!.messageEn).toContain("at least one item");
  });

  it("takes SC rows with their food categories (the number's by default) and no JY items", () => {
    const number = formatScNumber({ foodCategory: "124", regionCode: "440106", sequence: 7 });
    const result = validateRow(row({ license_no: number, items: "" }), context);
    expect(result.ok && result.row).toMatchObject({
      licenseType: "SC",
      sequencePrefix: "SC124440106",
      request: { foodCategories: ["124"], productionSites: [{ address: "广东省广州市天河区天河路12号" }] },
    });
    expect(errorsOf({ license_no: number }).map((e) => e.field)).toEqual(["items"]);
    expect(errorsOf({ license_no: number, items: "", food_categories: "999" }).map((e) => e.field)).toEqual([
      "food_categories",
    ]);
    expect(errorsOf({ food_categories: "124" }).map((e) => e.field)).toEqual(["food_categories"]);
  });
});

describe("import files", () => {
  const source = (text: string | Buffer): ImportSource => ({
    fileName: "t.csv",
    open: () => Readable.from([Buffer.from(text)]),
  });

  it("judges the format by content: ZIP is XLSX, UTF-8 text is CSV, anything else is refused", async () => {
    expect(detectImportFormat(Buffer.from("PK\x03\x04rest"))).toBe("xlsx");
    expect(detectImportFormat(Buffer.from("license_no,uscc\n"))).toBe("csv");
    expect(detectImportFormat(Buffer.from([0x4c, 0x00, 0x41]))).toBeNull();
    expect(detectImportFormat(Buffer.from([0xd6, 0xd0, 0xce, 0xc4]))).toBeNull(); // GBK 中文
    await expect(inspectSource(source(Buffer.from([0xd6, 0xd0, 0xce, 0xc4])))).rejects.toThrow(
      ImportFileError,
    );
    const info = await inspectSource(source("\uFEFFa,b\n"));
    expect(info.format).toBe("csv");
    expect(info.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("reads CSV with a BOM, header names in any order and case, blank lines skipped, rows numbered by line", async () => {
    const header = [...IMPORT_COLUMNS].reverse().map((c) => c.toUpperCase());
    const line = (n: string) =>
      IMPORT_COLUMNS.map((c) => (c === "license_no" ? n : ""))
        .reverse()
        .join(",");
    const text = `\uFEFF${header.join(",")}\r\n${line("A")}\r\n\r\n${line("B")}\r\n`;
    const rows = [];
    for await (const raw of readRows(source(text), "csv")) rows.push(raw);
    expect(rows.map((r) => [r.rowNumber, r.values.license_no])).toEqual([
      [2, "A"],
      [4, "B"],
    ]);
  });

  it("refuses a header without the required columns, naming them", () => {
    expect(() => indexHeader(["license_no", "uscc"])).toThrow(/holder_name, legal_representative/);
    expect(() => indexHeader([...IMPORT_COLUMNS, "uscc"])).toThrow(/twice/);
  });
});
