import type { Database } from "../../db/client.js";
import { AppError } from "../../http/errors.js";
import type { RequestContext, UserActor } from "../accounts/actor.js";
import { isInJurisdiction, jurisdictionPrefix } from "../accounts/jurisdiction.js";
import { recordAudit } from "../audit/service.js";
import { enqueue } from "../outbox/repository.js";
import { MISUSE_QUEUE_ROLES } from "./policy.js";
import * as repo from "./repository.js";
import type { MisuseFlagKind, MisuseFlagStatus } from "./repository.js";

function assertQueueRole(actor: UserActor) {
  if (!(MISUSE_QUEUE_ROLES as readonly string[]).includes(actor.role)) throw new AppError("forbidden");
}

/** The officer queue: flags of the actor's jurisdiction (national actors also see the national queue). */
export async function listMisuseFlags(options: {
  db: Database;
  actor: UserActor;
  status?: MisuseFlagStatus | undefined;
  kind?: MisuseFlagKind | undefined;
  limit: number;
}) {
  assertQueueRole(options.actor);
  return repo.listFlags(options.db, {
    regionPrefix: jurisdictionPrefix(options.actor),
    status: options.status,
    kind: options.kind,
    limit: options.limit,
  });
}

/**
 * An officer confirms or dismisses an open flag. A confirmation reaches the partner's webhooks through the
 * outbox (signed like every partner webhook), in the same transaction as the decision and its audit row.
 * A flag outside the jurisdiction answers 404; one already decided 409.
 */
export async function decideMisuseFlag(options: {
  db: Database;
  context: RequestContext;
  actor: UserActor;
  id: string;
  decision: "confirm" | "dismiss";
  note: string;
}) {
  const { actor, decision, note } = options;
  assertQueueRole(actor);
  return options.db.transaction(async (tx) => {
    const row = await repo.lockFlag(tx, options.id);
    const visible = row && (actor.regionCode === null || isInJurisdiction(actor, row.flag.regionCode));
    if (!row || !visible) throw new AppError("not_found");
    if (row.flag.status !== "open") {
      throw new AppError("conflict", { "zh-CN": "该线索已处理", en: "This flag has already been decided" });
    }
    const status: "confirmed" | "dismissed" = decision === "confirm" ? "confirmed" : "dismissed";
    await repo.decideFlag(tx, row.flag.id, { status, decidedBy: actor.id, note });
    if (status === "confirmed") {
      const at = new Date().toISOString();
      for (const webhook of await repo.webhooksOfClient(tx, row.flag.apiClientId)) {
        await enqueue(tx, {
          channel: "webhook",
          dedupeKey: `misuse_flag.confirmed:${row.flag.id}:${webhook.id}`,
          payload: {
            url: webhook.url,
            secretEncrypted: webhook.secretEncrypted,
            event: {
              type: "misuse_flag.confirmed",
              flagId: row.flag.id,
              kind: row.flag.kind,
              licenseNo: row.flag.licenseNumber,
              platformShopId: row.platformShopId,
              decision: status,
              note,
              at,
            },
          },
        });
      }
    }
    await recordAudit(tx, options.context, {
      action: `misuse_flag.${decision}`,
      subjectType: "misuse_flag",
      subjectId: row.flag.id,
      regionCode: row.flag.regionCode,
      before: { status: row.flag.status },
      after: { status, note },
    });
    return { ...row, flag: { ...row.flag, status, decisionNote: note, decidedAt: new Date() } };
  });
}
