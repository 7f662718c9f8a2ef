import { and, asc, desc, eq, isNull, or, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { businesses, certificates, licenseVersions, licenses, statusLists, stores } from "../../db/schema.js";
import {
  STATUS_LIST_SIZE,
  emptyBitstring,
  locateStatusEntry,
  postgresBitPosition,
  statusListId,
  type StatusPurpose,
} from "./status-list.js";

export type CertificateRow = typeof certificates.$inferSelect;
/**
 * Takes `count` free status entries (global indexes over the pairs of revocation and suspension lists); when the
 * open pair fills up, a new pair is created.
 */
export async function allocateStatusEntries(db: Queryable, count: number): Promise<number[]> {
  const indexes: number[] = [];
  while (indexes.length < count) {
    const [open] = await db
      .select({ id: statusLists.id, nextIndex: statusLists.nextIndex })
      .from(statusLists)
      .where(and(eq(statusLists.purpose, "revocation"), sql`${statusLists.nextIndex} < ${statusLists.size}`))
      .orderBy(desc(statusLists.id))
      .limit(1)
      .for("update");
    if (!open) {
      const [lists] = await db.select({ n: sql<number>`count(*)::int` }).from(statusLists);
      const serial = (lists?.n ?? 0) / 2 + 1;
      await db.insert(statusLists).values(
        (["revocation", "suspension"] as const).map((purpose) => ({
          id: statusListId(purpose, serial),
          purpose,
          size: STATUS_LIST_SIZE,
          bits: emptyBitstring(),
          nextIndex: 0,
        })),
      );
      continue;
    }
    const taken = Math.min(count - indexes.length, STATUS_LIST_SIZE - open.nextIndex);
    await db
      .update(statusLists)
      .set({ nextIndex: open.nextIndex + taken })
      .where(eq(statusLists.id, open.id));
    const base = (Number(open.id.split("-")[1]) - 1) * STATUS_LIST_SIZE + open.nextIndex;
    for (let i = 0; i < taken; i++) indexes.push(base + i);
  }
  return indexes;
}

export async function findStatusList(db: Queryable, id: string) {
  const [row] = await db.select().from(statusLists).where(eq(statusLists.id, id)).limit(1);
  return row;
}

/** Sets or clears one entry in SQL, so concurrent changes to other entries are not lost. */
export async function setStatusBit(
  db: Queryable,
  purpose: StatusPurpose,
  globalIndex: number,
  value: boolean,
) {
  const { serial, entry } = locateStatusEntry(globalIndex);
  await db
    .update(statusLists)
    .set({
      bits: sql`set_bit(${statusLists.bits}, ${postgresBitPosition(entry)}, ${value ? 1 : 0})`,
      updatedAt: sql`now()`,
    })
    .where(eq(statusLists.id, statusListId(purpose, serial)));
}

export async function isStatusBitSet(
  db: Queryable,
  purpose: StatusPurpose,
  globalIndex: number,
): Promise<boolean> {
  const { serial, entry } = locateStatusEntry(globalIndex);
  const [row] = await db
    .select({ bit: sql<number>`get_bit(${statusLists.bits}, ${postgresBitPosition(entry)})` })
    .from(statusLists)
    .where(eq(statusLists.id, statusListId(purpose, serial)));
  return row?.bit === 1;
}

export async function insertCertificates(db: Queryable, rows: (typeof certificates.$inferInsert)[]) {
  const created: CertificateRow[] = [];
  for (let start = 0; start < rows.length; start += 500) {
    created.push(
      ...(await db
        .insert(certificates)
        .values(rows.slice(start, start + 500))
        .returning()),
    );
  }
  return created;
}

export async function supersedeCertificates(db: Queryable, licenseId: string, exceptVersion: number) {
  await db
    .update(certificates)
    .set({ supersededAt: sql`now()` })
    .where(
      and(
        eq(certificates.licenseId, licenseId),
        isNull(certificates.supersededAt),
        sql`${certificates.licenseVersion} <> ${exceptVersion}`,
      ),
    );
}

/** A licence version with its licence, holder and store: what a certificate of it states. */
function licenseVersionRows(db: Queryable) {
  return db
    .select({ license: licenses, version: licenseVersions, business: businesses, store: stores })
    .from(licenseVersions)
    .innerJoin(licenses, eq(licenses.id, licenseVersions.licenseId))
    .innerJoin(businesses, eq(businesses.id, licenses.businessId))
    .innerJoin(stores, eq(stores.id, licenses.storeId));
}

/** A certificate with its licence, holder and store: what verification shows. */
function certifiedRows(db: Queryable) {
  return db
    .select({ certificate: certificates, license: licenses, business: businesses, store: stores })
    .from(certificates)
    .innerJoin(licenses, eq(licenses.id, certificates.licenseId))
    .innerJoin(businesses, eq(businesses.id, licenses.businessId))
    .innerJoin(stores, eq(stores.id, licenses.storeId));
}

export async function findLicenseVersionsForCertificates(
  db: Queryable,
  keys: { licenseId: string; version: number }[],
) {
  const rows = [];
  for (let start = 0; start < keys.length; start += 1000) {
    const batch = keys.slice(start, start + 1000);
    rows.push(
      ...(await licenseVersionRows(db).where(
        or(
          ...batch.map((key) =>
            and(eq(licenseVersions.licenseId, key.licenseId), eq(licenseVersions.version, key.version)),
          ),
        ),
      )),
    );
  }
  return rows;
}

export async function findLicenseVersionForCertificate(db: Queryable, licenseId: string, version: number) {
  const [row] = await licenseVersionRows(db)
    .where(and(eq(licenseVersions.licenseId, licenseId), eq(licenseVersions.version, version)))
    .limit(1);
  return row;
}

/** The latest certificate of a licence number. */
export async function findCurrentCertificate(db: Queryable, licenseNumber: string) {
  const [row] = await certifiedRows(db)
    .where(eq(certificates.licenseNumber, licenseNumber))
    .orderBy(desc(certificates.licenseVersion))
    .limit(1);
  return row;
}

/** The current JY certificate of a store (the linked display shows the food business licence). */
export async function findCurrentCertificateOfStore(db: Queryable, storeId: string) {
  const [row] = await certifiedRows(db)
    .where(and(eq(licenses.storeId, storeId), isNull(certificates.supersededAt)))
    .orderBy(asc(licenses.type), desc(certificates.issuedAt))
    .limit(1);
  return row;
}

export async function findCertificateByVersion(db: Queryable, licenseNumber: string, version: number) {
  const [row] = await certifiedRows(db)
    .where(and(eq(certificates.licenseNumber, licenseNumber), eq(certificates.licenseVersion, version)))
    .limit(1);
  return row;
}

export async function findLiveCertificateOfLicense(db: Queryable, licenseId: string) {
  const [row] = await db
    .select()
    .from(certificates)
    .where(and(eq(certificates.licenseId, licenseId), isNull(certificates.supersededAt)))
    .orderBy(desc(certificates.licenseVersion))
    .limit(1);
  return row;
}
