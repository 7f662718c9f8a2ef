// Every query of the statistics reports: one aggregate per figure, all limited to a region prefix and a
// China-calendar range (docs/reports.md names the source of each figure).

import { and, desc, eq, gte, inArray, like, lt, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Queryable } from "../../db/client.js";
import {
  applications,
  certificateUsage,
  complaints,
  draws,
  files,
  gradeHistory,
  inspections,
  licenseVersions,
  licenses,
  planItems,
  rectifications,
  regions,
  statisticsReports,
  stores,
} from "../../db/schema.js";

export interface Scope {
  /** Region-code prefix of the jurisdiction ("4401" for a city, "440106" for a county). */
  prefix: string;
  from: Date;
  to: Date;
  fromDay: string;
  toDay: string;
  months: string[];
}

export interface Count {
  key: string;
  n: number;
}

const n = sql<number>`count(*)::int`;
const within = (column: AnyPgColumn, prefix: string) => like(column, `${prefix}%`);
const inRange = (column: AnyPgColumn, scope: Scope) => and(gte(column, scope.from), lt(column, scope.to));
/** The China month of a timestamp, independent of the session time zone. */
const chinaMonth = (column: AnyPgColumn) =>
  sql<string>`to_char((${column} at time zone 'UTC') + interval '8 hours', 'YYYY-MM')`;

/** New, changed, renewed and reissued licence versions issued in the period (license_versions.reason). */
export function countLicenceVersionsByReason(db: Queryable, scope: Scope): Promise<Count[]> {
  return db
    .select({ key: licenseVersions.reason, n })
    .from(licenseVersions)
    .innerJoin(licenses, eq(licenses.id, licenseVersions.licenseId))
    .where(and(within(licenses.regionCode, scope.prefix), inRange(licenseVersions.issuedAt, scope)))
    .groupBy(licenseVersions.reason);
}

/** New licences of the period counted by `key`, an expression over the licence and its store. */
function countNewLicencesBy(db: Queryable, scope: Scope, key: SQL<string> | AnyPgColumn): Promise<Count[]> {
  return db
    .select({ key: sql<string>`${key}`, n })
    .from(licenseVersions)
    .innerJoin(licenses, eq(licenses.id, licenseVersions.licenseId))
    .innerJoin(stores, eq(stores.id, licenses.storeId))
    .where(
      and(
        eq(licenseVersions.reason, "new"),
        within(licenses.regionCode, scope.prefix),
        inRange(licenseVersions.issuedAt, scope),
      ),
    )
    .groupBy(sql`1`);
}

/** New licences of the period by licence type (JY, SC). */
export const countNewLicencesByType = (db: Queryable, scope: Scope) =>
  countNewLicencesBy(db, scope, licenses.type);

/** New licences of the period by the store's business form (业态). */
export const countNewLicencesByForm = (db: Queryable, scope: Scope) =>
  countNewLicencesBy(db, scope, stores.businessForm);

/** New licences per China month of the period ("YYYY-MM|JY"), for the chart. */
export const countNewLicencesByMonthAndType = (db: Queryable, scope: Scope) =>
  countNewLicencesBy(
    db,
    scope,
    sql<string>`${chinaMonth(licenseVersions.issuedAt)} || '|' || ${licenses.type}`,
  );

/** Cancellations (注销): approved cancellation applications decided in the period. */
export async function countCancellations(db: Queryable, scope: Scope): Promise<number> {
  const [row] = await db
    .select({ n })
    .from(applications)
    .where(
      and(
        eq(applications.kind, "cancellation"),
        eq(applications.decision, "approve"),
        within(applications.regionCode, scope.prefix),
        inRange(applications.decidedAt, scope),
      ),
    );
  return row?.n ?? 0;
}

/** Certificate verifications and downloads of the period, "kind|channel" → count (certificate_usage). */
export function sumCertificateUsage(db: Queryable, scope: Scope): Promise<Count[]> {
  return db
    .select({
      key: sql<string>`${certificateUsage.kind} || '|' || ${certificateUsage.channel}`,
      n: sql<number>`sum(${certificateUsage.count})::int`,
    })
    .from(certificateUsage)
    .where(
      and(
        within(certificateUsage.regionCode, scope.prefix),
        gte(certificateUsage.day, scope.fromDay),
        lt(certificateUsage.day, scope.toDay),
      ),
    )
    .groupBy(certificateUsage.kind, certificateUsage.channel);
}

/** Inspections finished in the period, "kind|outcome" → count. */
export function countInspections(db: Queryable, scope: Scope): Promise<Count[]> {
  return db
    .select({ key: sql<string>`${inspections.kind} || '|' || coalesce(${inspections.outcome}, '')`, n })
    .from(inspections)
    .where(
      and(
        eq(inspections.status, "done"),
        within(inspections.regionCode, scope.prefix),
        inRange(inspections.inspectedAt, scope),
      ),
    )
    .groupBy(inspections.kind, inspections.outcome);
}

/** Rectification orders opened and closed in the period. */
export async function countRectifications(db: Queryable, scope: Scope) {
  const [row] = await db
    .select({
      opened: sql<number>`count(*) filter (where ${rectifications.createdAt} >= ${scope.from} and ${rectifications.createdAt} < ${scope.to})::int`,
      closed: sql<number>`count(*) filter (where ${rectifications.closedAt} >= ${scope.from} and ${rectifications.closedAt} < ${scope.to})::int`,
    })
    .from(rectifications)
    .where(within(rectifications.regionCode, scope.prefix));
  return { opened: row?.opened ?? 0, closed: row?.closed ?? 0 };
}

/** Complaints received in the period by category. */
export function countComplaintsByCategory(db: Queryable, scope: Scope): Promise<Count[]> {
  return db
    .select({ key: complaints.category, n })
    .from(complaints)
    .where(and(within(complaints.regionCode, scope.prefix), inRange(complaints.createdAt, scope)))
    .groupBy(complaints.category);
}

/** Complaints closed in the period, and how many of them before their SLA deadline (close_by). */
export async function countClosedComplaints(db: Queryable, scope: Scope) {
  const [row] = await db
    .select({
      closed: n,
      withinSla: sql<number>`count(*) filter (where ${complaints.closedAt} <= ${complaints.closeBy})::int`,
    })
    .from(complaints)
    .where(and(within(complaints.regionCode, scope.prefix), inRange(complaints.closedAt, scope)));
  return { closed: row?.closed ?? 0, withinSla: row?.withinSla ?? 0 };
}

/**
 * The grading shown for the period: the latest graded month inside it, of the model that graded the most
 * stores that month (one store counts once).
 */
export async function findGradedPeriod(db: Queryable, scope: Scope) {
  const [row] = await db
    .select({ period: gradeHistory.period, model: gradeHistory.model, n })
    .from(gradeHistory)
    .where(and(within(gradeHistory.regionCode, scope.prefix), inArray(gradeHistory.period, scope.months)))
    .groupBy(gradeHistory.period, gradeHistory.model)
    .orderBy(desc(gradeHistory.period), desc(n), gradeHistory.model)
    .limit(1);
  return row ? { period: row.period, model: row.model } : null;
}

/** Grade and colour distribution of one graded month and model, "grade|colour" → stores. */
export function countGrades(
  db: Queryable,
  scope: Scope,
  graded: { period: string; model: string },
): Promise<Count[]> {
  return db
    .select({ key: sql<string>`${gradeHistory.grade} || '|' || ${gradeHistory.riskColour}`, n })
    .from(gradeHistory)
    .where(
      and(
        within(gradeHistory.regionCode, scope.prefix),
        eq(gradeHistory.period, graded.period),
        eq(gradeHistory.model, graded.model),
      ),
    )
    .groupBy(gradeHistory.grade, gradeHistory.riskColour);
}

/** 双随机 draws of the period's months: draws made, stores drawn, drawn plan items whose visits are done. */
export async function countDraws(db: Queryable, scope: Scope) {
  const scoped = and(within(draws.regionCode, scope.prefix), inArray(draws.period, scope.months));
  const [made] = await db
    .select({
      draws: n,
      storesDrawn: sql<number>`coalesce(sum(jsonb_array_length(${draws.selection})), 0)::int`,
    })
    .from(draws)
    .where(scoped);
  const [done] = await db
    .select({ n })
    .from(planItems)
    .innerJoin(draws, eq(draws.id, planItems.drawId))
    .where(and(scoped, sql`${planItems.visitsDone} >= ${planItems.visitsRequired}`));
  return { draws: made?.draws ?? 0, storesDrawn: made?.storesDrawn ?? 0, done: done?.n ?? 0 };
}

export async function findRegion(db: Queryable, code: string) {
  const [row] = await db.select().from(regions).where(eq(regions.code, code)).limit(1);
  return row;
}

/** Counties that have stores, and the cities above them that exist in the region table. */
export async function listRegionsWithStores(db: Queryable): Promise<{ code: string; level: string }[]> {
  const counties = await db.selectDistinct({ code: stores.regionCode }).from(stores);
  const codes = new Set<string>();
  for (const { code } of counties) {
    codes.add(code);
    codes.add(`${code.slice(0, 4)}00`);
  }
  if (codes.size === 0) return [];
  return db
    .select({ code: regions.code, level: regions.level })
    .from(regions)
    .where(and(inArray(regions.code, [...codes]), inArray(regions.level, ["city", "county"])))
    .orderBy(regions.code);
}

export type ReportRow = typeof statisticsReports.$inferSelect;

export async function findReport(db: Queryable, key: { kind: string; period: string; regionCode: string }) {
  const [row] = await db
    .select()
    .from(statisticsReports)
    .where(
      and(
        eq(statisticsReports.kind, key.kind as "monthly"),
        eq(statisticsReports.period, key.period),
        eq(statisticsReports.regionCode, key.regionCode),
      ),
    )
    .limit(1);
  return row;
}

export async function findReportById(db: Queryable, id: string) {
  const [row] = await db.select().from(statisticsReports).where(eq(statisticsReports.id, id)).limit(1);
  return row;
}

/** Inserts the report, or replaces the files and figures of the existing one (kind + period + region). */
export async function upsertReport(db: Queryable, row: typeof statisticsReports.$inferInsert) {
  const [saved] = await db
    .insert(statisticsReports)
    .values(row)
    .onConflictDoUpdate({
      target: [statisticsReports.kind, statisticsReports.period, statisticsReports.regionCode],
      set: {
        figures: row.figures,
        xlsxFileId: row.xlsxFileId,
        pdfFileId: row.pdfFileId,
        generatedAt: row.generatedAt,
        generatedBy: row.generatedBy ?? null,
      },
    })
    .returning();
  return saved!;
}

export function listReports(
  db: Queryable,
  filter: { prefix: string | null; kind?: string | undefined; period?: string | undefined; limit: number },
) {
  const conditions = [
    filter.prefix ? like(statisticsReports.regionCode, `${filter.prefix}%`) : undefined,
    filter.kind ? eq(statisticsReports.kind, filter.kind as "monthly") : undefined,
    filter.period ? eq(statisticsReports.period, filter.period) : undefined,
  ];
  return db
    .select({ report: statisticsReports, regionName: regions.name })
    .from(statisticsReports)
    .innerJoin(regions, eq(regions.code, statisticsReports.regionCode))
    .where(and(...conditions))
    .orderBy(desc(statisticsReports.period), statisticsReports.regionCode, statisticsReports.kind)
    .limit(filter.limit);
}

export async function insertReportFile(db: Queryable, row: typeof files.$inferInsert) {
  const [created] = await db.insert(files).values(row).returning({ id: files.id });
  return created!.id;
}

export function findFiles(db: Queryable, ids: string[]) {
  return db.select().from(files).where(inArray(files.id, ids));
}
