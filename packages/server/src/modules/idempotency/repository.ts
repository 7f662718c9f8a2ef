import { and, eq } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { idempotencyKeys } from "../../db/schema.js";

export async function findStoredReply(db: Queryable, actorKey: string, key: string) {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.actorKey, actorKey), eq(idempotencyKeys.key, key)));
  return row;
}

export async function storeReply(db: Queryable, row: typeof idempotencyKeys.$inferInsert) {
  await db.insert(idempotencyKeys).values(row).onConflictDoNothing();
}
