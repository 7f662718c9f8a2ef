import type { Queryable } from "../../db/client.js";
import type { SafetyColour } from "../../config.js";
import { findStoreById } from "../entities/repository.js";
import { recallBannerOf } from "../recalls/service.js";
import { maskAddress } from "../safety-code/address.js";
import type { ColourReason } from "../safety-code/colour.js";
import { loadScanView, safetyCodeOfStore, type SafetyCodeDeps } from "../safety-code/service.js";
import { verifySupplierLicences, type SupplierLicenceStatus } from "./licence-status.js";
import * as repo from "./repository.js";
import { isExpiredAt, verifyTraceCode } from "./service.js";

export interface TraceView {
  product: string;
  weightGrams: number;
  soldAt: string;
  serial: number;
  device: { kind: string; name: string };
  /** False for a code printed offline and not uploaded yet (still genuine: the signature verified). */
  uploaded: boolean;
  store: {
    name: string;
    addressMasked: string;
    /** The store's 食安码 (for the complaint link), if it has one. */
    safetyCode: string | null;
    colour: SafetyColour | null;
    colourReason: ColourReason | null;
  };
  batchNumber: string | null;
  batch: {
    batchNumber: string;
    product: string;
    producedAt: string;
    materials: {
      name: string;
      supplierName: string;
      supplierLicenceNumber: string | null;
      /** Verified again now (live), not the status stored at entry. */
      licenceStatusNow: SupplierLicenceStatus | null;
      purchasedOn: string | null;
      expiresOn: string | null;
      expired: boolean;
    }[];
    rapidTests: { item: string; result: string; value: string | null; testedAt: string }[];
  } | null;
  commitment: { signedAt: string; items: { code: string; text: { zh: string; en: string } }[] } | null;
  /** — step 11: recalls — the batch's open recall, else its latest closed one (docs/recalls.md). */
  recall: Awaited<ReturnType<typeof recallBannerOf>>;
}

async function storeOf(db: Queryable, deps: SafetyCodeDeps, storeId: string): Promise<TraceView["store"]> {
  const code = await safetyCodeOfStore(db, storeId);
  const scan = code ? await loadScanView(db, deps, code) : null;
  if (scan) {
    return {
      name: scan.name,
      addressMasked: scan.addressMasked,
      safetyCode: scan.code,
      colour: scan.colour,
      colourReason: scan.colourReason,
    };
  }
  const store = (await findStoreById(db, storeId))!;
  return {
    name: store.name,
    addressMasked: maskAddress(store.address),
    safetyCode: null,
    colour: null,
    colourReason: null,
  };
}

async function batchOf(db: Queryable, storeId: string, batchNumber: string): Promise<TraceView["batch"]> {
  const batch = await repo.findBatchByNumber(db, storeId, batchNumber);
  if (!batch) return null;
  const [materials, tests] = [
    await repo.materialsOf(db, [batch.id]),
    await repo.rapidTestsOf(db, [batch.id]),
  ];
  const statuses = await verifySupplierLicences(
    db,
    materials.map((m) => m.supplierLicenceNumber),
  );
  return {
    batchNumber: batch.batchNumber,
    product: batch.product,
    producedAt: batch.producedAt.toISOString(),
    materials: materials.map((m) => ({
      name: m.name,
      supplierName: m.supplierName,
      supplierLicenceNumber: m.supplierLicenceNumber,
      licenceStatusNow: m.supplierLicenceNumber ? statuses.get(m.supplierLicenceNumber)! : null,
      purchasedOn: m.purchasedOn,
      expiresOn: m.expiresOn,
      expired: isExpiredAt(m, batch.producedAt),
    })),
    rapidTests: tests.map((t) => ({
      item: t.item,
      result: t.result,
      value: t.value,
      testedAt: t.testedAt.toISOString(),
    })),
  };
}

/**
 * What GET /t/{token} shows, or null when the code is not genuine (malformed, unknown or revoked device, bad
 * signature): then nothing of what it claims is shown. The payload is the truth of the sale; the batch, the
 * suppliers' licences (verified now), the commitment and the colour are read live.
 */
export async function loadTraceView(
  db: Queryable,
  deps: SafetyCodeDeps,
  token: string,
  /** Where the recall is read: the primary, so a recall shows on the very next request even with a replica. */
  recallDb: Queryable = db,
): Promise<TraceView | null> {
  const verdict = await verifyTraceCode(db, token);
  if (!verdict.genuine) return null;
  const { payload } = verdict.code;
  const { device } = verdict;
  const stored = await repo.findTraceCode(db, device.id, payload.n);
  const commitment = await repo.findCommitment(db, device.storeId);
  return {
    product: payload.p,
    weightGrams: payload.w,
    soldAt: payload.t,
    serial: payload.n,
    device: { kind: device.kind, name: device.name },
    uploaded: stored?.token === token,
    store: await storeOf(db, deps, device.storeId),
    batchNumber: payload.b ?? null,
    batch: payload.b ? await batchOf(db, device.storeId, payload.b) : null,
    commitment: commitment
      ? {
          signedAt: commitment.signedAt.toISOString(),
          items: commitment.items as { code: string; text: { zh: string; en: string } }[],
        }
      : null,
    recall: payload.b ? await recallBannerOf(recallDb, device.storeId, payload.b) : null,
  };
}
