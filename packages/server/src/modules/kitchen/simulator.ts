// `shian device simulate-events`: a simulated AI camera of a store posts events through the same service as
// POST /api/v1/devices/events (key check, idempotency, audit, immediate red rules). Event ids come from the seed,
// so running the same command again replays the same events and changes nothing.

import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createRandom } from "@shian/domain";
import type { Database } from "../../db/client.js";
import { KITCHEN_EVENT_TYPES } from "../../db/schema.js";
import { AppError } from "../../http/errors.js";
import { SYSTEM_CONTEXT } from "../accounts/actor.js";
import { findStoreById } from "../entities/repository.js";
import * as repo from "./repository.js";
import { addDevice, receiveEvent, type KitchenDeps } from "./service.js";

export const SIMULATED_CAMERA_NAME = "模拟 AI 摄像头 (shian device simulate-events)";
const HYGIENE = ["no_hat", "no_mask", "no_uniform", "smoking", "phone_use"] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type EventType = (typeof KITCHEN_EVENT_TYPES)[number];

export function isKitchenEventType(value: string): value is EventType {
  return (KITCHEN_EVENT_TYPES as readonly string[]).includes(value);
}

export function defaultDeviceKeyFile(dataDir: string, storeId: string): string {
  return path.join(dataDir, "simulated-kitchen-devices", `${storeId}.json`);
}

/** A store by id, or by its exact name when that names one store. */
export async function resolveStore(db: Database, idOrName: string) {
  if (UUID.test(idOrName)) {
    const store = await findStoreById(db, idOrName.toLowerCase());
    if (store) return store;
  }
  const found = await repo.findStoresByName(db, idOrName);
  if (found.length === 1) return found[0]!;
  throw new AppError(
    "not_found",
    found.length === 0
      ? { "zh-CN": `没有门店 ${idOrName}`, en: `No store ${idOrName}` }
      : {
          "zh-CN": `有多个门店名为 ${idOrName}，请用门店 id`,
          en: `Several stores are named ${idOrName}: use the id`,
        },
  );
}

/** The simulated camera of the store: reused while the key file names an active device of the store. */
async function simulatedCamera(db: Database, store: { id: string }, keyFile: string) {
  if (fs.existsSync(keyFile)) {
    const saved = JSON.parse(fs.readFileSync(keyFile, "utf8")) as { deviceId: string; key: string };
    const device = await repo.findDevice(db, saved.deviceId);
    if (device?.status === "active" && device.storeId === store.id) return { device, key: saved.key };
  }
  const full = (await findStoreById(db, store.id))!;
  const { device, deviceKey } = await addDevice(
    db,
    SYSTEM_CONTEXT,
    full,
    { kind: "ai_camera", name: SIMULATED_CAMERA_NAME },
    null,
  );
  fs.mkdirSync(path.dirname(keyFile), { recursive: true });
  fs.writeFileSync(keyFile, JSON.stringify({ deviceId: device.id, key: deviceKey }, null, 2), {
    mode: 0o600,
  });
  return { device, key: deviceKey };
}

export interface SimulateEventsOptions {
  store: string;
  count: number;
  /** Every event of this type; default: hygiene events picked by the seed. */
  type?: EventType | undefined;
  seed: string;
  keyFile: (storeId: string) => string;
  now?: Date;
}

export interface SimulateEventsSummary {
  storeId: string;
  storeName: string;
  deviceId: string;
  stored: number;
  replayed: number;
  byType: Record<string, number>;
}

/** Deterministic event id of the i-th simulated event of a seed. */
export function simulatedEventId(seed: string, storeId: string, index: number): string {
  return `sim-${createHash("sha256").update(`${seed}\n${storeId}\n${index}`).digest("hex").slice(0, 24)}`;
}

export async function simulateEvents(
  db: Database,
  deps: KitchenDeps,
  options: SimulateEventsOptions,
): Promise<SimulateEventsSummary> {
  const store = await resolveStore(db, options.store);
  const { device, key } = await simulatedCamera(db, store, options.keyFile(store.id));
  const random = createRandom(options.seed);
  const now = options.now ?? new Date();
  const summary: SimulateEventsSummary = {
    storeId: store.id,
    storeName: store.name,
    deviceId: device.id,
    stored: 0,
    replayed: 0,
    byType: {},
  };
  for (let i = 0; i < options.count; i += 1) {
    const type = options.type ?? random.pick(HYGIENE);
    const { replayed } = await receiveEvent(
      db,
      deps,
      SYSTEM_CONTEXT,
      key,
      {
        eventId: simulatedEventId(options.seed, store.id, i),
        deviceId: device.id,
        type,
        // One second apart, the last one now.
        at: new Date(now.getTime() - (options.count - 1 - i) * 1000).toISOString(),
        confidence: Math.round((0.8 + random.next() * 0.2) * 100) / 100,
      },
      now,
    );
    if (replayed) summary.replayed += 1;
    else summary.stored += 1;
    summary.byType[type] = (summary.byType[type] ?? 0) + 1;
  }
  return summary;
}
