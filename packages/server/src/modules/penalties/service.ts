import { chinaDate, DISHONESTY_LISTING_BASIS, penaltyPeriods } from "@shian/domain";
import type { Database } from "../../db/client.js";
import { AppError } from "../../http/errors.js";
import type { RequestContext, UserActor } from "../accounts/actor.js";
import { jurisdictionPrefix } from "../accounts/jurisdiction.js";
import { isOfficer } from "../accounts/roles.js";
import { recordAudit } from "../audit/service.js";
import { addDishonestyEntry } from "../dishonesty/list-service.js";
import { findBusinessById, findStoreById } from "../entities/repository.js";
import { insertInboxMessage } from "../outbox/repository.js";
import { renderOfficialDocumentPdf } from "./documents/official-document-pdf.js";
import {
  authorityName,
  decisionDocument,
  repairNoticeDocument,
  type PenaltyParticulars,
} from "./documents/penalty-documents.js";
import { authorizeOfficerAction, authorizeRead } from "./policy.js";
import * as repo from "./repository.js";

export interface RecordPenaltyInput {
  storeId: string;
  decisionNumber: string;
  decidedOn: string;
  violation: string;
  legalBasis: string;
  fineYuan?: number | undefined;
  severity: "minor" | "general" | "serious";
}

/**
 * 双书同达 (seed 004, Rizhao): recording a penalty computes its publication and repair dates, lists a serious one on
 * the serious-dishonesty list, and sends the business the decision and the credit-repair notice in one message.
 */
export async function recordPenalty(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  input: RecordPenaltyInput,
  now = new Date(),
): Promise<repo.PenaltyWithNames> {
  if (input.decidedOn > chinaDate(now)) {
    throw new AppError(
      "validation_failed",
      { "zh-CN": "处罚决定日期不能晚于今天", en: "The decision date cannot be in the future" },
      [{ pointer: "/body/decidedOn", message: "must not be in the future" }],
    );
  }
  return db.transaction(async (tx) => {
    const store = await findStoreById(tx, input.storeId);
    authorizeOfficerAction(actor, store);
    if (await repo.findPenaltyByNumber(tx, input.decisionNumber)) {
      throw new AppError("conflict", {
        "zh-CN": `处罚决定书文号 ${input.decisionNumber} 已登记`,
        en: `Decision ${input.decisionNumber} is already recorded`,
      });
    }
    const periods = penaltyPeriods(input.severity, input.decidedOn);
    const penalty = await repo.insertPenalty(tx, {
      decisionNumber: input.decisionNumber.trim(),
      storeId: store.id,
      businessId: store.businessId,
      regionCode: store.regionCode,
      decidedOn: input.decidedOn,
      violation: input.violation.trim(),
      legalBasis: input.legalBasis.trim(),
      fineYuan: input.fineYuan ?? null,
      severity: input.severity,
      publicUntil: periods.publicUntil,
      repairableFrom: periods.repairableFrom,
      recordedBy: actor.id,
    });
    await recordAudit(tx, context, {
      action: "penalty.record",
      subjectType: "penalty",
      subjectId: penalty.id,
      regionCode: penalty.regionCode,
      after: {
        decisionNumber: penalty.decisionNumber,
        storeId: penalty.storeId,
        severity: penalty.severity,
        publicUntil: penalty.publicUntil,
        repairableFrom: penalty.repairableFrom,
      },
    });
    if (periods.listedUntil) {
      await addDishonestyEntry(
        tx,
        context,
        {
          businessId: penalty.businessId,
          regionCode: penalty.regionCode,
          penaltyId: penalty.id,
          reason: penalty.violation,
          legalBasis: `${DISHONESTY_LISTING_BASIS}；${penalty.legalBasis}`,
          listedOn: penalty.decidedOn,
          until: periods.listedUntil,
          createdBy: actor.id,
        },
        chinaDate(now),
      );
    }
    await insertInboxMessage(tx, {
      businessId: penalty.businessId,
      title: `行政处罚决定书与信用修复告知书（${penalty.decisionNumber}）`,
      body:
        `本局于${penalty.decidedOn}对你单位作出行政处罚（${penalty.decisionNumber}），现同时送达《行政处罚决定书》和《信用修复告知书》（双书同达）：` +
        `/api/v1/penalties/${penalty.id}/decision.pdf ；/api/v1/penalties/${penalty.id}/repair-notice.pdf 。` +
        `自${penalty.repairableFrom}起可在门户“处罚与信用修复”在线申请信用修复，当日办结。`,
    });
    const business = await findBusinessById(tx, penalty.businessId);
    return { penalty, storeName: store.name, businessName: business!.name };
  });
}

/** Officers: the penalties of their jurisdiction, optionally of one store, newest first. */
export async function listPenalties(
  db: Database,
  actor: UserActor,
  query: { store?: string | undefined; cursor?: string | undefined; limit: number },
) {
  const officer = isOfficer(actor.role);
  if (!officer && !actor.businessId) return { items: [], nextCursor: null };
  const items = await repo.listPenalties(db, {
    regionPrefix: officer ? jurisdictionPrefix(actor) : null,
    businessId: officer ? null : actor.businessId,
    storeId: query.store,
    afterId: query.cursor,
    limit: query.limit,
  });
  return { items, nextCursor: items.length === query.limit ? items.at(-1)!.penalty.id : null };
}

export type PenaltyDocumentKind = "decision" | "repair-notice";

/** One of the two documents of a penalty, for officers of the jurisdiction and the business itself. */
export async function renderPenaltyDocument(
  db: Database,
  actor: UserActor,
  id: string,
  kind: PenaltyDocumentKind,
): Promise<{ pdf: Buffer; filename: string }> {
  const row = await repo.findPenaltyDetails(db, id);
  if (!row) throw new AppError("not_found");
  authorizeRead(actor, row.penalty);
  const particulars = particularsOf(row);
  const doc = kind === "decision" ? decisionDocument(particulars) : repairNoticeDocument(particulars);
  return { pdf: await renderOfficialDocumentPdf(doc), filename: `${kind}-${row.penalty.id}.pdf` };
}

function particularsOf(
  row: NonNullable<Awaited<ReturnType<typeof repo.findPenaltyDetails>>>,
): PenaltyParticulars {
  const { penalty } = row;
  return {
    decisionNumber: penalty.decisionNumber,
    issuer: authorityName(row.regionName),
    businessName: row.businessName,
    uscc: row.uscc,
    legalRepresentative: row.legalRepresentative,
    storeName: row.storeName,
    storeAddress: row.storeAddress,
    decidedOn: penalty.decidedOn,
    violation: penalty.violation,
    legalBasis: penalty.legalBasis,
    fineYuan: penalty.fineYuan,
    severity: penalty.severity,
    publicUntil: penalty.publicUntil,
    repairableFrom: penalty.repairableFrom,
    listedUntil: penaltyPeriods(penalty.severity, penalty.decidedOn).listedUntil,
  };
}
