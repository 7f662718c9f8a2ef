import { eq, inArray } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { files } from "../../db/schema.js";

export type FileRow = typeof files.$inferSelect;

export async function insertFile(db: Queryable, row: typeof files.$inferInsert): Promise<FileRow> {
  const [created] = await db.insert(files).values(row).returning();
  return created!;
}

export async function findFileById(db: Queryable, id: string): Promise<FileRow | undefined> {
  const [row] = await db.select().from(files).where(eq(files.id, id)).limit(1);
  return row;
}

export async function findFilesByIds(db: Queryable, ids: string[]): Promise<FileRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(files).where(inArray(files.id, ids));
}
