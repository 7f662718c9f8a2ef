import { createHash } from "node:crypto";
import { canonicalLetterText, chinaDate, findCommitmentTemplate } from "@shian/domain";
import type { Database, Queryable } from "../../db/client.js";
import { AppError } from "../../http/errors.js";
import type { RequestContext, UserActor } from "../accounts/actor.js";
import { jurisdictionPrefix } from "../accounts/jurisdiction.js";
import { isOfficer } from "../accounts/roles.js";
import { recordAudit } from "../audit/service.js";
import { regradeStore } from "../credit/grading.js";
import { findStoreById } from "../entities/repository.js";
import { invalidateStore } from "../safety-code/cache.js";
import { authorizeLetterForOfficer, authorizeOwnStore } from "./policy.js";
import * as repo from "./repository.js";

export type BreachSource = "inspection" | "alert" | "officer";

/** SHA-256 (hex) of the canonical text of a letter: what the audit log keeps of the signature. */
export function letterDigest(letter: repo.LetterRow): string {
  const text = canonicalLetterText({
    storeId: letter.storeId,
    template: letter.template,
    templateVersion: letter.templateVersion,
    items: letter.items,
    signerName: letter.signerName,
    signedAt: letter.signedAt.toISOString(),
  });
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * 承诺书: the business owner signs a template for one of its stores with a typed name. The new letter replaces
 * (withdraws) the store's previous one; the store is re-graded (Zhenhai counts a signed letter) and its scan page
 * shows the letter at once.
 */
export async function signLetter(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  input: { storeId: string; template: string; signerName: string },
  now = new Date(),
) {
  const store = await findStoreById(db, input.storeId);
  authorizeOwnStore(actor, store);
  const template = findCommitmentTemplate(input.template);
  if (!template) {
    throw new AppError("validation_failed", { "zh-CN": "承诺书模板不存在", en: "Unknown template" }, [
      { pointer: "/body/template", message: "unknown template" },
    ]);
  }
  const signerName = input.signerName.trim();
  const result = await db.transaction(async (tx) => {
    const replaced = await repo.withdrawCurrentLetters(tx, store.id, now);
    const letter = await repo.insertLetter(tx, {
      storeId: store.id,
      businessId: store.businessId,
      regionCode: store.regionCode,
      template: template.code,
      templateVersion: template.version,
      items: template.items,
      signerName,
      signedBy: actor.id,
      signedAt: now,
    });
    await recordAudit(tx, context, {
      action: "commitment.sign",
      subjectType: "commitment_letter",
      subjectId: letter.id,
      regionCode: letter.regionCode,
      after: {
        storeId: store.id,
        template: letter.template,
        templateVersion: letter.templateVersion,
        signerName,
        signedAt: letter.signedAt.toISOString(),
        sha256: letterDigest(letter),
        replaces: replaced,
      },
    });
    await regradeStore(tx, store.id, chinaDate(now));
    return { letter, storeName: store.name, breaches: [] as repo.BreachRow[] };
  });
  invalidateStore(store.id);
  return result;
}

/**
 * 违诺: an officer of the jurisdiction records a finding against one item of a letter in force; the store is
 * re-graded in the same transaction (Xiangshan deducts points per breach).
 */
export async function recordBreach(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  letterId: string,
  input: { itemCode: string; source: BreachSource; sourceId?: string | undefined; note: string },
  now = new Date(),
) {
  const result = await db.transaction(async (tx) => {
    const letter = await repo.findLetterForUpdate(tx, letterId);
    authorizeLetterForOfficer(actor, letter);
    if (letter.withdrawnAt) {
      throw new AppError("conflict", {
        "zh-CN": "该承诺书已被新承诺书替代，请针对现行承诺书记录违诺",
        en: "This letter was replaced: record the breach against the letter in force",
      });
    }
    const allowed = letter.items.map((item) => item.code);
    if (!allowed.includes(input.itemCode)) {
      throw new AppError(
        "validation_failed",
        {
          "zh-CN": `违诺事项须为承诺书中的条目：${allowed.join("、")}`,
          en: `The item must be one of the letter's items: ${allowed.join(", ")}`,
        },
        [{ pointer: "/body/itemCode", message: `must be one of ${allowed.join(", ")}` }],
      );
    }
    const created = await repo.insertBreach(tx, {
      letterId: letter.id,
      storeId: letter.storeId,
      regionCode: letter.regionCode,
      itemCode: input.itemCode,
      source: input.source,
      sourceId: input.sourceId ?? null,
      note: input.note.trim(),
      recordedBy: actor.id,
      recordedAt: now,
    });
    await recordAudit(tx, context, {
      action: "commitment.breach",
      subjectType: "commitment_letter",
      subjectId: letter.id,
      regionCode: letter.regionCode,
      after: {
        breachId: created.id,
        storeId: letter.storeId,
        itemCode: created.itemCode,
        source: created.source,
        sourceId: created.sourceId,
      },
    });
    await regradeStore(tx, letter.storeId, chinaDate(now));
    return { breach: created, letter };
  });
  invalidateStore(result.letter.storeId);
  return result;
}

export type LetterWithBreaches = Awaited<ReturnType<typeof withBreaches>>[number];

async function withBreaches(db: Queryable, rows: Awaited<ReturnType<typeof repo.listLetters>>) {
  const breaches = await repo.listBreaches(
    db,
    rows.map((row) => row.letter.id),
  );
  return rows.map((row) => ({
    ...row,
    breaches: breaches.filter((breach) => breach.letterId === row.letter.id),
  }));
}

/** Officers: the jurisdiction's letters (a store's history with ?store=); a business: its own stores' letters. */
export async function listLetters(
  db: Queryable,
  actor: UserActor,
  query: { store?: string | undefined; limit: number },
) {
  if (isOfficer(actor.role)) {
    return withBreaches(
      db,
      await repo.listLetters(db, {
        regionPrefix: jurisdictionPrefix(actor),
        storeId: query.store,
        limit: query.limit,
      }),
    );
  }
  if (!actor.businessId) return [];
  return withBreaches(
    db,
    await repo.listLetters(db, { businessId: actor.businessId, storeId: query.store, limit: query.limit }),
  );
}

/** The letter a store's scan page (and trace pages) publish, signer's name masked by the caller. */
export const currentLetter = repo.findCurrentLetter;
