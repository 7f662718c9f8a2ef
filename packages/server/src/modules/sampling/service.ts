import { chinaDate } from "@shian/domain";
import type { Static } from "@sinclair/typebox";
import type { Database } from "../../db/client.js";
import { AppError, type FieldError } from "../../http/errors.js";
import type { RequestContext, UserActor } from "../accounts/actor.js";
import { isInJurisdiction } from "../accounts/jurisdiction.js";
import { recordAudit } from "../audit/service.js";
import * as repo from "./repository.js";
import type { IncidentBody, SamplingRow } from "./schema.js";

type Row = Static<typeof SamplingRow>;

/** Row checks the schema cannot make: stores in the jurisdiction, no date in the future, no repeated number. */
function rowErrors(actor: UserActor, rows: Row[], regions: Map<string, string>, today: string): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const region = regions.get(row.storeId);
    if (!region || !isInJurisdiction(actor, region)) {
      errors.push({ pointer: `/body/${index}/storeId`, message: "unknown store" });
    }
    if (row.sampledOn > today)
      errors.push({ pointer: `/body/${index}/sampledOn`, message: "is in the future" });
    if (seen.has(row.reportNumber)) {
      errors.push({ pointer: `/body/${index}/reportNumber`, message: "repeated in this import" });
    }
    seen.add(row.reportNumber);
  });
  return errors;
}

/**
 * 抽检结果导入: every row is checked first and nothing is written when one is wrong (all or nothing). Report
 * numbers already on record are skipped and reported, so a retry or a re-sent file changes nothing. Failed
 * results raise red alerts on the next run of the alert job.
 */
export async function importSamplingResults(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  rows: Row[],
  now = new Date(),
) {
  const regions = await repo.findStoreRegions(db, [...new Set(rows.map((row) => row.storeId))]);
  const errors = rowErrors(actor, rows, regions, chinaDate(now));
  if (errors.length > 0) {
    throw new AppError(
      "validation_failed",
      { "zh-CN": `${errors.length} 处错误，未导入任何记录`, en: `${errors.length} errors: nothing imported` },
      errors,
    );
  }
  return db.transaction(async (tx) => {
    const inserted = await repo.insertSamplingResults(
      tx,
      rows.map((row) => ({ ...row, item: row.item ?? null, regionCode: regions.get(row.storeId)! })),
    );
    const fresh = new Set(inserted);
    const duplicates = rows.map((row) => row.reportNumber).filter((number) => !fresh.has(number));
    await recordAudit(tx, context, {
      action: "sampling.import",
      subjectType: "sampling_result",
      regionCode: actor.regionCode,
      after: {
        inserted: inserted.length,
        failed: rows.filter((row) => row.result === "fail" && fresh.has(row.reportNumber)).length,
        duplicates: duplicates.length,
      },
    });
    return { inserted: inserted.length, duplicates };
  });
}

/** 食品安全事故: recorded by an officer of the store's jurisdiction (Rizhao's grading vetoes it to D). */
export async function recordIncident(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  input: Static<typeof IncidentBody>,
  now = new Date(),
) {
  const region = (await repo.findStoreRegions(db, [input.storeId])).get(input.storeId);
  if (!region || !isInJurisdiction(actor, region)) throw new AppError("not_found");
  if (input.occurredOn > chinaDate(now)) {
    throw new AppError(
      "validation_failed",
      { "zh-CN": "发生日期不能晚于今天", en: "occurredOn is in the future" },
      [{ pointer: "/body/occurredOn", message: "is in the future" }],
    );
  }
  return db.transaction(async (tx) => {
    const incident = await repo.insertIncident(tx, {
      storeId: input.storeId,
      regionCode: region,
      occurredOn: input.occurredOn,
      description: input.description.trim(),
      recordedBy: actor.id,
    });
    await recordAudit(tx, context, {
      action: "food_safety_incident.record",
      subjectType: "food_safety_incident",
      subjectId: incident.id,
      regionCode: region,
      after: { storeId: incident.storeId, occurredOn: incident.occurredOn },
    });
    return incident;
  });
}
