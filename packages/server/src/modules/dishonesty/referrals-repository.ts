import { and, asc, eq, isNull, like, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { bankPartners, businesses, referralConsents, storeGrades, stores } from "../../db/schema.js";

export type BankPartnerRow = typeof bankPartners.$inferSelect;
export type ConsentRow = typeof referralConsents.$inferSelect;

export async function insertBankPartner(db: Queryable, row: typeof bankPartners.$inferInsert) {
  const [created] = await db.insert(bankPartners).values(row).returning();
  return created!;
}

export async function findBankPartnerByName(db: Queryable, name: string) {
  const [row] = await db.select().from(bankPartners).where(eq(bankPartners.name, name)).limit(1);
  return row;
}

export async function findBankPartner(db: Queryable, id: string) {
  const [row] = await db.select().from(bankPartners).where(eq(bankPartners.id, id)).limit(1);
  return row;
}

export async function listBankPartners(
  db: Queryable,
  regionPrefix: string | null,
): Promise<BankPartnerRow[]> {
  return db
    .select()
    .from(bankPartners)
    .where(regionPrefix ? like(bankPartners.regionCode, `${regionPrefix}%`) : undefined)
    .orderBy(asc(bankPartners.name));
}

export async function listConsentsOfBusiness(db: Queryable, businessId: string): Promise<ConsentRow[]> {
  return db.select().from(referralConsents).where(eq(referralConsents.businessId, businessId));
}

/** Gives (or gives again after a withdrawal) the business's consent: a fresh timestamp each time. */
export async function upsertConsent(
  db: Queryable,
  row: { businessId: string; bankPartnerId: string; consentedBy: string; consentedAt: Date },
): Promise<ConsentRow> {
  const [saved] = await db
    .insert(referralConsents)
    .values({ ...row, withdrawnAt: null })
    .onConflictDoUpdate({
      target: [referralConsents.businessId, referralConsents.bankPartnerId],
      set: { consentedBy: row.consentedBy, consentedAt: row.consentedAt, withdrawnAt: null },
    })
    .returning();
  return saved!;
}

/** Withdraws a live consent; undefined when there was none. */
export async function withdrawConsent(db: Queryable, businessId: string, bankPartnerId: string, at: Date) {
  const [row] = await db
    .update(referralConsents)
    .set({ withdrawnAt: at })
    .where(
      and(
        eq(referralConsents.businessId, businessId),
        eq(referralConsents.bankPartnerId, bankPartnerId),
        isNull(referralConsents.withdrawnAt),
      ),
    )
    .returning();
  return row;
}

/**
 * The graded stores of the businesses that consent (not withdrawn) to referrals to the bank, in a region.
 * Businesses without a live consent never appear: the join is on the consent.
 */
export async function listConsentingStoreGrades(db: Queryable, bankPartnerId: string, regionPrefix: string) {
  const conditions: SQL[] = [
    eq(referralConsents.bankPartnerId, bankPartnerId),
    isNull(referralConsents.withdrawnAt),
    like(businesses.regionCode, `${regionPrefix}%`),
  ];
  return db
    .select({
      businessId: businesses.id,
      businessName: businesses.name,
      uscc: businesses.uscc,
      regionCode: businesses.regionCode,
      consentedAt: referralConsents.consentedAt,
      storeName: stores.name,
      model: storeGrades.model,
      grade: storeGrades.grade,
      riskColour: storeGrades.riskColour,
    })
    .from(referralConsents)
    .innerJoin(businesses, eq(businesses.id, referralConsents.businessId))
    .innerJoin(stores, eq(stores.businessId, businesses.id))
    .innerJoin(storeGrades, eq(storeGrades.storeId, stores.id))
    .where(and(...conditions))
    .orderBy(asc(businesses.name), asc(businesses.id), asc(stores.name));
}

/** The stores of a business with their current grade (null when not graded yet). */
export async function listStoreGradesOfBusiness(db: Queryable, businessId: string) {
  return db
    .select({
      storeId: stores.id,
      storeName: stores.name,
      model: storeGrades.model,
      grade: storeGrades.grade,
      riskColour: storeGrades.riskColour,
      period: storeGrades.period,
    })
    .from(stores)
    .leftJoin(storeGrades, eq(storeGrades.storeId, stores.id))
    .where(eq(stores.businessId, businessId))
    .orderBy(asc(stores.name), asc(stores.id));
}
