import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { formatJyNumber, makeUscc } from "@shian/domain";
import { and, asc, count, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, licenseVersions, licenses } from "../../db/schema.js";
import { TEST_PASSWORD, makeUser } from "../../test/factories.js";
import { createTestApp, loginAs, type Session, type TestApp } from "../../test/test-app.js";
import { TINY_PDF, multipart } from "../../test/uploads.js";
import { IMPORT_COLUMNS, type ImportColumn } from "./columns.js";
import { emptyStats, generateTestRows, writeTestXlsx } from "./test-data.js";

// The console's import: multipart upload, background job, progress and errors, by role and jurisdiction.
let t: TestApp;
let tianheAdmin: Session;
let guangdongApprover: Session;
let shanghaiAdmin: Session;
let nationalAdmin: Session;
let inspector: Session;
let tianheAdminId: string;
let dir: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  tianheAdminId = (await makeUser(db, { role: "admin", regionCode: "440106", username: "imp-tianhe" })).id;
  await makeUser(db, { role: "approver", regionCode: "440000", username: "imp-guangdong" });
  await makeUser(db, { role: "admin", regionCode: "310104", username: "imp-xuhui" });
  await makeUser(db, { role: "admin", regionCode: null, username: "imp-national" });
  await makeUser(db, { role: "inspector", regionCode: "440106", username: "imp-inspector" });
  tianheAdmin = await loginAs(t.app, "imp-tianhe", TEST_PASSWORD);
  guangdongApprover = await loginAs(t.app, "imp-guangdong", TEST_PASSWORD);
  shanghaiAdmin = await loginAs(t.app, "imp-xuhui", TEST_PASSWORD);
  nationalAdmin = await loginAs(t.app, "imp-national", TEST_PASSWORD);
  inspector = await loginAs(t.app, "imp-inspector", TEST_PASSWORD);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "shian-import-http-"));
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const uscc = (body8: string, region = "440106") => makeUscc({ regionCode: region, organizationBody8: body8 });
const jy = (sequence: number, region = "440106") =>
  formatJyNumber({ businessForm: "catering", regionCode: region, sequence });

function csv(rows: Partial<Record<ImportColumn, string>>[], bom = true): Buffer {
  const lines = [
    IMPORT_COLUMNS.join(","),
    ...rows.map((row) => IMPORT_COLUMNS.map((c) => row[c] ?? "").join(",")),
  ];
  return Buffer.from(`${bom ? "\uFEFF" : ""}${lines.join("\r\n")}\r\n`, "utf8");
}

const shop = (overrides: Partial<Record<ImportColumn, string>>): Partial<Record<ImportColumn, string>> => ({
  holder_name: "广州市天河区老王面馆",
  legal_representative: "王伟",
  store_name: "老王面馆(天河路店)",
  store_address: "广东省广州市天河区天河路12号",
  region_code: "440106",
  business_form: "catering",
  subtype: "restaurant_small",
  items: "hot_food",
  valid_from: "2023-05-01",
  valid_to: "2028-04-30",
  ...overrides,
});

const TIANHE_CSV = csv([
  shop({ license_no: jy(9001), uscc: uscc("MA5T3K2Q") }),
  // The same business's second store.
  shop({ license_no: jy(9002), uscc: uscc("MA5T3K2Q"), store_address: "广东省广州市天河区体育西路8号" }),
  // 徐汇区 is outside 天河区.
  shop({ license_no: jy(9003, "310104"), uscc: uscc("MA5T3K2R", "310104"), region_code: "310104" }),
  shop({ license_no: jy(9004), uscc: uscc("MA5T3K2U"), valid_to: "2020-01-01" }),
]);

async function uploadImport(session: Session, bytes: Buffer, name = "register.csv", type = "text/csv") {
  return session.inject({ method: "POST", url: "/api/v1/imports", ...multipart(bytes, name, type) });
}

/** Polls the job until it is no longer running. */
async function finished(session: Session, jobId: string) {
  for (let i = 0; i < 600; i++) {
    const response = await session.inject({ url: `/api/v1/imports/${jobId}` });
    expect(response.statusCode).toBe(200);
    const job = response.json() as { status: string };
    if (job.status !== "running") return response.json() as Record<string, unknown>;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the import did not finish");
}

describe("POST /api/v1/imports", () => {
  let jobId: string;

  it("imports a UTF-8 CSV with BOM in the background; rows outside the importer's jurisdiction are errors", async () => {
    const response = await uploadImport(tianheAdmin, TIANHE_CSV);
    expect(response.statusCode).toBe(202);
    jobId = response.json().jobId;
    const job = await finished(tianheAdmin, jobId);
    expect(job).toMatchObject({
      id: jobId,
      fileName: "register.csv",
      status: "done",
      totalRows: 4,
      processedRows: 4,
      importedRows: 2,
      skippedRows: 0,
      errorRows: 2,
    });
    const errors = await tianheAdmin.inject({ url: `/api/v1/imports/${jobId}/errors` });
    expect(errors.statusCode).toBe(200);
    expect(errors.json()).toEqual({
      items: [
        {
          rowNumber: 4,
          errors: [{ field: "region_code", message: expect.stringContaining("不在导入人的辖区") }],
        },
        { rowNumber: 5, errors: [{ field: "valid_to", message: expect.stringContaining("早于") }] },
      ],
      nextCursor: null,
    });
    const english = await tianheAdmin.inject({
      url: `/api/v1/imports/${jobId}/errors?limit=1`,
      headers: { "accept-language": "en" },
    });
    expect(english.json()).toEqual({
      items: [
        {
          rowNumber: 4,
          errors: [
            { field: "region_code", message: expect.stringContaining("outside the importer's jurisdiction") },
          ],
        },
      ],
      nextCursor: "4",
    });
    const next = await tianheAdmin.inject({ url: `/api/v1/imports/${jobId}/errors?limit=1&cursor=4` });
    expect(next.json().items.map((row: { rowNumber: number }) => row.rowNumber)).toEqual([5]);
  });

  it("creates the licences with version 1 (reason import) and their printed content", async () => {
    const [version] = await t.database.db
      .select({ content: licenseVersions.content, reason: licenseVersions.reason, status: licenses.status })
      .from(licenses)
      .innerJoin(licenseVersions, eq(licenseVersions.licenseId, licenses.id))
      .where(eq(licenses.number, jy(9001)));
    expect(version).toMatchObject({
      reason: "import",
      status: "valid",
      content: {
        number: jy(9001),
        holderName: "广州市天河区老王面馆",
        uscc: uscc("MA5T3K2Q"),
        premises: "广东省广州市天河区天河路12号",
        issuingAuthority: "天河区市场监督管理局",
        businessForm: "catering",
        subtype: "restaurant_small",
        items: [{ code: "hot_food" }],
      },
    });
  });

  it("audits the start, each batch and the finish as the importer", async () => {
    const rows = await t.database.db
      .select({ action: auditLog.action, actorId: auditLog.actorId, regionCode: auditLog.regionCode })
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, "import_job"), eq(auditLog.subjectId, jobId)))
      .orderBy(asc(auditLog.seq));
    expect(rows).toEqual(
      ["import.start", "import.batch", "import.finish"].map((action) => ({
        action,
        actorId: tianheAdminId,
        regionCode: "440106",
      })),
    );
  });

  it("the same file uploaded again gets the same job and adds nothing", async () => {
    const again = await uploadImport(tianheAdmin, TIANHE_CSV, "copy.csv");
    expect(again.statusCode).toBe(202);
    expect(again.json().jobId).toBe(jobId);
    const [imported] = await t.database.db
      .select({ n: count() })
      .from(licenses)
      .where(like(licenses.number, "JY2440106009%"));
    expect(imported!.n).toBe(2);
  });

  it("skips a number already registered to the same holder; to another holder it is an error", async () => {
    const file = csv([
      shop({ license_no: jy(9001), uscc: uscc("MA5T3K2Q") }),
      shop({ license_no: jy(9002), uscc: uscc("MA5T3K3B"), holder_name: "广州市天河区另一家面馆" }),
    ]);
    const response = await uploadImport(tianheAdmin, file);
    const job = await finished(tianheAdmin, response.json().jobId);
    expect(job).toMatchObject({ importedRows: 0, skippedRows: 1, errorRows: 1 });
    const errors = await tianheAdmin.inject({
      url: `/api/v1/imports/${response.json().jobId}/errors`,
      headers: { "accept-language": "en" },
    });
    expect(errors.json().items).toEqual([
      {
        rowNumber: 3,
        errors: [
          { field: "license_no", message: expect.stringContaining("already registered to another holder") },
        ],
      },
    ]);
  });

  it("two uploads of the same new file at once make one job", async () => {
    const file = csv([shop({ license_no: jy(9101), uscc: uscc("MA5T3K3A") })], false);
    const [first, second] = await Promise.all([
      uploadImport(tianheAdmin, file),
      uploadImport(tianheAdmin, file),
    ]);
    expect([first.statusCode, second.statusCode]).toEqual([202, 202]);
    expect(second.json().jobId).toBe(first.json().jobId);
    expect(await finished(tianheAdmin, first.json().jobId)).toMatchObject({
      status: "done",
      importedRows: 1,
    });
  });

  it("imports an XLSX (first sheet, date cells) for an approver of the province", async () => {
    const options = { rows: 60, badFraction: 0.05, seed: "http-xlsx" };
    const file = path.join(dir, "register.xlsx");
    const stats = await writeTestXlsx(file, options);
    // What should go in: good rows of Guangdong; the other districts are outside the approver's jurisdiction.
    const rows = [...generateTestRows(options, emptyStats())];
    const inGuangdong = rows.filter(
      (row, i) => row.region_code.startsWith("44") && !stats.badRows.has(i + 2),
    );
    expect(inGuangdong.length).toBeGreaterThan(0);
    const response = await uploadImport(
      guangdongApprover,
      fs.readFileSync(file),
      "register.xlsx",
      "application/octet-stream",
    );
    expect(response.statusCode).toBe(202);
    const job = await finished(guangdongApprover, response.json().jobId);
    expect(job).toMatchObject({
      status: "done",
      totalRows: 60,
      importedRows: inGuangdong.length,
      errorRows: 60 - inGuangdong.length,
    });
    const sample = inGuangdong[0]!;
    const [licence] = await t.database.db
      .select({ validFrom: licenses.validFrom, validTo: licenses.validTo })
      .from(licenses)
      .where(eq(licenses.number, sample.license_no));
    expect(licence).toEqual({ validFrom: sample.valid_from, validTo: sample.valid_to });
  });

  it("is for admins and approvers only", async () => {
    const response = await uploadImport(inspector, TIANHE_CSV);
    expect(response.statusCode).toBe(403);
  });

  it("refuses what is not CSV or XLSX by content (415) and a CSV without the columns (400)", async () => {
    const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010802000000", "hex");
    const image = await uploadImport(tianheAdmin, png, "register.csv", "text/csv");
    expect(image.statusCode).toBe(415);
    expect(image.json().detail).toContain("CSV");
    // A PDF made only of text is text: judged as a CSV, it fails on its header.
    const pdf = await uploadImport(tianheAdmin, TINY_PDF, "register.csv", "text/csv");
    expect(pdf.statusCode).toBe(400);
    const binary = await uploadImport(
      tianheAdmin,
      Buffer.from([0x6c, 0x00, 0x69]),
      "register.csv",
      "text/csv",
    );
    expect(binary.statusCode).toBe(415);
    const gbk = await uploadImport(tianheAdmin, Buffer.from([0xd0, 0xed, 0xbf, 0xc9, 0x0a]), "register.csv");
    expect(gbk.statusCode).toBe(415);
    const headerless = await uploadImport(
      tianheAdmin,
      Buffer.from("licence,holder\nJY1,x\n"),
      "register.csv",
    );
    expect(headerless.statusCode).toBe(400);
    expect(headerless.json().detail).toContain("表头缺少列");
  });

  it("shows a job only within the creator's jurisdiction", async () => {
    expect((await shanghaiAdmin.inject({ url: `/api/v1/imports/${jobId}` })).statusCode).toBe(404);
    expect((await shanghaiAdmin.inject({ url: `/api/v1/imports/${jobId}/errors` })).statusCode).toBe(404);
    expect((await guangdongApprover.inject({ url: `/api/v1/imports/${jobId}` })).statusCode).toBe(200);
    expect((await nationalAdmin.inject({ url: `/api/v1/imports/${jobId}` })).statusCode).toBe(200);
    expect((await inspector.inject({ url: `/api/v1/imports/${jobId}` })).statusCode).toBe(403);
  });
});
