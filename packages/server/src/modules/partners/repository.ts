import { and, asc, desc, eq, gt, isNull, or, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { apiClients, licenses, partnerAuthorizations, webhooks } from "../../db/schema.js";

export type AuthorizationRow = typeof partnerAuthorizations.$inferSelect;

export async function listPartnerClients(db: Queryable) {
  return db
    .select({ id: apiClients.id, name: apiClients.name })
    .from(apiClients)
    .where(isNull(apiClients.revokedAt))
    .orderBy(asc(apiClients.name));
}

export async function findActiveClient(db: Queryable, id: string) {
  const [row] = await db
    .select({ id: apiClients.id, name: apiClients.name })
    .from(apiClients)
    .where(and(eq(apiClients.id, id), isNull(apiClients.revokedAt)));
  return row;
}

export async function insertAuthorization(db: Queryable, row: typeof partnerAuthorizations.$inferInsert) {
  const [created] = await db.insert(partnerAuthorizations).values(row).returning();
  return created!;
}

export async function listAuthorizations(db: Queryable, businessId: string) {
  return db
    .select({ authorization: partnerAuthorizations, clientName: apiClients.name })
    .from(partnerAuthorizations)
    .innerJoin(apiClients, eq(apiClients.id, partnerAuthorizations.apiClientId))
    .where(eq(partnerAuthorizations.businessId, businessId))
    .orderBy(desc(partnerAuthorizations.createdAt));
}

export async function lockAuthorization(db: Queryable, id: string) {
  const [row] = await db
    .select()
    .from(partnerAuthorizations)
    .where(eq(partnerAuthorizations.id, id))
    .for("update");
  return row;
}

export async function revokeAuthorization(db: Queryable, id: string) {
  await db
    .update(partnerAuthorizations)
    .set({ revokedAt: sql`now()` })
    .where(eq(partnerAuthorizations.id, id));
}

/** Is the client authorised, now, for this licence of this business (all licences, or this one named)? */
export async function hasAuthorization(
  db: Queryable,
  apiClientId: string,
  businessId: string,
  licenseId: string,
) {
  const [row] = await db
    .select({ id: partnerAuthorizations.id })
    .from(partnerAuthorizations)
    .where(
      and(
        eq(partnerAuthorizations.apiClientId, apiClientId),
        eq(partnerAuthorizations.businessId, businessId),
        isNull(partnerAuthorizations.revokedAt),
        gt(partnerAuthorizations.validUntil, sql`now()`),
        or(
          isNull(partnerAuthorizations.licenseIds),
          sql`${licenseId}::uuid = any(${partnerAuthorizations.licenseIds})`,
        ),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export async function insertWebhook(db: Queryable, row: typeof webhooks.$inferInsert) {
  const [created] = await db.insert(webhooks).values(row).returning();
  return created!;
}

/** Webhooks of the clients currently authorised for a business's licence: who hears of its status changes. */
export async function webhooksForLicense(db: Queryable, businessId: string, licenseId: string) {
  return db
    .selectDistinct({ id: webhooks.id, url: webhooks.url, secretEncrypted: webhooks.secretEncrypted })
    .from(webhooks)
    .innerJoin(partnerAuthorizations, eq(partnerAuthorizations.apiClientId, webhooks.apiClientId))
    .where(
      and(
        isNull(webhooks.disabledAt),
        eq(partnerAuthorizations.businessId, businessId),
        isNull(partnerAuthorizations.revokedAt),
        gt(partnerAuthorizations.validUntil, sql`now()`),
        or(
          isNull(partnerAuthorizations.licenseIds),
          sql`${licenseId}::uuid = any(${partnerAuthorizations.licenseIds})`,
        ),
      ),
    );
}

/** A current authorization of the business that covers the store: all licences, or one of the store's. */
function authorizationCoversStore(businessId: string, storeId: string) {
  return and(
    eq(partnerAuthorizations.businessId, businessId),
    isNull(partnerAuthorizations.revokedAt),
    gt(partnerAuthorizations.validUntil, sql`now()`),
    or(
      isNull(partnerAuthorizations.licenseIds),
      sql`exists (select 1 from ${licenses} where ${licenses.storeId} = ${storeId}
        and ${licenses.id} = any(${partnerAuthorizations.licenseIds}))`,
    ),
  );
}

/** Is the client authorised, now, for this store of this business (its 食安码 colour feed)? */
export async function hasStoreAuthorization(
  db: Queryable,
  apiClientId: string,
  businessId: string,
  storeId: string,
) {
  const [row] = await db
    .select({ id: partnerAuthorizations.id })
    .from(partnerAuthorizations)
    .where(
      and(eq(partnerAuthorizations.apiClientId, apiClientId), authorizationCoversStore(businessId, storeId)),
    )
    .limit(1);
  return row !== undefined;
}

/** Webhooks of the clients currently authorised for a store: who hears of its colour changes. */
export async function webhooksForStore(db: Queryable, businessId: string, storeId: string) {
  return db
    .selectDistinct({ id: webhooks.id, url: webhooks.url, secretEncrypted: webhooks.secretEncrypted })
    .from(webhooks)
    .innerJoin(partnerAuthorizations, eq(partnerAuthorizations.apiClientId, webhooks.apiClientId))
    .where(and(isNull(webhooks.disabledAt), authorizationCoversStore(businessId, storeId)));
}
