import type { Static } from "@sinclair/typebox";
import type { BatchRow, DeviceRow, MaterialRow, RapidTestRow } from "./repository.js";
import type { BatchView, DeviceView, RapidTestView } from "./schema.js";
import { isExpiredAt } from "./service.js";

export function presentDevice(row: DeviceRow): Static<typeof DeviceView> {
  return {
    id: row.id,
    storeId: row.storeId,
    kind: row.kind,
    name: row.name,
    publicKey: row.publicKey,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export function presentRapidTest(row: RapidTestRow): Static<typeof RapidTestView> {
  return {
    id: row.id,
    batchId: row.batchId,
    item: row.item,
    result: row.result,
    value: row.value,
    testedAt: row.testedAt.toISOString(),
  };
}

export function presentBatch({
  batch,
  materials,
  rapidTests,
}: {
  batch: BatchRow;
  materials: MaterialRow[];
  rapidTests: RapidTestRow[];
}): Static<typeof BatchView> {
  return {
    id: batch.id,
    storeId: batch.storeId,
    batchNumber: batch.batchNumber,
    product: batch.product,
    producedAt: batch.producedAt.toISOString(),
    quantity: batch.quantity,
    unit: batch.unit,
    materials: materials.map((m) => ({
      id: m.id,
      name: m.name,
      supplierName: m.supplierName,
      supplierLicenceNumber: m.supplierLicenceNumber,
      supplierLicenceStatus: m.supplierLicenceStatus,
      supplierBatchNumber: m.supplierBatchNumber,
      quantity: m.quantity,
      unit: m.unit,
      purchasedOn: m.purchasedOn,
      expiresOn: m.expiresOn,
      expired: isExpiredAt(m, batch.producedAt),
      certificateFileId: m.certificateFileId,
    })),
    rapidTests: rapidTests.map(presentRapidTest),
    createdAt: batch.createdAt.toISOString(),
  };
}
