import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import {
  businesses,
  importErrors,
  importJobs,
  licenseSequences,
  licenseVersions,
  licenses,
  regions,
  stores,
  users,
} from "../../db/schema.js";
import type { RowError } from "./row-validation.js";

export type ImportJobRow = typeof importJobs.$inferSelect;
export interface ImportErrorRow {
  rowNumber: number;
  errors: RowError[];
}

// Any constant works; it names the lock that serialises import batches (find-or-create of stores has no
// unique index to lean on, so two imports must not create the same store at once).
const IMPORT_BATCH_LOCK = 7_314_082_002;
/** First key of the two-key lock on one file's job (the second is a hash of the file's SHA-256). */
const IMPORT_FILE_LOCK = 731_408_203;

/** The job of a file for importers of one jurisdiction (the creator's; null = national, CLI included). */
export async function findJobForFile(
  db: Queryable,
  sha256: string,
  jurisdiction: string | null,
): Promise<ImportJobRow | undefined> {
  const [row] = await db
    .select({ job: importJobs })
    .from(importJobs)
    .leftJoin(users, eq(users.id, importJobs.createdBy))
    .where(
      and(eq(importJobs.fileSha256, sha256), sql`${users.regionCode} is not distinct from ${jurisdiction}`),
    )
    .orderBy(asc(importJobs.createdAt))
    .limit(1);
  return row?.job;
}

/** A job with its creator's jurisdiction (null for a national creator or the CLI). */
export async function findJob(db: Queryable, id: string) {
  const [row] = await db
    .select({ job: importJobs, creatorRegion: users.regionCode })
    .from(importJobs)
    .leftJoin(users, eq(users.id, importJobs.createdBy))
    .where(eq(importJobs.id, id))
    .limit(1);
  return row;
}

/** Serialises the creation of jobs for one file, so two uploads of the same new file make one job. */
export async function lockFileKey(tx: Queryable, sha256: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_FILE_LOCK}::int, hashtext(${sha256}::text))`);
}

export async function insertJob(db: Queryable, row: typeof importJobs.$inferInsert): Promise<ImportJobRow> {
  const [created] = await db.insert(importJobs).values(row).returning();
  return created!;
}

/** Serialises import batches and locks the job: its processed_rows says where the batch must start. */
export async function lockJob(tx: Queryable, id: string): Promise<ImportJobRow | undefined> {
  await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_BATCH_LOCK})`);
  const [row] = await tx.select().from(importJobs).where(eq(importJobs.id, id)).for("update").limit(1);
  return row;
}

export async function updateJob(tx: Queryable, id: string, changes: Partial<typeof importJobs.$inferInsert>) {
  const [row] = await tx.update(importJobs).set(changes).where(eq(importJobs.id, id)).returning();
  return row!;
}

export async function listCountyRegions(db: Queryable): Promise<{ code: string; name: string }[]> {
  return db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(eq(regions.level, "county"));
}

// Bulk statements take a whole batch as one JSON parameter read with jsonb_to_recordset: one parameter instead
// of thousands, which is 4–8× faster than multi-row VALUES on PGlite and works the same on PostgreSQL. Look-ups
// take their keys the same way (see keyList).
const asJson = (rows: unknown[]) => sql`${JSON.stringify(rows)}::jsonb`;

/**
 * Keys (licence numbers, USCCs, ids: never a comma) as one text parameter split into an array; PostgreSQL folds
 * it into a constant when planning, so it knows how many keys there are and uses the index.
 */
const keyList = (keys: string[]) => sql`string_to_array(${keys.join(",")}::text, ',')`;

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** The licences among these numbers that exist already, with their holder's USCC. */
export async function findLicenceHolders(tx: Queryable, numbers: string[]): Promise<Map<string, string>> {
  if (numbers.length === 0) return new Map();
  const result = await tx.execute(sql`
    select l.number, b.uscc from ${licenses} l join ${businesses} b on b.id = l.business_id
    where l.number = any(${keyList(numbers)})`);
  return new Map(rowsOf<{ number: string; uscc: string }>(result).map((row) => [row.number, row.uscc]));
}

export interface NewBusiness {
  uscc: string;
  name: string;
  legalRepresentative: string;
  regionCode: string;
}

/**
 * Creates the businesses not there yet (by USCC; existing ones are left as they are). Returns the id of every
 * USCC and which of them were created now (a new business has no stores yet: no need to look for them).
 */
export async function ensureBusinesses(
  tx: Queryable,
  rows: NewBusiness[],
): Promise<{ ids: Map<string, string>; created: Set<string> }> {
  if (rows.length === 0) return { ids: new Map(), created: new Set() };
  const inserted = rowsOf<{ id: string; uscc: string }>(
    await tx.execute(sql`
      insert into ${businesses} (uscc, name, legal_representative, region_code)
      select x.uscc, x.name, x."legalRepresentative", x."regionCode"
      from jsonb_to_recordset(${asJson(rows)})
        as x(uscc text, name text, "legalRepresentative" text, "regionCode" text)
      on conflict (uscc) do nothing
      returning id, uscc`),
  );
  const ids = new Map(inserted.map((row) => [row.uscc, row.id]));
  const created = new Set(ids.keys());
  const existing = rows.map((row) => row.uscc).filter((uscc) => !created.has(uscc));
  if (existing.length > 0) {
    const result = await tx.execute(sql`
      select b.id, b.uscc from ${businesses} b where b.uscc = any(${keyList(existing)})`);
    for (const row of rowsOf<{ id: string; uscc: string }>(result)) ids.set(row.uscc, row.id);
  }
  return { ids, created };
}

export interface StoreKeyRow {
  id: string;
  businessId: string;
  address: string;
}

export async function findStoresOfBusinesses(tx: Queryable, businessIds: string[]): Promise<StoreKeyRow[]> {
  if (businessIds.length === 0) return [];
  const result = await tx.execute(sql`
    select s.id, s.business_id as "businessId", s.address from ${stores} s
    where s.business_id = any(${keyList(businessIds)}::uuid[])`);
  return rowsOf<StoreKeyRow>(result);
}

export interface NewStore {
  businessId: string;
  name: string;
  address: string;
  regionCode: string;
  businessForm: string;
  subtype: string;
}

export async function insertStores(tx: Queryable, rows: NewStore[]): Promise<StoreKeyRow[]> {
  if (rows.length === 0) return [];
  const result = await tx.execute(sql`
    insert into ${stores} (business_id, name, address, region_code, business_form, subtype)
    select x."businessId", x.name, x.address, x."regionCode", x."businessForm", x.subtype
    from jsonb_to_recordset(${asJson(rows)})
      as x("businessId" uuid, name text, address text, "regionCode" text, "businessForm" text, subtype text)
    returning id, business_id as "businessId", address`);
  return rowsOf<StoreKeyRow>(result);
}

export interface NewLicence {
  id: string;
  number: string;
  type: string;
  businessId: string;
  storeId: string;
  regionCode: string;
  status: string;
  validFrom: string;
  validTo: string;
  /** ISO 8601 instant. */
  issuedAt: string;
  content: Record<string, unknown>;
}

/**
 * Licences with their version 1 (reason "import"), and the number sequences moved past the imported numbers
 * (greatest of the current and the imported sequence) so that numbers issued later never collide.
 */
export async function insertImportedLicences(
  tx: Queryable,
  rows: NewLicence[],
  sequences: Map<string, number>,
): Promise<void> {
  if (rows.length === 0) return;
  const json = asJson(rows);
  await tx.execute(sql`
    insert into ${licenses}
      (id, number, type, business_id, store_id, region_code, status, current_version, valid_from, valid_to, issued_at)
    select x.id, x.number, x.type, x."businessId", x."storeId", x."regionCode", x.status, 1,
      x."validFrom", x."validTo", x."issuedAt"
    from jsonb_to_recordset(${json}) as x(id uuid, number text, type text, "businessId" uuid, "storeId" uuid,
      "regionCode" text, status text, "validFrom" date, "validTo" date, "issuedAt" timestamptz)`);
  await tx.execute(sql`
    insert into ${licenseVersions} (license_id, version, reason, content, valid_from, valid_to, issued_at)
    select x.id, 1, 'import', x.content, x."validFrom", x."validTo", x."issuedAt"
    from jsonb_to_recordset(${json})
      as x(id uuid, content jsonb, "validFrom" date, "validTo" date, "issuedAt" timestamptz)`);
  const entries = [...sequences].map(([prefix, last]) => ({ prefix, last }));
  await tx.execute(sql`
    insert into ${licenseSequences} (prefix, last)
    select x.prefix, x.last from jsonb_to_recordset(${asJson(entries)}) as x(prefix text, last integer)
    on conflict (prefix) do update set last = greatest(${licenseSequences}.last, excluded.last)`);
}

export async function insertImportErrors(tx: Queryable, jobId: string, rows: ImportErrorRow[]) {
  if (rows.length === 0) return;
  await tx
    .insert(importErrors)
    .values(rows.map((row) => ({ jobId, rowNumber: row.rowNumber, errors: row.errors })))
    .onConflictDoNothing();
}

/** Rows with errors in row order, after a row number (the cursor). */
export async function listImportErrors(
  db: Queryable,
  jobId: string,
  afterRow: number,
  limit: number,
): Promise<ImportErrorRow[]> {
  const rows = await db
    .select({ rowNumber: importErrors.rowNumber, errors: importErrors.errors })
    .from(importErrors)
    .where(and(eq(importErrors.jobId, jobId), gt(importErrors.rowNumber, afterRow)))
    .orderBy(asc(importErrors.rowNumber))
    .limit(limit);
  return rows as ImportErrorRow[];
}
