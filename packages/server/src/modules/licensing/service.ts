import {
  actedOnOtherStage,
  nextStatus,
  stageOf,
  type ApplicationAction,
  type ApplicationStatus,
} from "@shian/domain";
import type { Database, Transaction } from "../../db/client.js";
import { AppError } from "../../http/errors.js";
import type { RequestContext, UserActor } from "../accounts/actor.js";
import { jurisdictionPrefix } from "../accounts/jurisdiction.js";
import { isOfficer } from "../accounts/roles.js";
import { recordAudit } from "../audit/service.js";
import { findStoreById } from "../entities/repository.js";
import { requireReadableFiles } from "../files/service.js";
import { createTask } from "../tasks/service.js";
import { assessRequest, judgeOnsite, stageDeadline } from "./rules.js";
import type { LicenseHooks } from "./hooks.js";
import { applyApprovedApplication } from "./license-issuer.js";
import { authorizeStage, canReadLicensingRecord } from "./policy.js";
import * as repo from "./repository.js";
import type { CreateApplicationBodyType } from "./schema.js";

const skipsReview = (application: repo.ApplicationRow) =>
  application.commitment || application.kind === "cancellation";

function violation(zh: string, en: string): AppError {
  return new AppError("rule_violation", { "zh-CN": zh, en });
}

/** Loads and locks the application, checks the actor's stage, jurisdiction, 三分离 and the transition. */
async function beginTransition(
  tx: Transaction,
  actor: UserActor,
  applicationId: string,
  action: ApplicationAction,
) {
  const application = await repo.lockApplication(tx, applicationId);
  if (!application) throw new AppError("not_found");
  const stage = stageOf(action);
  authorizeStage(actor, stage, application);
  if (stage === "application" && actor.businessId !== application.businessId) throw new AppError("not_found");
  const onsite = await repo.findOnsite(tx, application.id);
  const actors = {
    acceptance: application.acceptedBy,
    review: [application.reviewedBy, onsite?.scheduledBy, onsite?.inspectedBy].filter(
      (id): id is string => !!id,
    ),
    decision: application.decidedBy,
  };
  if (stage !== "application" && actedOnOtherStage(actors, stage, actor.id))
    throw new AppError("same_officer");
  const to = nextStatus(
    { status: application.status as ApplicationStatus, skipsReview: skipsReview(application) },
    action,
  );
  if (!to) throw new AppError("invalid_transition");
  return { application, onsite, to };
}

async function audit(
  tx: Transaction,
  context: RequestContext,
  application: repo.ApplicationRow,
  action: string,
  after: Record<string, unknown>,
) {
  await recordAudit(tx, context, {
    action: `application.${action}`,
    subjectType: "application",
    subjectId: application.id,
    regionCode: application.regionCode,
    before: { status: application.status },
    after,
  });
}

/** A change, renewal, reissue or cancellation names a licence of the store that is still in force. */
function requireLicenseOfStore(license: repo.LicenseRow | undefined, storeId: string, type: string) {
  if (!license || license.storeId !== storeId || license.type !== type) {
    throw violation("请指定本门店的许可证", "Name a licence of this store");
  }
  if (!["valid", "suspended"].includes(license.status))
    throw violation("该许可证已失效", "The licence is no longer in force");
}

/** A business user starts an application for one of its stores (a draft until submitted). */
export async function createApplication(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  body: CreateApplicationBodyType,
): Promise<repo.ApplicationRow> {
  const store = await findStoreById(db, body.storeId);
  if (!store || actor.businessId !== store.businessId) throw new AppError("not_found");
  authorizeStage(actor, "application", store);
  const license = body.licenseId ? await repo.findLicense(db, body.licenseId) : undefined;
  if (body.kind !== "new") requireLicenseOfStore(license, store.id, body.licenseType);
  const currentContent = license ? (await repo.listLicenseVersions(db, license.id))[0]?.content : undefined;
  const { request, assessment } = assessRequest(body, { now: new Date(), license, currentContent });
  if (body.kind === "new") {
    if (body.licenseId) throw violation("新办申请不应指定许可证", "A new application names no licence");
    if (await repo.findLiveLicenseOfStore(db, store.id, body.licenseType)) {
      throw new AppError("conflict", {
        "zh-CN": "该门店已持有有效许可证",
        en: "The store already holds a valid licence",
      });
    }
  }
  return db.transaction(async (tx) => {
    const application = await repo.insertApplication(tx, {
      kind: body.kind,
      licenseType: body.licenseType,
      status: "draft",
      businessId: store.businessId,
      storeId: store.id,
      regionCode: store.regionCode,
      licenseId: license?.id ?? null,
      ruleset: assessment.ruleset,
      request: request as unknown as Record<string, unknown>,
      assessment: assessment as unknown as Record<string, unknown>,
      createdBy: actor.id,
    });
    await audit(tx, context, { ...application, status: "none" }, "create", {
      status: "draft",
      kind: body.kind,
    });
    return application;
  });
}

export async function attachMaterial(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  applicationId: string,
  { code, fileId }: { code: string; fileId: string },
): Promise<void> {
  await requireReadableFiles(db, actor, [fileId]);
  await db.transaction(async (tx) => {
    const application = await repo.lockApplication(tx, applicationId);
    if (!application || actor.businessId !== application.businessId) throw new AppError("not_found");
    if (!["draft", "returned"].includes(application.status)) throw new AppError("invalid_transition");
    await repo.insertMaterial(tx, { applicationId, code, fileId });
    await audit(tx, context, application, "attach_material", { code, fileId });
  });
}

function missingMaterials(application: repo.ApplicationRow, attached: { code: string }[]): string[] {
  const required = (application.assessment.requiredMaterials as { code: string }[]).map((m) => m.code);
  const present = new Set(attached.map((m) => m.code));
  return required.filter((code) => !present.has(code));
}

export async function submitApplication(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  applicationId: string,
  { commitmentSigner }: { commitmentSigner?: string | undefined },
): Promise<repo.ApplicationRow> {
  return db.transaction(async (tx) => {
    const { application, to } = await beginTransition(tx, actor, applicationId, "submit");
    const assessment = application.assessment as {
      allowed: boolean;
      commitmentEligible: boolean;
      violations: { message: { zh: string; en: string } }[];
    };
    if (!assessment.allowed) {
      throw violation(
        assessment.violations.map((v) => v.message.zh).join("；"),
        assessment.violations.map((v) => v.message.en).join("; "),
      );
    }
    const missing = missingMaterials(application, await repo.listMaterials(tx, application.id));
    if (missing.length > 0)
      throw violation(`缺少申请材料：${missing.join(", ")}`, `Missing materials: ${missing.join(", ")}`);
    if (commitmentSigner && !assessment.commitmentEligible) {
      throw violation(
        "该申请不适用告知承诺制（第十三条）",
        "Art. 13: this application may not use the commitment path",
      );
    }
    const now = new Date();
    const updated = await repo.updateApplication(tx, application.id, {
      status: to,
      submittedAt: now,
      commitment: Boolean(commitmentSigner),
      commitmentSigner: commitmentSigner ?? null,
      stageDeadline: stageDeadline("acceptance", now, Boolean(commitmentSigner)),
    });
    await audit(tx, context, application, "submit", {
      status: to,
      commitment: Boolean(commitmentSigner),
      commitmentSigner,
    });
    return updated;
  });
}

export async function withdrawApplication(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  applicationId: string,
) {
  return db.transaction(async (tx) => {
    const { application, to } = await beginTransition(tx, actor, applicationId, "withdraw");
    const updated = await repo.updateApplication(tx, application.id, { status: to, stageDeadline: null });
    await audit(tx, context, application, "withdraw", { status: to });
    return updated;
  });
}

/** 受理: accept, or return to the applicant with reasons. */
export async function acceptApplication(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  applicationId: string,
) {
  return db.transaction(async (tx) => {
    const { application, to } = await beginTransition(tx, actor, applicationId, "accept");
    const now = new Date();
    const next = skipsReview(application) ? "decision" : "review";
    const updated = await repo.updateApplication(tx, application.id, {
      status: to,
      acceptedBy: actor.id,
      acceptedAt: now,
      stageDeadline: stageDeadline(next, now, application.commitment),
    });
    await audit(tx, context, application, "accept", { status: to });
    return updated;
  });
}

export async function returnApplication(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  applicationId: string,
  { reasons }: { reasons: string },
) {
  return db.transaction(async (tx) => {
    const { application, to } = await beginTransition(tx, actor, applicationId, "return");
    const updated = await repo.updateApplication(tx, application.id, {
      status: to,
      acceptedBy: actor.id,
      reasons,
      stageDeadline: null,
    });
    await audit(tx, context, application, "return", { status: to, reasons });
    return updated;
  });
}

/** 审查: schedule and record the on-site inspection (现场核查), then conclude the review. */
export async function scheduleOnsite(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  applicationId: string,
  { scheduledAt }: { scheduledAt: string },
) {
  return db.transaction(async (tx) => {
    const { application, onsite, to } = await beginTransition(tx, actor, applicationId, "schedule_onsite");
    if (onsite?.inspectedAt) throw new AppError("invalid_transition");
    await repo.upsertOnsite(tx, { applicationId, scheduledAt: new Date(scheduledAt), scheduledBy: actor.id });
    const updated = await repo.updateApplication(tx, application.id, { status: to });
    await audit(tx, context, application, "schedule_onsite", { status: to, scheduledAt });
    return updated;
  });
}

export async function recordOnsite(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  applicationId: string,
  input: {
    results: { code: string; result: "pass" | "fail" | "na"; note?: string | undefined }[];
    photoFileIds: string[];
    applicantSigned: boolean;
    notes?: string | undefined;
  },
) {
  await requireReadableFiles(db, actor, input.photoFileIds);
  return db.transaction(async (tx) => {
    const { application, onsite } = await beginTransition(tx, actor, applicationId, "record_onsite");
    const outcome = judgeOnsite(application, input.results);
    await repo.upsertOnsite(tx, {
      applicationId,
      scheduledAt: onsite!.scheduledAt,
      scheduledBy: onsite!.scheduledBy,
      inspectedAt: new Date(),
      inspectedBy: actor.id,
      results: input.results.map((r) => ({
        code: r.code,
        result: r.result,
        ...(r.note ? { note: r.note } : {}),
      })),
      photoFileIds: input.photoFileIds,
      applicantSigned: input.applicantSigned,
      notes: input.notes ?? null,
      outcome,
    });
    await audit(tx, context, application, "record_onsite", { outcome, photos: input.photoFileIds.length });
    return outcome;
  });
}

export async function reviewApplication(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  applicationId: string,
  { outcome, opinion }: { outcome: "pass" | "fail"; opinion: string },
) {
  return db.transaction(async (tx) => {
    const { application, onsite, to } = await beginTransition(tx, actor, applicationId, "review");
    const onsiteRequired = Boolean(application.assessment.onsiteInspectionRequired);
    if (onsiteRequired && !onsite?.inspectedAt) {
      throw violation("须先完成现场核查（第十条）", "Art. 10: the on-site inspection must be recorded first");
    }
    if (outcome === "pass" && onsite?.outcome === "fail") {
      throw violation("现场核查不通过，不能审查通过（第十二条）", "Art. 12: the on-site inspection failed");
    }
    const now = new Date();
    const updated = await repo.updateApplication(tx, application.id, {
      status: to,
      reviewedBy: actor.id,
      reviewedAt: now,
      reviewOutcome: outcome,
      reviewOpinion: opinion,
      stageDeadline: stageDeadline("decision", now, false),
    });
    await audit(tx, context, application, "review", { status: to, outcome });
    return updated;
  });
}

/** 许可决定: approve (the licence register changes in the same transaction) or reject with reasons. */
export async function decideApplication(
  db: Database,
  hooks: LicenseHooks,
  context: RequestContext,
  actor: UserActor,
  applicationId: string,
  {
    decision,
    reasons,
    supervisionOfficer,
  }: {
    decision: "approve" | "reject";
    reasons?: string | undefined;
    supervisionOfficer?: string | undefined;
  },
) {
  return db.transaction(async (tx) => {
    const { application, to } = await beginTransition(tx, actor, applicationId, decision);
    if (decision === "approve" && !skipsReview(application) && application.reviewOutcome !== "pass") {
      throw violation(
        "审查未通过，不能作出准予许可决定",
        "The review did not pass: the licence cannot be granted",
      );
    }
    if (decision === "reject" && !reasons) {
      throw violation("不予许可须说明理由", "A refusal must give reasons");
    }
    const now = new Date();
    let licenseId = application.licenseId;
    if (decision === "approve") {
      const license = await applyApprovedApplication(tx, {
        application,
        issuedBy: { id: actor.id, displayName: actor.displayName },
        now,
        hooks,
        supervisionOfficer,
      });
      licenseId = license.id;
      await recordAudit(tx, context, {
        action: `license.${application.kind === "new" ? "issue" : application.kind}`,
        subjectType: "license",
        subjectId: license.id,
        regionCode: license.regionCode,
        after: {
          number: license.number,
          version: license.currentVersion,
          status: license.status,
          applicationId,
        },
      });
      if (application.commitment) {
        await createTask(tx, context, {
          kind: "commitment_follow_up_inspection",
          regionCode: application.regionCode,
          storeId: application.storeId,
          applicationId: application.id,
          licenseId: license.id,
          dueAt: stageDeadline("follow_up", now, false),
        });
      }
    }
    const updated = await repo.updateApplication(tx, application.id, {
      status: to,
      decidedBy: actor.id,
      decidedAt: now,
      decision,
      reasons: reasons ?? application.reasons,
      licenseId,
      stageDeadline: null,
    });
    await audit(tx, context, application, decision, { status: to, licenseId });
    return updated;
  });
}

export async function getApplication(db: Database, actor: UserActor, applicationId: string) {
  const [row] = await repo.listApplications(db, {
    regionPrefix: null,
    businessId: null,
    applicationId,
    limit: 1,
  });
  if (!row || !canReadLicensingRecord(actor, row.application)) throw new AppError("not_found");
  const { application } = row;
  const [materials, onsite, events] = await Promise.all([
    repo.listMaterials(db, application.id),
    repo.findOnsite(db, application.id),
    repo.listApplicationEvents(db, application.id),
  ]);
  return { ...row, materials, missing: missingMaterials(application, materials), onsite, events };
}

export async function listApplications(
  db: Database,
  actor: UserActor,
  query: {
    queue?: repo.Queue | undefined;
    status?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  const officer = isOfficer(actor.role);
  if (!officer && !actor.businessId) return { items: [], nextCursor: null };
  const rows = await repo.listApplications(db, {
    regionPrefix: officer ? jurisdictionPrefix(actor) : null,
    businessId: officer ? null : actor.businessId,
    queue: query.queue,
    status: query.status,
    after: query.cursor ? decodeCursor(query.cursor) : undefined,
    limit: query.limit,
  });
  const last = rows.at(-1)?.application;
  const key = (row: repo.ApplicationRow) =>
    query.queue ? (row.stageDeadline?.toISOString() ?? "infinity") : row.createdAt.toISOString();
  const nextCursor =
    rows.length === query.limit && last ? encodeCursor({ key: key(last), id: last.id }) : null;
  return { items: rows, nextCursor };
}

const encodeCursor = (cursor: repo.ApplicationCursor) =>
  Buffer.from(JSON.stringify(cursor)).toString("base64url");

function decodeCursor(raw: string): repo.ApplicationCursor {
  try {
    const cursor = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as repo.ApplicationCursor;
    const keyOk = cursor.key === "infinity" || !Number.isNaN(Date.parse(cursor.key));
    if (keyOk && /^[0-9a-f-]{36}$/.test(cursor.id)) return cursor;
  } catch {
    // fall through to the error below
  }
  throw new AppError("validation_failed", { "zh-CN": "cursor 无效", en: "Invalid cursor" });
}

export async function listLicenses(
  db: Database,
  actor: UserActor,
  query: { storeId?: string | undefined; cursor?: string | undefined; limit: number },
) {
  const officer = isOfficer(actor.role);
  if (!officer && !actor.businessId) return { items: [], nextCursor: null };
  const rows = await repo.listLicenses(db, {
    regionPrefix: officer ? jurisdictionPrefix(actor) : null,
    businessId: officer ? null : actor.businessId,
    storeId: query.storeId,
    afterId: query.cursor,
    limit: query.limit,
  });
  return { items: rows, nextCursor: rows.length === query.limit ? (rows.at(-1)?.license.id ?? null) : null };
}

export async function getLicense(db: Database, actor: UserActor, licenseId: string) {
  const [row] = await repo.listLicenses(db, { regionPrefix: null, businessId: null, licenseId, limit: 1 });
  if (!row || !canReadLicensingRecord(actor, row.license)) throw new AppError("not_found");
  return { ...row, versions: await repo.listLicenseVersions(db, licenseId) };
}

/** An approver suspends, revokes or reinstates a licence; certificates and partners follow in the same transaction. */
export async function changeLicenseStatus(
  db: Database,
  hooks: LicenseHooks,
  context: RequestContext,
  actor: UserActor,
  licenseId: string,
  { status, reason }: { status: "valid" | "suspended" | "revoked"; reason: string },
) {
  return db.transaction(async (tx) => {
    const license = await repo.lockLicense(tx, licenseId);
    if (!license || !canReadLicensingRecord(actor, license)) throw new AppError("not_found");
    if (actor.role !== "approver") throw new AppError("forbidden");
    const allowed: Record<string, string[]> = {
      valid: ["suspended"],
      suspended: ["valid"],
      revoked: ["valid", "suspended"],
    };
    if (!allowed[status]!.includes(license.status)) throw new AppError("invalid_transition");
    const updated = await repo.updateLicense(tx, license.id, { status });
    await hooks.statusChanged(tx, updated);
    await recordAudit(tx, context, {
      action: `license.${status === "valid" ? "reinstate" : status === "suspended" ? "suspend" : "revoke"}`,
      subjectType: "license",
      subjectId: license.id,
      regionCode: license.regionCode,
      before: { status: license.status },
      after: { status, reason },
    });
    return updated;
  });
}
