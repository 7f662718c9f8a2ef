import { and, asc, desc, eq, inArray, isNull, like, lt, ne, or, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import {
  auditLog,
  complaintPhotos,
  complaints,
  regions,
  safetyCodes,
  stores,
  users,
} from "../../db/schema.js";

export type ComplaintRow = typeof complaints.$inferSelect;

/** The store behind a 食安码, with its district. */
export async function findStoreBySafetyCode(db: Queryable, code: string) {
  const [row] = await db
    .select({ id: stores.id, name: stores.name, regionCode: stores.regionCode })
    .from(safetyCodes)
    .innerJoin(stores, eq(stores.id, safetyCodes.storeId))
    .where(eq(safetyCodes.code, code))
    .limit(1);
  return row;
}

export async function findCountyRegion(db: Queryable, code: string) {
  const [row] = await db
    .select({ code: regions.code })
    .from(regions)
    .where(and(eq(regions.code, code), eq(regions.level, "county")))
    .limit(1);
  return row;
}

export async function insertComplaint(
  db: Queryable,
  row: typeof complaints.$inferInsert,
): Promise<ComplaintRow> {
  const [created] = await db.insert(complaints).values(row).returning();
  return created!;
}

export async function insertComplaintPhotos(db: Queryable, complaintId: string, fileIds: string[]) {
  if (fileIds.length === 0) return;
  await db.insert(complaintPhotos).values(fileIds.map((fileId) => ({ complaintId, fileId })));
}

export async function findComplaint(db: Queryable, id: string): Promise<ComplaintRow | undefined> {
  const [row] = await db.select().from(complaints).where(eq(complaints.id, id)).limit(1);
  return row;
}

export async function lockComplaint(db: Queryable, id: string): Promise<ComplaintRow | undefined> {
  const [row] = await db.select().from(complaints).where(eq(complaints.id, id)).limit(1).for("update");
  return row;
}

export async function updateComplaint(
  db: Queryable,
  id: string,
  changes: Partial<typeof complaints.$inferInsert>,
): Promise<ComplaintRow> {
  const [row] = await db.update(complaints).set(changes).where(eq(complaints.id, id)).returning();
  return row!;
}

export async function listPhotoIds(db: Queryable, complaintId: string): Promise<string[]> {
  const rows = await db
    .select({ fileId: complaintPhotos.fileId })
    .from(complaintPhotos)
    .where(eq(complaintPhotos.complaintId, complaintId));
  return rows.map((row) => row.fileId);
}

export async function findStoreName(db: Queryable, storeId: string | null): Promise<string | null> {
  if (!storeId) return null;
  const [row] = await db.select({ name: stores.name }).from(stores).where(eq(stores.id, storeId)).limit(1);
  return row?.name ?? null;
}

/** SQL twin of isComplaintOverdue, for ordering the queue. */
function overdueSql(now: Date): SQL<boolean> {
  return sql<boolean>`(${complaints.status} <> 'closed' and (${complaints.closeBy} < ${now} or (${complaints.status} = 'received' and ${complaints.acknowledgeBy} < ${now})))`;
}

/** The district queue: overdue first, then oldest first. */
export async function listComplaints(
  db: Queryable,
  filter: {
    regionPrefix: string | null;
    status?: string | undefined;
    overdue?: boolean | undefined;
    assignedTo?: string | undefined;
    now: Date;
    limit: number;
  },
) {
  const conditions: SQL[] = [];
  if (filter.regionPrefix) conditions.push(like(complaints.regionCode, `${filter.regionPrefix}%`));
  if (filter.status) conditions.push(eq(complaints.status, filter.status as ComplaintRow["status"]));
  if (filter.assignedTo) conditions.push(eq(complaints.assignedTo, filter.assignedTo));
  const overdue = overdueSql(filter.now);
  if (filter.overdue === true) conditions.push(overdue);
  if (filter.overdue === false) conditions.push(sql`not ${overdue}`);
  return db
    .select({ complaint: complaints, storeName: stores.name })
    .from(complaints)
    .leftJoin(stores, eq(stores.id, complaints.storeId))
    .where(and(...conditions))
    .orderBy(desc(overdue), asc(complaints.createdAt), asc(complaints.id))
    .limit(filter.limit);
}

/** Open complaints past a deadline and not yet escalated. */
export async function lockOverdueUnescalated(db: Queryable, now: Date, limit: number) {
  return db
    .select()
    .from(complaints)
    .where(
      and(
        isNull(complaints.escalatedAt),
        ne(complaints.status, "closed"),
        or(
          lt(complaints.closeBy, now),
          and(eq(complaints.status, "received"), lt(complaints.acknowledgeBy, now)),
        ),
      ),
    )
    .orderBy(asc(complaints.createdAt))
    .limit(limit)
    .for("update", { skipLocked: true });
}

/** Active inspectors whose jurisdiction contains the region. */
export async function listInspectorsFor(db: Queryable, regionCodes: string[]) {
  return db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      regionCode: users.regionCode,
    })
    .from(users)
    .where(and(eq(users.role, "inspector"), isNull(users.disabledAt), inArray(users.regionCode, regionCodes)))
    .orderBy(asc(users.displayName))
    .limit(200);
}

export async function findUser(db: Queryable, id: string) {
  const [row] = await db
    .select({
      id: users.id,
      role: users.role,
      regionCode: users.regionCode,
      displayName: users.displayName,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return row;
}

/** When the complaint was first acknowledged (acknowledge or a dispatch), from its audit trail. */
export async function findAcknowledgedAt(db: Queryable, complaintId: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: auditLog.at })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.subjectType, "complaint"),
        eq(auditLog.subjectId, complaintId),
        inArray(auditLog.action, ["complaint.acknowledge", "complaint.assign"]),
      ),
    )
    .orderBy(asc(auditLog.seq))
    .limit(1);
  return row?.at ?? null;
}
