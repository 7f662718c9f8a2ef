import { Type } from "@sinclair/typebox";
import { KITCHEN_EVENT_TYPES } from "../../db/schema.js";
import { StrictObject, Uuid } from "../../http/schema-helpers.js";

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const Instant = Type.String({ format: "date-time" });
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const StoreParams = StrictObject({ storeId: Uuid });
export const IdParams = StrictObject({ id: Uuid });
export const StoreEventParams = StrictObject({ storeId: Uuid, id: Uuid });
export const LimitQuery = StrictObject({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) });

// — feeds —

export const FeedBody = StrictObject({
  name: Text(100),
  /**
   * https HLS playlist (.m3u8, query string allowed), shown on the sunshine screen and the online-patrol page;
   * the service parses it again with URL (no user:password). 2000 like the step-9 portal route it replaces.
   */
  hlsUrl: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
});

export const FeedView = Type.Object({
  id: Type.String(),
  storeId: Type.String(),
  name: Type.String(),
  hlsUrl: Nullable(Type.String()),
  /** Whether snapshots can be uploaded (a key was issued); the key itself is never shown again. */
  snapshotUpload: Type.Boolean(),
  createdAt: Type.String(),
});
export const FeedList = Type.Object({ items: Type.Array(FeedView) });
export const FeedWithKey = Type.Object({
  feed: FeedView,
  /** Shown once: the X-Snapshot-Key header of POST /api/v1/kitchen/snapshots. Only its SHA-256 is kept. */
  snapshotKey: Type.String(),
});

// — devices —

export const DeviceBody = StrictObject({
  kind: Type.Union([Type.Literal("ai_camera"), Type.Literal("iot_sensor")]),
  name: Text(100),
});

export const DeviceView = Type.Object({
  id: Type.String(),
  storeId: Type.String(),
  kind: Type.String(),
  name: Type.String(),
  status: Type.String(),
  createdAt: Type.String(),
  lastSeenAt: Nullable(Type.String()),
});
export const DeviceList = Type.Object({ items: Type.Array(DeviceView) });
export const DeviceWithKey = Type.Object({
  device: DeviceView,
  /** Shown once: the X-Device-Key header of POST /api/v1/devices/events. Only its SHA-256 is kept. */
  deviceKey: Type.String(),
});

// — snapshots —

export const SnapshotUploadQuery = StrictObject({
  /** When the picture was taken (default: when it is received). */
  takenAt: Type.Optional(Instant),
});

export const SnapshotView = Type.Object({
  id: Type.String(),
  storeId: Type.String(),
  feedId: Nullable(Type.String()),
  sha256: Type.String(),
  bytes: Type.Integer(),
  takenAt: Type.String(),
  receivedAt: Type.String(),
  expiresAt: Type.String(),
});
export const SnapshotList = Type.Object({ items: Type.Array(SnapshotView) });

/** Headers of the key-authenticated device routes; optional so that a missing key answers 401, not 400. */
export const SnapshotKeyHeaders = Type.Object({
  "x-snapshot-key": Type.Optional(Type.String({ maxLength: 200 })),
});
export const DeviceKeyHeaders = Type.Object({
  "x-device-key": Type.Optional(Type.String({ maxLength: 200 })),
});

// — events —

/** A base64 JPEG of at most ~3 MiB. */
export const MAX_EVENT_SNAPSHOT_BASE64 = 4 * 1024 * 1024;

export const EventBody = StrictObject({
  /** The device's own id of the event: a replay of the same (deviceId, eventId) changes nothing. */
  eventId: Type.String({ pattern: "^[A-Za-z0-9._:-]{1,100}$" }),
  deviceId: Uuid,
  type: Type.Union(KITCHEN_EVENT_TYPES.map((type) => Type.Literal(type))),
  at: Instant,
  confidence: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  /** Sensor readings and the like, e.g. { "celsius": 9.5 } for temperature_out_of_range. */
  details: Type.Optional(
    Type.Record(
      Type.String({ maxLength: 50 }),
      Type.Union([Type.String({ maxLength: 200 }), Type.Number(), Type.Boolean()]),
      {
        maxProperties: 20,
      },
    ),
  ),
  snapshot: Type.Optional(
    Type.String({ minLength: 4, maxLength: MAX_EVENT_SNAPSHOT_BASE64, pattern: "^[A-Za-z0-9+/=_-]+$" }),
  ),
});

export const EventView = Type.Object({
  id: Type.String(),
  eventId: Type.String(),
  deviceId: Type.String(),
  storeId: Type.String(),
  type: Type.String(),
  at: Type.String(),
  confidence: Type.Union([Type.Number(), Type.Null()]),
  details: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  snapshotId: Nullable(Type.String()),
  receivedAt: Type.String(),
  response: Nullable(Type.String()),
  respondedAt: Nullable(Type.String()),
});
export const EventList = Type.Object({ items: Type.Array(EventView) });

export const ResponseBody = StrictObject({ text: Text(500) });
