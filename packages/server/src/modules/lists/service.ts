import { chinaDate, parentRegionCode } from "@shian/domain";
import type { Database } from "../../db/client.js";
import { AppError } from "../../http/errors.js";
import { queryRegionPrefix } from "../../http/region-query.js";
import type { RequestContext, UserActor } from "../accounts/actor.js";
import { jurisdictionPrefix } from "../accounts/jurisdiction.js";
import { isOfficer } from "../accounts/roles.js";
import { recordAudit } from "../audit/service.js";
import { findStoreById } from "../entities/repository.js";
import { authorizeListEntry, authorizeNoticeRegion } from "./policy.js";
import * as repo from "./repository.js";

/** 红黑榜: an officer publishes a store on the red (commended) or black (warned) list, with its legal basis. */
export async function publishListEntry(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  input: { list: "red" | "black"; storeId: string; reason: string; legalBasis: string; expiresOn: string },
  now = new Date(),
) {
  const store = await findStoreById(db, input.storeId);
  authorizeListEntry(actor, store);
  if (input.expiresOn <= chinaDate(now)) {
    throw new AppError(
      "validation_failed",
      { "zh-CN": "公示截止日期须晚于今天", en: "The expiry date must be after today" },
      [{ pointer: "/body/expiresOn", message: "must be after today" }],
    );
  }
  return db.transaction(async (tx) => {
    const entry = await repo.insertListEntry(tx, {
      list: input.list,
      storeId: store.id,
      regionCode: store.regionCode,
      reason: input.reason.trim(),
      legalBasis: input.legalBasis.trim(),
      publishedBy: actor.id,
      publishedAt: now,
      expiresOn: input.expiresOn,
    });
    await recordAudit(tx, context, {
      action: "list.publish",
      subjectType: "list_entry",
      subjectId: entry.id,
      regionCode: entry.regionCode,
      after: {
        list: entry.list,
        storeId: store.id,
        expiresOn: entry.expiresOn,
        legalBasis: entry.legalBasis,
      },
    });
    return { entry, storeName: store.name, storeAddress: store.address };
  });
}

export async function withdrawListEntry(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  id: string,
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const entry = await repo.findListEntryForUpdate(tx, id);
    authorizeListEntry(actor, entry);
    if (entry.withdrawnAt) {
      throw new AppError("conflict", { "zh-CN": "已撤下", en: "Already withdrawn" });
    }
    const updated = await repo.withdrawListEntry(tx, id, now);
    await recordAudit(tx, context, {
      action: "list.withdraw",
      subjectType: "list_entry",
      subjectId: id,
      regionCode: entry.regionCode,
      after: { withdrawnAt: now.toISOString() },
    });
    const store = (await findStoreById(tx, updated.storeId))!;
    return { entry: updated, storeName: store.name, storeAddress: store.address };
  });
}

/** Officers: every entry of the jurisdiction, withdrawn and expired ones included. */
export async function listEntriesForOfficer(
  db: Database,
  actor: UserActor,
  query: { list?: "red" | "black" | undefined; limit: number },
) {
  return repo.listListEntries(db, { ...query, regionPrefix: jurisdictionPrefix(actor) });
}

/** The public: entries in force today, by list and region. */
export async function listPublicEntries(
  db: Database,
  query: { list?: "red" | "black" | undefined; region?: string | undefined; limit: number },
  now = new Date(),
) {
  return repo.listListEntries(db, {
    list: query.list,
    regionPrefix: queryRegionPrefix(query.region),
    activeOn: chinaDate(now),
    limit: query.limit,
  });
}

/** Policy notices (惠企政策推送) posted by the bureau for a region, optionally for some business forms only. */
export async function postPolicyNotice(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  input: { regionCode: string; businessForms?: string[] | undefined; title: string; body: string },
) {
  authorizeNoticeRegion(actor, input.regionCode);
  return db.transaction(async (tx) => {
    const notice = await repo.insertPolicyNotice(tx, {
      regionCode: input.regionCode,
      businessForms: input.businessForms?.length ? input.businessForms : null,
      title: input.title.trim(),
      body: input.body,
      publishedBy: actor.id,
    });
    await recordAudit(tx, context, {
      action: "policy_notice.post",
      subjectType: "policy_notice",
      subjectId: notice.id,
      regionCode: notice.regionCode,
      after: { title: notice.title, businessForms: notice.businessForms },
    });
    return notice;
  });
}

/** A region and the regions above it: a city notice concerns the city's districts too. */
function withAncestors(code: string): string[] {
  const codes = [code];
  for (let parent = parentRegionCode(code); parent; parent = parentRegionCode(parent)) codes.push(parent);
  return codes;
}

/**
 * Officers see the notices of their jurisdiction; a business sees the notices of its stores' regions (and the
 * regions above) whose business forms, if any are given, include one of its stores' forms.
 */
export async function listPolicyNotices(db: Database, actor: UserActor, query: { limit: number }) {
  if (isOfficer(actor.role)) {
    return repo.listPolicyNotices(db, { regionPrefix: jurisdictionPrefix(actor), limit: query.limit });
  }
  if (!actor.businessId) return [];
  const profiles = await repo.storeProfilesOfBusiness(db, actor.businessId);
  if (profiles.length === 0) return [];
  const regionCodes = [...new Set(profiles.flatMap((p) => withAncestors(p.regionCode)))];
  const notices = await repo.listPolicyNotices(db, { regionCodes, limit: query.limit * 4 });
  return notices
    .filter((notice) =>
      profiles.some(
        (p) =>
          withAncestors(p.regionCode).includes(notice.regionCode) &&
          (!notice.businessForms?.length || notice.businessForms.includes(p.businessForm)),
      ),
    )
    .slice(0, query.limit);
}
