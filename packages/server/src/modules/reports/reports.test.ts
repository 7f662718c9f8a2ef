// Statistics reports (issue 8, seed 003 月度统计 / 年度数据报告): the xlsx totals equal independent SQL counts on
// the same data, the PDF carries the region, the annual report compares with the previous year, jurisdiction and
// period checks, the job, and the certificate usage counters feeding the e-certificate figures.

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CREDIT_MODELS, chinaDate } from "@shian/domain";
import { and, eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import {
  applications,
  auditLog,
  certificateUsage,
  certificates,
  draws,
  licenseVersions,
  licenses,
  planItems,
  statisticsReports,
  supervisionPlans,
  complaints,
} from "../../db/schema.js";
import { TEST_PASSWORD, makeUser } from "../../test/factories.js";
import { licensedStore, recordPoorMonth, type TestStore } from "../../test/grading-fixtures.js";
import { applyAndApprove } from "../../test/licensing-flow.js";
import { licensingCast } from "../../test/officers.js";
import { createTestApp, loginAs, type Session, type TestApp } from "../../test/test-app.js";
import { usageCounterFor } from "../certificates/usage.js";
import { runGrading } from "../credit/grading.js";
import { localFileStore } from "../files/file-store.js";
import { dueReports, runReportJob } from "./job.js";

let t: TestApp;
let db: Database;
let cityLeader: Session;
let otherLeader: Session;
let inspector: Session;
let a: TestStore;
let b: TestStore;
let c: TestStore;
let far: TestStore;

const at = (day: string) => new Date(`${day}T10:00:00+08:00`);

async function licenceOf(store: TestStore) {
  const [row] = await db.select().from(licenses).where(eq(licenses.storeId, store.storeId));
  return row!;
}

async function version(store: TestStore, number: number, reason: string, day: string) {
  const licence = await licenceOf(store);
  await db.insert(licenseVersions).values({
    licenseId: licence.id,
    version: number,
    reason,
    content: {},
    validFrom: "2024-01-01",
    validTo: "2029-12-31",
    issuedAt: at(day),
  });
}

/** A register for October 2026 in 天河区 (440106), with one store in 奉化区 (330213) that must not count. */
async function buildOctober() {
  a = await licensedStore(db, { regionCode: "440106" });
  b = await licensedStore(db, { regionCode: "440106", subtype: "canteen_school" });
  c = await licensedStore(db, { regionCode: "440106", licenceType: "SC" });
  far = await licensedStore(db, { regionCode: "330213" });
  await version(a, 1, "new", "2026-10-05");
  await version(a, 2, "change", "2026-10-20");
  await version(b, 1, "new", "2025-06-01");
  await version(b, 2, "renewal", "2026-10-10");
  await version(b, 3, "reissue", "2026-10-11");
  await version(c, 1, "new", "2026-10-12");
  await version(far, 1, "new", "2026-10-06");
  const licenceB = await licenceOf(b);
  await db.insert(applications).values({
    kind: "cancellation",
    licenseType: "JY",
    status: "approved",
    businessId: b.businessId,
    storeId: b.storeId,
    regionCode: b.regionCode,
    licenseId: licenceB.id,
    ruleset: "test",
    request: {},
    assessment: {},
    decision: "approve",
    decidedAt: at("2026-10-25"),
  });
  await recordPoorMonth(db, a);
  await recordPoorMonth(db, far);
  // Closed after its deadline: counts as closed, not as closed within the SLA.
  await db.insert(complaints).values({
    storeId: c.storeId,
    regionCode: c.regionCode,
    category: "expired_food",
    description: "过期牛奶",
    trackingTokenHash: "1".repeat(64),
    status: "closed",
    acknowledgeBy: at("2026-10-04"),
    closeBy: at("2026-10-13"),
    createdAt: at("2026-10-03"),
    closedAt: at("2026-10-30"),
  });
  await runGrading(db, { model: CREDIT_MODELS[0]!, period: "2026-10", now: at("2026-11-02") });
  const [plan] = await db
    .insert(supervisionPlans)
    .values({ regionCode: "440106", period: "2026-10", model: "test", modelVersion: "1" })
    .returning();
  const [draw] = await db
    .insert(draws)
    .values({
      planId: plan!.id,
      regionCode: "440106",
      period: "2026-10",
      algorithm: "test",
      declaredSeed: "2026-10-01",
      revealedSecret: "secret",
      populationHash: "0".repeat(64),
      population: [],
      inspectorPool: [],
      selection: [{ storeId: a.storeId }, { storeId: b.storeId }],
    })
    .returning();
  await db.insert(planItems).values([
    {
      planId: plan!.id,
      storeId: a.storeId,
      grade: "A",
      mode: "offline",
      visitsRequired: 1,
      visitsDone: 1,
      drawId: draw!.id,
    },
    {
      planId: plan!.id,
      storeId: b.storeId,
      grade: "B",
      mode: "offline",
      visitsRequired: 1,
      visitsDone: 0,
      drawId: draw!.id,
    },
  ]);
  const usage = usageCounterFor(db);
  const [na, nfar] = [(await licenceOf(a)).number, (await licenceOf(far)).number];
  for (let i = 0; i < 3; i++) usage.count(na, "verification", "page", at("2026-10-15"));
  for (let i = 0; i < 2; i++) usage.count(na, "verification", "api", at("2026-10-16"));
  usage.count(na, "download", "pdf", at("2026-10-16"));
  usage.count(na, "download", "qr", at("2026-09-30"));
  for (let i = 0; i < 4; i++) usage.count(nfar, "verification", "page", at("2026-10-15"));
  await usage.flush();
}

beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
  await makeUser(db, { role: "leader", regionCode: "440100", username: "gz-leader" });
  await makeUser(db, { role: "leader", regionCode: "330200", username: "nb-leader" });
  await makeUser(db, { role: "inspector", regionCode: "440106", username: "th-inspector" });
  cityLeader = await loginAs(t.app, "gz-leader", TEST_PASSWORD);
  otherLeader = await loginAs(t.app, "nb-leader", TEST_PASSWORD);
  inspector = await loginAs(t.app, "th-inspector", TEST_PASSWORD);
  await buildOctober();
});
afterAll(() => t.close());

async function count(query: ReturnType<typeof sql>): Promise<number> {
  const result = (await db.execute(query)) as unknown as { rows: { n: number | string }[] };
  return Number(result.rows[0]!.n);
}

// Independent SQL counts of October 2026 (China time) in 天河区, written here rather than taken from the module.
const FROM = "2026-10-01T00:00:00+08:00";
const TO = "2026-11-01T00:00:00+08:00";
const versions = (reason: string) =>
  count(sql`select count(*) as n from license_versions v join licenses l on l.id = v.license_id
    where v.reason = ${reason} and l.region_code like '440106%' and v.issued_at >= ${FROM}::timestamptz and v.issued_at < ${TO}::timestamptz`);
const EXPECTED: Record<string, () => Promise<number>> = {
  "New licences issued": () => versions("new"),
  Changed: () => versions("change"),
  Renewed: () => versions("renewal"),
  Reissued: () => versions("reissue"),
  Cancelled: () =>
    count(sql`select count(*) as n from applications where kind = 'cancellation' and decision = 'approve'
      and region_code like '440106%' and decided_at >= ${FROM}::timestamptz and decided_at < ${TO}::timestamptz`),
  "Verifications, total": () =>
    count(sql`select coalesce(sum(count), 0) as n from certificate_usage where kind = 'verification'
      and region_code like '440106%' and day >= '2026-10-01' and day < '2026-11-01'`),
  "Downloads, total": () =>
    count(sql`select coalesce(sum(count), 0) as n from certificate_usage where kind = 'download'
      and region_code like '440106%' and day >= '2026-10-01' and day < '2026-11-01'`),
  "Inspections done": () =>
    count(sql`select count(*) as n from inspections where status = 'done' and region_code like '440106%'
      and inspected_at >= ${FROM}::timestamptz and inspected_at < ${TO}::timestamptz`),
  Failed: () =>
    count(sql`select count(*) as n from inspections where status = 'done' and outcome = 'fail' and region_code like '440106%'
      and inspected_at >= ${FROM}::timestamptz and inspected_at < ${TO}::timestamptz`),
  "Rectification orders opened": () =>
    count(sql`select count(*) as n from rectifications where region_code like '440106%'
      and created_at >= ${FROM}::timestamptz and created_at < ${TO}::timestamptz`),
  "Complaints received": () =>
    count(sql`select count(*) as n from complaints where region_code like '440106%'
      and created_at >= ${FROM}::timestamptz and created_at < ${TO}::timestamptz`),
  "Complaints closed": () =>
    count(sql`select count(*) as n from complaints where region_code like '440106%'
      and closed_at >= ${FROM}::timestamptz and closed_at < ${TO}::timestamptz`),
  "Closed within the deadline": () =>
    count(sql`select count(*) as n from complaints where region_code like '440106%' and closed_at <= close_by
      and closed_at >= ${FROM}::timestamptz and closed_at < ${TO}::timestamptz`),
  Draws: () =>
    count(sql`select count(*) as n from draws where region_code like '440106%' and period = '2026-10'`),
  "Stores drawn": () =>
    count(
      sql`select coalesce(sum(jsonb_array_length(selection)), 0) as n from draws where region_code like '440106%' and period = '2026-10'`,
    ),
  "Drawn visits done": () =>
    count(sql`select count(*) as n from plan_items p join draws d on d.id = p.draw_id
      where d.region_code like '440106%' and d.period = '2026-10' and p.visits_done >= p.visits_required`),
};

async function generate(session: Session, body: object) {
  return session.inject({ method: "POST", url: "/api/v1/reports", payload: body });
}

async function openXlsx(session: Session, id: string) {
  const response = await session.inject({ url: `/api/v1/reports/${id}/report.xlsx` });
  expect(response.statusCode, response.body).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  return { workbook, response };
}

/** Column C (count) of the rows of a sheet, keyed by the English item name in column B. */
function valuesOf(sheet: ExcelJS.Worksheet, column = 3): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  sheet.eachRow((row, index) => {
    if (index > 2) values[String(row.getCell(2).value)] = row.getCell(column).value;
  });
  return values;
}

describe("monthly report (seed 003 月度统计)", () => {
  let reportId: string;

  it("a city leader generates 天河区's October report: the xlsx totals equal SQL counts on the same data", async () => {
    const response = await generate(cityLeader, { kind: "monthly", period: "2026-10", regionCode: "440106" });
    expect(response.statusCode, response.body).toBe(201);
    reportId = response.json().id;
    expect(response.json()).toMatchObject({ kind: "monthly", period: "2026-10", regionCode: "440106" });

    const { workbook, response: download } = await openXlsx(cityLeader, reportId);
    expect(download.headers["content-disposition"]).toContain("filename*=UTF-8''");
    expect(decodeURIComponent(String(download.headers["content-disposition"]).split("''")[1]!)).toBe(
      "天河区食品安全监管统计月报（2026年10月）.xlsx",
    );
    const summary = workbook.getWorksheet("汇总 Summary")!;
    expect(summary.getRow(1).getCell(1).value).toBe("项目");
    expect(summary.getRow(2).getCell(1).value).toBe("Item");
    expect(summary.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(summary.getColumn(3).numFmt).toBe("#,##0");
    const values = valuesOf(summary);
    for (const [item, expected] of Object.entries(EXPECTED)) {
      expect(values[item], item).toBe(await expected());
    }
    // The data was built so that every figure is non-trivial (and the other province's store stays out).
    expect(values).toMatchObject({
      "New licences issued": 2,
      Changed: 1,
      Renewed: 1,
      Reissued: 1,
      Cancelled: 1,
      "Verifications, total": 5,
      "Downloads, total": 1,
      "Inspections done": 2,
      Failed: 1,
      "Complaints received": 2,
      "Complaints closed": 2,
      "Closed within the deadline": 1,
      Draws: 1,
      "Stores drawn": 2,
      "Drawn visits done": 1,
    });
    // Section sheets add up to the headline figures.
    const forms = valuesOf(workbook.getWorksheet("业态 Business forms")!);
    expect(Object.values(forms).reduce((sum: number, v) => sum + Number(v), 0)).toBe(2);
    const certificatesSheet = valuesOf(workbook.getWorksheet("电子证照 E-certificates")!);
    expect(certificatesSheet["Verification: Scan page (/v/)"]).toBe(3);
    expect(certificatesSheet["Verification: Verify API"]).toBe(2);
    const grades = valuesOf(workbook.getWorksheet("等级 Grades")!);
    const graded = await count(
      sql`select count(*) as n from grade_history where region_code like '440106%' and period = '2026-10' and model = ${CREDIT_MODELS[0]!.id}`,
    );
    expect(graded).toBeGreaterThan(0);
    const gradeTotal = Object.entries(grades)
      .filter(([item]) => !item.startsWith("Colour:") && item !== "null" && item !== "undefined")
      .reduce((sum, [, v]) => sum + (typeof v === "number" ? v : 0), 0);
    expect(gradeTotal).toBe(graded);
  });

  it("the PDF is an A4 document that names the region, with its charts", async () => {
    const response = await cityLeader.inject({ url: `/api/v1/reports/${reportId}/report.pdf` });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    const pdf = await PDFDocument.load(response.rawPayload);
    const { width, height } = pdf.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "report-")), "report.pdf");
    fs.writeFileSync(file, response.rawPayload);
    const text = execFileSync("pdftotext", ["-q", "-layout", file, "-"]).toString();
    expect(text).toContain("天河区");
    expect(text).toContain("投诉举报（按类别）");
    expect(text).toContain("新发许可证");
  });

  it("the report is listed in the jurisdiction, audited, and regenerating it replaces its files", async () => {
    const list = await cityLeader.inject({ url: "/api/v1/reports?kind=monthly&period=2026-10" });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((r: { id: string }) => r.id)).toContain(reportId);
    const [before] = await db.select().from(statisticsReports).where(eq(statisticsReports.id, reportId));
    const again = await generate(cityLeader, { kind: "monthly", period: "2026-10", regionCode: "440106" });
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(reportId);
    const [after] = await db.select().from(statisticsReports).where(eq(statisticsReports.id, reportId));
    expect(after!.xlsxFileId).not.toBe(before!.xlsxFileId);
    const actions = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, "statistics_report"), eq(auditLog.subjectId, reportId)));
    expect(actions.map((row) => row.action)).toEqual(["report.generate", "report.regenerate"]);
  });

  it("out of jurisdiction is 404; inspectors may not read reports (403)", async () => {
    expect((await otherLeader.inject({ url: `/api/v1/reports/${reportId}/report.xlsx` })).statusCode).toBe(
      404,
    );
    expect((await otherLeader.inject({ url: `/api/v1/reports/${reportId}/report.pdf` })).statusCode).toBe(
      404,
    );
    const post = await generate(otherLeader, { kind: "monthly", period: "2026-10", regionCode: "440106" });
    expect(post.statusCode).toBe(404);
    const list = await otherLeader.inject({ url: "/api/v1/reports" });
    expect(list.json().items.map((r: { id: string }) => r.id)).not.toContain(reportId);
    expect((await inspector.inject({ url: "/api/v1/reports" })).statusCode).toBe(403);
  });

  it("a bad period is a 400 problem naming the field", async () => {
    for (const body of [
      { kind: "monthly", period: "2026-13", regionCode: "440106" },
      { kind: "annual", period: "2026-10", regionCode: "440106" },
      { kind: "monthly", period: "2999-01", regionCode: "440106" },
    ]) {
      const response = await generate(cityLeader, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.headers["content-type"]).toContain("application/problem+json");
      expect(response.json()).toMatchObject({
        type: "urn:shian:problem:report_period_invalid",
        errors: [{ pointer: "/body/period" }],
      });
    }
  });
});

describe("annual report (seed 003 年度数据报告)", () => {
  it("compares 2026 with 2025: previous-year and change columns", async () => {
    const response = await generate(cityLeader, { kind: "annual", period: "2026", regionCode: "440106" });
    expect(response.statusCode, response.body).toBe(201);
    const { workbook } = await openXlsx(cityLeader, response.json().id);
    const summary = workbook.getWorksheet("汇总 Summary")!;
    expect(summary.getRow(1).values).toEqual([undefined, "项目", "项目（英文）", "本年", "上年", "同比变化"]);
    expect(summary.getRow(2).getCell(4).value).toBe("Previous year");
    expect(summary.getColumn(5).numFmt).toBe("0.0%");
    expect(valuesOf(summary, 3)["New licences issued"]).toBe(2);
    expect(valuesOf(summary, 4)["New licences issued"]).toBe(1);
    expect(valuesOf(summary, 5)["New licences issued"]).toBe(1);
    const pdf = await cityLeader.inject({ url: `/api/v1/reports/${response.json().id}/report.pdf` });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "report-")), "annual.pdf");
    fs.writeFileSync(file, pdf.rawPayload);
    const text = execFileSync("pdftotext", ["-q", file, "-"]).toString();
    expect(text).toContain("2025年");
    expect(text).toContain("同比变化");
  });
});

describe("report job", () => {
  it("after the 1st it generates last month's reports of every city and county with stores, once", async () => {
    const deps = { db, fileStore: localFileStore(fs.mkdtempSync(path.join(os.tmpdir(), "report-job-"))) };
    const now = new Date("2026-12-01T09:00:00+08:00");
    const first = await runReportJob(deps, now);
    const regions = await count(sql`select count(distinct region_code) as n from stores`);
    // Counties with stores and their cities: 440106 + 440100, 330213 + 330200.
    expect(regions).toBe(2);
    expect(first.sort()).toEqual([
      "monthly 2026-11 330200",
      "monthly 2026-11 330213",
      "monthly 2026-11 440100",
      "monthly 2026-11 440106",
    ]);
    const rows = await db.select().from(statisticsReports).where(eq(statisticsReports.period, "2026-11"));
    expect(rows).toHaveLength(4);
    expect(await runReportJob(deps, new Date("2026-12-01T10:00:00+08:00"))).toEqual([]);
    expect(
      await db.select().from(statisticsReports).where(eq(statisticsReports.period, "2026-11")),
    ).toHaveLength(4);
  });

  it("in January the annual report of the previous year is due too", () => {
    expect(dueReports(new Date("2027-01-01T08:00:00+08:00"), ["440106"])).toEqual([
      { kind: "monthly", period: "2026-12", regionCode: "440106" },
      { kind: "annual", period: "2026", regionCode: "440106" },
    ]);
    // 1 January 00:30 China time is still 31 December in UTC: the China calendar decides.
    expect(dueReports(new Date("2026-12-31T16:30:00Z"), ["440106"])[0]!.period).toBe("2026-12");
  });
});

describe("certificate usage counters", () => {
  it("N verifications and downloads per channel count N, in the licence's region and China day", async () => {
    const cast = await licensingCast(t.app, db, "440106", "usage");
    const approved = await applyAndApprove(cast.owner, cast.officers, {
      kind: "new",
      licenseType: "JY",
      storeId: cast.store.id,
      businessForm: "catering",
      subtype: "restaurant_small",
      items: [{ code: "hot_food" }],
    });
    const [licence] = await db.select().from(licenses).where(eq(licenses.id, approved.licenseId!));
    const [certificate] = await db
      .select()
      .from(certificates)
      .where(eq(certificates.licenseNumber, licence!.number));
    // A partner platform the business authorises (seed 000), for the partner and batch channels.
    await makeUser(db, { role: "admin", regionCode: null, username: "usage-admin" });
    const admin = await loginAs(t.app, "usage-admin", TEST_PASSWORD);
    const client = (
      await admin.inject({
        method: "POST",
        url: "/api/v1/api-clients",
        payload: { name: "饿了么", scopes: ["certificates:read", "verify"], regionCode: null },
      })
    ).json();
    const granted = await cast.owner.inject({
      method: "POST",
      url: "/api/v1/partner-authorizations",
      payload: { apiClientId: client.id, validUntil: new Date(Date.now() + 86_400_000).toISOString() },
    });
    expect(granted.statusCode, granted.body).toBe(201);
    const partner = (url: string, payload?: object) =>
      t.app.inject({
        url,
        method: payload ? "POST" : "GET",
        headers: { "x-api-key": client.key },
        ...(payload ? { payload } : {}),
      });
    const calls: [string, number, () => Promise<unknown>][] = [
      ["partner", 2, () => partner(`/api/v1/partner/certificates/${licence!.number}`)],
      ["partner-pdf", 1, () => partner(`/api/v1/partner/certificates/${licence!.number}/certificate.pdf`)],
      // One batch of three numbers, one unknown: two verifications counted.
      [
        "batch",
        2,
        () =>
          partner("/api/v1/partner/verify", {
            licenseNos: [licence!.number, licence!.number, "JY14401060000000"],
          }),
      ],
      ["api", 3, () => t.app.inject({ url: `/api/v1/verify/${licence!.number}` })],
      [
        "token",
        2,
        () =>
          t.app.inject({
            method: "POST",
            url: "/api/v1/verify/token",
            payload: { token: certificate!.token },
          }),
      ],
      ["page", 4, () => t.app.inject({ url: `/v/${certificate!.token}` })],
      ["qr", 2, () => t.app.inject({ url: `/api/v1/certificates/${licence!.number}/qr.png` })],
      ["pdf", 1, () => cast.owner.inject({ url: `/api/v1/certificates/${licence!.number}/certificate.pdf` })],
    ];
    // Another licence's uses, flushed before: the counts below are only this licence's calls.
    await usageCounterFor(db).flush();
    const before = await db
      .select()
      .from(certificateUsage)
      .where(eq(certificateUsage.day, chinaDate(new Date())));
    for (const [channel, times, call] of calls) {
      for (let i = 0; i < (channel === "batch" ? 1 : times); i++) await call();
    }
    // An unknown licence number is not counted anywhere.
    await t.app.inject({ url: "/api/v1/verify/JY14401060000000" });
    await usageCounterFor(db).flush();
    const rows = await db
      .select()
      .from(certificateUsage)
      .where(eq(certificateUsage.day, chinaDate(new Date())));
    const delta = (channel: string) =>
      (rows.find((r) => r.channel === channel)?.count ?? 0) -
      (before.find((r) => r.channel === channel)?.count ?? 0);
    for (const [channel, times] of calls) expect(delta(channel), channel).toBe(times);
    expect(rows.every((row) => row.regionCode === "440106")).toBe(true);
    // A flush with nothing counted writes nothing; counts add up across flushes.
    await usageCounterFor(db).flush();
    await t.app.inject({ url: `/api/v1/verify/${licence!.number}` });
    await usageCounterFor(db).flush();
    const [api] = await db
      .select()
      .from(certificateUsage)
      .where(and(eq(certificateUsage.day, chinaDate(new Date())), eq(certificateUsage.channel, "api")));
    expect(api!.count - (before.find((r) => r.channel === "api")?.count ?? 0)).toBe(4);
  });
});
