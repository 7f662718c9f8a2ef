// Personal data at rest (PIPL art. 51; GB/T 35273-2020 §6.2; SECURITY.md #15; docs/security.md "Personal data at
// rest"): a business owner's contact phone is stored sealed with the secret box (AES-256-GCM, bound to its row)
// and masked (138****1234); the clear value exists only in memory when the SMS adapter sends it. A staff member's
// 健康证明编号 (health certificate number, health data of PIPL art. 28; some issuers embed the 身份证 number) is
// sealed the same way and masked to its first and last two characters; no code path opens it for a reply.

import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Database, Queryable } from "../../db/client.js";
import { businesses, staff } from "../../db/schema.js";
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

/** The secret-box context of a staff member's health certificate number. */
export function staffHealthCertificateContext(staffId: string): string {
  return `staff:health_certificate_no:${staffId}`;
}

/** A health certificate number for a reply: the first and last two characters (JK******12); short ones all stars. */
export function maskHealthCertificateNo(value: string): string {
  const characters = [...value.trim()];
  if (characters.length <= 4) return "*".repeat(characters.length);
  return `${characters.slice(0, 2).join("")}${"*".repeat(characters.length - 4)}${characters.slice(-2).join("")}`;
}

export interface SealedHealthCertificateNo {
  healthCertificateNoSealed: string | null;
  healthCertificateNoMasked: string | null;
}

/** Seals and masks a staff member's health certificate number (null or blank → both null). */
export function sealStaffHealthCertificateNo(
  keyring: Keyring,
  staffId: string,
  healthCertificateNo: string | null | undefined,
): SealedHealthCertificateNo {
  const value = healthCertificateNo?.trim();
  if (!value) return { healthCertificateNoSealed: null, healthCertificateNoMasked: null };
  return {
    healthCertificateNoSealed: sealSecret(keyring, value, staffHealthCertificateContext(staffId)),
    healthCertificateNoMasked: maskHealthCertificateNo(value),
  };
}

/** The clear number, for an audited privileged read or a re-seal only (never for a reply, a list or a log). */
export function openStaffHealthCertificateNo(keyring: Keyring, staffId: string, sealed: string): string {
  return openSecret(keyring, sealed, staffHealthCertificateContext(staffId)).toString("utf8");
}

type StaffInsert = typeof staff.$inferInsert;

/** A staff row to insert, from the clear number: the id is chosen here because the sealed value is bound to it. */
export function staffRowWithHealthCertificate(
  keyring: Keyring,
  row: Omit<StaffInsert, "id" | "healthCertificateNoSealed" | "healthCertificateNoMasked"> & {
    id?: string;
    healthCertificateNo: string;
  },
): StaffInsert {
  const { healthCertificateNo, ...rest } = row;
  const id = row.id ?? randomUUID();
  return { ...rest, id, ...sealStaffHealthCertificateNo(keyring, id, healthCertificateNo) };
}

/** A clear column a migration had to keep (SQL cannot seal), and how to seal one of its values into its row. */
interface LegacyColumn {
  table: "businesses" | "staff";
  column: string;
  seal(tx: Queryable, keyring: Keyring, id: string, value: string): Promise<void>;
}

const LEGACY_COLUMNS: readonly LegacyColumn[] = [
  {
    // 0011_step8_personal_data
    table: "businesses",
    column: "phone_unsealed",
    async seal(tx, keyring, id, value) {
      await tx
        .update(businesses)
        .set(sealBusinessPhone(keyring, id, value))
        .where(eq(businesses.id, id));
    },
  },
  {
    // 0012_step8_staff_health_certificate
    table: "staff",
    column: "health_certificate_no_unsealed",
    async seal(tx, keyring, id, value) {
      await tx
        .update(staff)
        .set(sealStaffHealthCertificateNo(keyring, id, value))
        .where(eq(staff.id, id));
    },
  },
];

/**
 * One-time data step of migrations 0011_step8_personal_data and 0012_step8_staff_health_certificate, run after
 * the migrations by every `migrate`/`serve`: SQL cannot seal, so these migrations keep the clear values in businesses.phone_unsealed and
 * staff.health_certificate_no_unsealed when there were any. Here they are sealed and masked, and the clear columns
 * are dropped, all in one transaction (a crash leaves it to run again). Without those columns it does nothing, and
 * the keyring (whose passphrase production must configure) is not even asked for. Returns how many values were
 * sealed.
 */
export async function sealLegacyPersonalData(db: Database, keyringOf: () => Keyring): Promise<number> {
  if ((await presentLegacyColumns(db)).length === 0) return 0;
  const keyring = keyringOf();
  return db.transaction(async (tx) => {
    // Nodes starting together: one seals, the others wait here and then find the columns gone.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('shian:seal-legacy-personal-data'))`);
    let sealed = 0;
    for (const legacy of await presentLegacyColumns(tx)) {
      const table = sql.identifier(legacy.table);
      const unsealed = sql.identifier(legacy.column);
      const result = await tx.execute(
        sql`select id, ${unsealed} as value from ${table} where ${unsealed} is not null for update`,
      );
      const rows = rowsOf(result) as { id: string; value: string }[];
      for (const row of rows) await legacy.seal(tx, keyring, row.id, row.value);
      await tx.execute(sql`alter table ${table} drop column ${unsealed}`);
      sealed += rows.length;
    }
    return sealed;
  });
}

async function presentLegacyColumns(db: Queryable): Promise<LegacyColumn[]> {
  const probe = await db.execute(sql`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema()
      and (table_name, column_name) in (('businesses', 'phone_unsealed'), ('staff', 'health_certificate_no_unsealed'))`);
  const present = new Set(rowsOf(probe).map((row) => `${String(row.table_name)}.${String(row.column_name)}`));
  return LEGACY_COLUMNS.filter((legacy) => present.has(`${legacy.table}.${legacy.column}`));
}

/** node-postgres answers { rows }, PGlite { rows } too; drizzle's execute result type differs between them. */
function rowsOf(result: unknown): Record<string, unknown>[] {
  return (result as { rows: Record<string, unknown>[] }).rows;
}
