import { and, asc, desc, eq, gt, inArray, like, or, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import {
  users,
  applicationMaterials,
  applications,
  auditLog,
  businesses,
  licenseSequences,
  licenseVersions,
  licenses,
  onsiteInspections,
  stores,
} from "../../db/schema.js";

export type ApplicationRow = typeof applications.$inferSelect;
export type LicenseRow = typeof licenses.$inferSelect;
export type OnsiteRow = typeof onsiteInspections.$inferSelect;

export async function insertApplication(
  db: Queryable,
  row: typeof applications.$inferInsert,
): Promise<ApplicationRow> {
  const [created] = await db.insert(applications).values(row).returning();
  return created!;
}

/** The application locked for update, so concurrent transitions serialise. */
export async function lockApplication(db: Queryable, id: string): Promise<ApplicationRow | undefined> {
  const [row] = await db.select().from(applications).where(eq(applications.id, id)).for("update").limit(1);
  return row;
}

export async function updateApplication(
  db: Queryable,
  id: string,
  changes: Partial<typeof applications.$inferInsert>,
) {
  const [row] = await db
    .update(applications)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(applications.id, id))
    .returning();
  return row!;
}

export type Queue = "acceptance" | "review" | "decision";

const skipsReview = or(eq(applications.commitment, true), eq(applications.kind, "cancellation"))!;

/** Statuses where an application waits for an officer of a stage (commitment and cancellation skip review). */
function queueCondition(queue: Queue): SQL {
  switch (queue) {
    case "acceptance":
      return eq(applications.status, "submitted");
    case "review":
      return and(inArray(applications.status, ["accepted", "onsite_scheduled"]), sql`not (${skipsReview})`)!;
    case "decision":
      return or(eq(applications.status, "reviewed"), and(eq(applications.status, "accepted"), skipsReview))!;
  }
}

export interface ApplicationFilter {
  regionPrefix: string | null;
  applicationId?: string | undefined;
  businessId: string | null;
  queue?: Queue | undefined;
  status?: string | undefined;
  after?: ApplicationCursor | undefined;
  limit: number;
}

/** Where a page ended: the sort key of its last row (deadline for queues, creation time otherwise) and its id. */
export interface ApplicationCursor {
  key: string;
  id: string;
}

const NO_DEADLINE = "infinity";

/** Applications with their store and business names; a queue lists the overdue and oldest deadlines first. */
export async function listApplications(db: Queryable, filter: ApplicationFilter) {
  const conditions: SQL[] = [];
  if (filter.regionPrefix) conditions.push(like(applications.regionCode, `${filter.regionPrefix}%`));
  if (filter.businessId) conditions.push(eq(applications.businessId, filter.businessId));
  if (filter.applicationId) conditions.push(eq(applications.id, filter.applicationId));
  if (filter.queue) conditions.push(queueCondition(filter.queue));
  if (filter.status) conditions.push(eq(applications.status, filter.status));
  const deadline = sql`coalesce(${applications.stageDeadline}, ${NO_DEADLINE}::timestamptz)`;
  if (filter.after) {
    const { key, id } = filter.after;
    conditions.push(
      filter.queue
        ? sql`(${deadline}, ${applications.id}) > (${key}::timestamptz, ${id}::uuid)`
        : sql`(${applications.createdAt}, ${applications.id}) < (${key}::timestamptz, ${id}::uuid)`,
    );
  }
  return db
    .select({
      application: applications,
      storeName: stores.name,
      storeAddress: stores.address,
      businessName: businesses.name,
    })
    .from(applications)
    .innerJoin(stores, eq(stores.id, applications.storeId))
    .innerJoin(businesses, eq(businesses.id, applications.businessId))
    .where(and(...conditions))
    .orderBy(
      ...(filter.queue
        ? [asc(deadline), asc(applications.id)]
        : [desc(applications.createdAt), desc(applications.id)]),
    )
    .limit(filter.limit);
}

export async function insertMaterial(db: Queryable, row: typeof applicationMaterials.$inferInsert) {
  await db.insert(applicationMaterials).values(row).onConflictDoNothing();
}

export async function listMaterials(db: Queryable, applicationId: string) {
  return db
    .select({ code: applicationMaterials.code, fileId: applicationMaterials.fileId })
    .from(applicationMaterials)
    .where(eq(applicationMaterials.applicationId, applicationId))
    .orderBy(asc(applicationMaterials.createdAt));
}

export async function findOnsite(db: Queryable, applicationId: string): Promise<OnsiteRow | undefined> {
  const [row] = await db
    .select()
    .from(onsiteInspections)
    .where(eq(onsiteInspections.applicationId, applicationId));
  return row;
}

export async function upsertOnsite(db: Queryable, row: typeof onsiteInspections.$inferInsert) {
  await db
    .insert(onsiteInspections)
    .values(row)
    .onConflictDoUpdate({ target: onsiteInspections.applicationId, set: row });
}

/** The audit rows of one application: its timeline. */
export async function listApplicationEvents(db: Queryable, applicationId: string) {
  return db
    .select({
      at: auditLog.at,
      action: auditLog.action,
      actorLabel: auditLog.actorLabel,
      actorName: users.displayName,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.subjectType, "application"), eq(auditLog.subjectId, applicationId)))
    .orderBy(asc(auditLog.seq));
}

/** Atomically takes the next sequence number for a licence number prefix. */
export async function nextLicenseSequence(db: Queryable, prefix: string): Promise<number> {
  const [row] = await db
    .insert(licenseSequences)
    .values({ prefix, last: 1 })
    .onConflictDoUpdate({ target: licenseSequences.prefix, set: { last: sql`${licenseSequences.last} + 1` } })
    .returning({ last: licenseSequences.last });
  return row!.last;
}

export async function insertLicense(db: Queryable, row: typeof licenses.$inferInsert): Promise<LicenseRow> {
  const [created] = await db.insert(licenses).values(row).returning();
  return created!;
}

export async function updateLicense(
  db: Queryable,
  id: string,
  changes: Partial<typeof licenses.$inferInsert>,
) {
  const [row] = await db
    .update(licenses)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(licenses.id, id))
    .returning();
  return row!;
}

export async function lockLicense(db: Queryable, id: string): Promise<LicenseRow | undefined> {
  const [row] = await db.select().from(licenses).where(eq(licenses.id, id)).for("update").limit(1);
  return row;
}

export async function findLicense(db: Queryable, id: string): Promise<LicenseRow | undefined> {
  const [row] = await db.select().from(licenses).where(eq(licenses.id, id)).limit(1);
  return row;
}

export async function findLiveLicenseOfStore(db: Queryable, storeId: string, type: string) {
  const [row] = await db
    .select()
    .from(licenses)
    .where(
      and(
        eq(licenses.storeId, storeId),
        eq(licenses.type, type),
        inArray(licenses.status, ["valid", "suspended"]),
      ),
    )
    .limit(1);
  return row;
}

export async function insertLicenseVersion(db: Queryable, row: typeof licenseVersions.$inferInsert) {
  await db.insert(licenseVersions).values(row);
}

/** Bulk load of licences with their first versions and the sequences they used (demo data, imports). */
export async function insertLicensesWithVersions(
  db: Queryable,
  rows: { license: typeof licenses.$inferInsert; version: typeof licenseVersions.$inferInsert }[],
  sequences: Map<string, number>,
) {
  const BATCH = 500;
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    await db.insert(licenses).values(batch.map((row) => row.license));
    await db.insert(licenseVersions).values(batch.map((row) => row.version));
  }
  for (const [prefix, last] of sequences) {
    await db
      .insert(licenseSequences)
      .values({ prefix, last })
      .onConflictDoUpdate({
        target: licenseSequences.prefix,
        set: { last: sql`greatest(${licenseSequences.last}, ${last})` },
      });
  }
}

export async function listLicenseVersions(db: Queryable, licenseId: string) {
  return db
    .select()
    .from(licenseVersions)
    .where(eq(licenseVersions.licenseId, licenseId))
    .orderBy(desc(licenseVersions.version));
}

export interface LicenseFilter {
  regionPrefix: string | null;
  licenseId?: string | undefined;
  businessId: string | null;
  storeId?: string | undefined;
  afterId?: string | undefined;
  limit: number;
}

export async function listLicenses(db: Queryable, filter: LicenseFilter) {
  const conditions: SQL[] = [];
  if (filter.regionPrefix) conditions.push(like(licenses.regionCode, `${filter.regionPrefix}%`));
  if (filter.businessId) conditions.push(eq(licenses.businessId, filter.businessId));
  if (filter.storeId) conditions.push(eq(licenses.storeId, filter.storeId));
  if (filter.licenseId) conditions.push(eq(licenses.id, filter.licenseId));
  if (filter.afterId) conditions.push(gt(licenses.id, filter.afterId));
  return db
    .select({
      license: licenses,
      storeName: stores.name,
      businessName: businesses.name,
      content: licenseVersions.content,
    })
    .from(licenses)
    .innerJoin(stores, eq(stores.id, licenses.storeId))
    .innerJoin(businesses, eq(businesses.id, licenses.businessId))
    .innerJoin(
      licenseVersions,
      and(eq(licenseVersions.licenseId, licenses.id), eq(licenseVersions.version, licenses.currentVersion)),
    )
    .where(and(...conditions))
    .orderBy(asc(licenses.id))
    .limit(filter.limit);
}
