// Personal data at rest (PIPL art. 51; GB/T 35273-2020 §6.2; SECURITY.md #15; docs/security.md "Personal data at
// rest"): a business owner's contact phone is stored sealed with the secret box (AES-256-GCM, bound to its row)
// and masked (138****1234); the clear value exists only in memory when the SMS adapter sends it.

import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Database, Queryable } from "../../db/client.js";
import { businesses } from "../../db/schema.js";
import { maskPhone } from "../../http/masking.js";
import { openSecret, sealSecret, type Keyring } from "../keys/secret-box.js";

/** The secret-box context of a business's phone: a sealed value copied to another row does not open. */
export function businessPhoneContext(businessId: string): string {
  return `businesses:phone:${businessId}`;
}

export interface SealedPhone {
  phoneSealed: string | null;
  phoneMasked: string | null;
}

/** Seals and masks a business's phone (null or blank → both null). */
export function sealBusinessPhone(
  keyring: Keyring,
  businessId: string,
  phone: string | null | undefined,
): SealedPhone {
  const value = phone?.trim();
  if (!value) return { phoneSealed: null, phoneMasked: null };
  return {
    phoneSealed: sealSecret(keyring, value, businessPhoneContext(businessId)),
    phoneMasked: maskPhone(value),
  };
}

/** The clear phone of a business, for delivery only (never for a reply or a log). */
export function openBusinessPhone(keyring: Keyring, businessId: string, phoneSealed: string): string {
  return openSecret(keyring, phoneSealed, businessPhoneContext(businessId)).toString("utf8");
}

type BusinessInsert = typeof businesses.$inferInsert;

/**
 * A businesses row to insert, from the clear phone: the id is chosen here because the sealed value is bound to it.
 */
export function businessRowWithPhone(
  keyring: Keyring,
  row: Omit<BusinessInsert, "id" | "phoneSealed" | "phoneMasked"> & { id?: string; phone?: string | null },
): BusinessInsert {
  const { phone, ...rest } = row;
  const id = row.id ?? randomUUID();
  return { ...rest, id, ...sealBusinessPhone(keyring, id, phone) };
}

/**
 * One-time data step of migration 0011_step8_personal_data, run after the migrations by every `migrate`/`serve`:
 * SQL cannot seal, so the migration keeps the clear phones in businesses.phone_unsealed when there were any. Here
 * they are sealed and masked, and the clear column is dropped, all in one transaction (a crash leaves it to run
 * again). Without that column it does nothing, and the keyring (whose passphrase production must configure) is
 * not even asked for. Returns how many phones were sealed.
 */
export async function sealLegacyPersonalData(db: Database, keyringOf: () => Keyring): Promise<number> {
  if (!(await hasUnsealedColumn(db))) return 0;
  const keyring = keyringOf();
  return db.transaction(async (tx) => {
    // Nodes starting together: one seals, the others wait here and then find the column gone.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('shian:seal-legacy-personal-data'))`);
    if (!(await hasUnsealedColumn(tx))) return 0;
    const unsealed = sql.identifier("phone_unsealed");
    const result = await tx.execute(
      sql`select id, ${unsealed} as phone from ${businesses} where ${unsealed} is not null for update`,
    );
    const rows = rowsOf(result) as { id: string; phone: string }[];
    for (const row of rows) {
      await sealPhoneOf(tx, row.id, sealBusinessPhone(keyring, row.id, row.phone));
    }
    await tx.execute(sql`alter table ${businesses} drop column ${unsealed}`);
    return rows.length;
  });
}

async function hasUnsealedColumn(db: Queryable): Promise<boolean> {
  const probe = await db.execute(sql`
    select 1 from information_schema.columns
    where table_schema = current_schema() and table_name = 'businesses' and column_name = 'phone_unsealed'`);
  return rowsOf(probe).length > 0;
}

async function sealPhoneOf(tx: Queryable, id: string, sealed: SealedPhone) {
  await tx.update(businesses).set(sealed).where(eq(businesses.id, id));
}

/** node-postgres answers { rows }, PGlite { rows } too; drizzle's execute result type differs between them. */
function rowsOf(result: unknown): Record<string, unknown>[] {
  return (result as { rows: Record<string, unknown>[] }).rows;
}
