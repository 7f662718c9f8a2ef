import { chinaDate, isWithinRegion, qualifiesForReferral, regionScopePrefix } from "@shian/domain";
import type { Database } from "../../db/client.js";
import { AppError } from "../../http/errors.js";
import type { RequestContext, UserActor } from "../accounts/actor.js";
import { isInJurisdiction, jurisdictionPrefix } from "../accounts/jurisdiction.js";
import { recordAudit } from "../audit/service.js";
import { findBusinessById } from "../entities/repository.js";
import * as repo from "./referrals-repository.js";
import { renderExport, type ExportColumn, type ExportFormat } from "./table-export.js";

/** An administrator registers a bank that receives referrals (seed 001 码上金融) in a region of the jurisdiction. */
export async function registerBankPartner(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  input: { name: string; regionCode: string },
) {
  if (!isInJurisdiction(actor, input.regionCode)) {
    throw new AppError("forbidden", {
      "zh-CN": "只能登记本辖区的合作银行",
      en: "Bank partners can only be registered for your own jurisdiction",
    });
  }
  return db.transaction(async (tx) => {
    const name = input.name.trim();
    if (await repo.findBankPartnerByName(tx, name)) {
      throw new AppError("conflict", {
        "zh-CN": `合作银行“${name}”已登记`,
        en: `${name} is already registered`,
      });
    }
    const partner = await repo.insertBankPartner(tx, {
      name,
      regionCode: input.regionCode,
      createdBy: actor.id,
    });
    await recordAudit(tx, context, {
      action: "bank_partner.register",
      subjectType: "bank_partner",
      subjectId: partner.id,
      regionCode: partner.regionCode,
      after: { name: partner.name, regionCode: partner.regionCode },
    });
    return partner;
  });
}

export async function listBankPartners(db: Database, actor: UserActor) {
  return repo.listBankPartners(db, jurisdictionPrefix(actor));
}

async function businessOf(db: Database, actor: UserActor) {
  const business = actor.businessId ? await findBusinessById(db, actor.businessId) : undefined;
  if (!business) throw new AppError("not_found");
  return business;
}

/** The banks serving the business's region, with the business's live consent to each. */
export async function listPartnersForBusiness(db: Database, actor: UserActor) {
  const business = await businessOf(db, actor);
  const consents = new Map(
    (await repo.listConsentsOfBusiness(db, business.id))
      .filter((consent) => consent.withdrawnAt === null)
      .map((consent) => [consent.bankPartnerId, consent.consentedAt]),
  );
  return (await repo.listBankPartners(db, null))
    .filter((partner) => isWithinRegion(business.regionCode, partner.regionCode))
    .map((partner) => ({ partner, consentedAt: consents.get(partner.id) ?? null }));
}

async function partnerServing(db: Database, actor: UserActor, bankPartnerId: string) {
  const business = await businessOf(db, actor);
  const partner = await repo.findBankPartner(db, bankPartnerId);
  if (!partner || !isWithinRegion(business.regionCode, partner.regionCode)) throw new AppError("not_found");
  return { business, partner };
}

/**
 * The business owner's separate consent naming one bank (PIPL arts. 13, 23): timestamped, audited, withdrawable.
 * Nothing about the business reaches a bank without it.
 */
export async function giveConsent(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  bankPartnerId: string,
  now = new Date(),
) {
  const { business, partner } = await partnerServing(db, actor, bankPartnerId);
  return db.transaction(async (tx) => {
    const consent = await repo.upsertConsent(tx, {
      businessId: business.id,
      bankPartnerId: partner.id,
      consentedBy: actor.id,
      consentedAt: now,
    });
    await recordAudit(tx, context, {
      action: "referral_consent.give",
      subjectType: "referral_consent",
      subjectId: partner.id,
      regionCode: business.regionCode,
      after: { businessId: business.id, bankPartnerId: partner.id, consentedAt: now.toISOString() },
    });
    return { partner, consentedAt: consent.consentedAt };
  });
}

/** Withdrawal stops every later referral to that bank (PIPL art. 15); 404 when there is no live consent. */
export async function withdrawConsent(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  bankPartnerId: string,
  now = new Date(),
) {
  const { business, partner } = await partnerServing(db, actor, bankPartnerId);
  return db.transaction(async (tx) => {
    const withdrawn = await repo.withdrawConsent(tx, business.id, partner.id, now);
    if (!withdrawn) throw new AppError("not_found");
    await recordAudit(tx, context, {
      action: "referral_consent.withdraw",
      subjectType: "referral_consent",
      subjectId: partner.id,
      regionCode: business.regionCode,
      after: { businessId: business.id, bankPartnerId: partner.id, withdrawnAt: now.toISOString() },
    });
    return { partner, consentedAt: null };
  });
}

interface Referral {
  businessName: string;
  uscc: string;
  regionCode: string;
  stores: string;
  consentedAt: Date;
}

/** What a bank receives: the business, its stores and grades, and when it consented. No person's data. */
const REFERRAL_COLUMNS: readonly ExportColumn<Referral>[] = [
  { header: "企业名称", value: (r) => r.businessName },
  { header: "统一社会信用代码", value: (r) => r.uscc },
  { header: "所在地区代码", value: (r) => r.regionCode },
  { header: "经营场所及信用等级", value: (r) => r.stores },
  { header: "同意推荐时间", value: (r) => r.consentedAt.toISOString() },
];

/**
 * 银行推荐 (seed 001): the consenting businesses of the bank's region whose graded stores all hold their model's
 * best grade (Zhenhai green, Rizhao A, Xiangshan blue). Audited: a transfer of business data to a third party.
 */
export async function exportReferrals(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  bankPartnerId: string,
  format: ExportFormat,
  now = new Date(),
) {
  const partner = await repo.findBankPartner(db, bankPartnerId);
  if (!partner || !isInJurisdiction(actor, partner.regionCode)) throw new AppError("not_found");
  const rows = await repo.listConsentingStoreGrades(db, partner.id, regionScopePrefix(partner.regionCode));
  const byBusiness = new Map<string, typeof rows>();
  for (const row of rows) byBusiness.set(row.businessId, [...(byBusiness.get(row.businessId) ?? []), row]);
  const referrals: Referral[] = [...byBusiness.values()]
    .filter((stores) => stores.every((store) => qualifiesForReferral(store)))
    .map((stores) => ({
      businessName: stores[0]!.businessName,
      uscc: stores[0]!.uscc,
      regionCode: stores[0]!.regionCode,
      stores: stores.map((store) => `${store.storeName}（${store.grade}）`).join("；"),
      consentedAt: stores[0]!.consentedAt,
    }));
  await db.transaction((tx) =>
    recordAudit(tx, context, {
      action: "bank_partner.referral_export",
      subjectType: "bank_partner",
      subjectId: partner.id,
      regionCode: partner.regionCode,
      after: { format, businesses: referrals.length, usccs: referrals.map((r) => r.uscc) },
    }),
  );
  return renderExport(format, `referrals-${chinaDate(now)}`, "银行推荐", REFERRAL_COLUMNS, referrals);
}
