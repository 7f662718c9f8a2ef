import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { regions, signingKeys } from "../../db/schema.js";

export type SigningKeyRow = typeof signingKeys.$inferSelect;
/** A row without its sealed private key: what listing, publishing and verifying need. */
export type PublicKeyRow = Omit<SigningKeyRow, "privateKeyEncrypted">;

// Any constant works; with the authority it names the lock that serialises key creation and rotation.
const SIGNING_KEYS_LOCK = 73_140_818;

const publicColumns = {
  kid: signingKeys.kid,
  authority: signingKeys.authority,
  algorithm: signingKeys.algorithm,
  publicKey: signingKeys.publicKey,
  status: signingKeys.status,
  createdAt: signingKeys.createdAt,
  retiredAt: signingKeys.retiredAt,
};

/** Serialises creation and rotation for one authority across processes (two nodes starting at once). */
export async function lockAuthorityKeys(tx: Queryable, authority: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(${SIGNING_KEYS_LOCK}::int, hashtext(${authority}::text))`,
  );
}

export async function findActivePublicKeys(db: Queryable, authority: string): Promise<PublicKeyRow[]> {
  return db
    .select(publicColumns)
    .from(signingKeys)
    .where(and(eq(signingKeys.authority, authority), eq(signingKeys.status, "active")))
    .orderBy(asc(signingKeys.algorithm), asc(signingKeys.createdAt));
}

/** The active keys of an authority with their sealed private keys (to decrypt and sign). */
export async function findActiveKeysWithSecrets(db: Queryable, authority: string): Promise<SigningKeyRow[]> {
  return db
    .select()
    .from(signingKeys)
    .where(and(eq(signingKeys.authority, authority), eq(signingKeys.status, "active")))
    .orderBy(asc(signingKeys.algorithm), asc(signingKeys.createdAt));
}

/** The newest key of any authority with its sealed private key: proves a passphrase before new keys are sealed. */
export async function findNewestSealedKey(
  db: Queryable,
): Promise<Pick<SigningKeyRow, "kid" | "privateKeyEncrypted"> | undefined> {
  const [row] = await db
    .select({ kid: signingKeys.kid, privateKeyEncrypted: signingKeys.privateKeyEncrypted })
    .from(signingKeys)
    .orderBy(desc(signingKeys.createdAt))
    .limit(1);
  return row;
}

export async function findPublicKeysByKid(db: Queryable, kids: string[]): Promise<PublicKeyRow[]> {
  if (kids.length === 0) return [];
  return db.select(publicColumns).from(signingKeys).where(inArray(signingKeys.kid, kids));
}

export async function listPublicKeys(db: Queryable, authority?: string): Promise<PublicKeyRow[]> {
  return db
    .select(publicColumns)
    .from(signingKeys)
    .where(authority === undefined ? undefined : eq(signingKeys.authority, authority))
    .orderBy(asc(signingKeys.authority), asc(signingKeys.createdAt), asc(signingKeys.algorithm));
}

export async function insertSigningKeys(tx: Queryable, rows: (typeof signingKeys.$inferInsert)[]) {
  await tx.insert(signingKeys).values(rows);
}

export async function retireActiveKeys(tx: Queryable, authority: string, at: Date): Promise<PublicKeyRow[]> {
  return tx
    .update(signingKeys)
    .set({ status: "retired", retiredAt: at })
    .where(and(eq(signingKeys.authority, authority), eq(signingKeys.status, "active")))
    .returning(publicColumns);
}

export async function regionExists(db: Queryable, code: string): Promise<boolean> {
  const [row] = await db.select({ code: regions.code }).from(regions).where(eq(regions.code, code));
  return row !== undefined;
}

export async function findRegionNames(db: Queryable, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(inArray(regions.code, codes));
  return new Map(rows.map((row) => [row.code, row.name]));
}
