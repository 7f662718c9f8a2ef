import { chinaDate, findAlertRule, parseTraceCode, type ParsedTraceCode } from "@shian/domain";
import type { Database, Queryable } from "../../db/client.js";
import { AppError } from "../../http/errors.js";
import type { RequestContext, UserActor } from "../accounts/actor.js";
import { evaluateAlerts } from "../alerts/evaluate.js";
import { recordAudit } from "../audit/service.js";
import { findStoreById } from "../entities/repository.js";
import { requireReadableFiles } from "../files/service.js";
import { verifySupplierLicences } from "./licence-status.js";
import { authorizeDeviceManagement, authorizeOwnStore } from "./policy.js";
import * as repo from "./repository.js";
import { devicePublicKey, verifyDeviceSignature } from "./signature.js";

type Store = NonNullable<Awaited<ReturnType<typeof findStoreById>>>;

export interface DeviceInput {
  kind: "scale" | "till";
  name: string;
  publicKey: string;
}

/** Registers a device of a store in one audited transaction (the portal, or the CLI simulator as system). */
export async function addDevice(
  db: Database,
  context: RequestContext,
  store: Store,
  input: DeviceInput,
  registeredBy: string | null,
) {
  if (!devicePublicKey(input.publicKey)) {
    throw new AppError(
      "validation_failed",
      { "zh-CN": "公钥不是有效的 Ed25519 公钥", en: "The public key is not an Ed25519 public key" },
      [{ pointer: "/body/publicKey", message: "not an Ed25519 key" }],
    );
  }
  return db.transaction(async (tx) => {
    const device = await repo.insertDevice(tx, {
      storeId: store.id,
      regionCode: store.regionCode,
      kind: input.kind,
      name: input.name.trim(),
      publicKey: input.publicKey,
      status: "active",
      registeredBy,
    });
    await recordAudit(tx, context, {
      action: "device.register",
      subjectType: "device",
      subjectId: device.id,
      regionCode: store.regionCode,
      after: { storeId: store.id, kind: device.kind, name: device.name, publicKey: device.publicKey },
    });
    return device;
  });
}

export async function registerDevice(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  input: DeviceInput & { storeId: string },
) {
  const store = await findStoreById(db, input.storeId);
  authorizeDeviceManagement(actor, store);
  return addDevice(db, context, store, input, actor.id);
}

/** A revoked device's codes no longer verify: uploads are refused and its printed codes read "not genuine". */
export async function revokeDevice(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  id: string,
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const device = await repo.findDevice(tx, id, true);
    const store = device ? await findStoreById(tx, device.storeId) : undefined;
    authorizeDeviceManagement(actor, store);
    if (device!.status === "revoked") return device!;
    const revoked = await repo.revokeDevice(tx, id, now);
    await recordAudit(tx, context, {
      action: "device.revoke",
      subjectType: "device",
      subjectId: id,
      regionCode: revoked.regionCode,
      before: { status: "active" },
      after: { status: "revoked" },
    });
    return revoked;
  });
}

export async function listDevices(db: Database, actor: UserActor, storeId: string) {
  authorizeOwnStore(actor, await findStoreById(db, storeId));
  return repo.listDevices(db, storeId);
}

export interface RapidTestInput {
  item: string;
  result: "pass" | "fail";
  value?: string | undefined;
  testedAt: string;
}

export interface BatchInput {
  storeId: string;
  batchNumber: string;
  product: string;
  producedAt: string;
  quantity?: number | undefined;
  unit?: string | undefined;
  materials: {
    name: string;
    supplierName: string;
    supplierLicenceNumber?: string | undefined;
    supplierBatchNumber?: string | undefined;
    quantity?: number | undefined;
    unit?: string | undefined;
    purchasedOn?: string | undefined;
    expiresOn?: string | undefined;
    certificateFileId?: string | undefined;
  }[];
  rapidTests?: RapidTestInput[] | undefined;
}

/** 原料过期: the material had expired by the China day the batch was produced. */
export function isExpiredAt(material: { expiresOn: string | null }, producedAt: Date): boolean {
  return material.expiresOn !== null && material.expiresOn < chinaDate(producedAt);
}

function refuseFuture(instant: string, pointer: string, now: Date) {
  if (chinaDate(instant) > chinaDate(now)) {
    throw new AppError(
      "validation_failed",
      { "zh-CN": "时间不能晚于今天", en: "The time cannot be after today" },
      [{ pointer, message: "in the future" }],
    );
  }
}

function rapidTestRows(storeId: string, batchId: string | null, tests: RapidTestInput[]) {
  return tests.map((test) => ({
    storeId,
    batchId,
    item: test.item.trim(),
    result: test.result,
    value: test.value?.trim() ?? null,
    testedAt: new Date(test.testedAt),
    source: "entered" as const,
  }));
}

/**
 * 生产批次: a batch with its raw materials and rapid tests, in one transaction. Each supplier's licence number
 * is verified live (step 3 verification) and its status stored. An expired material is accepted — the record is
 * true — and raises the red alert 原料过期 at once (the alert job's rule, run for this rule only).
 */
export async function recordBatch(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  input: BatchInput,
  now = new Date(),
) {
  const store = await findStoreById(db, input.storeId);
  authorizeOwnStore(actor, store);
  refuseFuture(input.producedAt, "/body/producedAt", now);
  for (const [i, test] of (input.rapidTests ?? []).entries())
    refuseFuture(test.testedAt, `/body/rapidTests/${i}/testedAt`, now);
  // A material's certificate must be a file the owner may use: an unknown id was a foreign-key 500 (fuzz-writes).
  const certificateFileIds = input.materials.flatMap((m) =>
    m.certificateFileId ? [m.certificateFileId] : [],
  );
  if (certificateFileIds.length > 0) await requireReadableFiles(db, actor, certificateFileIds);
  const producedAt = new Date(input.producedAt);
  const statuses = await verifySupplierLicences(
    db,
    input.materials.map((m) => m.supplierLicenceNumber),
  );
  const created = await db.transaction(async (tx) => {
    const batch = await repo.insertBatch(tx, {
      storeId: store.id,
      regionCode: store.regionCode,
      batchNumber: input.batchNumber,
      product: input.product.trim(),
      producedAt,
      quantity: input.quantity ?? null,
      unit: input.unit?.trim() ?? null,
      createdBy: actor.id,
    });
    if (!batch) {
      throw new AppError("conflict", {
        "zh-CN": `批次号 ${input.batchNumber} 已登记`,
        en: `Batch ${input.batchNumber} is already recorded`,
      });
    }
    const materials = await repo.insertMaterials(
      tx,
      input.materials.map((m) => ({
        batchId: batch.id,
        name: m.name.trim(),
        supplierName: m.supplierName.trim(),
        supplierLicenceNumber: m.supplierLicenceNumber ?? null,
        supplierLicenceStatus: m.supplierLicenceNumber ? statuses.get(m.supplierLicenceNumber)! : null,
        supplierBatchNumber: m.supplierBatchNumber ?? null,
        quantity: m.quantity ?? null,
        unit: m.unit?.trim() ?? null,
        purchasedOn: m.purchasedOn ?? null,
        expiresOn: m.expiresOn ?? null,
        certificateFileId: m.certificateFileId ?? null,
      })),
    );
    const tests = await repo.insertRapidTests(tx, rapidTestRows(store.id, batch.id, input.rapidTests ?? []));
    await recordAudit(tx, context, {
      action: "batch.record",
      subjectType: "production_batch",
      subjectId: batch.id,
      regionCode: store.regionCode,
      after: {
        storeId: store.id,
        batchNumber: batch.batchNumber,
        product: batch.product,
        materials: materials.map((m) => ({
          name: m.name,
          supplier: m.supplierName,
          licence: m.supplierLicenceNumber,
          licenceStatus: m.supplierLicenceStatus,
          expiresOn: m.expiresOn,
        })),
        rapidTests: tests.map((t) => ({ item: t.item, result: t.result })),
      },
    });
    return { batch, materials, rapidTests: tests };
  });
  if (created.materials.some((m) => isExpiredAt(m, producedAt))) {
    await evaluateAlerts(db, { now, rules: [findAlertRule("expired_raw_material")!] });
  }
  return created;
}

/** 快检 results entered on their own, for the store or one of its batches. */
export async function recordRapidTests(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  input: { storeId: string; batchNumber?: string | undefined; tests: RapidTestInput[] },
  now = new Date(),
) {
  const store = await findStoreById(db, input.storeId);
  authorizeOwnStore(actor, store);
  for (const [i, test] of input.tests.entries())
    refuseFuture(test.testedAt, `/body/tests/${i}/testedAt`, now);
  const batch = input.batchNumber ? await repo.findBatchByNumber(db, store.id, input.batchNumber) : undefined;
  if (input.batchNumber && !batch) throw new AppError("not_found");
  return db.transaction(async (tx) => {
    const tests = await repo.insertRapidTests(tx, rapidTestRows(store.id, batch?.id ?? null, input.tests));
    await recordAudit(tx, context, {
      action: "rapid_test.record",
      subjectType: "store",
      subjectId: store.id,
      regionCode: store.regionCode,
      after: {
        batchNumber: batch?.batchNumber ?? null,
        tests: tests.map((t) => ({ item: t.item, result: t.result, testedAt: t.testedAt.toISOString() })),
      },
    });
    return tests;
  });
}

/** The batches of a store, newest first, with their materials and rapid tests. */
export async function listBatches(db: Database, actor: UserActor, storeId: string, limit = 50) {
  authorizeOwnStore(actor, await findStoreById(db, storeId));
  const batches = await repo.listBatches(db, storeId, limit);
  const ids = batches.map((b) => b.id);
  const [materials, tests] = [await repo.materialsOf(db, ids), await repo.rapidTestsOf(db, ids)];
  return batches.map((batch) => ({
    batch,
    materials: materials.filter((m) => m.batchId === batch.id),
    rapidTests: tests.filter((t) => t.batchId === batch.id),
  }));
}

export type TraceVerdict =
  { genuine: false } | { genuine: true; code: ParsedTraceCode; device: repo.DeviceRow };

/**
 * A trace code is genuine when it is well formed, names an ACTIVE registered device, carries that device's
 * Ed25519 signature over its payload bytes and (if it names a store) names the device's store.
 */
export async function verifyTraceCode(db: Queryable, token: string): Promise<TraceVerdict> {
  const code = parseTraceCode(token);
  if (!code) return { genuine: false };
  const device = await repo.findDevice(db, code.payload.d);
  return device && isSignedBy(code, device) ? { genuine: true, code, device } : { genuine: false };
}

function isSignedBy(code: ParsedTraceCode, device: repo.DeviceRow): boolean {
  return (
    device.status === "active" &&
    (code.payload.s === undefined || code.payload.s === device.storeId) &&
    verifyDeviceSignature(device.publicKey, code.payloadBytes, code.signature)
  );
}

/**
 * POST /api/v1/devices/trace-codes: every code must verify, or the whole upload is refused (401) and nothing
 * is stored. Idempotent by (device, serial): a code uploaded again is counted as a duplicate.
 */
export async function uploadTraceCodes(db: Database, context: RequestContext, tokens: string[]) {
  const parsed = tokens.map((token) => ({ token, code: parseTraceCode(token) }));
  const devices = new Map(
    (
      await repo.findDevices(db, [...new Set(parsed.flatMap(({ code }) => (code ? [code.payload.d] : [])))])
    ).map((device) => [device.id, device]),
  );
  const rejected = parsed.findIndex(({ code }) => {
    const device = code && devices.get(code.payload.d);
    return !code || !device || !isSignedBy(code, device);
  });
  if (rejected !== -1) {
    await db.transaction((tx) =>
      recordAudit(tx, context, {
        action: "trace_code.upload",
        subjectType: "trace_code",
        outcome: "failure",
        after: { received: tokens.length, rejectedIndex: rejected },
      }),
    );
    throw new AppError("trace_code_not_genuine", {
      "zh-CN": `第 ${rejected + 1} 个溯源码无法核验，本批次未保存任何溯源码`,
      en: `Code ${rejected + 1} does not verify: nothing of this upload was stored`,
    });
  }
  const byDevice = new Map<string, typeof parsed>();
  for (const entry of parsed) {
    const deviceId = entry.code!.payload.d;
    byDevice.set(deviceId, [...(byDevice.get(deviceId) ?? []), entry]);
  }
  let stored = 0;
  await db.transaction(async (tx) => {
    for (const [deviceId, codes] of byDevice) {
      const device = devices.get(deviceId)!;
      const batchIds = await repo.batchIdsByNumber(
        tx,
        device.storeId,
        codes.flatMap(({ code }) => (code!.payload.b ? [code!.payload.b] : [])),
      );
      const added = await repo.insertTraceCodes(
        tx,
        codes.map(({ token, code }) => ({
          deviceId,
          serial: code!.payload.n,
          storeId: device.storeId,
          batchId: (code!.payload.b && batchIds.get(code!.payload.b)) || null,
          product: code!.payload.p,
          weightGrams: code!.payload.w,
          soldAt: new Date(code!.payload.t),
          token,
        })),
      );
      stored += added;
      if (added > 0) {
        await recordAudit(tx, context, {
          action: "trace_code.upload",
          subjectType: "device",
          subjectId: deviceId,
          regionCode: device.regionCode,
          after: { received: codes.length, stored: added },
        });
      }
    }
  });
  return { received: tokens.length, stored, duplicates: tokens.length - stored };
}
