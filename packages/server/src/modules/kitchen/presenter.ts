import type { Static } from "@sinclair/typebox";
import type { DeviceRow, EventRow, FeedRow, SnapshotRow } from "./repository.js";
import type { DeviceView, EventView, FeedView, SnapshotView } from "./schema.js";

export function presentFeed(row: FeedRow): Static<typeof FeedView> {
  return {
    id: row.id,
    storeId: row.storeId,
    name: row.name,
    hlsUrl: row.hlsUrl,
    snapshotUpload: row.snapshotKeyHash !== null,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentDevice(row: DeviceRow): Static<typeof DeviceView> {
  return {
    id: row.id,
    storeId: row.storeId,
    kind: row.kind,
    name: row.name,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt?.toISOString() ?? null,
  };
}

export function presentSnapshot(row: SnapshotRow): Static<typeof SnapshotView> {
  return {
    id: row.id,
    storeId: row.storeId,
    feedId: row.feedId,
    sha256: row.sha256,
    bytes: row.bytes,
    takenAt: row.takenAt.toISOString(),
    receivedAt: row.receivedAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}

export function presentEvent(row: EventRow): Static<typeof EventView> {
  return {
    id: row.id,
    eventId: row.eventId,
    deviceId: row.deviceId,
    storeId: row.storeId,
    type: row.type,
    at: row.at.toISOString(),
    confidence: row.confidence,
    details: row.details ?? null,
    snapshotId: row.snapshotId,
    receivedAt: row.receivedAt.toISOString(),
    response: row.response,
    respondedAt: row.respondedAt?.toISOString() ?? null,
  };
}
