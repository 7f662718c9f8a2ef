import type { Database } from "../../db/client.js";
import { AppError } from "../../http/errors.js";
import { BUSINESS_SUBTYPES, isSubtypeOfForm, type BusinessForm } from "@shian/domain";
import type { Actor, RequestContext, UserActor } from "../accounts/actor.js";
import { recordAudit } from "../audit/service.js";
import { jurisdictionPrefix } from "../accounts/jurisdiction.js";
import { isOfficer } from "../accounts/roles.js";
import { createSafetyCodes } from "../safety-code/service.js";
import type { Keyring } from "../keys/secret-box.js";
import { staffRowWithHealthCertificate } from "./personal-data.js";
import { canReadEntity } from "./policy.js";
import * as repo from "./repository.js";

export async function getStore(db: Database, actor: Actor, storeId: string): Promise<repo.StoreRow> {
  const store = await repo.findStoreById(db, storeId);
  if (!store || !canReadEntity(actor, store)) throw new AppError("not_found");
  return store;
}

export async function getBusiness(db: Database, actor: Actor, businessId: string): Promise<repo.BusinessRow> {
  const business = await repo.findBusinessById(db, businessId);
  if (!business || !canReadEntity(actor, { regionCode: business.regionCode, businessId: business.id })) {
    throw new AppError("not_found");
  }
  return business;
}

/** Stores in the actor's jurisdiction (officers) or of the actor's business (business users), by id. */
export async function listStores(
  db: Database,
  actor: Actor,
  { cursor, limit }: { cursor?: string | undefined; limit: number },
): Promise<{ items: repo.StoreRow[]; nextCursor: string | null }> {
  const officer = actor.kind === "system" || (actor.kind === "user" && isOfficer(actor.role));
  const businessId = actor.kind === "user" && !officer ? actor.businessId : null;
  if (!officer && !businessId) return { items: [], nextCursor: null };
  const items = await repo.listStores(db, {
    regionPrefix: officer ? jurisdictionPrefix(actor) : null,
    businessId,
    ...(cursor ? { afterId: cursor } : {}),
    limit,
  });
  return { items, nextCursor: items.length === limit ? (items.at(-1)?.id ?? null) : null };
}

export interface NewStore {
  name: string;
  address: string;
  regionCode: string;
  lat?: number | undefined;
  lng?: number | undefined;
  businessForm: string;
  subtype: string;
  areaM2?: number | undefined;
  processingAreaM2?: number | undefined;
  storageSites?: { address: string; areaM2: number; equipment?: string | undefined }[] | undefined;
}

const optionalNumeric = (value: number | undefined) => (value === undefined ? null : String(value));

/** A business owner registers a store (经营场所) of the business. */
export async function createStore(db: Database, context: RequestContext, actor: UserActor, input: NewStore) {
  if (actor.role !== "business_owner" || !actor.businessId) throw new AppError("forbidden");
  if (!(await repo.isCountyCode(db, input.regionCode))) {
    throw new AppError("validation_failed", {
      "zh-CN": "regionCode 须为区县级行政区划代码",
      en: "regionCode must be a county-level GB/T 2260 code",
    });
  }
  const knownForm = Object.hasOwn(BUSINESS_SUBTYPES, input.businessForm);
  if (!knownForm || !isSubtypeOfForm(input.businessForm as BusinessForm, input.subtype)) {
    throw new AppError("validation_failed", {
      "zh-CN": "具体业态与主体业态不符（第六条）",
      en: "Art. 6: the subtype does not belong to the business form",
    });
  }
  return db.transaction(async (tx) => {
    const [store] = await repo.insertStores(tx, [
      {
        businessId: actor.businessId!,
        name: input.name,
        address: input.address,
        regionCode: input.regionCode,
        lat: input.lat ?? null,
        lng: input.lng ?? null,
        businessForm: input.businessForm,
        subtype: input.subtype,
        areaM2: optionalNumeric(input.areaM2),
        processingAreaM2: optionalNumeric(input.processingAreaM2),
        storageSites: (input.storageSites ?? []).map((site) => ({
          address: site.address,
          areaM2: site.areaM2,
          ...(site.equipment ? { equipment: site.equipment } : {}),
        })),
      },
    ]);
    await createSafetyCodes(tx, [store!.id]);
    await recordAudit(tx, context, {
      action: "store.create",
      subjectType: "store",
      subjectId: store!.id,
      regionCode: store!.regionCode,
      after: { name: store!.name, regionCode: store!.regionCode },
    });
    return store!;
  });
}

/** 从业人员 and their 健康证 (health certificates) of a store. */
export async function listStaff(db: Database, actor: Actor, storeId: string) {
  const store = await getStore(db, actor, storeId);
  return repo.listStaff(db, store.id);
}

/** Adds a staff member; the health certificate number is stored sealed and masked only (PIPL art. 28, 51). */
export async function addStaff(
  db: Database,
  keyring: Keyring,
  context: RequestContext,
  actor: UserActor,
  storeId: string,
  input: {
    name: string;
    position?: string | undefined;
    healthCertificateNo: string;
    healthCertificateIssuer: string;
    healthCertificateValidTo: string;
  },
) {
  const store = await getStore(db, actor, storeId);
  if (actor.businessId !== store.businessId) throw new AppError("forbidden");
  return db.transaction(async (tx) => {
    const member = await repo.insertStaff(
      tx,
      staffRowWithHealthCertificate(keyring, {
        businessId: store.businessId,
        storeId: store.id,
        name: input.name,
        position: input.position ?? null,
        healthCertificateNo: input.healthCertificateNo,
        healthCertificateIssuer: input.healthCertificateIssuer,
        healthCertificateValidTo: input.healthCertificateValidTo,
      }),
    );
    await recordAudit(tx, context, {
      action: "staff.create",
      subjectType: "staff",
      subjectId: member.id,
      regionCode: store.regionCode,
      after: { storeId: store.id, healthCertificateValidTo: member.healthCertificateValidTo },
    });
    return member;
  });
}
