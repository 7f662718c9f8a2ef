// The simulated scale of `shian device simulate` (demo and browser test): a device with its own Ed25519 key,
// kept in a key file so that later runs reuse it, that signs sales exactly as a real scale would and uploads
// them through the same service as POST /api/v1/devices/trace-codes.

import { generateKeyPairSync, createPrivateKey, sign, type KeyObject } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { assembleTraceCode, encodeTracePayload, type TracePayload } from "@shian/domain";
import type { Database } from "../../db/client.js";
import { AppError } from "../../http/errors.js";
import { SYSTEM_CONTEXT } from "../accounts/actor.js";
import { findStoreById } from "../entities/repository.js";
import * as repo from "./repository.js";
import { addDevice, uploadTraceCodes } from "./service.js";

interface KeyFile {
  deviceId: string;
  /** PKCS#8 PEM of the device's private key. */
  privateKey: string;
}

export function defaultKeyFile(dataDir: string, storeId: string): string {
  return path.join(dataDir, "simulated-scales", `${storeId}.json`);
}

/** Signs one sale as a device does: the token printed in the QR code `${PUBLIC_BASE_URL}/t/${token}`. */
export function signSale(privateKey: KeyObject, payload: TracePayload): string {
  const bytes = encodeTracePayload(payload);
  return assembleTraceCode(bytes, sign(null, bytes, privateKey));
}

/** The simulated scale of the store: reused from the key file if it is still registered and active. */
async function simulatedScale(db: Database, storeId: string, keyFile: string) {
  if (fs.existsSync(keyFile)) {
    const saved = JSON.parse(fs.readFileSync(keyFile, "utf8")) as KeyFile;
    const device = await repo.findDevice(db, saved.deviceId);
    if (device?.status === "active" && device.storeId === storeId) {
      return { device, privateKey: createPrivateKey(saved.privateKey) };
    }
  }
  const store = await findStoreById(db, storeId);
  if (!store) throw new AppError("not_found", { "zh-CN": "门店不存在", en: `No store ${storeId}` });
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const raw = publicKey.export({ format: "jwk" }).x!;
  const device = await addDevice(
    db,
    SYSTEM_CONTEXT,
    store,
    { kind: "scale", name: "模拟电子秤 (shian device simulate)", publicKey: raw },
    null,
  );
  fs.mkdirSync(path.dirname(keyFile), { recursive: true });
  const saved: KeyFile = {
    deviceId: device.id,
    privateKey: privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
  };
  fs.writeFileSync(keyFile, JSON.stringify(saved, null, 2), { mode: 0o600 });
  return { device, privateKey };
}

export interface SimulateOptions {
  storeId: string;
  sales: number;
  /** The batch sold; the store's latest batch when not given (none if it has no batch). */
  batchNumber?: string | undefined;
  keyFile: string;
  publicBaseUrl: string;
  now?: Date;
}

export async function simulateSales(db: Database, options: SimulateOptions) {
  const { device, privateKey } = await simulatedScale(db, options.storeId, options.keyFile);
  const batch = options.batchNumber
    ? await repo.findBatchByNumber(db, options.storeId, options.batchNumber)
    : await repo.latestBatch(db, options.storeId);
  if (options.batchNumber && !batch) {
    throw new AppError("not_found", {
      "zh-CN": `门店没有批次 ${options.batchNumber}`,
      en: `The store has no batch ${options.batchNumber}`,
    });
  }
  const first = await repo.nextSerial(db, device.id);
  const soldAt = (options.now ?? new Date()).toISOString();
  const tokens = Array.from({ length: options.sales }, (_, i) =>
    signSale(privateKey, {
      d: device.id,
      n: first + i,
      s: options.storeId,
      ...(batch ? { b: batch.batchNumber } : {}),
      p: batch?.product ?? "散装熟食",
      w: 150 + (((first + i) * 137) % 850),
      t: soldAt,
    }),
  );
  const uploaded = await uploadTraceCodes(db, SYSTEM_CONTEXT, tokens);
  return {
    deviceId: device.id,
    uploaded,
    urls: tokens.map((token) => `${options.publicBaseUrl}/t/${token}`),
  };
}
