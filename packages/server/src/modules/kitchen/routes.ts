import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { Database } from "../../db/client.js";
import { context, requireUser } from "../../http/auth.js";
import { AppError } from "../../http/errors.js";
import { PUBLIC, allowRoles } from "../../http/route-policy.js";
import { ProblemSchema, problemResponses } from "../../http/schema-helpers.js";
import { KITCHEN_MANAGE_ROLES, KITCHEN_READ_ROLES, KITCHEN_RESPOND_ROLES } from "./policy.js";
import { presentDevice, presentEvent, presentFeed, presentSnapshot } from "./presenter.js";
import {
  DeviceBody,
  DeviceKeyHeaders,
  DeviceList,
  DeviceView,
  DeviceWithKey,
  EventBody,
  EventList,
  EventView,
  FeedBody,
  FeedList,
  FeedWithKey,
  IdParams,
  LimitQuery,
  MAX_EVENT_SNAPSHOT_BASE64,
  ResponseBody,
  SnapshotKeyHeaders,
  SnapshotList,
  SnapshotUploadQuery,
  SnapshotView,
  StoreEventParams,
  StoreParams,
} from "./schema.js";
import * as kitchen from "./service.js";

const errors = { ...problemResponses, 409: ProblemSchema };
const deviceErrors = {
  400: ProblemSchema,
  401: ProblemSchema,
  413: ProblemSchema,
  415: ProblemSchema,
  429: ProblemSchema,
};
const read = allowRoles(...KITCHEN_READ_ROLES);
const manage = allowRoles(...KITCHEN_MANAGE_ROLES);
const TAGS = ["smart kitchen"];

/**
 * Smart kitchen (互联网+明厨亮灶, step 10; docs/smart-kitchen.md). The two device routes are PUBLIC for the auth
 * hook and authenticate by their own key header in the service (X-Snapshot-Key, X-Device-Key), after the body
 * has passed its schema. The POSTs that issue a key are not `idempotent`: a stored reply would keep the key in
 * plain text in idempotency_keys.
 */
export function kitchenRoutes(db: Database, deps: kitchen.KitchenDeps) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
    // Raw JPEG bodies for snapshot uploads (this plugin only).
    app.addContentTypeParser(
      "image/jpeg",
      { parseAs: "buffer", bodyLimit: kitchen.MAX_SNAPSHOT_BYTES },
      (_request, body, done) => done(null, body),
    );

    // — feeds —

    app.post(
      "/api/v1/stores/:storeId/kitchen/feeds",
      {
        config: { policy: manage },
        schema: {
          tags: TAGS,
          description:
            "Registers a kitchen camera (明厨亮灶) with an optional https HLS URL; the reply carries its snapshot " +
            "upload key, shown once (only its SHA-256 is kept).",
          params: StoreParams,
          body: FeedBody,
          response: { 201: FeedWithKey, ...errors },
        },
      },
      async (request, reply) => {
        const { feed, snapshotKey } = await kitchen.registerFeed(db, context(request), requireUser(request), {
          storeId: request.params.storeId,
          ...request.body,
        });
        return reply
          .code(201)
          .header("cache-control", "no-store")
          .send({ feed: presentFeed(feed), snapshotKey });
      },
    );

    app.get(
      "/api/v1/stores/:storeId/kitchen/feeds",
      {
        config: { policy: read },
        schema: { tags: TAGS, params: StoreParams, response: { 200: FeedList, ...errors } },
      },
      async (request) => ({
        items: (await kitchen.listFeeds(db, requireUser(request), request.params.storeId)).map(presentFeed),
      }),
    );

    app.post(
      "/api/v1/kitchen/feeds/:id/snapshot-key",
      {
        config: { policy: manage },
        schema: {
          tags: TAGS,
          description: "Issues a new snapshot key for the feed (shown once); the previous key stops working.",
          params: IdParams,
          response: { 200: FeedWithKey, ...errors },
        },
      },
      async (request, reply) => {
        const { feed, snapshotKey } = await kitchen.rotateFeedKey(
          db,
          context(request),
          requireUser(request),
          request.params.id,
        );
        return reply.header("cache-control", "no-store").send({ feed: presentFeed(feed), snapshotKey });
      },
    );

    app.delete(
      "/api/v1/kitchen/feeds/:id",
      {
        config: { policy: manage },
        schema: { tags: TAGS, params: IdParams, response: { 204: Type.Null(), ...errors } },
      },
      async (request, reply) => {
        await kitchen.deleteFeed(db, context(request), requireUser(request), request.params.id);
        return reply.code(204).send(null);
      },
    );

    // — devices —

    app.post(
      "/api/v1/stores/:storeId/kitchen/devices",
      {
        config: { policy: manage },
        schema: {
          tags: TAGS,
          description:
            "Registers an AI camera or IoT sensor; the reply carries its device key, shown once (X-Device-Key).",
          params: StoreParams,
          body: DeviceBody,
          response: { 201: DeviceWithKey, ...errors },
        },
      },
      async (request, reply) => {
        const { device, deviceKey } = await kitchen.registerDevice(
          db,
          context(request),
          requireUser(request),
          {
            storeId: request.params.storeId,
            ...request.body,
          },
        );
        return reply
          .code(201)
          .header("cache-control", "no-store")
          .send({ device: presentDevice(device), deviceKey });
      },
    );

    app.get(
      "/api/v1/stores/:storeId/kitchen/devices",
      {
        config: { policy: read },
        schema: { tags: TAGS, params: StoreParams, response: { 200: DeviceList, ...errors } },
      },
      async (request) => ({
        items: (await kitchen.listDevices(db, requireUser(request), request.params.storeId)).map(
          presentDevice,
        ),
      }),
    );

    app.post(
      "/api/v1/kitchen/devices/:id/revoke",
      {
        config: { policy: manage },
        schema: {
          tags: TAGS,
          description: "Revokes a device at once: its key answers 401 from the next request.",
          params: IdParams,
          response: { 200: DeviceView, ...errors },
        },
      },
      async (request) =>
        presentDevice(
          await kitchen.revokeDevice(db, context(request), requireUser(request), request.params.id),
        ),
    );

    // — snapshots —

    app.post(
      "/api/v1/kitchen/snapshots",
      {
        // No session: authenticated by the feed's X-Snapshot-Key in the service. Not `idempotent`: a stored reply
        // would be replayed before the key is checked; snapshots are content-addressed anyway.
        config: { policy: PUBLIC },
        schema: {
          tags: TAGS,
          consumes: ["image/jpeg"],
          description:
            "A camera uploads one snapshot as the raw request body (Content-Type: image/jpeg, at most 3 MiB) " +
            "with header X-Snapshot-Key; `takenAt` (ISO 8601) in the query, default now. JPEG judged by its " +
            "bytes, EXIF stripped, kept SNAPSHOT_RETENTION_DAYS days. A bad key → 401, nothing stored.",
          headers: SnapshotKeyHeaders,
          querystring: SnapshotUploadQuery,
          response: { 201: SnapshotView, ...deviceErrors },
        },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body)) throw new AppError("unsupported_media_type");
        const snapshot = await kitchen.uploadSnapshot(db, deps, context(request), {
          key: request.headers["x-snapshot-key"],
          bytes: request.body,
          takenAt: request.query.takenAt,
        });
        return reply.code(201).send(presentSnapshot(snapshot));
      },
    );

    app.get(
      "/api/v1/stores/:storeId/kitchen/snapshots",
      {
        config: { policy: read },
        schema: {
          tags: TAGS,
          description: "The latest snapshots of a store, newest first.",
          params: StoreParams,
          querystring: LimitQuery,
          response: { 200: SnapshotList, ...errors },
        },
      },
      async (request) => ({
        items: (
          await kitchen.listSnapshots(db, requireUser(request), request.params.storeId, request.query.limit)
        ).map(presentSnapshot),
      }),
    );

    app.get(
      "/api/v1/kitchen/snapshots/:id/image",
      {
        config: { policy: read },
        schema: {
          tags: TAGS,
          params: IdParams,
          response: { 200: Type.Unsafe<Buffer>({ type: "string", format: "binary" }), ...problemResponses },
        },
      },
      async (request, reply) => {
        const { snapshot, bytes } = await kitchen.readSnapshotImage(
          db,
          deps,
          requireUser(request),
          request.params.id,
        );
        // Always a re-encoded JPEG, never rendered as a page (ASVS 12.5.2).
        return reply
          .type("image/jpeg")
          .header("x-content-type-options", "nosniff")
          .header("content-disposition", `inline; filename="snapshot-${snapshot.id}.jpg"`)
          .header("content-security-policy", "default-src 'none'; sandbox")
          .header("cache-control", "private, max-age=300")
          .send(bytes);
      },
    );

    // — events —

    app.post(
      "/api/v1/devices/events",
      {
        // No session: authenticated by the device's X-Device-Key in the service (after the body's schema).
        // Idempotent by (deviceId, eventId) in the service, behind the key check; not by Idempotency-Key.
        config: { policy: PUBLIC },
        bodyLimit: MAX_EVENT_SNAPSHOT_BASE64 + 64 * 1024,
        schema: {
          tags: TAGS,
          description:
            "An AI camera or IoT sensor reports an event with header X-Device-Key. Unknown or revoked key, or a " +
            "key of another device → 401, nothing stored. Idempotent by (deviceId, eventId): 201 when stored, " +
            "200 with the stored event on a replay. `at` more than 5 minutes ahead → 400.",
          headers: DeviceKeyHeaders,
          body: EventBody,
          response: { 200: EventView, 201: EventView, ...deviceErrors },
        },
      },
      async (request, reply) => {
        const { event, replayed } = await kitchen.receiveEvent(
          db,
          deps,
          context(request),
          request.headers["x-device-key"],
          request.body,
        );
        return reply.code(replayed ? 200 : 201).send(presentEvent(event));
      },
    );

    app.get(
      "/api/v1/stores/:storeId/kitchen/events",
      {
        config: { policy: read },
        schema: {
          tags: TAGS,
          params: StoreParams,
          querystring: LimitQuery,
          response: { 200: EventList, ...errors },
        },
      },
      async (request) => ({
        items: (
          await kitchen.listEvents(db, requireUser(request), request.params.storeId, request.query.limit)
        ).map(presentEvent),
      }),
    );

    app.post(
      "/api/v1/stores/:storeId/kitchen/events/:id/response",
      {
        config: { policy: allowRoles(...KITCHEN_RESPOND_ROLES) },
        schema: {
          tags: TAGS,
          description: "The business answers an event once (说明/整改情况, at most 500 characters).",
          params: StoreEventParams,
          body: ResponseBody,
          response: { 200: EventView, ...errors },
        },
      },
      async (request) =>
        presentEvent(
          await kitchen.respondToEvent(db, context(request), requireUser(request), {
            ...request.params,
            text: request.body.text,
          }),
        ),
    );
  };
}
