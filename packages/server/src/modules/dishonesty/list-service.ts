import { chinaDate } from "@shian/domain";
import type { Database, Queryable } from "../../db/client.js";
import { AppError } from "../../http/errors.js";
import type { RequestContext, UserActor } from "../accounts/actor.js";
import { jurisdictionPrefix } from "../accounts/jurisdiction.js";
import { recordAudit } from "../audit/service.js";
import { findBusinessById } from "../entities/repository.js";
import { authorizeOfficerAction } from "../penalties/policy.js";
import * as repo from "./list-repository.js";
import { JOINT_PUNISHMENT_COLUMNS } from "./presenter.js";
import { regradeBusiness } from "./regrade-business.js";
import { renderExport, type ExportFile, type ExportFormat } from "./table-export.js";

export async function listDishonestyEntries(
  db: Database,
  actor: UserActor,
  query: { active?: boolean | undefined; limit: number },
  now = new Date(),
) {
  return repo.listDishonestyEntries(db, {
    regionPrefix: jurisdictionPrefix(actor),
    activeOn: query.active ? chinaDate(now) : undefined,
    limit: query.limit,
  });
}

export interface ListBusinessInput {
  businessId: string;
  reason: string;
  legalBasis: string;
  listedOn: string;
  until: string;
}

/** A leader lists a business of the jurisdiction by hand (e.g. on the court's feedback, seed 004 Rizhao). */
export async function listBusiness(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  input: ListBusinessInput,
  now = new Date(),
) {
  if (input.until < input.listedOn || input.until < chinaDate(now)) {
    throw new AppError(
      "validation_failed",
      { "zh-CN": "列入期限须晚于列入日期和今天", en: "The period must end after the listing day and today" },
      [{ pointer: "/body/until", message: "must be after listedOn and today" }],
    );
  }
  return db.transaction(async (tx) => {
    const business = await findBusinessById(tx, input.businessId);
    authorizeOfficerAction(actor, business);
    const entry = await addDishonestyEntry(
      tx,
      context,
      {
        businessId: business.id,
        regionCode: business.regionCode,
        reason: input.reason.trim(),
        legalBasis: input.legalBasis.trim(),
        listedOn: input.listedOn,
        until: input.until,
        createdBy: actor.id,
      },
      chinaDate(now),
    );
    return { entry, businessName: business.name, uscc: business.uscc };
  });
}

/**
 * Puts a business on the list, by hand or for a serious penalty (its penaltyId), in the caller's transaction:
 * audited, and every store of the business regraded on `today`.
 */
export async function addDishonestyEntry(
  tx: Queryable,
  context: RequestContext,
  values: repo.NewDishonestyEntry,
  today: string,
): Promise<repo.DishonestyEntryRow> {
  const entry = await repo.insertDishonestyEntry(tx, values);
  await recordAudit(tx, context, {
    action: "dishonesty.list",
    subjectType: "dishonesty_entry",
    subjectId: entry.id,
    regionCode: entry.regionCode,
    after: {
      businessId: entry.businessId,
      ...(entry.penaltyId ? { penaltyId: entry.penaltyId } : {}),
      listedOn: entry.listedOn,
      until: entry.until,
    },
  });
  await regradeBusiness(tx, entry.businessId, today);
  return entry;
}

/** Takes an entry off the list before its end (提前移出), with the reason; twice is 409. */
export async function removeEntry(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  id: string,
  reason: string,
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const entry = await repo.findDishonestyEntryForUpdate(tx, id);
    authorizeOfficerAction(actor, entry);
    if (entry.removedAt) {
      throw new AppError("conflict", { "zh-CN": "该记录已移出名单", en: "This entry is already removed" });
    }
    const removed = await repo.removeDishonestyEntry(tx, id, now, reason.trim());
    await recordAudit(tx, context, {
      action: "dishonesty.remove",
      subjectType: "dishonesty_entry",
      subjectId: id,
      regionCode: removed.regionCode,
      after: { removedAt: now.toISOString(), reason: removed.removedReason },
    });
    await regradeBusiness(tx, removed.businessId, chinaDate(now));
    const business = await findBusinessById(tx, removed.businessId);
    return { entry: removed, businessName: business!.name, uscc: business!.uscc };
  });
}

/**
 * 联合惩戒 (seed 004 Rizhao): the entries in force in the jurisdiction as xlsx or CSV for partner departments.
 * Audited: the file names people (legal representatives).
 */
export async function exportJointPunishment(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  format: ExportFormat,
  now = new Date(),
): Promise<ExportFile> {
  const day = chinaDate(now);
  const rows = await repo.listJointPunishmentRows(db, {
    regionPrefix: jurisdictionPrefix(actor),
    activeOn: day,
  });
  await db.transaction((tx) =>
    recordAudit(tx, context, {
      action: "dishonesty.export",
      subjectType: "dishonesty_list",
      regionCode: actor.regionCode,
      after: { format, rows: rows.length, activeOn: day },
    }),
  );
  return renderExport(format, `dishonesty-${day}`, "严重违法失信名单", JOINT_PUNISHMENT_COLUMNS, rows);
}
