import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { addWorkingDays, isWithinRegion } from "@shian/domain";
import type { Database, Transaction } from "../../db/client.js";
import { AppError } from "../../http/errors.js";
import { maskPhone } from "../../http/masking.js";
import type { RequestContext, UserActor } from "../accounts/actor.js";
import { jurisdictionPrefix } from "../accounts/jurisdiction.js";
import { recordAudit } from "../audit/service.js";
import type { FileStore } from "../files/file-store.js";
import { canReadFile } from "../files/policy.js";
import { findFileById, insertFile } from "../files/repository.js";
import type { Keyring } from "../keys/secret-box.js";
import { sealSecret } from "../keys/secret-box.js";
import { createTask } from "../tasks/service.js";
import { nextComplaintStatus, type ComplaintAction, type ComplaintStatus } from "./categories.js";
import { authorizeComplaint } from "./policy.js";
import * as repo from "./repository.js";
import type { ComplaintSubmission } from "./submission.js";
import { makeThumbnail } from "./thumbnail.js";

export const COMPLAINT_TASK_KIND = "complaint_inspection";
/** Acknowledge within one working day (受理时限). */
export const ACKNOWLEDGE_WORKING_DAYS = 1;

export interface ComplaintDeps {
  db: Database;
  fileStore: FileStore;
  keyring: Keyring;
  closeWorkingDays: number;
}

/** The secret-box context of a complaint's phone: a sealed value copied to another row does not open. */
export function phoneContext(complaintId: string): string {
  return `complaints:contact_phone:${complaintId}`;
}

export function hashTrackingToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A citizen files a complaint: routed to the store's district (or the given county), SLA clock started. */
export async function fileComplaint(
  deps: ComplaintDeps,
  options: { context: RequestContext; submission: ComplaintSubmission; now?: Date },
): Promise<{ complaint: repo.ComplaintRow; trackingToken: string }> {
  const { db, fileStore, keyring } = deps;
  const { context, submission } = options;
  const now = options.now ?? new Date();
  let storeId: string | null = null;
  let regionCode: string;
  if (submission.storeCode !== null) {
    const store = await repo.findStoreBySafetyCode(db, submission.storeCode);
    if (!store) throw new AppError("not_found", { "zh-CN": "未找到该食安码", en: "Unknown 食安码" });
    storeId = store.id;
    regionCode = store.regionCode;
  } else {
    const region = await repo.findCountyRegion(db, submission.regionCode ?? "");
    if (!region)
      throw new AppError("validation_failed", {
        "zh-CN": "regionCode 须为区县代码",
        en: "regionCode must be a county code",
      });
    regionCode = region.code;
  }
  // Every part was validated before this point; only now are bytes written.
  const stored: { sha256: string; publicSha256: string; contentType: string; size: number }[] = [];
  for (const photo of submission.photos) {
    stored.push({
      sha256: await fileStore.put(photo.original),
      publicSha256: await fileStore.put(photo.publicCopy),
      contentType: photo.contentType,
      size: photo.original.length,
    });
  }
  const id = randomUUID();
  const trackingToken = randomBytes(24).toString("base64url");
  const complaint = await db.transaction(async (tx) => {
    const created = await repo.insertComplaint(tx, {
      id,
      storeId,
      regionCode,
      lat: submission.lat,
      lng: submission.lng,
      category: submission.category,
      description: submission.description,
      contactPhoneSealed: submission.contactPhone
        ? sealSecret(keyring, submission.contactPhone, phoneContext(id))
        : null,
      contactPhoneMasked: submission.contactPhone ? maskPhone(submission.contactPhone) : null,
      trackingTokenHash: hashTrackingToken(trackingToken),
      status: "received",
      acknowledgeBy: addWorkingDays(now, ACKNOWLEDGE_WORKING_DAYS),
      closeBy: addWorkingDays(now, deps.closeWorkingDays),
      createdAt: now,
    });
    const fileIds: string[] = [];
    for (const file of stored) {
      // Officers of the district read the photos through the files module (its policy: region of the file).
      const row = await insertFile(tx, { ...file, uploadedBy: null, businessId: null, regionCode });
      fileIds.push(row.id);
      await recordAudit(tx, context, {
        action: "file.upload",
        subjectType: "file",
        subjectId: row.id,
        regionCode,
        after: { sha256: file.sha256, contentType: file.contentType, size: file.size },
      });
    }
    await repo.insertComplaintPhotos(tx, created.id, fileIds);
    await recordAudit(tx, context, {
      action: "complaint.create",
      subjectType: "complaint",
      subjectId: created.id,
      regionCode,
      after: {
        storeId,
        category: created.category,
        photos: fileIds.length,
        withPhone: created.contactPhoneMasked !== null,
        acknowledgeBy: created.acknowledgeBy.toISOString(),
        closeBy: created.closeBy.toISOString(),
      },
    });
    return created;
  });
  return { complaint, trackingToken };
}

/** What the complainant sees with the tracking token; a wrong token is indistinguishable from no complaint. */
export async function trackComplaint(db: Database, id: string, token: string) {
  const complaint = await repo.findComplaint(db, id);
  const given = Buffer.from(hashTrackingToken(token), "hex");
  const expected = Buffer.from(complaint?.trackingTokenHash ?? "0".repeat(64), "hex");
  if (!complaint || !timingSafeEqual(given, expected)) throw new AppError("not_found");
  const acknowledgedAt = await repo.findAcknowledgedAt(db, complaint.id);
  const storeName = await repo.findStoreName(db, complaint.storeId);
  return { complaint, acknowledgedAt, storeName };
}

export async function listComplaints(
  db: Database,
  actor: UserActor,
  query: { status?: ComplaintStatus | undefined; overdue?: boolean | undefined; mine?: boolean | undefined },
  now = new Date(),
) {
  return repo.listComplaints(db, {
    regionPrefix: jurisdictionPrefix(actor),
    status: query.status,
    overdue: query.overdue,
    assignedTo: query.mine ? actor.id : undefined,
    now,
    limit: 200,
  });
}

export async function getComplaint(db: Database, actor: UserActor, id: string) {
  const complaint = authorizeComplaint(actor, await repo.findComplaint(db, id));
  const [photoIds, storeName, assignee, acknowledgedAt] = await Promise.all([
    repo.listPhotoIds(db, complaint.id),
    repo.findStoreName(db, complaint.storeId),
    complaint.assignedTo ? repo.findUser(db, complaint.assignedTo) : Promise.resolve(undefined),
    repo.findAcknowledgedAt(db, complaint.id),
  ]);
  return { complaint, photoIds, storeName, assigneeName: assignee?.displayName ?? null, acknowledgedAt };
}

/** Loads and locks the complaint, checks the district and the transition (409 when it does not apply). */
async function beginTransition(tx: Transaction, actor: UserActor, id: string, action: ComplaintAction) {
  const complaint = authorizeComplaint(actor, await repo.lockComplaint(tx, id));
  const to = nextComplaintStatus(complaint.status, action);
  if (!to)
    throw new AppError("invalid_transition", {
      "zh-CN": "投诉当前状态不允许此操作",
      en: "The complaint's current status does not allow this action",
    });
  return { complaint, to };
}

export async function acknowledgeComplaint(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  id: string,
) {
  return db.transaction(async (tx) => {
    const { complaint, to } = await beginTransition(tx, actor, id, "acknowledge");
    const updated = await repo.updateComplaint(tx, complaint.id, { status: to });
    await recordAudit(tx, context, {
      action: "complaint.acknowledge",
      subjectType: "complaint",
      subjectId: complaint.id,
      regionCode: complaint.regionCode,
      before: { status: complaint.status },
      after: { status: to },
    });
    return updated;
  });
}

/** Inspectors whose jurisdiction contains the complaint's district: the people it can be dispatched to. */
export async function listComplaintInspectors(db: Database, actor: UserActor, id: string) {
  const complaint = authorizeComplaint(actor, await repo.findComplaint(db, id));
  const code = complaint.regionCode;
  return repo.listInspectorsFor(db, [code, `${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`]);
}

/** Dispatches an inspector of the district; creates their inspection task, due when the complaint must close. */
export async function assignComplaint(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  options: { id: string; inspectorId: string },
) {
  return db.transaction(async (tx) => {
    const { complaint, to } = await beginTransition(tx, actor, options.id, "assign");
    const inspector = await repo.findUser(tx, options.inspectorId);
    if (
      !inspector ||
      inspector.role !== "inspector" ||
      inspector.disabledAt !== null ||
      !isWithinRegion(complaint.regionCode, inspector.regionCode)
    ) {
      throw new AppError("rule_violation", {
        "zh-CN": "只能指派本辖区的执法人员",
        en: "Only an inspector of the complaint's district can be assigned",
      });
    }
    const updated = await repo.updateComplaint(tx, complaint.id, { status: to, assignedTo: inspector.id });
    const task = await createTask(tx, context, {
      kind: COMPLAINT_TASK_KIND,
      regionCode: complaint.regionCode,
      storeId: complaint.storeId,
      dueAt: complaint.closeBy,
    });
    await recordAudit(tx, context, {
      action: "complaint.assign",
      subjectType: "complaint",
      subjectId: complaint.id,
      regionCode: complaint.regionCode,
      before: { status: complaint.status, assignedTo: complaint.assignedTo },
      after: { status: to, assignedTo: inspector.id, taskId: task.id },
    });
    return updated;
  });
}

/** Closes with the bureau's reply, which the complainant sees on the tracking page. */
export async function closeComplaint(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  options: { id: string; reply: string; upheld: boolean; now?: Date },
) {
  return db.transaction(async (tx) => {
    const { complaint, to } = await beginTransition(tx, actor, options.id, "close");
    const closedAt = options.now ?? new Date();
    const updated = await repo.updateComplaint(tx, complaint.id, {
      status: to,
      reply: options.reply,
      upheld: options.upheld,
      closedAt,
    });
    await recordAudit(tx, context, {
      action: "complaint.close",
      subjectType: "complaint",
      subjectId: complaint.id,
      regionCode: complaint.regionCode,
      before: { status: complaint.status },
      after: { status: to, upheld: options.upheld, closedAt: closedAt.toISOString() },
    });
    return updated;
  });
}

/** A small EXIF-free preview of a complaint photo for officers of the district. */
export async function complaintPhotoThumbnail(
  db: Database,
  fileStore: FileStore,
  actor: UserActor,
  options: { id: string; fileId: string },
): Promise<Buffer> {
  const complaint = authorizeComplaint(actor, await repo.findComplaint(db, options.id));
  const photoIds = await repo.listPhotoIds(db, complaint.id);
  if (!photoIds.includes(options.fileId)) throw new AppError("not_found");
  const file = await findFileById(db, options.fileId);
  if (!file || !canReadFile(actor, file)) throw new AppError("not_found");
  const bytes = await fileStore.get(file.publicSha256 ?? file.sha256);
  if (!bytes) throw new AppError("not_found");
  return makeThumbnail(bytes);
}
