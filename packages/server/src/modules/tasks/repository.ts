import { and, asc, eq, gt, like, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { stores, tasks } from "../../db/schema.js";

export type TaskRow = typeof tasks.$inferSelect;

export async function insertTask(db: Queryable, row: typeof tasks.$inferInsert): Promise<TaskRow> {
  const [created] = await db.insert(tasks).values(row).returning();
  return created!;
}

export async function listTasks(
  db: Queryable,
  filter: {
    regionPrefix: string | null;
    status?: string | undefined;
    afterId?: string | undefined;
    limit: number;
  },
) {
  const conditions: SQL[] = [];
  if (filter.regionPrefix) conditions.push(like(tasks.regionCode, `${filter.regionPrefix}%`));
  if (filter.status) conditions.push(eq(tasks.status, filter.status));
  if (filter.afterId) conditions.push(gt(tasks.id, filter.afterId));
  return db
    .select({ task: tasks, storeName: stores.name })
    .from(tasks)
    .leftJoin(stores, eq(stores.id, tasks.storeId))
    .where(and(...conditions))
    .orderBy(asc(tasks.dueAt), asc(tasks.id))
    .limit(filter.limit);
}
