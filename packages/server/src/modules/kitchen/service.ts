import { createHash, randomBytes } from "node:crypto";
import { DEFAULT_ALERT_RULES, type AlertRule } from "@shian/domain";
import type { Database, Queryable } from "../../db/client.js";
import { AppError } from "../../http/errors.js";
import type { RequestContext, UserActor } from "../accounts/actor.js";
import { evaluateAlerts } from "../alerts/evaluate.js";
import { recordAudit } from "../audit/service.js";
import { findStoreById } from "../entities/repository.js";
import { detectAllowedType, publicImageCopy } from "../files/content-check.js";
import type { FileStore } from "../files/file-store.js";
import { authorizeKitchen } from "./policy.js";
import * as repo from "./repository.js";

const DAY_MS = 86_400_000;
/** A device clock may run ahead a little; an event or snapshot later than this is refused (400). */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;
/** Raw snapshot upload limit (the body of POST /api/v1/kitchen/snapshots). */
export const MAX_SNAPSHOT_BYTES = 3 * 1024 * 1024;

type Store = NonNullable<Awaited<ReturnType<typeof findStoreById>>>;
type KitchenEventType = repo.EventRow["type"];

export interface KitchenDeps {
  snapshotStore: FileStore;
  /** SNAPSHOT_RETENTION_DAYS. */
  retentionDays: number;
}

// — keys: 32 random bytes, base64url; only the SHA-256 (hex) is stored (SECURITY.md #12) —

const KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function issueKey(): { key: string; hash: string } {
  const key = randomBytes(32).toString("base64url");
  return { key, hash: hashKey(key) };
}

export function hashKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

function badKey(what: "snapshot" | "device"): AppError {
  return new AppError(
    "unauthenticated",
    what === "device"
      ? {
          "zh-CN": "设备密钥无效或已吊销，未保存任何内容",
          en: "Unknown or revoked device key: nothing was stored",
        }
      : { "zh-CN": "抓拍上传密钥无效，未保存任何内容", en: "Unknown snapshot key: nothing was stored" },
  );
}

function refuseFuture(at: Date, now: Date, pointer: string) {
  if (at.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS) {
    throw new AppError(
      "validation_failed",
      { "zh-CN": "时间晚于当前时间超过 5 分钟", en: "The time is more than 5 minutes in the future" },
      [{ pointer, message: "in the future" }],
    );
  }
}

async function storeFor(db: Queryable, actor: UserActor, action: "read" | "manage" | "respond", id: string) {
  const store = await findStoreById(db, id);
  authorizeKitchen(actor, action, store);
  return store;
}

// — feeds (明厨亮灶 cameras; the only API that manages them — the 阳光电子屏 /screen page reads them) —

/** An https URL whose path is an HLS playlist; anything else is refused (400). */
export function parseHlsUrl(text: string): URL {
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    url = null;
  }
  if (!url || url.protocol !== "https:" || !url.pathname.endsWith(".m3u8") || url.username || url.password) {
    throw new AppError(
      "validation_failed",
      {
        "zh-CN": "视频地址须为 https 开头、以 .m3u8 结尾的 HLS 地址",
        en: "The feed must be an https HLS (.m3u8) URL",
      },
      [{ pointer: "/body/hlsUrl", message: "must be an https URL ending in .m3u8" }],
    );
  }
  return url;
}

/** Registers a camera feed of a store with a new snapshot upload key (returned once); portal or demo seeding. */
export async function addFeed(
  db: Database,
  context: RequestContext,
  store: Store,
  input: { name: string; hlsUrl?: string | undefined },
  createdBy: string | null,
) {
  const hlsUrl = input.hlsUrl === undefined ? null : parseHlsUrl(input.hlsUrl).href;
  const { key, hash } = issueKey();
  const feed = await db.transaction(async (tx) => {
    const created = await repo.insertFeed(tx, {
      storeId: store.id,
      name: input.name.trim(),
      hlsUrl,
      snapshotKeyHash: hash,
      createdBy,
    });
    await recordAudit(tx, context, {
      action: "kitchen_feed.create",
      subjectType: "kitchen_feed",
      subjectId: created.id,
      regionCode: store.regionCode,
      after: { storeId: store.id, name: created.name, hlsUrl, snapshotKey: "issued" },
    });
    return created;
  });
  return { feed, snapshotKey: key };
}

/** The owner or an officer registers a camera of a store; the snapshot key is shown once. */
export async function registerFeed(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  input: { storeId: string; name: string; hlsUrl?: string | undefined },
) {
  const store = await storeFor(db, actor, "manage", input.storeId);
  return addFeed(db, context, store, input, actor.id);
}

/** A new snapshot key for a feed (the old one stops working at once); also for feeds registered without one. */
export async function rotateFeedKey(db: Database, context: RequestContext, actor: UserActor, id: string) {
  const feed = await repo.findFeed(db, id);
  const store = feed ? await findStoreById(db, feed.storeId) : undefined;
  authorizeKitchen(actor, "manage", store);
  const { key, hash } = issueKey();
  const updated = await db.transaction(async (tx) => {
    const row = await repo.setFeedKeyHash(tx, id, hash);
    await recordAudit(tx, context, {
      action: "kitchen_feed.rotate_key",
      subjectType: "kitchen_feed",
      subjectId: id,
      regionCode: store.regionCode,
      after: { snapshotKey: "issued" },
    });
    return row;
  });
  return { feed: updated, snapshotKey: key };
}

export async function listFeeds(db: Queryable, actor: UserActor, storeId: string) {
  await storeFor(db, actor, "read", storeId);
  return repo.listFeeds(db, storeId);
}

/** Removes a feed and its key; its snapshots stay until their retention ends. */
export async function deleteFeed(db: Database, context: RequestContext, actor: UserActor, id: string) {
  const feed = await repo.findFeed(db, id);
  const store = feed ? await findStoreById(db, feed.storeId) : undefined;
  authorizeKitchen(actor, "manage", store);
  await db.transaction(async (tx) => {
    await repo.deleteFeed(tx, id);
    await recordAudit(tx, context, {
      action: "kitchen_feed.delete",
      subjectType: "kitchen_feed",
      subjectId: id,
      regionCode: store.regionCode,
      before: { storeId: feed!.storeId, name: feed!.name, hlsUrl: feed!.hlsUrl },
    });
  });
}

// — devices (AI cameras, IoT sensors) —

/** Registers a device of a store and returns its key (shown once); the portal, or the simulator as system. */
export async function addDevice(
  db: Database,
  context: RequestContext,
  store: Store,
  input: { kind: "ai_camera" | "iot_sensor"; name: string },
  registeredBy: string | null,
) {
  const { key, hash } = issueKey();
  const device = await db.transaction(async (tx) => {
    const created = await repo.insertDevice(tx, {
      storeId: store.id,
      regionCode: store.regionCode,
      kind: input.kind,
      name: input.name.trim(),
      keyHash: hash,
      status: "active",
      registeredBy,
    });
    await recordAudit(tx, context, {
      action: "kitchen_device.register",
      subjectType: "kitchen_device",
      subjectId: created.id,
      regionCode: store.regionCode,
      after: { storeId: store.id, kind: created.kind, name: created.name, deviceKey: "issued" },
    });
    return created;
  });
  return { device, deviceKey: key };
}

export async function registerDevice(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  input: { storeId: string; kind: "ai_camera" | "iot_sensor"; name: string },
) {
  const store = await storeFor(db, actor, "manage", input.storeId);
  return addDevice(db, context, store, input, actor.id);
}

/** Revocation is immediate: the next event with the device's key answers 401. */
export async function revokeDevice(db: Database, context: RequestContext, actor: UserActor, id: string) {
  return db.transaction(async (tx) => {
    const device = await repo.findDevice(tx, id, true);
    const store = device ? await findStoreById(tx, device.storeId) : undefined;
    authorizeKitchen(actor, "manage", store);
    if (device!.status === "revoked") return device!;
    const revoked = await repo.revokeDevice(tx, id);
    await recordAudit(tx, context, {
      action: "kitchen_device.revoke",
      subjectType: "kitchen_device",
      subjectId: id,
      regionCode: store.regionCode,
      before: { status: "active" },
      after: { status: "revoked" },
    });
    return revoked;
  });
}

export async function listDevices(db: Queryable, actor: UserActor, storeId: string) {
  await storeFor(db, actor, "read", storeId);
  return repo.listDevices(db, storeId);
}

// — snapshots —

/** JPEG only, judged by the bytes; re-encoded so EXIF and anything after the pixels are gone (ASVS 12.2.1). */
async function cleanJpeg(bytes: Buffer): Promise<Buffer> {
  const type = await detectAllowedType(bytes);
  if (type !== "image/jpeg") throw new AppError("unsupported_file_type");
  return publicImageCopy(bytes, type);
}

async function storeSnapshotBytes(deps: KitchenDeps, bytes: Buffer) {
  const clean = await cleanJpeg(bytes);
  return { sha256: await deps.snapshotStore.put(clean), bytes: clean.length };
}

function expiryOf(deps: KitchenDeps, now: Date): Date {
  return new Date(now.getTime() + deps.retentionDays * DAY_MS);
}

/**
 * POST /api/v1/kitchen/snapshots: a camera (or the store's system) uploads a JPEG with its feed's key. A bad key
 * → 401 before the bytes are looked at, and nothing is stored.
 */
export async function uploadSnapshot(
  db: Database,
  deps: KitchenDeps,
  context: RequestContext,
  input: { key: string | undefined; bytes: Buffer; takenAt?: string | undefined },
  now = new Date(),
) {
  const feed =
    input.key && KEY_PATTERN.test(input.key)
      ? await repo.findFeedByKeyHash(db, hashKey(input.key))
      : undefined;
  if (!feed) throw badKey("snapshot");
  const takenAt = input.takenAt ? new Date(input.takenAt) : now;
  refuseFuture(takenAt, now, "/querystring/takenAt");
  const store = (await findStoreById(db, feed.storeId))!;
  const stored = await storeSnapshotBytes(deps, input.bytes);
  return db.transaction(async (tx) => {
    const snapshot = await repo.insertSnapshot(tx, {
      feedId: feed.id,
      storeId: store.id,
      regionCode: store.regionCode,
      sha256: stored.sha256,
      bytes: stored.bytes,
      takenAt,
      receivedAt: now,
      expiresAt: expiryOf(deps, now),
    });
    await recordAudit(tx, context, {
      action: "kitchen_snapshot.upload",
      subjectType: "kitchen_snapshot",
      subjectId: snapshot.id,
      regionCode: store.regionCode,
      after: { feedId: feed.id, storeId: store.id, sha256: stored.sha256, bytes: stored.bytes },
    });
    return snapshot;
  });
}

export async function listSnapshots(db: Queryable, actor: UserActor, storeId: string, limit = 20) {
  await storeFor(db, actor, "read", storeId);
  return repo.listSnapshots(db, storeId, limit);
}

/** The bytes of a snapshot; outside the actor's sight, expired or gone → 404. */
export async function readSnapshotImage(db: Queryable, deps: KitchenDeps, actor: UserActor, id: string) {
  const snapshot = await repo.findSnapshot(db, id);
  authorizeKitchen(actor, "read", snapshot ? await findStoreById(db, snapshot.storeId) : undefined);
  const bytes = await deps.snapshotStore.get(snapshot!.sha256);
  if (!bytes) throw new AppError("not_found");
  return { snapshot: snapshot!, bytes };
}

// — events (智慧监管 AI 抓拍 / IoT) —

export interface EventInput {
  eventId: string;
  deviceId: string;
  type: KitchenEventType;
  at: string;
  confidence?: number | undefined;
  details?: Record<string, string | number | boolean> | undefined;
  /** base64 JPEG. */
  snapshot?: string | undefined;
}

/** The red rules that read events of this type: run at once, so a rodent reaches the queue immediately. */
function redRulesFor(type: KitchenEventType, rules: readonly AlertRule[]): AlertRule[] {
  return rules.filter(
    (rule) =>
      rule.severity === "red" &&
      "types" in rule.parameters &&
      (rule.parameters.types as readonly string[]).includes(type),
  );
}

/**
 * POST /api/v1/devices/events. The key must belong to an ACTIVE device and name the body's deviceId, else 401 and
 * nothing is stored. Idempotent by (deviceId, eventId): a replay returns the stored event and changes nothing
 * (no row, no audit entry, no lastSeenAt). A new event updates the device's lastSeenAt, is audited and, when a
 * red rule reads its type (rodent), runs that rule at once.
 */
export async function receiveEvent(
  db: Database,
  deps: KitchenDeps,
  context: RequestContext,
  key: string | undefined,
  input: EventInput,
  now = new Date(),
): Promise<{ event: repo.EventRow; replayed: boolean }> {
  const device = key && KEY_PATTERN.test(key) ? await repo.findDeviceByKeyHash(db, hashKey(key)) : undefined;
  // Refused before anything is written, the audit chain included: anonymous floods must not grow it (the
  // request log keeps the 401); SECURITY.md fuzzing checks that refused requests leave the database unchanged.
  if (!device || device.status !== "active" || device.id !== input.deviceId) {
    throw badKey("device");
  }
  const existing = await repo.findEventByDeviceEventId(db, device.id, input.eventId);
  if (existing) return { event: existing, replayed: true };
  const at = new Date(input.at);
  refuseFuture(at, now, "/body/at");
  const picture = input.snapshot
    ? await storeSnapshotBytes(deps, Buffer.from(input.snapshot, "base64"))
    : undefined;
  const created = await db
    .transaction(async (tx) => {
      const snapshot = picture
        ? await repo.insertSnapshot(tx, {
            feedId: null,
            storeId: device.storeId,
            regionCode: device.regionCode,
            sha256: picture.sha256,
            bytes: picture.bytes,
            takenAt: at,
            receivedAt: now,
            expiresAt: expiryOf(deps, now),
          })
        : undefined;
      const event = await repo.insertEvent(tx, {
        deviceId: device.id,
        eventId: input.eventId,
        storeId: device.storeId,
        regionCode: device.regionCode,
        type: input.type,
        at,
        confidence: input.confidence ?? null,
        details: input.details ?? null,
        snapshotId: snapshot?.id ?? null,
        receivedAt: now,
      });
      // Another request stored the same event meanwhile: undo the snapshot row and answer as a replay.
      if (!event) throw new ReplayRace();
      await repo.touchDevice(tx, device.id, now);
      await recordAudit(tx, context, {
        action: "kitchen_event.receive",
        subjectType: "kitchen_event",
        subjectId: event.id,
        regionCode: device.regionCode,
        after: {
          deviceId: device.id,
          eventId: input.eventId,
          storeId: device.storeId,
          type: input.type,
          at: at.toISOString(),
          snapshotId: snapshot?.id ?? null,
        },
      });
      return event;
    })
    .catch(async (error: unknown) => {
      if (!(error instanceof ReplayRace)) throw error;
      return undefined;
    });
  if (!created) {
    return { event: (await repo.findEventByDeviceEventId(db, device.id, input.eventId))!, replayed: true };
  }
  const red = redRulesFor(input.type, DEFAULT_ALERT_RULES);
  if (red.length > 0) await evaluateAlerts(db, { now, rules: red });
  return { event: created, replayed: false };
}

class ReplayRace extends Error {}

export async function listEvents(db: Queryable, actor: UserActor, storeId: string, limit = 50) {
  await storeFor(db, actor, "read", storeId);
  return repo.listEvents(db, storeId, limit);
}

/** The business answers an event once (说明/整改情况); a second answer → 409. */
export async function respondToEvent(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  input: { storeId: string; id: string; text: string },
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const event = await repo.findEvent(tx, input.id, true);
    const store =
      event && event.storeId === input.storeId ? await findStoreById(tx, event.storeId) : undefined;
    authorizeKitchen(actor, "respond", store);
    const text = input.text.trim();
    const updated = await repo.respondToEvent(tx, input.id, { text, at: now, by: actor.id });
    if (!updated) {
      throw new AppError("conflict", { "zh-CN": "该事件已回应", en: "The event has already been answered" });
    }
    await recordAudit(tx, context, {
      action: "kitchen_event.respond",
      subjectType: "kitchen_event",
      subjectId: input.id,
      regionCode: store.regionCode,
      after: { text },
    });
    return updated;
  });
}
