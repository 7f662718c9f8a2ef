import type { Queryable } from "../../db/client.js";
import { findCurrentCertificate } from "../certificates/repository.js";
import { certificateStatus, type CertificateStatus } from "../certificates/service.js";

export type SupplierLicenceStatus = CertificateStatus | "unknown";

/**
 * A supplier's licence checked now, as GET /api/v1/verify/{licenseNo} answers it (step 3): the status of its
 * current certificate, or "unknown" when the platform holds no certificate with that number.
 */
export async function verifySupplierLicence(
  db: Queryable,
  licenceNumber: string,
  today?: string,
): Promise<SupplierLicenceStatus> {
  const row = await findCurrentCertificate(db, licenceNumber);
  return row ? certificateStatus(row, today) : "unknown";
}

/** Every distinct licence number checked once. */
export async function verifySupplierLicences(
  db: Queryable,
  numbers: (string | null | undefined)[],
): Promise<Map<string, SupplierLicenceStatus>> {
  const statuses = new Map<string, SupplierLicenceStatus>();
  for (const number of new Set(numbers)) {
    if (number) statuses.set(number, await verifySupplierLicence(db, number));
  }
  return statuses;
}
