import { chinaDate } from "@shian/domain";
import type { Database, Queryable } from "../../db/client.js";
import { AppError } from "../../http/errors.js";
import type { RequestContext, UserActor } from "../accounts/actor.js";
import { jurisdictionPrefix } from "../accounts/jurisdiction.js";
import { isOfficer } from "../accounts/roles.js";
import { recordAudit } from "../audit/service.js";
import { removeEntriesOfPenalty } from "../dishonesty/list-repository.js";
import { regradeBusiness } from "../dishonesty/regrade-business.js";
import { requireReadableFiles } from "../files/service.js";
import { insertInboxMessage } from "../outbox/repository.js";
import { authorizeOfficerAction, authorizeRead } from "../penalties/policy.js";
import { findPenalty, markPenaltyRepaired, type PenaltyRow } from "../penalties/repository.js";
import * as repo from "./repository.js";

export interface ApplyInput {
  penaltyId: string;
  statement: string;
  evidenceFileIds: string[];
}

/**
 * 即申即办 (seed 004, Rizhao): the business applies online with evidence once the penalty is repairable
 * (repairableFrom, from the rules in @shian/domain repair-rules), at most one live application per penalty.
 */
export async function applyForRepair(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  input: ApplyInput,
  now = new Date(),
): Promise<repo.RepairWithPenalty> {
  // A penalty out of sight is 404 whatever the evidence; the evidence must be the business's own files.
  authorizeRead(actor, await findPenalty(db, input.penaltyId));
  await requireReadableFiles(db, actor, input.evidenceFileIds);
  const created = await db.transaction(async (tx) => {
    const penalty = await findPenalty(tx, input.penaltyId, true);
    authorizeRead(actor, penalty);
    requireRepairable(penalty, chinaDate(now));
    if (await repo.findLiveRepairOfPenalty(tx, penalty.id)) throw new AppError("repair_exists");
    const repair = await repo.insertRepair(tx, {
      penaltyId: penalty.id,
      businessId: penalty.businessId,
      regionCode: penalty.regionCode,
      status: "pending",
      statement: input.statement.trim(),
      evidenceFileIds: input.evidenceFileIds,
    });
    await recordAudit(tx, context, {
      action: "credit_repair.apply",
      subjectType: "credit_repair",
      subjectId: repair.id,
      regionCode: repair.regionCode,
      after: { penaltyId: penalty.id, evidence: input.evidenceFileIds.length },
    });
    return repair;
  });
  return (await repo.findRepair(db, created.id))!;
}

function requireRepairable(penalty: PenaltyRow, today: string): void {
  if (penalty.repairedAt) {
    throw new AppError("conflict", { "zh-CN": "该处罚的信用已修复", en: "This penalty is already repaired" });
  }
  if (today < penalty.repairableFrom) {
    throw new AppError("repair_not_yet", {
      "zh-CN": `该处罚自 ${penalty.repairableFrom} 起方可申请信用修复`,
      en: `Credit repair of this penalty can be applied for from ${penalty.repairableFrom}`,
    });
  }
}

/** Officers: the jurisdiction's applications; business users: their own. Oldest first. */
export async function listRepairs(
  db: Database,
  actor: UserActor,
  query: { status?: repo.RepairStatus | undefined; limit: number },
) {
  const officer = isOfficer(actor.role);
  if (!officer && !actor.businessId) return [];
  return repo.listRepairs(db, {
    regionPrefix: officer ? jurisdictionPrefix(actor) : null,
    businessId: officer ? null : actor.businessId,
    ...query,
  });
}

/**
 * 当日结: an officer of the jurisdiction decides. Approval marks the penalty repaired, takes the business's listings
 * tied to it off the serious-dishonesty list and re-grades the business's stores — all in one transaction.
 */
export async function decideRepair(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  id: string,
  input: { approve: boolean; note: string },
  now = new Date(),
): Promise<repo.RepairWithPenalty> {
  await db.transaction(async (tx) => {
    await repo.lockRepair(tx, id);
    const row = await repo.findRepair(tx, id);
    authorizeOfficerAction(actor, row?.repair);
    if (row.repair.status !== "pending") {
      throw new AppError("conflict", {
        "zh-CN": "该信用修复申请已作出决定",
        en: "This credit-repair application has already been decided",
      });
    }
    if (!input.approve && input.note.trim() === "") {
      throw new AppError(
        "validation_failed",
        { "zh-CN": "不予修复须说明理由", en: "A rejection needs a reason" },
        [{ pointer: "/body/note", message: "required when rejecting" }],
      );
    }
    const decided = await repo.updateRepair(tx, id, {
      status: input.approve ? "approved" : "rejected",
      decidedBy: actor.id,
      decidedAt: now,
      decisionNote: input.note.trim() || null,
    });
    await recordAudit(tx, context, {
      action: input.approve ? "credit_repair.approve" : "credit_repair.reject",
      subjectType: "credit_repair",
      subjectId: id,
      regionCode: decided.regionCode,
      before: { status: row.repair.status },
      after: { status: decided.status, note: decided.decisionNote },
    });
    if (input.approve) await restoreCredit(tx, context, row, now);
    await insertInboxMessage(tx, {
      businessId: decided.businessId,
      title: input.approve ? "信用修复申请已通过" : "信用修复申请未通过",
      body: input.approve
        ? `你单位关于${row.decisionNumber}的信用修复申请已于当日办结并通过，相关严重违法失信名单记录已移出，信用等级已重新评定。`
        : `你单位关于${row.decisionNumber}的信用修复申请未通过：${decided.decisionNote}。可补充材料后重新申请。`,
    });
  });
  return (await repo.findRepair(db, id))!;
}

async function restoreCredit(tx: Queryable, context: RequestContext, row: repo.RepairWithPenalty, now: Date) {
  const penaltyId = row.repair.penaltyId;
  await markPenaltyRepaired(tx, penaltyId, now);
  await recordAudit(tx, context, {
    action: "penalty.repair",
    subjectType: "penalty",
    subjectId: penaltyId,
    regionCode: row.repair.regionCode,
    after: { repairedAt: now.toISOString(), creditRepairId: row.repair.id },
  });
  const reason = `信用修复（${row.decisionNumber}）`;
  for (const entry of await removeEntriesOfPenalty(tx, penaltyId, now, reason)) {
    await recordAudit(tx, context, {
      action: "dishonesty.remove",
      subjectType: "dishonesty_entry",
      subjectId: entry.id,
      regionCode: entry.regionCode,
      after: { removedAt: now.toISOString(), reason },
    });
  }
  await regradeBusiness(tx, row.repair.businessId, chinaDate(now));
}
