import { chinaDate } from "@shian/domain";
import type { SafetyColour } from "../../config.js";
import type { Database } from "../../db/client.js";
import { AppError } from "../../http/errors.js";
import type { ApiClientActor, RequestContext } from "../accounts/actor.js";
import { recordAudit } from "../audit/service.js";
import { hasStoreAuthorization } from "../partners/repository.js";
import { safetyColour } from "../safety-code/colour.js";
import { normalizeSafetyCode } from "../safety-code/code.js";
import { hasOpenRedAlert, hasValidLicence } from "../safety-code/repository.js";
import { findCodedStore } from "./repository.js";

/** A store's 食安码 colour and grade for a delivery platform: only while its business authorises the client. */
export async function partnerStoreColour(
  db: Database,
  defaultColour: SafetyColour,
  context: RequestContext,
  client: ApiClientActor,
  rawCode: string,
) {
  const code = normalizeSafetyCode(rawCode);
  const store = code ? await findCodedStore(db, code) : undefined;
  const allowed = store && (await hasStoreAuthorization(db, client.id, store.businessId, store.storeId));
  await db.transaction((tx) =>
    recordAudit(tx, context, {
      action: "partner.colour_read",
      subjectType: "store",
      subjectId: store?.storeId ?? null,
      regionCode: store?.regionCode ?? null,
      outcome: allowed ? "success" : "failure",
      after: { safetyCode: rawCode },
    }),
  );
  if (!store || !allowed) throw new AppError("not_found");
  const today = chinaDate(new Date());
  const { colour, reason } = safetyColour({
    hasValidLicence: await hasValidLicence(db, store.storeId, today),
    openRedAlert: await hasOpenRedAlert(db, store.storeId),
    grade: store.grade ? { colour: store.grade.colour } : null,
    defaultColour,
  });
  return {
    safetyCode: store.safetyCode,
    storeName: store.storeName,
    colour,
    reason,
    grade: store.grade?.grade ?? null,
    model: store.grade?.model ?? null,
    period: store.grade?.period ?? null,
  };
}
