// Traceability (溯源): devices that sign trace codes, production batches with raw materials and rapid tests.

import { ApiError, apiRequest } from "./client";

export interface Device {
  id: string;
  storeId: string;
  kind: "scale" | "till";
  name: string;
  /** Raw Ed25519 public key, base64url. */
  publicKey: string;
  status: "active" | "revoked";
  createdAt: string;
  revokedAt: string | null;
}

export interface RapidTest {
  id: string;
  batchId: string | null;
  item: string;
  result: "pass" | "fail";
  value: string | null;
  testedAt: string;
}

export interface Material {
  id: string;
  name: string;
  supplierName: string;
  supplierLicenceNumber: string | null;
  /** The supplier's licence status when the batch was recorded. */
  supplierLicenceStatus: string | null;
  quantity: number | null;
  unit: string | null;
  purchasedOn: string | null;
  expiresOn: string | null;
  /** Expired before the production day: raises the red alert 原料过期. */
  expired: boolean;
  certificateFileId: string | null;
}

export interface Batch {
  id: string;
  storeId: string;
  batchNumber: string;
  product: string;
  producedAt: string;
  quantity: number | null;
  unit: string | null;
  materials: Material[];
  rapidTests: RapidTest[];
  createdAt: string;
}

export interface RapidTestInput {
  item: string;
  result: "pass" | "fail";
  value?: string;
  testedAt: string;
}

export interface BatchInput {
  storeId: string;
  batchNumber: string;
  product: string;
  producedAt: string;
  quantity?: number;
  unit?: string;
  materials: {
    name: string;
    supplierName: string;
    supplierLicenceNumber?: string;
    quantity?: number;
    unit?: string;
    purchasedOn?: string;
    expiresOn?: string;
  }[];
  rapidTests?: RapidTestInput[];
}

export async function listBatches(storeId: string): Promise<Batch[]> {
  return (await apiRequest<{ items: Batch[] }>("GET", `/portal/batches?storeId=${storeId}`)).items;
}

export function recordBatch(input: BatchInput): Promise<Batch> {
  return apiRequest("POST", "/portal/batches", input);
}

export async function recordRapidTests(
  storeId: string,
  tests: RapidTestInput[],
  batchNumber?: string,
): Promise<RapidTest[]> {
  const body = { storeId, tests, ...(batchNumber ? { batchNumber } : {}) };
  return (await apiRequest<{ items: RapidTest[] }>("POST", "/portal/rapid-tests", body)).items;
}

export async function listDevices(storeId: string): Promise<Device[]> {
  return (await apiRequest<{ items: Device[] }>("GET", `/portal/devices?storeId=${storeId}`)).items;
}

export function registerDevice(input: {
  storeId: string;
  kind: "scale" | "till";
  name: string;
  publicKey: string;
}): Promise<Device> {
  return apiRequest("POST", "/portal/devices", input);
}

export function revokeDevice(id: string): Promise<Device> {
  return apiRequest("DELETE", `/portal/devices/${id}`);
}

export const LICENCE_NUMBER = /^(JY|SC)[0-9]{14}$/;

/** A supplier's licence checked now through the public verification (step 3); "unknown" if there is none. */
export async function verifyLicenceStatus(licenceNumber: string): Promise<string> {
  try {
    return (await apiRequest<{ status: string }>("GET", `/verify/${licenceNumber}`)).status;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return "unknown";
    throw error;
  }
}
