import { count } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { users } from "../../db/schema.js";

export async function countUsers(db: Queryable): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return row?.n ?? 0;
}
