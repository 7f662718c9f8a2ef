import { and, eq, gt, isNull, lt, ne, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { apiClients, regions, sessions, users } from "../../db/schema.js";

export type UserRow = typeof users.$inferSelect;

export async function findUserByUsername(db: Queryable, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  return row;
}

export async function findUserById(db: Queryable, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function insertUser(db: Queryable, row: typeof users.$inferInsert): Promise<UserRow> {
  const [created] = await db.insert(users).values(row).returning();
  return created!;
}

export async function recordFailedLogin(db: Queryable, userId: string, lockAfter: number, lockUntil: Date) {
  const [row] = await db
    .update(users)
    .set({
      failedLogins: sql`${users.failedLogins} + 1`,
      lockedUntil: sql`case when ${users.failedLogins} + 1 >= ${lockAfter} then ${lockUntil.toISOString()}::timestamptz else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, userId))
    .returning({ failedLogins: users.failedLogins, lockedUntil: users.lockedUntil });
  return row!;
}

export async function resetFailedLogins(db: Queryable, userId: string) {
  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
}

export async function updatePasswordHash(db: Queryable, userId: string, passwordHash: string) {
  await db
    .update(users)
    .set({ passwordHash, passwordChangedAt: sql`now()` })
    .where(eq(users.id, userId));
}

export async function insertSession(db: Queryable, row: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(row);
}

/** The live session and its user: not expired, not idle too long, user not disabled. */
export async function findLiveSession(db: Queryable, tokenHash: string, idleSince: Date) {
  const [row] = await db
    .select({ session: sessions, user: users, regionName: regions.name })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(regions, eq(regions.code, users.regionCode))
    .where(
      and(
        eq(sessions.tokenHash, tokenHash),
        gt(sessions.expiresAt, sql`now()`),
        gt(sessions.lastSeenAt, idleSince),
        isNull(users.disabledAt),
      ),
    )
    .limit(1);
  return row;
}

export async function touchSession(db: Queryable, tokenHash: string, staleBefore: Date) {
  await db
    .update(sessions)
    .set({ lastSeenAt: sql`now()` })
    .where(and(eq(sessions.tokenHash, tokenHash), lt(sessions.lastSeenAt, staleBefore)));
}

export async function deleteSession(db: Queryable, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteOtherSessions(db: Queryable, userId: string, keepTokenHash: string) {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.tokenHash, keepTokenHash)));
}

export async function findRegionName(db: Queryable, code: string | null): Promise<string | null> {
  if (!code) return null;
  const [row] = await db.select({ name: regions.name }).from(regions).where(eq(regions.code, code)).limit(1);
  return row?.name ?? null;
}

export async function insertApiClient(db: Queryable, row: typeof apiClients.$inferInsert) {
  const [created] = await db.insert(apiClients).values(row).returning();
  return created!;
}

export async function findActiveApiClient(db: Queryable, keyPrefix: string) {
  const [row] = await db
    .select()
    .from(apiClients)
    .where(and(eq(apiClients.keyPrefix, keyPrefix), isNull(apiClients.revokedAt)))
    .limit(1);
  return row;
}
