import { and, desc, eq, inArray, isNull, like, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import type { MISUSE_FLAG_KINDS } from "../../db/schema.js";
import {
  apiClients,
  businesses,
  licenses,
  misuseFlags,
  platformShops,
  stores,
  webhooks,
} from "../../db/schema.js";

export type MisuseFlagKind = (typeof MISUSE_FLAG_KINDS)[number];
export type MisuseFlagRow = typeof misuseFlags.$inferSelect;
export type MisuseFlagStatus = MisuseFlagRow["status"];

const CHUNK = 500;

/** The licences of the given numbers with their holder and store: one query per 500 numbers. */
export async function findLicencesByNumbers(db: Queryable, numbers: readonly string[]) {
  const rows = [];
  for (let start = 0; start < numbers.length; start += CHUNK) {
    rows.push(
      ...(await db
        .select({
          number: licenses.number,
          status: licenses.status,
          validTo: licenses.validTo,
          regionCode: licenses.regionCode,
          storeId: licenses.storeId,
          holderName: businesses.name,
          storeName: stores.name,
          storeAddress: stores.address,
        })
        .from(licenses)
        .innerJoin(businesses, eq(businesses.id, licenses.businessId))
        .innerJoin(stores, eq(stores.id, licenses.storeId))
        .where(inArray(licenses.number, numbers.slice(start, start + CHUNK)))),
    );
  }
  return rows;
}

export type LicenceForMisuse = Awaited<ReturnType<typeof findLicencesByNumbers>>[number];

/** Records (or refreshes) the platform shops a partner reported; returns their row ids. */
export async function upsertPlatformShops(
  db: Queryable,
  apiClientId: string,
  shops: readonly { platformShopId: string; shopName: string; shopAddress: string; licenseNumber: string }[],
) {
  const rows: { id: string; platformShopId: string }[] = [];
  for (let start = 0; start < shops.length; start += CHUNK) {
    rows.push(
      ...(await db
        .insert(platformShops)
        .values(shops.slice(start, start + CHUNK).map((shop) => ({ apiClientId, ...shop })))
        .onConflictDoUpdate({
          target: [platformShops.apiClientId, platformShops.platformShopId],
          set: {
            shopName: sql`excluded.shop_name`,
            shopAddress: sql`excluded.shop_address`,
            licenseNumber: sql`excluded.license_number`,
            lastSeenAt: sql`now()`,
          },
        })
        .returning({ id: platformShops.id, platformShopId: platformShops.platformShopId })),
    );
  }
  return rows;
}

/** Every platform shop of this partner that uses one of the licence numbers (this batch included). */
export async function platformShopsOfLicences(
  db: Queryable,
  apiClientId: string,
  numbers: readonly string[],
) {
  const rows: { licenseNumber: string; platformShopId: string }[] = [];
  for (let start = 0; start < numbers.length; start += CHUNK) {
    rows.push(
      ...(await db
        .select({ licenseNumber: platformShops.licenseNumber, platformShopId: platformShops.platformShopId })
        .from(platformShops)
        .where(
          and(
            eq(platformShops.apiClientId, apiClientId),
            inArray(platformShops.licenseNumber, numbers.slice(start, start + CHUNK)),
          ),
        )),
    );
  }
  return rows;
}

/** Inserts open flags; a flag of the same kind already open for the shop is kept as is. Returns the new ids. */
export async function insertOpenFlags(db: Queryable, rows: readonly (typeof misuseFlags.$inferInsert)[]) {
  const created: { id: string }[] = [];
  for (let start = 0; start < rows.length; start += CHUNK) {
    created.push(
      ...(await db
        .insert(misuseFlags)
        .values(rows.slice(start, start + CHUNK))
        .onConflictDoNothing()
        .returning({ id: misuseFlags.id })),
    );
  }
  return created;
}

const flagView = {
  flag: misuseFlags,
  platformShopId: platformShops.platformShopId,
  shopName: platformShops.shopName,
  shopAddress: platformShops.shopAddress,
  clientName: apiClients.name,
};

function flagRows(db: Queryable) {
  return db
    .select(flagView)
    .from(misuseFlags)
    .innerJoin(platformShops, eq(platformShops.id, misuseFlags.platformShopRowId))
    .innerJoin(apiClients, eq(apiClients.id, misuseFlags.apiClientId));
}

export type FlagWithShop = Awaited<ReturnType<typeof listFlags>>[number];

export async function listFlags(
  db: Queryable,
  options: {
    regionPrefix: string | null;
    status: MisuseFlagStatus | undefined;
    kind: MisuseFlagKind | undefined;
    limit: number;
  },
) {
  return flagRows(db)
    .where(
      and(
        options.regionPrefix ? like(misuseFlags.regionCode, `${options.regionPrefix}%`) : undefined,
        options.status ? eq(misuseFlags.status, options.status) : undefined,
        options.kind ? eq(misuseFlags.kind, options.kind) : undefined,
      ),
    )
    .orderBy(desc(misuseFlags.createdAt), misuseFlags.id)
    .limit(options.limit);
}

export async function lockFlag(db: Queryable, id: string) {
  const [row] = await flagRows(db).where(eq(misuseFlags.id, id)).for("update", { of: misuseFlags });
  return row;
}

export async function decideFlag(
  db: Queryable,
  id: string,
  decision: { status: "confirmed" | "dismissed"; decidedBy: string; note: string },
) {
  await db
    .update(misuseFlags)
    .set({
      status: decision.status,
      decidedAt: sql`now()`,
      decidedBy: decision.decidedBy,
      decisionNote: decision.note,
    })
    .where(eq(misuseFlags.id, id));
}

/** The active webhooks of one partner: who hears that an officer confirmed a flag about its shop. */
export async function webhooksOfClient(db: Queryable, apiClientId: string) {
  return db
    .select({ id: webhooks.id, url: webhooks.url, secretEncrypted: webhooks.secretEncrypted })
    .from(webhooks)
    .where(and(eq(webhooks.apiClientId, apiClientId), isNull(webhooks.disabledAt)));
}
