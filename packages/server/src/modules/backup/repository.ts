import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

export interface TableInfo {
  name: string;
  /** Primary-key columns in key order; empty when the table has none (rows are then ordered by their text). */
  primaryKey: string[];
}

/** Every ordinary table of the public schema with its primary key. */
export async function listTables(db: Queryable): Promise<TableInfo[]> {
  const result = rowsOf<{ name: string; pk: string | null }>(
    await db.execute(sql`
    select c.relname as name,
           (select string_agg(a.attname, ',' order by array_position(i.indkey::int2[], a.attnum))
              from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
             where i.indrelid = c.oid and i.indisprimary) as pk
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p')
     order by c.relname`),
  );
  return result.map((row) => ({ name: row.name, primaryKey: row.pk ? row.pk.split(",") : [] }));
}

/**
 * Row count and a content hash of one table: md5 over the md5 of each row's text, in primary-key order. Run it
 * with TimeZone UTC and DateStyle ISO (see fingerprintDatabase) so that the text of a row does not depend on them.
 */
export async function tableFingerprint(
  db: Queryable,
  table: TableInfo,
): Promise<{ rows: number; md5: string }> {
  const order =
    table.primaryKey.length > 0
      ? sql.join(
          table.primaryKey.map((column) => sql`t.${sql.identifier(column)}`),
          sql`, `,
        )
      : sql`t::text`;
  const result = rowsOf<{ rows: number; md5: string }>(
    await db.execute(sql`
    select count(*)::int as rows, md5(coalesce(string_agg(md5(t::text), '' order by ${order}), '')) as md5
      from ${sql.identifier(table.name)} t`),
  );
  const row = result[0];
  return { rows: Number(row?.rows ?? 0), md5: row?.md5 ?? "" };
}

export async function setCanonicalTextSettings(tx: Queryable): Promise<void> {
  await tx.execute(sql`set local timezone = 'UTC'`);
  await tx.execute(sql`set local datestyle = 'ISO, YMD'`);
  await tx.execute(sql`set local extra_float_digits = 3`);
}

/** How many migrations are applied and the timestamp of the newest (drizzle's journal), null if none. */
export async function migrationLevel(
  db: Queryable,
): Promise<{ applied: number; lastCreatedAt: string | null }> {
  const exists = rowsOf<{ ok: boolean }>(
    await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as ok`),
  );
  if (!exists[0]?.ok) return { applied: 0, lastCreatedAt: null };
  const result = rowsOf<{ applied: number; last: string | null }>(
    await db.execute(
      sql`select count(*)::int as applied, max(created_at)::text as last from drizzle.__drizzle_migrations`,
    ),
  );
  return { applied: Number(result[0]?.applied ?? 0), lastCreatedAt: result[0]?.last ?? null };
}

/** Tables in the schemas shian owns: a database with any is not empty. */
export async function countOwnTables(db: Queryable): Promise<number> {
  const result = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from pg_tables where schemaname in ('public', 'drizzle')`),
  );
  return Number(result[0]?.n ?? 0);
}
