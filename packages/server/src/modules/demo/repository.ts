import { count } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { licenses, users } from "../../db/schema.js";

export async function countUsers(db: Queryable): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return row?.n ?? 0;
}

/** Stores holding a licence (any status). */
export async function licensedStoreIds(db: Queryable): Promise<Set<string>> {
  const rows = await db.selectDistinct({ storeId: licenses.storeId }).from(licenses);
  return new Set(rows.map((row) => row.storeId));
}
