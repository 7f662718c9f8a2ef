import { eq, sql } from "drizzle-orm";
import type { SafetyColour } from "../../config.js";
import type { Queryable } from "../../db/client.js";
import { safetyCodes, storeColours, storeGrades, stores } from "../../db/schema.js";
import { colourSql } from "../safety-code/repository.js";

export interface ColourChange {
  storeId: string;
  businessId: string;
  safetyCode: string;
  colour: SafetyColour;
  /** null on first sight of the store: its colour is recorded, nobody is notified. */
  previousColour: SafetyColour | null;
}

/**
 * One statement: the current colour of every store with a 食安码 (colourSql, the SQL twin of colour.ts), compared
 * with store_colours; changed and first-seen stores are upserted and returned. The upsert only touches a row whose
 * colour still differs, so a concurrent run that got there first makes this one return nothing for that store.
 */
export async function recordColourChanges(
  tx: Queryable,
  today: string,
  defaultColour: SafetyColour,
  at: Date,
): Promise<ColourChange[]> {
  const result = await tx.execute(sql`
    with current_colours as (
      select ${stores.id} as store_id, ${stores.businessId} as business_id, ${safetyCodes.code} as safety_code,
        ${colourSql(today, defaultColour)} as colour
      from ${safetyCodes}
      join ${stores} on ${stores.id} = ${safetyCodes.storeId}
      left join ${storeGrades} on ${storeGrades.storeId} = ${stores.id}
    ), changed as (
      select c.*, p.colour as previous_colour
      from current_colours c left join ${storeColours} p on p.store_id = c.store_id
      where p.colour is distinct from c.colour
    ), upserted as (
      insert into ${storeColours} (store_id, colour, changed_at)
      select store_id, colour, ${at.toISOString()}::timestamptz from changed
      on conflict (store_id) do update set colour = excluded.colour, changed_at = excluded.changed_at
        where ${storeColours.colour} <> excluded.colour
      returning store_id
    )
    select changed.store_id as "storeId", changed.business_id as "businessId",
      changed.safety_code as "safetyCode", changed.colour, changed.previous_colour as "previousColour"
    from changed join upserted using (store_id)
    order by changed.store_id`);
  return (result as unknown as { rows: ColourChange[] }).rows;
}

/** The store behind a 食安码, with its business (who authorises partners) and current grade. */
export async function findCodedStore(db: Queryable, code: string) {
  const [row] = await db
    .select({
      safetyCode: safetyCodes.code,
      storeId: stores.id,
      businessId: stores.businessId,
      regionCode: stores.regionCode,
      storeName: stores.name,
      grade: storeGrades,
    })
    .from(safetyCodes)
    .innerJoin(stores, eq(stores.id, safetyCodes.storeId))
    .leftJoin(storeGrades, eq(storeGrades.storeId, stores.id))
    .where(eq(safetyCodes.code, code))
    .limit(1);
  return row;
}
