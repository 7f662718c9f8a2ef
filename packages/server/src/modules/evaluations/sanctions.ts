import { XIANGSHAN_SANCTION_THRESHOLDS, XIANGSHAN_YEARLY_POINTS, sanctionsDue } from "@shian/domain";
import type { Database, Queryable } from "../../db/client.js";
import { AppError } from "../../http/errors.js";
import type { RequestContext, UserActor } from "../accounts/actor.js";
import { jurisdictionPrefix } from "../accounts/jurisdiction.js";
import { recordAudit } from "../audit/service.js";
import { findStoreById } from "../entities/repository.js";
import { authorizeInJurisdiction } from "./policy.js";
import * as repo from "./repository.js";

/**
 * 累计扣除到一定积分后 … 懲处 (seed 004): proposes each consequence whose threshold the store's points deducted in
 * the year have reached, once per store, kind and year (re-running creates nothing new). Returns the new proposals.
 */
export async function proposeSanctions(
  tx: Queryable,
  context: RequestContext,
  storeId: string,
  year: number,
) {
  const store = await findStoreById(tx, storeId);
  if (!store) return [];
  const pointsDeducted = await repo.pointsDeductedInYear(tx, storeId, year, XIANGSHAN_YEARLY_POINTS);
  const created: repo.SanctionRow[] = [];
  for (const threshold of sanctionsDue(pointsDeducted, XIANGSHAN_SANCTION_THRESHOLDS)) {
    const proposal = await repo.insertProposal(tx, {
      storeId,
      regionCode: store.regionCode,
      kind: threshold.kind,
      year,
      pointsDeducted,
    });
    if (!proposal) continue;
    await recordAudit(tx, context, {
      action: "sanction.propose",
      subjectType: "sanction_proposal",
      subjectId: proposal.id,
      regionCode: proposal.regionCode,
      after: { storeId, kind: proposal.kind, year, pointsDeducted },
    });
    created.push(proposal);
  }
  return created;
}

/** Admin: proposes the year's due sanctions for every store Xiangshan's points model graded in the jurisdiction. */
export async function runSanctions(db: Database, context: RequestContext, actor: UserActor, year: number) {
  return db.transaction(async (tx) => {
    let created = 0;
    for (const storeId of await repo.storesGradedInYear(tx, year, jurisdictionPrefix(actor))) {
      created += (await proposeSanctions(tx, context, storeId, year)).length;
    }
    return { year, created };
  });
}

export async function listSanctions(
  db: Queryable,
  actor: UserActor,
  status: repo.SanctionRow["status"] | undefined,
) {
  return repo.listProposals(db, { regionPrefix: jurisdictionPrefix(actor), status });
}

/** A leader approves or rejects a proposal once; a decided proposal is final (409). */
export async function decideSanction(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  id: string,
  input: { approve: boolean; note: string },
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const proposal = await repo.findProposalForUpdate(tx, id);
    authorizeInJurisdiction(actor, proposal);
    if (proposal.status !== "proposed") {
      throw new AppError("conflict", {
        "zh-CN": "该处置建议已作出决定",
        en: "This proposal was already decided",
      });
    }
    const status = input.approve ? "approved" : "rejected";
    await repo.decideProposal(tx, id, {
      status,
      decidedBy: actor.id,
      decidedAt: now,
      decisionNote: input.note.trim(),
    });
    await recordAudit(tx, context, {
      action: `sanction.${input.approve ? "approve" : "reject"}`,
      subjectType: "sanction_proposal",
      subjectId: id,
      regionCode: proposal.regionCode,
      before: { status: proposal.status },
      after: { status, note: input.note.trim() },
    });
    const [row] = await repo.listProposals(tx, { regionPrefix: null, id });
    return row!;
  });
}
