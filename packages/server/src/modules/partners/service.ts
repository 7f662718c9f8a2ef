import { randomBytes } from "node:crypto";
import type { Database, Queryable } from "../../db/client.js";
import { AppError } from "../../http/errors.js";
import type { ApiClientActor, RequestContext, UserActor } from "../accounts/actor.js";
import { recordAudit } from "../audit/service.js";
import * as certificates from "../certificates/repository.js";
import { certificateStatus } from "../certificates/service.js";
import { sealSecret, type Keyring } from "../keys/secret-box.js";
import { listLicenses } from "../licensing/repository.js";
import { assertPublicUrl } from "../outbox/adapters.js";
import { enqueue } from "../outbox/repository.js";
import * as repo from "./repository.js";

const WEBHOOK_SECRET_CONTEXT = "webhook";

/** A business lets a third party fetch its certificates (授权使用, seed 000): all licences or the listed ones. */
export async function grantAuthorization(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  input: { apiClientId: string; licenseIds?: string[] | undefined; validUntil: string },
) {
  if (actor.role !== "business_owner" || !actor.businessId) throw new AppError("forbidden");
  if (!(await repo.findActiveClient(db, input.apiClientId))) throw new AppError("not_found");
  if (Date.parse(input.validUntil) <= Date.now()) {
    throw new AppError("validation_failed", {
      "zh-CN": "授权截止时间须晚于现在",
      en: "validUntil must be in the future",
    });
  }
  if (input.licenseIds) {
    const own = await listLicenses(db, { regionPrefix: null, businessId: actor.businessId, limit: 1000 });
    const ownIds = new Set(own.map((row) => row.license.id));
    if (!input.licenseIds.every((id) => ownIds.has(id))) throw new AppError("not_found");
  }
  return db.transaction(async (tx) => {
    const authorization = await repo.insertAuthorization(tx, {
      businessId: actor.businessId!,
      apiClientId: input.apiClientId,
      licenseIds: input.licenseIds ?? null,
      validUntil: new Date(input.validUntil),
      createdBy: actor.id,
    });
    await recordAudit(tx, context, {
      action: "partner_authorization.grant",
      subjectType: "partner_authorization",
      subjectId: authorization.id,
      regionCode: actor.regionCode,
      after: {
        apiClientId: input.apiClientId,
        licenseIds: input.licenseIds ?? "all",
        validUntil: input.validUntil,
      },
    });
    return authorization;
  });
}

export async function revokeAuthorization(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  id: string,
) {
  await db.transaction(async (tx) => {
    const authorization = await repo.lockAuthorization(tx, id);
    if (!authorization || authorization.businessId !== actor.businessId) throw new AppError("not_found");
    if (authorization.revokedAt) return;
    await repo.revokeAuthorization(tx, id);
    await recordAudit(tx, context, {
      action: "partner_authorization.revoke",
      subjectType: "partner_authorization",
      subjectId: id,
      regionCode: actor.regionCode,
    });
  });
}

export function listPartnerClients(db: Database) {
  return repo.listPartnerClients(db);
}

export async function listAuthorizations(db: Database, actor: UserActor) {
  return actor.businessId ? repo.listAuthorizations(db, actor.businessId) : [];
}

/** The signed certificate for a partner: only while the business authorises it; otherwise 404. Audited. */
export async function partnerCertificate(
  db: Database,
  context: RequestContext,
  client: ApiClientActor,
  licenseNo: string,
) {
  const row = await certificates.findCurrentCertificate(db, licenseNo);
  const allowed = row && (await repo.hasAuthorization(db, client.id, row.license.businessId, row.license.id));
  await db.transaction((tx) =>
    recordAudit(tx, context, {
      action: "partner.certificate_read",
      subjectType: "license",
      subjectId: row?.license.id ?? null,
      regionCode: row?.license.regionCode ?? null,
      outcome: allowed ? "success" : "failure",
      after: { licenseNo },
    }),
  );
  if (!row || !allowed) throw new AppError("not_found");
  return row;
}

/** Supplier checks (seed 000): the status of up to 1 000 licence numbers in one call. Audited as one row. */
export async function partnerVerify(db: Database, context: RequestContext, licenseNos: string[]) {
  const results = [];
  for (const licenseNo of licenseNos) {
    const row = await certificates.findCurrentCertificate(db, licenseNo);
    results.push(
      row
        ? {
            licenseNo,
            found: true,
            status: certificateStatus(row),
            holderName: row.business.name,
            validTo: row.license.validTo,
          }
        : { licenseNo, found: false, status: null, holderName: null, validTo: null },
    );
  }
  await db.transaction((tx) =>
    recordAudit(tx, context, {
      action: "partner.verify",
      subjectType: "license",
      after: { count: licenseNos.length },
    }),
  );
  return results;
}

export async function registerWebhook(
  db: Database,
  keyring: Keyring,
  allowPrivate: boolean,
  context: RequestContext,
  client: ApiClientActor,
  url: string,
) {
  try {
    await assertPublicUrl(url, allowPrivate);
  } catch (error) {
    throw new AppError("validation_failed", {
      "zh-CN": `回调地址不可用：${(error as Error).message}`,
      en: (error as Error).message,
    });
  }
  const secret = randomBytes(32).toString("base64url");
  return db.transaction(async (tx) => {
    const webhook = await repo.insertWebhook(tx, {
      apiClientId: client.id,
      url,
      secretEncrypted: sealSecret(keyring, secret, WEBHOOK_SECRET_CONTEXT),
    });
    await recordAudit(tx, context, {
      action: "webhook.register",
      subjectType: "webhook",
      subjectId: webhook.id,
      after: { url },
    });
    return { id: webhook.id, url, secret };
  });
}

export { WEBHOOK_SECRET_CONTEXT };

/** Status changes reach every authorised partner's webhook through the outbox (same transaction as the change). */
export async function queueLicenseWebhooks(
  tx: Queryable,
  license: { id: string; number: string; businessId: string; status: string; currentVersion: number },
  event: "license.status_changed" | "license.version_issued",
) {
  const at = new Date().toISOString();
  for (const webhook of await repo.webhooksForLicense(tx, license.businessId, license.id)) {
    await enqueue(tx, {
      channel: "webhook",
      dedupeKey: `${event}:${license.id}:${license.status}:${license.currentVersion}:${at}:${webhook.id}`,
      payload: {
        url: webhook.url,
        secretEncrypted: webhook.secretEncrypted,
        event: {
          type: event,
          licenseNo: license.number,
          status: license.status,
          version: license.currentVersion,
          at,
        },
      },
    });
  }
}

/** A store's 食安码 colour changed (colour-feed job): every authorised partner's webhook hears of it. */
export async function queueStoreColourWebhooks(
  tx: Queryable,
  store: { storeId: string; businessId: string; safetyCode: string; colour: string; previousColour: string },
  at: string,
) {
  const event = "store.colour_changed";
  for (const webhook of await repo.webhooksForStore(tx, store.businessId, store.storeId)) {
    await enqueue(tx, {
      channel: "webhook",
      dedupeKey: `${event}:${store.storeId}:${store.colour}:${at}:${webhook.id}`,
      payload: {
        url: webhook.url,
        secretEncrypted: webhook.secretEncrypted,
        event: {
          type: event,
          safetyCode: store.safetyCode,
          colour: store.colour,
          previousColour: store.previousColour,
          at,
        },
      },
    });
  }
}
