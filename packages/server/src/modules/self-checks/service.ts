import { chinaDate, INSPECTION_TEMPLATES, scoreInspection } from "@shian/domain";
import type { Database } from "../../db/client.js";
import { AppError } from "../../http/errors.js";
import type { RequestContext, UserActor } from "../accounts/actor.js";
import { recordAudit } from "../audit/service.js";
import { findStoreById } from "../entities/repository.js";
import { requireMatchingAnswers } from "../inspections/checklist.js";
import { authorizeSelfCheckFiling, authorizeSelfCheckRead } from "./policy.js";
import * as repo from "./repository.js";

export interface SelfCheckInput {
  checkedOn: string;
  results: { code: string; result: "pass" | "fail" | "na"; note?: string | undefined }[];
}

/** A business files a self-check (自查) against the patrol checklist; shown on the scan page. */
export async function fileSelfCheck(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  storeId: string,
  input: SelfCheckInput,
  now = new Date(),
) {
  const store = await findStoreById(db, storeId);
  authorizeSelfCheckFiling(actor, store);
  if (input.checkedOn > chinaDate(now)) {
    throw new AppError(
      "validation_failed",
      { "zh-CN": "自查日期不能晚于今天", en: "The check date cannot be in the future" },
      [{ pointer: "/body/checkedOn", message: "in the future" }],
    );
  }
  const template = INSPECTION_TEMPLATES.patrol;
  requireMatchingAnswers(input.results, template);
  const { score } = scoreInspection(input.results, template);
  return db.transaction(async (tx) => {
    const created = await repo.insertSelfCheck(tx, {
      storeId: store.id,
      checkedOn: input.checkedOn,
      results: input.results.map((r) => ({
        code: r.code,
        result: r.result,
        ...(r.note?.trim() ? { note: r.note.trim() } : {}),
      })),
      filedBy: actor.id,
    });
    await recordAudit(tx, context, {
      action: "self_check.file",
      subjectType: "self_check",
      subjectId: created.id,
      regionCode: store.regionCode,
      after: { storeId: store.id, checkedOn: input.checkedOn, score },
    });
    return created;
  });
}

export async function listSelfChecks(db: Database, actor: UserActor, storeId: string, limit: number) {
  const store = await findStoreById(db, storeId);
  authorizeSelfCheckRead(actor, store);
  return repo.listSelfChecks(db, store.id, limit);
}
