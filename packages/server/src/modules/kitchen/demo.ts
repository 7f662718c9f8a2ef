// Demo data of step 10 (called at the end of modules/demo/seed-demo.ts): one kitchen camera with two snapshots
// and a few smart-kitchen events for the demo owner's store, all through the services the API uses. No rodent:
// the demo store's code stays as its grade makes it; `shian device simulate-events --type rodent` shows that.

import sharp from "sharp";
import type { Database } from "../../db/client.js";
import { SYSTEM_CONTEXT } from "../accounts/actor.js";
import { findStoreById } from "../entities/repository.js";
import type { FileStore } from "../files/file-store.js";
import { addDevice, addFeed, receiveEvent, uploadSnapshot, type KitchenDeps } from "./service.js";

const MINUTE_MS = 60_000;
const NO_SNAPSHOTS: FileStore = {
  put: () => Promise.reject(new Error("no snapshot store")),
  get: () => Promise.resolve(null),
  delete: () => Promise.resolve(false),
};

/** A small kitchen-coloured JPEG (the demo has no camera). */
function demoPicture(shade: string): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: shade } })
    .jpeg({ quality: 80 })
    .toBuffer();
}

export async function seedKitchenDemo(
  db: Database,
  options: { storeId: string; snapshotStore?: FileStore | undefined; retentionDays?: number; now?: Date },
): Promise<{ feedId: string; deviceId: string; snapshots: number; events: number }> {
  const store = (await findStoreById(db, options.storeId))!;
  const now = options.now ?? new Date();
  const { feed, snapshotKey } = await addFeed(db, SYSTEM_CONTEXT, store, { name: "后厨操作间" }, null);
  let snapshots = 0;
  const deps: KitchenDeps | undefined = options.snapshotStore
    ? { snapshotStore: options.snapshotStore, retentionDays: options.retentionDays ?? 30 }
    : undefined;
  if (deps) {
    for (const [i, shade] of ["#d8d2c4", "#c9c2b0"].entries()) {
      const takenAt = new Date(now.getTime() - (2 - i) * 30 * MINUTE_MS).toISOString();
      await uploadSnapshot(
        db,
        deps,
        SYSTEM_CONTEXT,
        { key: snapshotKey, bytes: await demoPicture(shade), takenAt },
        now,
      );
      snapshots += 1;
    }
  }
  const { device, deviceKey } = await addDevice(
    db,
    SYSTEM_CONTEXT,
    store,
    { kind: "ai_camera", name: "AI 抓拍摄像头（后厨）" },
    null,
  );
  const events = [
    { type: "no_mask", minutesAgo: 95, confidence: 0.93 },
    { type: "no_hat", minutesAgo: 50, confidence: 0.88 },
    { type: "temperature_out_of_range", minutesAgo: 20, confidence: undefined },
  ] as const;
  // Without a snapshot store the events carry no picture, so nothing is ever put.
  const eventDeps = deps ?? { snapshotStore: NO_SNAPSHOTS, retentionDays: 30 };
  for (const [i, event] of events.entries()) {
    await receiveEvent(
      db,
      eventDeps,
      SYSTEM_CONTEXT,
      deviceKey,
      {
        eventId: `demo-${i + 1}`,
        deviceId: device.id,
        type: event.type,
        at: new Date(now.getTime() - event.minutesAgo * MINUTE_MS).toISOString(),
        confidence: event.confidence,
        details: event.type === "temperature_out_of_range" ? { celsius: 9.5, limit: 8 } : undefined,
      },
      now,
    );
  }
  return { feedId: feed.id, deviceId: device.id, snapshots, events: events.length };
}
