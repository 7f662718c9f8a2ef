import {
  and,
  asc,
  avg,
  count,
  desc,
  eq,
  gt,
  ilike,
  inArray,
  isNotNull,
  isNull,
  like,
  or,
  sql,
  type SQL,
} from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import {
  alerts,
  businesses,
  certificates,
  inspections,
  licenses,
  ratings,
  rectifications,
  safetyCodes,
  selfChecks,
  staff,
  storeGrades,
  stores,
} from "../../db/schema.js";
import type { SafetyColour } from "../../config.js";

const BATCH = 5000;

/** Inserts codes for stores; a code or store already taken is skipped (the caller retries what is missing). */
export async function insertSafetyCodes(db: Queryable, rows: { code: string; storeId: string }[]) {
  for (let start = 0; start < rows.length; start += BATCH) {
    await db
      .insert(safetyCodes)
      .values(rows.slice(start, start + BATCH))
      .onConflictDoNothing();
  }
}

/** Which of the stores have a code already. */
export async function storesWithCode(db: Queryable, storeIds: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let start = 0; start < storeIds.length; start += BATCH) {
    const rows = await db
      .select({ storeId: safetyCodes.storeId })
      .from(safetyCodes)
      .where(inArray(safetyCodes.storeId, storeIds.slice(start, start + BATCH)));
    for (const row of rows) found.add(row.storeId);
  }
  return found;
}

export async function findCodeOfStore(db: Queryable, storeId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ code: safetyCodes.code })
    .from(safetyCodes)
    .where(eq(safetyCodes.storeId, storeId))
    .limit(1);
  return row?.code;
}

/** The store behind a code, with what the public may see of it. */
export async function findStoreByCode(db: Queryable, code: string) {
  const [row] = await db
    .select({
      code: safetyCodes.code,
      storeId: stores.id,
      name: stores.name,
      address: stores.address,
      regionCode: stores.regionCode,
      lat: stores.lat,
      lng: stores.lng,
      businessForm: stores.businessForm,
      subtype: stores.subtype,
      businessName: businesses.name,
    })
    .from(safetyCodes)
    .innerJoin(stores, eq(stores.id, safetyCodes.storeId))
    .innerJoin(businesses, eq(businesses.id, stores.businessId))
    .where(eq(safetyCodes.code, code))
    .limit(1);
  return row;
}

export type CodedStore = NonNullable<Awaited<ReturnType<typeof findStoreByCode>>>;

/** A licence valid on `today` exists for the store (the SQL twin of colour.ts#isLicenceValid). */
function validLicenceExists(today: string): SQL {
  return sql`exists (select 1 from ${licenses} where ${licenses.storeId} = ${stores.id}
    and ${licenses.status} = 'valid' and ${licenses.validTo} >= ${today}::date)`;
}

/** The store has an open red alert (the SQL twin of the colour fact openRedAlert). */
function openRedAlertExists(): SQL {
  return sql`exists (select 1 from ${alerts} where ${alerts.storeId} = ${stores.id}
    and ${alerts.status} = 'open' and ${alerts.severity} = 'red')`;
}

/**
 * colour.ts#safetyColour in SQL, for search filters: no valid licence → red, an open red alert → red, else
 * grade, else default.
 */
export function colourSql(today: string, defaultColour: SafetyColour): SQL<SafetyColour> {
  return sql<SafetyColour>`(case when not ${validLicenceExists(today)} then 'red'
    when ${openRedAlertExists()} then 'red'
    else coalesce(${storeGrades.colour}, ${defaultColour}::text) end)`;
}

export async function hasOpenRedAlert(db: Queryable, storeId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: alerts.id })
    .from(alerts)
    .where(and(eq(alerts.storeId, storeId), eq(alerts.status, "open"), eq(alerts.severity, "red")))
    .limit(1);
  return row !== undefined;
}

/** The licence shown for a store: a valid one first, then food business (JY) before production, newest first. */
export async function findShownLicence(db: Queryable, storeId: string, today: string) {
  const [row] = await db
    .select({
      id: licenses.id,
      number: licenses.number,
      type: licenses.type,
      status: licenses.status,
      validTo: licenses.validTo,
    })
    .from(licenses)
    .where(eq(licenses.storeId, storeId))
    .orderBy(
      desc(sql`(${licenses.status} = 'valid' and ${licenses.validTo} >= ${today}::date)`),
      asc(licenses.type),
      desc(licenses.issuedAt),
    )
    .limit(1);
  if (!row) return undefined;
  const [certificate] = await db
    .select({ token: certificates.token })
    .from(certificates)
    .where(and(eq(certificates.licenseId, row.id), isNull(certificates.supersededAt)))
    .orderBy(desc(certificates.licenseVersion))
    .limit(1);
  return { ...row, certificateToken: certificate?.token ?? null };
}

export async function hasValidLicence(db: Queryable, storeId: string, today: string): Promise<boolean> {
  const [row] = await db
    .select({ id: licenses.id })
    .from(licenses)
    .where(
      and(
        eq(licenses.storeId, storeId),
        eq(licenses.status, "valid"),
        sql`${licenses.validTo} >= ${today}::date`,
      ),
    )
    .limit(1);
  return row !== undefined;
}

export async function findGrade(db: Queryable, storeId: string) {
  const [row] = await db.select().from(storeGrades).where(eq(storeGrades.storeId, storeId)).limit(1);
  return row;
}

/** Finished inspections, newest first, with their rectification orders. */
export async function listInspectionHistory(db: Queryable, storeId: string, limit: number) {
  const rows = await db
    .select({
      id: inspections.id,
      kind: inspections.kind,
      inspectedAt: inspections.inspectedAt,
      outcome: inspections.outcome,
    })
    .from(inspections)
    .where(and(eq(inspections.storeId, storeId), eq(inspections.status, "done")))
    .orderBy(desc(inspections.inspectedAt))
    .limit(limit);
  if (rows.length === 0) return [];
  const orders = await db
    .select({ inspectionId: rectifications.inspectionId, status: rectifications.status })
    .from(rectifications)
    .where(
      inArray(
        rectifications.inspectionId,
        rows.map((row) => row.id),
      ),
    );
  return rows.map((row) => ({
    ...row,
    rectifications: orders.filter((order) => order.inspectionId === row.id).map((order) => order.status),
  }));
}

/** Staff health certificates (健康证) of a store: what the scan page shows, names masked by the caller. */
export async function listHealthCertificates(db: Queryable, storeId: string) {
  return db
    .select({ name: staff.name, validTo: staff.healthCertificateValidTo })
    .from(staff)
    .where(eq(staff.storeId, storeId))
    .orderBy(asc(staff.healthCertificateValidTo))
    .limit(50);
}

export async function listSelfChecks(db: Queryable, storeId: string, limit: number) {
  return db
    .select({ checkedOn: selfChecks.checkedOn, results: selfChecks.results })
    .from(selfChecks)
    .where(eq(selfChecks.storeId, storeId))
    .orderBy(desc(selfChecks.checkedOn))
    .limit(limit);
}

/** Average stars and count of approved ratings, and the latest approved comments. */
export async function ratingSummary(db: Queryable, storeId: string, comments: number) {
  const approved = and(eq(ratings.storeId, storeId), eq(ratings.moderation, "approved"));
  const [summary] = await db
    .select({ average: avg(ratings.stars), count: count() })
    .from(ratings)
    .where(approved);
  const latest = await db
    .select({ stars: ratings.stars, comment: ratings.comment, ratedOn: ratings.ratedOn })
    .from(ratings)
    .where(and(approved, isNotNull(ratings.comment)))
    .orderBy(desc(ratings.createdAt))
    .limit(comments);
  return {
    average: summary?.average === null || summary?.average === undefined ? null : Number(summary.average),
    count: Number(summary?.count ?? 0),
    latest: latest.map((row) => ({ stars: row.stars, comment: row.comment ?? "", ratedOn: row.ratedOn })),
  };
}

export interface SearchFilter {
  today: string;
  defaultColour: SafetyColour;
  storeId?: string;
  regionPrefix: string | null;
  q: string | null;
  colour: SafetyColour | null;
  near: { lat: number; lng: number; radiusKm: number } | null;
  /** Keyset: past this id (no `near`), or past this distance and id (with `near`). */
  after: { id: string; distanceKm?: number | undefined } | null;
  limit: number;
}

const KM_PER_DEGREE_LAT = 111.32;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Public store search: a bounding box narrows by lat/lng, then haversine gives the exact distance. */
export async function searchStores(db: Queryable, filter: SearchFilter) {
  const colour = colourSql(filter.today, filter.defaultColour);
  const conditions: SQL[] = [];
  if (filter.storeId) conditions.push(eq(stores.id, filter.storeId));
  if (filter.regionPrefix) conditions.push(like(stores.regionCode, `${filter.regionPrefix}%`));
  if (filter.q) conditions.push(ilike(stores.name, `%${escapeLike(filter.q)}%`));
  if (filter.colour) conditions.push(sql`${colour} = ${filter.colour}`);
  let distance: SQL<number> | null = null;
  if (filter.near) {
    const { lat, lng, radiusKm } = filter.near;
    const dLat = radiusKm / KM_PER_DEGREE_LAT;
    const dLng = radiusKm / (KM_PER_DEGREE_LAT * Math.max(Math.cos((lat * Math.PI) / 180), 0.01));
    conditions.push(
      sql`${stores.lat} between ${lat - dLat} and ${lat + dLat}`,
      sql`${stores.lng} between ${lng - dLng} and ${lng + dLng}`,
    );
    distance = sql<number>`(12742 * asin(sqrt(
      power(sin(radians(${stores.lat} - ${lat}) / 2), 2) +
      cos(radians(${lat}::float8)) * cos(radians(${stores.lat})) * power(sin(radians(${stores.lng} - ${lng}) / 2), 2)
    )))`;
    conditions.push(sql`${distance} <= ${radiusKm}`);
  }
  if (filter.after) {
    if (distance && filter.after.distanceKm !== undefined) {
      conditions.push(
        or(
          sql`${distance} > ${filter.after.distanceKm}`,
          and(sql`${distance} = ${filter.after.distanceKm}`, gt(stores.id, filter.after.id)),
        )!,
      );
    } else {
      conditions.push(gt(stores.id, filter.after.id));
    }
  }
  const licenceNo = sql<string | null>`(select ${licenses.number} from ${licenses}
    where ${licenses.storeId} = ${stores.id}
    order by (${licenses.status} = 'valid' and ${licenses.validTo} >= ${filter.today}::date) desc,
      ${licenses.type}, ${licenses.issuedAt} desc limit 1)`;
  return db
    .select({
      storeId: stores.id,
      name: stores.name,
      address: stores.address,
      lat: stores.lat,
      lng: stores.lng,
      safetyCode: safetyCodes.code,
      colour,
      grade: storeGrades.grade,
      licenseNo: licenceNo,
      distanceKm: distance ?? sql<number | null>`null::float8`,
    })
    .from(stores)
    .leftJoin(safetyCodes, eq(safetyCodes.storeId, stores.id))
    .leftJoin(storeGrades, eq(storeGrades.storeId, stores.id))
    .where(and(...conditions))
    .orderBy(...(distance ? [asc(distance), asc(stores.id)] : [asc(stores.id)]))
    .limit(filter.limit);
}

export type SearchRow = Awaited<ReturnType<typeof searchStores>>[number];

/** One store for the public, by id. */
export async function findPublicStore(
  db: Queryable,
  storeId: string,
  today: string,
  defaultColour: SafetyColour,
) {
  const [row] = await searchStores(db, {
    today,
    defaultColour,
    storeId,
    regionPrefix: null,
    q: null,
    colour: null,
    near: null,
    after: null,
    limit: 1,
  });
  return row;
}
