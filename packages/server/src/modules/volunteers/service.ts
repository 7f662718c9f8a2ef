import { chinaDate, addWorkingDays, INSPECTION_TEMPLATES, placeFix, scoreInspection } from "@shian/domain";
import type { Database } from "../../db/client.js";
import { AppError } from "../../http/errors.js";
import type { RequestContext, UserActor } from "../accounts/actor.js";
import { isInJurisdiction } from "../accounts/jurisdiction.js";
import { recordAudit } from "../audit/service.js";
import { findStoreById } from "../entities/repository.js";
import { requireReadableFiles } from "../files/service.js";
import { normalizeResults, photoIdsOf, requireMatchingAnswers } from "../inspections/checklist.js";
import * as inspectionRepo from "../inspections/repository.js";
import { createTask } from "../tasks/service.js";
import { authorizePatrol, authorizeVolunteerManagement, canPatrolStore } from "./policy.js";
import * as repo from "./repository.js";

/** Working days a volunteer has for an assigned patrol. */
export const PATROL_WORKING_DAYS = 5;
/** Working days officers have to follow up a volunteer's finding (seed 004: findings are dispatched at once). */
export const FINDING_WORKING_DAYS = 1;

/** A user with the volunteer role applies to become a 社会监督员; an officer approves. */
export async function registerVolunteer(db: Database, context: RequestContext, actor: UserActor) {
  return db.transaction(async (tx) => {
    if (await repo.findVolunteer(tx, actor.id)) {
      throw new AppError("conflict", { "zh-CN": "已提交过登记", en: "Already registered" });
    }
    const created = await repo.insertVolunteer(tx, { userId: actor.id, status: "pending" });
    await recordAudit(tx, context, {
      action: "volunteer.register",
      subjectType: "volunteer",
      subjectId: actor.id,
      regionCode: actor.regionCode,
      after: { status: created.status },
    });
    return created;
  });
}

export async function getOwnVolunteer(db: Database, actor: UserActor) {
  return (await repo.findVolunteer(db, actor.id)) ?? null;
}

export async function approveVolunteer(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  userId: string,
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const target = await repo.findVolunteerUser(tx, userId);
    authorizeVolunteerManagement(actor, target);
    if (target.volunteer.status === "approved") return target.volunteer;
    const updated = await repo.updateVolunteer(tx, userId, {
      status: "approved",
      approvedBy: actor.id,
      approvedAt: now,
    });
    await recordAudit(tx, context, {
      action: "volunteer.approve",
      subjectType: "volunteer",
      subjectId: userId,
      regionCode: target.regionCode,
      before: { status: target.volunteer.status },
      after: { status: updated.status },
    });
    return updated;
  });
}

/**
 * An officer assigns stores to an approved volunteer. tasks has no assignee column, so each assignment is a task
 * (kind volunteer_patrol, for the officers' overview) plus a planned inspection (kind volunteer_patrol, inspectorId =
 * the volunteer, taskId = that task): the volunteer's list is their planned inspections; the patrol completes both.
 */
export async function assignPatrols(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  userId: string,
  storeIds: string[],
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const target = await repo.findVolunteerUser(tx, userId);
    authorizeVolunteerManagement(actor, target);
    if (target.volunteer.status !== "approved") {
      throw new AppError("conflict", {
        "zh-CN": "社会监督员尚未通过审核",
        en: "The volunteer is not approved",
      });
    }
    const dueAt = addWorkingDays(now, PATROL_WORKING_DAYS);
    const plannedFor = chinaDate(dueAt);
    const created = [];
    for (const storeId of storeIds) {
      const store = await findStoreById(tx, storeId);
      if (!store || !isInJurisdiction(actor, store.regionCode) || !canPatrolStore(target.regionCode, store)) {
        throw new AppError("not_found", {
          "zh-CN": `门店不存在或不在辖区内：${storeId}`,
          en: `Unknown store or outside the area: ${storeId}`,
        });
      }
      const task = await createTask(tx, context, {
        kind: "volunteer_patrol",
        regionCode: store.regionCode,
        storeId: store.id,
        dueAt,
      });
      const inspection = await inspectionRepo.insertInspection(tx, {
        kind: "volunteer_patrol",
        storeId: store.id,
        regionCode: store.regionCode,
        template: "patrol",
        status: "planned",
        inspectorId: userId,
        taskId: task.id,
        plannedFor,
      });
      await recordAudit(tx, context, {
        action: "volunteer.assign",
        subjectType: "inspection",
        subjectId: inspection.id,
        regionCode: store.regionCode,
        after: { volunteerId: userId, storeId: store.id, taskId: task.id, plannedFor },
      });
      created.push({ inspection, store });
    }
    return created;
  });
}

export async function listMyPatrols(
  db: Database,
  actor: UserActor,
  query: { status: "planned" | "done"; limit: number },
) {
  return repo.listPatrols(db, actor.id, query.status, query.limit);
}

export interface PatrolInput {
  storeId: string;
  results: {
    code: string;
    result: "pass" | "fail" | "na";
    note?: string | undefined;
    photoFileIds?: string[] | undefined;
  }[];
  lat: number;
  lng: number;
  photoFileIds: string[];
}

/**
 * An approved volunteer submits a patrol (打卡巡查): stored as a done inspection of kind volunteer_patrol (the
 * assigned one if there is one). Findings become a task for officers (patrol_finding, due the next working day) —
 * never a sanction by themselves: no rectification order, no outcome (the score is kept for information).
 */
export async function submitPatrol(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  input: PatrolInput,
  now = new Date(),
) {
  authorizePatrol(actor, await repo.findVolunteer(db, actor.id));
  const store = await findStoreById(db, input.storeId);
  if (!store || !canPatrolStore(actor.regionCode, store)) throw new AppError("not_found");
  const template = INSPECTION_TEMPLATES.patrol;
  requireMatchingAnswers(input.results, template);
  const itemPhotos = photoIdsOf(input.results);
  await requireReadableFiles(db, actor, [...new Set([...input.photoFileIds, ...itemPhotos])]);
  const failedCodes = input.results.filter((r) => r.result === "fail").map((r) => r.code);
  if (failedCodes.length > 0 && input.photoFileIds.length === 0 && itemPhotos.length === 0) {
    throw new AppError(
      "validation_failed",
      { "zh-CN": "发现问题须拍照上传", en: "A finding needs at least one photo" },
      [{ pointer: "/body/photoFileIds", message: "a finding needs a photo" }],
    );
  }
  // General photos become the evidence of failed items that carry none of their own (no column for them).
  const results = normalizeResults(
    input.results.map((r) =>
      r.result === "fail" && !r.photoFileIds?.length ? { ...r, photoFileIds: input.photoFileIds } : r,
    ),
  );
  const { score } = scoreInspection(results, template);
  const placement = placeFix({ lat: input.lat, lng: input.lng }, store);
  return db.transaction(async (tx) => {
    const done = {
      status: "done" as const,
      inspectedAt: now,
      results,
      lat: input.lat,
      lng: input.lng,
      distanceM: placement.distanceM,
      farFromStore: placement.farFromStore,
      score,
      outcome: null,
    };
    const planned = await inspectionRepo.findPlannedPatrol(tx, actor.id, store.id);
    const inspection = planned
      ? await inspectionRepo.updateInspection(tx, planned.id, done)
      : await inspectionRepo.insertInspection(tx, {
          ...done,
          kind: "volunteer_patrol",
          storeId: store.id,
          regionCode: store.regionCode,
          template: template.code,
          inspectorId: actor.id,
        });
    if (planned?.taskId) await inspectionRepo.markTaskDone(tx, planned.taskId);
    const finding =
      failedCodes.length > 0
        ? await createTask(tx, context, {
            kind: "patrol_finding",
            regionCode: store.regionCode,
            storeId: store.id,
            dueAt: addWorkingDays(now, FINDING_WORKING_DAYS),
          })
        : null;
    await recordAudit(tx, context, {
      action: "patrol.submit",
      subjectType: "inspection",
      subjectId: inspection.id,
      regionCode: store.regionCode,
      after: {
        storeId: store.id,
        assigned: Boolean(planned),
        failed: failedCodes,
        photos: input.photoFileIds.length + itemPhotos.length,
        distanceM: placement.distanceM,
        farFromStore: placement.farFromStore,
        findingTaskId: finding?.id ?? null,
      },
    });
    return { inspection, storeName: store.name, findingTaskId: finding?.id ?? null };
  });
}
