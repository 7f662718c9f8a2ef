import { and, desc, eq } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { inspections, stores, users, volunteers } from "../../db/schema.js";

export type VolunteerRow = typeof volunteers.$inferSelect;

export async function findVolunteer(db: Queryable, userId: string): Promise<VolunteerRow | undefined> {
  const [row] = await db.select().from(volunteers).where(eq(volunteers.userId, userId)).limit(1);
  return row;
}

/** A volunteer's record with the user's jurisdiction and role, locked for the change that follows. */
export async function findVolunteerUser(db: Queryable, userId: string) {
  const [row] = await db
    .select({
      userId: users.id,
      role: users.role,
      regionCode: users.regionCode,
      displayName: users.displayName,
      volunteer: volunteers,
    })
    .from(users)
    .leftJoin(volunteers, eq(volunteers.userId, users.id))
    .where(eq(users.id, userId))
    .limit(1);
  return row;
}

export async function insertVolunteer(
  db: Queryable,
  row: typeof volunteers.$inferInsert,
): Promise<VolunteerRow> {
  const [created] = await db.insert(volunteers).values(row).onConflictDoNothing().returning();
  return created!;
}

export async function updateVolunteer(
  db: Queryable,
  userId: string,
  patch: Partial<typeof volunteers.$inferInsert>,
): Promise<VolunteerRow> {
  const [updated] = await db.update(volunteers).set(patch).where(eq(volunteers.userId, userId)).returning();
  return updated!;
}

/** A volunteer's patrols with what they need on the street: store name, address and coordinates. */
export async function listPatrols(
  db: Queryable,
  volunteerId: string,
  status: "planned" | "done",
  limit: number,
) {
  return db
    .select({
      inspection: inspections,
      storeName: stores.name,
      storeAddress: stores.address,
      storeLat: stores.lat,
      storeLng: stores.lng,
    })
    .from(inspections)
    .innerJoin(stores, eq(stores.id, inspections.storeId))
    .where(
      and(
        eq(inspections.inspectorId, volunteerId),
        eq(inspections.kind, "volunteer_patrol"),
        eq(inspections.status, status),
      ),
    )
    .orderBy(status === "planned" ? inspections.plannedFor : desc(inspections.inspectedAt))
    .limit(limit);
}
