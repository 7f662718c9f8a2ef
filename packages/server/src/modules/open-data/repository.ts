import { and, asc, desc, eq, gte, inArray, isNotNull, like, lt, ne, sql, type SQL } from "drizzle-orm";
import type { SafetyColour } from "../../config.js";
import type { Queryable } from "../../db/client.js";
import {
  files,
  inspections,
  licenses,
  openDataFeeds,
  regions,
  safetyCodes,
  storeGrades,
  stores,
} from "../../db/schema.js";
import { colourSql } from "../safety-code/repository.js";

export interface StoreFilter {
  /** Today in China (YYYY-MM-DD): licence validity and colour are judged on it. */
  today: string;
  defaultColour: SafetyColour;
  regionPrefix: string | null;
  colour: SafetyColour | null;
  /** Stores holding a licence whose validity starts on or after this day. */
  licensedSince: string | null;
  afterId: string | null;
  limit: number;
}

/**
 * One page of stores with what open data publishes of them. Columns are listed one by one: nothing about the
 * business (legal representative, phone, USCC) or its staff is selected, so it cannot leak by accident.
 */
export async function listStores(db: Queryable, filter: StoreFilter) {
  const colour = colourSql(filter.today, filter.defaultColour);
  const conditions: SQL[] = [];
  if (filter.regionPrefix) conditions.push(like(stores.regionCode, `${filter.regionPrefix}%`));
  if (filter.colour) conditions.push(sql`${colour} = ${filter.colour}`);
  if (filter.licensedSince) {
    conditions.push(sql`exists (select 1 from ${licenses} where ${licenses.storeId} = ${stores.id}
      and ${licenses.validFrom} >= ${filter.licensedSince}::date)`);
  }
  if (filter.afterId) conditions.push(sql`${stores.id} > ${filter.afterId}::uuid`);
  return db
    .select({
      storeId: stores.id,
      name: stores.name,
      address: stores.address,
      regionCode: stores.regionCode,
      regionName: regions.name,
      lat: stores.lat,
      lng: stores.lng,
      businessForm: stores.businessForm,
      subtype: stores.subtype,
      safetyCode: safetyCodes.code,
      colour,
      grade: storeGrades.grade,
      gradedOn: storeGrades.gradedOn,
    })
    .from(stores)
    .innerJoin(regions, eq(regions.code, stores.regionCode))
    .leftJoin(safetyCodes, eq(safetyCodes.storeId, stores.id))
    .leftJoin(storeGrades, eq(storeGrades.storeId, stores.id))
    .where(and(...conditions))
    .orderBy(asc(stores.id))
    .limit(filter.limit);
}

export type OpenStoreRow = Awaited<ReturnType<typeof listStores>>[number];

/**
 * The licence shown for each store, in the order of the scan page (safety-code/repository.ts#findShownLicence):
 * one valid today first, then food business (JY) before production, newest first.
 */
export async function shownLicences(db: Queryable, storeIds: string[], today: string) {
  if (storeIds.length === 0) return new Map<string, ShownLicence>();
  const rows = await db
    .selectDistinctOn([licenses.storeId], {
      storeId: licenses.storeId,
      number: licenses.number,
      status: licenses.status,
      validFrom: licenses.validFrom,
      validTo: licenses.validTo,
    })
    .from(licenses)
    .where(inArray(licenses.storeId, storeIds))
    .orderBy(
      licenses.storeId,
      desc(sql`(${licenses.status} = 'valid' and ${licenses.validTo} >= ${today}::date)`),
      asc(licenses.type),
      desc(licenses.issuedAt),
    );
  return new Map(rows.map((row) => [row.storeId, row]));
}

export interface ShownLicence {
  number: string;
  status: string;
  validFrom: string;
  validTo: string;
}

/**
 * Open data publishes the bureau's own finished inspections: a volunteer's patrol (社会监督员) is a citizen's
 * report, shown on the scan page as such, not an official inspection result.
 */
const officialAndDone = and(
  eq(inspections.status, "done"),
  isNotNull(inspections.inspectedAt),
  ne(inspections.kind, "volunteer_patrol"),
)!;

/** The latest finished official inspection of each store. */
export async function lastInspections(db: Queryable, storeIds: string[]) {
  if (storeIds.length === 0) return new Map<string, LastInspection>();
  const rows = await db
    .selectDistinctOn([inspections.storeId], {
      storeId: inspections.storeId,
      inspectedAt: inspections.inspectedAt,
      outcome: inspections.outcome,
      score: inspections.score,
    })
    .from(inspections)
    .where(and(inArray(inspections.storeId, storeIds), officialAndDone))
    .orderBy(inspections.storeId, desc(inspections.inspectedAt), desc(inspections.id));
  return new Map(rows.map((row) => [row.storeId, row as LastInspection]));
}

export interface LastInspection {
  inspectedAt: Date;
  outcome: string | null;
  score: number | null;
}

export interface InspectionFilter {
  today: string;
  defaultColour: SafetyColour;
  regionPrefix: string | null;
  colour: SafetyColour | null;
  /** Inspected at or after this instant. */
  from: Date | null;
  /** Inspected before this instant. */
  before: Date | null;
  after: { at: string; id: string } | null;
  limit: number;
}

/**
 * One page of finished inspections, oldest first. The region is the store's. Inspector, notes, photos and GPS
 * are not selected: open data names no person and shows no picture.
 */
export async function listInspections(db: Queryable, filter: InspectionFilter) {
  const colour = colourSql(filter.today, filter.defaultColour);
  const conditions: SQL[] = [officialAndDone];
  if (filter.regionPrefix) conditions.push(like(stores.regionCode, `${filter.regionPrefix}%`));
  if (filter.colour) conditions.push(sql`${colour} = ${filter.colour}`);
  if (filter.from) conditions.push(gte(inspections.inspectedAt, filter.from));
  if (filter.before) conditions.push(lt(inspections.inspectedAt, filter.before));
  if (filter.after) {
    conditions.push(
      sql`(${inspections.inspectedAt}, ${inspections.id}) > (${filter.after.at}::timestamptz, ${filter.after.id}::uuid)`,
    );
  }
  return db
    .select({
      id: inspections.id,
      storeId: inspections.storeId,
      safetyCode: safetyCodes.code,
      storeName: stores.name,
      regionCode: stores.regionCode,
      inspectedAt: inspections.inspectedAt,
      /** The exact key of the cursor: microseconds survive, which a JS Date would drop. */
      cursorAt: sql<string>`${inspections.inspectedAt}::text`,
      kind: inspections.kind,
      template: inspections.template,
      outcome: inspections.outcome,
      score: inspections.score,
      results: inspections.results,
    })
    .from(inspections)
    .innerJoin(stores, eq(stores.id, inspections.storeId))
    .leftJoin(safetyCodes, eq(safetyCodes.storeId, stores.id))
    .leftJoin(storeGrades, eq(storeGrades.storeId, stores.id))
    .where(and(...conditions))
    .orderBy(asc(inspections.inspectedAt), asc(inspections.id))
    .limit(filter.limit);
}

export type OpenInspectionRow = Awaited<ReturnType<typeof listInspections>>[number];

export async function findRegion(db: Queryable, code: string) {
  const [row] = await db.select().from(regions).where(eq(regions.code, code)).limit(1);
  return row;
}

export async function findRegions(db: Queryable, codes: string[]) {
  if (codes.length === 0) return [];
  return db.select().from(regions).where(inArray(regions.code, codes));
}

/** Counties that have stores: each gets a LIVES feed, and so does each of their cities. */
export async function countiesWithStores(db: Queryable): Promise<string[]> {
  const rows = await db
    .selectDistinct({ regionCode: stores.regionCode })
    .from(stores)
    .orderBy(asc(stores.regionCode));
  return rows.map((row) => row.regionCode);
}

export async function upsertFeed(db: Queryable, row: typeof openDataFeeds.$inferInsert) {
  await db
    .insert(openDataFeeds)
    .values(row)
    .onConflictDoUpdate({
      target: openDataFeeds.regionCode,
      set: { fileId: row.fileId, counts: row.counts, builtAt: row.builtAt },
    });
}

export async function listFeeds(db: Queryable) {
  return db
    .select({
      regionCode: openDataFeeds.regionCode,
      regionName: regions.name,
      counts: openDataFeeds.counts,
      builtAt: openDataFeeds.builtAt,
    })
    .from(openDataFeeds)
    .innerJoin(regions, eq(regions.code, openDataFeeds.regionCode))
    .orderBy(asc(openDataFeeds.regionCode));
}

export async function findFeedFile(db: Queryable, regionCode: string) {
  const [row] = await db
    .select({ sha256: files.sha256, size: files.size, builtAt: openDataFeeds.builtAt })
    .from(openDataFeeds)
    .innerJoin(files, eq(files.id, openDataFeeds.fileId))
    .where(eq(openDataFeeds.regionCode, regionCode))
    .limit(1);
  return row;
}

/** When the newest feed was built: the nightly job builds at most once per China day. */
export async function latestBuildTime(db: Queryable): Promise<Date | null> {
  const [row] = await db
    .select({ builtAt: sql<Date | null>`max(${openDataFeeds.builtAt})`.mapWith(openDataFeeds.builtAt) })
    .from(openDataFeeds);
  return row?.builtAt ?? null;
}
