import type { Database } from "../../db/client.js";
import { AppError } from "../../http/errors.js";
import type { RequestContext, UserActor } from "../accounts/actor.js";
import { recordAudit } from "../audit/service.js";
import { detectAllowedType, publicImageCopy } from "./content-check.js";
import type { FileStore } from "./file-store.js";
import { canReadFile, seesOriginal } from "./policy.js";
import * as repo from "./repository.js";

/** Stores an upload after checking its bytes; images also get a public copy without EXIF. */
export async function uploadFile(
  db: Database,
  store: FileStore,
  context: RequestContext,
  actor: UserActor,
  bytes: Buffer,
): Promise<repo.FileRow> {
  const contentType = await detectAllowedType(bytes);
  const publicCopy = contentType === "application/pdf" ? null : await publicImageCopy(bytes, contentType);
  const sha256 = await store.put(bytes);
  const publicSha256 = publicCopy ? await store.put(publicCopy) : null;
  return db.transaction(async (tx) => {
    const file = await repo.insertFile(tx, {
      sha256,
      publicSha256,
      contentType,
      size: bytes.length,
      uploadedBy: actor.id,
      businessId: actor.businessId,
      regionCode: actor.regionCode,
    });
    await recordAudit(tx, context, {
      action: "file.upload",
      subjectType: "file",
      subjectId: file.id,
      regionCode: actor.regionCode,
      after: { sha256, contentType, size: bytes.length },
    });
    return file;
  });
}

export async function readFile(
  db: Database,
  store: FileStore,
  actor: UserActor,
  fileId: string,
): Promise<{ file: repo.FileRow; bytes: Buffer }> {
  const file = await repo.findFileById(db, fileId);
  if (!file || !canReadFile(actor, file)) throw new AppError("not_found");
  const sha256 = !seesOriginal(actor) && file.publicSha256 ? file.publicSha256 : file.sha256;
  const bytes = await store.get(sha256);
  if (!bytes) throw new AppError("not_found");
  return { file, bytes };
}

/** Files an actor attaches to a record must be theirs (or, for officers, of their region). */
export async function requireReadableFiles(db: Database, actor: UserActor, fileIds: string[]): Promise<void> {
  const found = await repo.findFilesByIds(db, fileIds);
  const readable = new Set(found.filter((file) => canReadFile(actor, file)).map((file) => file.id));
  const missing = fileIds.filter((id) => !readable.has(id));
  if (missing.length > 0) {
    throw new AppError("validation_failed", {
      "zh-CN": `文件不存在或无权使用：${missing.join(", ")}`,
      en: `Unknown files: ${missing.join(", ")}`,
    });
  }
}
