// The load's one documented shortcut (docs/data-generator.md): inside the load's transaction, the foreign keys
// and the secondary indexes of the loaded tables are dropped, the rows are copied, and every one of them is
// created again from its own definition as PostgreSQL printed it (pg_get_constraintdef / pg_get_indexdef), with
// the same name. Re-adding a foreign key checks all rows in one join, and an index built after the load is one
// sort, instead of a trigger and a B-tree insert per row. Primary keys and unique constraints stay in place.
// Everything is one transaction: a failure rolls back to the empty database with its schema untouched.

import type pg from "pg";

interface Definition {
  table: string;
  name: string;
  definition: string;
}

export interface DeferredDefinitions {
  foreignKeys: Definition[];
  indexes: Definition[];
}

/** The foreign keys declared on the tables, and their indexes that back no constraint. */
async function readDefinitions(
  client: pg.ClientBase,
  tables: readonly string[],
): Promise<DeferredDefinitions> {
  const foreignKeys = await client.query<Definition>(
    `select c.conrelid::regclass::text as table, c.conname as name, pg_get_constraintdef(c.oid) as definition
     from pg_constraint c
     where c.contype = 'f' and c.conrelid = any ($1::regclass[])
     order by 1, 2`,
    [tables],
  );
  const indexes = await client.query<Definition>(
    `select i.indrelid::regclass::text as table, x.relname as name, pg_get_indexdef(i.indexrelid) as definition
     from pg_index i join pg_class x on x.oid = i.indexrelid
     where i.indrelid = any ($1::regclass[])
       and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
     order by 1, 2`,
    [tables],
  );
  return { foreignKeys: foreignKeys.rows, indexes: indexes.rows };
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/** How many foreign keys and secondary indexes the tables have now (the check that every one is back). */
async function countDefinitions(client: pg.ClientBase, tables: readonly string[]) {
  const now = await readDefinitions(client, tables);
  return { foreignKeys: now.foreignKeys.length, indexes: now.indexes.length };
}

/**
 * Runs `load` in one transaction with the tables' foreign keys and secondary indexes dropped, then restores them
 * and checks that each is back under its name. `onRestored` reports the seconds the restore took.
 */
export async function loadWithDeferredIndexes(
  client: pg.ClientBase,
  tables: readonly string[],
  load: () => Promise<void>,
  onRestored: (counts: { foreignKeys: number; indexes: number; seconds: number }) => void = () => {},
): Promise<void> {
  await client.query("begin");
  try {
    const saved = await readDefinitions(client, tables);
    for (const key of saved.foreignKeys)
      await client.query(`alter table ${key.table} drop constraint ${quote(key.name)}`);
    for (const index of saved.indexes) await client.query(`drop index ${quote(index.name)}`);
    await load();
    const started = performance.now();
    for (const index of saved.indexes) await client.query(index.definition);
    for (const key of saved.foreignKeys)
      await client.query(`alter table ${key.table} add constraint ${quote(key.name)} ${key.definition}`);
    const restored = await countDefinitions(client, tables);
    if (restored.foreignKeys !== saved.foreignKeys.length || restored.indexes !== saved.indexes.length)
      throw new Error("not every foreign key and index came back after the load; rolled back");
    await client.query("commit");
    onRestored({ ...restored, seconds: Math.round(performance.now() - started) / 1000 });
  } catch (error) {
    await client.query("rollback");
    throw error;
  }
}
