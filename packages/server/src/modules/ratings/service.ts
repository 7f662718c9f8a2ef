import { chinaDate } from "@shian/domain";
import type { Database, Queryable } from "../../db/client.js";
import { AppError } from "../../http/errors.js";
import type { RequestContext, UserActor } from "../accounts/actor.js";
import { jurisdictionPrefix } from "../accounts/jurisdiction.js";
import { recordAudit } from "../audit/service.js";
import { invalidateStore } from "../safety-code/cache.js";
import { normalizeSafetyCode } from "../safety-code/code.js";
import { findStoreIdByCode } from "../safety-code/service.js";
import { isAbusive } from "./abusive-words.js";
import { canModerateRating, isModerator } from "./policy.js";
import * as repo from "./repository.js";

export interface SubmitRating {
  safetyCode: string;
  stars: number;
  comment?: string | undefined;
  /** SHA-256 of the device cookie. */
  deviceHash: string;
  now?: Date;
}

/**
 * A consumer rates a store after a visit (码上评, seed 001). Stars alone count at once; a comment waits for an
 * officer (pending), or is rejected at once when it contains a word of abusive-words.ts. One rating per device,
 * store and day (China time): a second one is a 409. Not audited: anonymous, and the audit chain is a
 * serialisation point that a public endpoint must not hold.
 */
export async function submitRating(db: Queryable, input: SubmitRating) {
  const code = normalizeSafetyCode(input.safetyCode);
  const storeId = code ? await findStoreIdByCode(db, code) : null;
  if (!storeId) throw new AppError("not_found");
  const comment = input.comment?.trim() || null;
  const moderation: repo.Moderation =
    comment === null ? "approved" : isAbusive(comment) ? "rejected" : "pending";
  const created = await repo.insertRating(db, {
    storeId,
    stars: input.stars,
    comment,
    deviceHash: input.deviceHash,
    ratedOn: chinaDate(input.now ?? new Date()),
    moderation,
  });
  if (!created) {
    throw new AppError("conflict", {
      "zh-CN": "您今天已评价过该店，请明天再来",
      en: "This device has already rated this store today",
    });
  }
  if (moderation === "approved") invalidateStore(storeId);
  return { id: created.id, moderation: created.moderation, ratedOn: created.ratedOn };
}

export interface RatingQuery {
  moderation?: repo.Moderation | undefined;
  cursor?: string | undefined;
  limit: number;
}

function decodeCursor(raw: string): { createdAt: string; id: string } {
  const [createdAt = "", id = ""] = Buffer.from(raw, "base64url").toString("utf8").split("|");
  if (!/^\d{4}-\d\d-\d\d[ T][\d:.+-]+$/.test(createdAt) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new AppError("validation_failed", { "zh-CN": "cursor 无效", en: "cursor is not valid" });
  }
  return { createdAt, id };
}

/** Ratings of the stores in the officer's jurisdiction, e.g. the pending ones to moderate. */
export async function listRatings(db: Queryable, actor: UserActor, query: RatingQuery) {
  if (!isModerator(actor)) throw new AppError("forbidden");
  const rows = await repo.listRatings(db, {
    regionPrefix: jurisdictionPrefix(actor),
    moderation: query.moderation ?? null,
    after: query.cursor ? decodeCursor(query.cursor) : null,
    limit: query.limit,
  });
  const last = rows.at(-1);
  return {
    items: rows,
    nextCursor:
      rows.length === query.limit && last
        ? Buffer.from(`${last.cursorAt}|${last.id}`).toString("base64url")
        : null,
  };
}

/** An officer approves or rejects a rating of a store in the jurisdiction (404 outside it), audited. */
export async function moderateRating(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  { ratingId, decision }: { ratingId: string; decision: "approve" | "reject" },
) {
  const updated = await db.transaction(async (tx) => {
    const rating = await repo.findRating(tx, ratingId);
    if (!rating || !canModerateRating(actor, rating)) throw new AppError("not_found");
    const moderation: repo.Moderation = decision === "approve" ? "approved" : "rejected";
    await repo.updateModeration(tx, rating.id, moderation);
    await recordAudit(tx, context, {
      action: "rating.moderate",
      subjectType: "rating",
      subjectId: rating.id,
      regionCode: rating.regionCode,
      before: { moderation: rating.moderation },
      after: { moderation },
    });
    return { ...rating, moderation };
  });
  invalidateStore(updated.storeId);
  return updated;
}
