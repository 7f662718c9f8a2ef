// Step 10 — smart-kitchen events (seed 004 镇海 智慧监管: 明厨亮灶, AI 抓拍, IoT, 24-hour closed loop) and snapshot
// retention. Key handling follows SECURITY.md #12 (ASVS 2.10.4, 13.1.3: keys stored hashed, revocation immediate);
// uploads #10 (ASVS 12.2.1 type from the bytes, 12.5.2 nosniff, EXIF stripped).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chinaDate } from "@shian/domain";
import { and, count, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alerts, auditLog, kitchenEvents, kitchenSnapshots, licenses } from "../../db/schema.js";
import { TEST_PASSWORD, makeStore, makeUser } from "../../test/factories.js";
import { auditActions } from "../../test/inspection-fixtures.js";
import { createTestApp, loginAs, type Session, type TestApp } from "../../test/test-app.js";
import { evaluateAlerts } from "../alerts/evaluate.js";
import { computeStoreFacts, type Population } from "../credit/facts-sql.js";
import { periodOf, periodWindow } from "../credit/period.js";
import { configuredFileStore } from "../files/file-store.js";
import { createSafetyCodes, safetyCodeOfStore } from "../safety-code/service.js";
import { purgeExpiredSnapshots } from "./retention.js";
import { configuredSnapshotStore } from "./snapshot-store.js";
import { simulateEvents } from "./simulator.js";

const ZHENHAI = "330211";
const XIANGSHAN = "330225";
const DAY_MS = 86_400_000;
let t: TestApp;
let dataDir: string;
let owner: Session;
let otherOwner: Session;
let inspector: Session;
let outsideInspector: Session;
let shop: Awaited<ReturnType<typeof licensedStore>>;
let licenceCounter = 0;

const deps = () => ({
  snapshotStore: configuredSnapshotStore({ dataDir }),
  retentionDays: 30,
});

/** A Zhenhai store with a valid licence and a 食安码 (green until something happens). */
async function licensedStore() {
  const db = t.database.db;
  const made = await makeStore(db, ZHENHAI);
  licenceCounter += 1;
  await db.insert(licenses).values({
    number: `JY9${String(licenceCounter + 500).padStart(13, "0")}`,
    type: "JY",
    businessId: made.businessId,
    storeId: made.store.id,
    regionCode: ZHENHAI,
    status: "valid",
    currentVersion: 1,
    validFrom: chinaDate(new Date(Date.now() - 365 * DAY_MS)),
    validTo: chinaDate(new Date(Date.now() + 1000 * DAY_MS)),
    issuedAt: new Date(),
  });
  await createSafetyCodes(db, [made.store.id]);
  return { ...made, code: (await safetyCodeOfStore(db, made.store.id))! };
}

async function jpegWithExif(colour = "#a0a0a0") {
  return sharp({ create: { width: 8, height: 8, channels: 3, background: colour } })
    .jpeg()
    .withExif({ IFD0: { ImageDescription: "secret-exif-marker" } })
    .toBuffer();
}

async function rows(table: typeof kitchenEvents | typeof kitchenSnapshots | typeof alerts | typeof auditLog) {
  const [row] = await t.database.db.select({ n: count() }).from(table);
  return row!.n;
}

async function registerDevice(session: Session, storeId: string, kind = "ai_camera") {
  const response = await session.inject({
    method: "POST",
    url: `/api/v1/stores/${storeId}/kitchen/devices`,
    payload: { kind, name: "后厨 AI 摄像头" },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { device: { id: string }; deviceKey: string };
}

function postEvent(key: string | undefined, body: Record<string, unknown>) {
  return t.app.inject({
    method: "POST",
    url: "/api/v1/devices/events",
    headers: key === undefined ? {} : { "x-device-key": key },
    payload: body,
  });
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "shian-kitchen-"));
  t = await createTestApp({ DATA_DIR: dataDir, PUBLIC_RATE_LIMIT: "100000" });
  const db = t.database.db;
  shop = await licensedStore();
  const other = await makeStore(db, ZHENHAI);
  await makeUser(db, {
    role: "business_owner",
    regionCode: ZHENHAI,
    username: "k-owner",
    businessId: shop.businessId,
  });
  await makeUser(db, {
    role: "business_owner",
    regionCode: ZHENHAI,
    username: "k-other",
    businessId: other.businessId,
  });
  await makeUser(db, { role: "inspector", regionCode: ZHENHAI, username: "k-inspector" });
  await makeUser(db, { role: "inspector", regionCode: XIANGSHAN, username: "k-xs-inspector" });
  owner = await loginAs(t.app, "k-owner", TEST_PASSWORD);
  otherOwner = await loginAs(t.app, "k-other", TEST_PASSWORD);
  inspector = await loginAs(t.app, "k-inspector", TEST_PASSWORD);
  outsideInspector = await loginAs(t.app, "k-xs-inspector", TEST_PASSWORD);
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("feeds, snapshots and devices (SECURITY.md #10, #12)", () => {
  it("the owner registers a camera and gets its snapshot key once; a JPEG upload is stored without EXIF and read by id; bad key → 401, nothing stored", async () => {
    const created = await owner.inject({
      method: "POST",
      url: `/api/v1/stores/${shop.store.id}/kitchen/feeds`,
      payload: { name: "后厨操作间", hlsUrl: "https://video.example.cn/live/kitchen.m3u8" },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { feed, snapshotKey } = created.json();
    expect(snapshotKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const listed = await inspector.inject({ url: `/api/v1/stores/${shop.store.id}/kitchen/feeds` });
    expect(listed.json().items).toEqual([expect.objectContaining({ id: feed.id, snapshotUpload: true })]);
    expect(listed.body).not.toContain(snapshotKey);
    // Only the hash is kept, and the key is not in the audit trail.
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.subjectId, feed.id));
    expect(JSON.stringify(audit)).not.toContain(snapshotKey);
    expect(
      (
        await owner.inject({
          method: "POST",
          url: `/api/v1/stores/${shop.store.id}/kitchen/feeds`,
          payload: { name: "x", hlsUrl: "http://video.example.cn/live.m3u8" },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await otherOwner.inject({ url: `/api/v1/stores/${shop.store.id}/kitchen/feeds` })).statusCode,
    ).toBe(404);

    const jpeg = await jpegWithExif();
    const snapshotsBefore = await rows(kitchenSnapshots);
    const refused = await t.app.inject({
      method: "POST",
      url: "/api/v1/kitchen/snapshots",
      headers: { "content-type": "image/jpeg", "x-snapshot-key": "A".repeat(43) },
      payload: jpeg,
    });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers["content-type"]).toContain("application/problem+json");
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#fff" } })
      .png()
      .toBuffer();
    const notJpeg = await t.app.inject({
      method: "POST",
      url: "/api/v1/kitchen/snapshots",
      headers: { "content-type": "image/jpeg", "x-snapshot-key": snapshotKey },
      payload: png,
    });
    expect(notJpeg.statusCode).toBe(415);
    expect(await rows(kitchenSnapshots)).toBe(snapshotsBefore);

    const takenAt = new Date(Date.now() - 60_000).toISOString();
    const uploaded = await t.app.inject({
      method: "POST",
      url: `/api/v1/kitchen/snapshots?takenAt=${encodeURIComponent(takenAt)}`,
      headers: { "content-type": "image/jpeg", "x-snapshot-key": snapshotKey },
      payload: jpeg,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const snapshot = uploaded.json();
    expect(snapshot).toMatchObject({ feedId: feed.id, storeId: shop.store.id, takenAt });
    const days = (new Date(snapshot.expiresAt).getTime() - new Date(snapshot.receivedAt).getTime()) / DAY_MS;
    expect(days).toBe(30);
    const list = await owner.inject({ url: `/api/v1/stores/${shop.store.id}/kitchen/snapshots` });
    expect(list.json().items.map((s: { id: string }) => s.id)).toEqual([snapshot.id]);
    const image = await inspector.inject({ url: `/api/v1/kitchen/snapshots/${snapshot.id}/image` });
    expect(image.statusCode).toBe(200);
    expect(image.headers["content-type"]).toBe("image/jpeg");
    expect(image.headers["x-content-type-options"]).toBe("nosniff");
    expect(image.rawPayload.includes("secret-exif-marker")).toBe(false);
    expect(jpeg.includes("secret-exif-marker")).toBe(true);
    for (const outsider of [outsideInspector, otherOwner]) {
      expect(
        (await outsider.inject({ url: `/api/v1/kitchen/snapshots/${snapshot.id}/image` })).statusCode,
      ).toBe(404);
    }
  });

  // Moved from the step-9 portal feed routes (removed): the kitchen routes are the only API managing feeds.
  it("a feed with snapshots is deleted by the owner (204, audited create → delete, newest listed first); its snapshots stay, detached; the 阳光电子屏 stops playing it; another business → 404", async () => {
    const db = t.database.db;
    const url = "https://cam.example-vendor.cn/live/stall-7/index.m3u8?token=1";
    const created = await owner.inject({
      method: "POST",
      url: `/api/v1/stores/${shop.store.id}/kitchen/feeds`,
      payload: { name: "卤肉加工间", hlsUrl: url },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { feed, snapshotKey } = created.json();
    const listed = await owner.inject({ url: `/api/v1/stores/${shop.store.id}/kitchen/feeds` });
    expect(listed.json().items[0]).toMatchObject({ id: feed.id, name: "卤肉加工间", hlsUrl: url });
    expect((await t.app.inject({ url: `/screen/${shop.code}` })).body).toContain(`<video src="${url}"`);
    const uploaded = await t.app.inject({
      method: "POST",
      url: "/api/v1/kitchen/snapshots",
      headers: { "content-type": "image/jpeg", "x-snapshot-key": snapshotKey },
      payload: await jpegWithExif("#303030"),
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);

    expect(
      (
        await otherOwner.inject({
          method: "POST",
          url: `/api/v1/stores/${shop.store.id}/kitchen/feeds`,
          payload: { name: "x", hlsUrl: url },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await otherOwner.inject({ method: "DELETE", url: `/api/v1/kitchen/feeds/${feed.id}` })).statusCode,
    ).toBe(404);
    const removed = await owner.inject({ method: "DELETE", url: `/api/v1/kitchen/feeds/${feed.id}` });
    expect(removed.statusCode, removed.body).toBe(204);
    const after = await owner.inject({ url: `/api/v1/stores/${shop.store.id}/kitchen/feeds` });
    expect(after.json().items.map((f: { id: string }) => f.id)).not.toContain(feed.id);
    const [kept] = await db
      .select()
      .from(kitchenSnapshots)
      .where(eq(kitchenSnapshots.id, uploaded.json().id));
    expect(kept).toMatchObject({ feedId: null, storeId: shop.store.id });
    expect((await t.app.inject({ url: `/screen/${shop.code}` })).body).not.toContain(url);
    const trail = await auditActions(db, "kitchen_feed", feed.id);
    expect(trail.map((row) => row.action)).toEqual(["kitchen_feed.create", "kitchen_feed.delete"]);
    // The deleted feed's key no longer uploads.
    const stale = await t.app.inject({
      method: "POST",
      url: "/api/v1/kitchen/snapshots",
      headers: { "content-type": "image/jpeg", "x-snapshot-key": snapshotKey },
      payload: await jpegWithExif("#303030"),
    });
    expect(stale.statusCode).toBe(401);
  });

  it.each([
    "https://cam.example-vendor.cn/live.mp4",
    "javascript:alert(1)//.m3u8",
    "https://user:pw@cam.example-vendor.cn/live.m3u8",
    "not a url.m3u8",
  ])("refuses a feed URL that is not an https HLS playlist: %s (400, nothing stored)", async (hlsUrl) => {
    const response = await owner.inject({
      method: "POST",
      url: `/api/v1/stores/${shop.store.id}/kitchen/feeds`,
      payload: { name: "x", hlsUrl },
    });
    expect(response.statusCode).toBe(400);
    const listed = await owner.inject({ url: `/api/v1/stores/${shop.store.id}/kitchen/feeds` });
    expect(listed.json().items.map((f: { name: string }) => f.name)).not.toContain("x");
  });

  it("ASVS 2.10.4: a device key is shown once, revocation is immediate, and a key of another device is refused", async () => {
    const { device, deviceKey } = await registerDevice(owner, shop.store.id);
    const second = await registerDevice(inspector, shop.store.id, "iot_sensor");
    const listed = await owner.inject({ url: `/api/v1/stores/${shop.store.id}/kitchen/devices` });
    expect(listed.body).not.toContain(deviceKey);
    const at = new Date(Date.now() - 60_000).toISOString();
    const eventsBefore = await rows(kitchenEvents);
    // The sensor's key does not speak for the camera.
    const mismatch = await postEvent(second.deviceKey, {
      eventId: "e-1",
      deviceId: device.id,
      type: "no_hat",
      at,
    });
    expect(mismatch.statusCode).toBe(401);
    const future = await postEvent(deviceKey, {
      eventId: "e-future",
      deviceId: device.id,
      type: "no_hat",
      at: new Date(Date.now() + 10 * 60_000).toISOString(),
    });
    expect(future.statusCode).toBe(400);
    expect(
      (await otherOwner.inject({ method: "POST", url: `/api/v1/kitchen/devices/${device.id}/revoke` }))
        .statusCode,
    ).toBe(404);
    const revoked = await owner.inject({
      method: "POST",
      url: `/api/v1/kitchen/devices/${device.id}/revoke`,
    });
    expect(revoked.json().status).toBe("revoked");
    const afterRevoke = await postEvent(deviceKey, {
      eventId: "e-2",
      deviceId: device.id,
      type: "no_hat",
      at,
    });
    expect(afterRevoke.statusCode).toBe(401);
    expect(await rows(kitchenEvents)).toBe(eventsBefore);
  });
});

describe("smart-kitchen events (seed 004 Zhenhai 智慧监管)", () => {
  it("unknown device key → 401 problem+json and nothing stored", async () => {
    const before = [await rows(kitchenEvents), await rows(kitchenSnapshots), await rows(auditLog)];
    const response = await postEvent("B".repeat(43), {
      eventId: "x-1",
      deviceId: "00000000-0000-4000-8000-000000000000",
      type: "rodent",
      at: new Date().toISOString(),
      snapshot: (await jpegWithExif()).toString("base64"),
    });
    expect(response.statusCode).toBe(401);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(
      (
        await postEvent(undefined, {
          eventId: "x-2",
          deviceId: "00000000-0000-4000-8000-000000000000",
          type: "rodent",
          at: new Date().toISOString(),
        })
      ).statusCode,
    ).toBe(401);
    expect([await rows(kitchenEvents), await rows(kitchenSnapshots), await rows(auditLog)]).toEqual(before);
  });

  it("seed 004 Zhenhai: a simulated rodent event raises a red alert in the inspector's queue within one job cycle; the 食安码 is red until the alert is closed; a replay changes nothing", async () => {
    const db = t.database.db;
    const store = await licensedStore();
    expect((await t.app.inject({ url: `/s/${store.code}` })).body).toContain("绿码");
    const simulated = await simulateEvents(db, deps(), {
      store: store.store.name,
      count: 1,
      type: "rodent",
      seed: "rodent-test",
      keyFile: (storeId) => path.join(dataDir, "sim", `${storeId}.json`),
    });
    expect(simulated).toMatchObject({
      storeId: store.store.id,
      stored: 1,
      replayed: 0,
      byType: { rodent: 1 },
    });
    await evaluateAlerts(db); // one job cycle
    const queue = (await inspector.inject({ url: "/api/v1/alerts?status=open&severity=red" })).json();
    const alert = queue.items.find((item: { storeId: string }) => item.storeId === store.store.id);
    expect(alert).toMatchObject({ rule: "kitchen_rodent", severity: "red", details: { type: "rodent" } });
    expect(alert.taskId).toBeTruthy();
    expect((await t.app.inject({ url: `/s/${store.code}` })).body).toContain("红码");

    // The same seed replays the same event ids: nothing changes (rows, audit, alerts).
    const before = [await rows(kitchenEvents), await rows(auditLog), await rows(alerts)];
    const again = await simulateEvents(db, deps(), {
      store: store.store.id,
      count: 1,
      type: "rodent",
      seed: "rodent-test",
      keyFile: (storeId) => path.join(dataDir, "sim", `${storeId}.json`),
    });
    expect(again).toMatchObject({ stored: 0, replayed: 1 });
    await evaluateAlerts(db);
    expect([await rows(kitchenEvents), await rows(auditLog), await rows(alerts)]).toEqual(before);

    // Still red after another job cycle; green once the inspector closes the alert.
    expect((await t.app.inject({ url: `/s/${store.code}` })).body).toContain("红码");
    const closed = await inspector.inject({
      method: "POST",
      url: `/api/v1/alerts/${alert.id}/close`,
      payload: { note: "现场核查，已完成灭鼠并封堵缝隙" },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await t.app.inject({ url: `/s/${store.code}` })).body).toContain("绿码");
    await evaluateAlerts(db);
    const [open] = await db
      .select({ n: count() })
      .from(alerts)
      .where(and(eq(alerts.storeId, store.store.id), eq(alerts.status, "open")));
    expect(open!.n).toBe(0);
  });

  it("HTTP replay of an event id returns the stored event (200) and changes nothing; three hygiene events on one China day → yellow alert", async () => {
    const { device, deviceKey } = await registerDevice(owner, shop.store.id);
    const yesterday = chinaDate(new Date(Date.now() - DAY_MS));
    const at = (hour: number) =>
      new Date(`${yesterday}T${String(hour).padStart(2, "0")}:00:00+08:00`).toISOString();
    const first = await postEvent(deviceKey, {
      eventId: "cam-1",
      deviceId: device.id,
      type: "no_hat",
      at: at(10),
      confidence: 0.91,
      snapshot: (await jpegWithExif("#303030")).toString("base64"),
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().snapshotId).toBeTruthy();
    const before = [await rows(kitchenEvents), await rows(kitchenSnapshots), await rows(auditLog)];
    const replay = await postEvent(deviceKey, {
      eventId: "cam-1",
      deviceId: device.id,
      type: "no_hat",
      at: at(10),
      snapshot: (await jpegWithExif("#303030")).toString("base64"),
    });
    expect(replay.statusCode).toBe(200);
    expect(replay.json().id).toBe(first.json().id);
    expect([await rows(kitchenEvents), await rows(kitchenSnapshots), await rows(auditLog)]).toEqual(before);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.subjectId, first.json().id));
    expect(audit.map((a) => a.action)).toEqual(["kitchen_event.receive"]);

    // Two hygiene events on the day open nothing; the third opens one yellow alert for that day.
    await postEvent(deviceKey, { eventId: "cam-2", deviceId: device.id, type: "no_mask", at: at(11) });
    await evaluateAlerts(t.database.db);
    const hygiene = () =>
      t.database.db
        .select()
        .from(alerts)
        .where(and(eq(alerts.storeId, shop.store.id), eq(alerts.rule, "kitchen_hygiene_events")));
    expect(await hygiene()).toEqual([]);
    await postEvent(deviceKey, { eventId: "cam-3", deviceId: device.id, type: "smoking", at: at(12) });
    await evaluateAlerts(t.database.db);
    expect(await hygiene()).toEqual([
      expect.objectContaining({
        severity: "yellow",
        subjectKey: `day:${yesterday}`,
        details: expect.objectContaining({ count: 3 }),
      }),
    ]);
    const seen = (await owner.inject({ url: `/api/v1/stores/${shop.store.id}/kitchen/devices` })).json()
      .items;
    expect(seen.find((d: { id: string }) => d.id === device.id).lastSeenAt).toBeTruthy();
  });

  it("the store sees its events and answers each once (≤ 500 characters); officers read by jurisdiction", async () => {
    const events = (await owner.inject({ url: `/api/v1/stores/${shop.store.id}/kitchen/events` })).json()
      .items;
    expect(events.length).toBeGreaterThanOrEqual(3);
    const target = events[0];
    const url = `/api/v1/stores/${shop.store.id}/kitchen/events/${target.id}/response`;
    expect((await owner.inject({ method: "POST", url, payload: { text: "x".repeat(501) } })).statusCode).toBe(
      400,
    );
    expect((await otherOwner.inject({ method: "POST", url, payload: { text: "x" } })).statusCode).toBe(404);
    expect((await inspector.inject({ method: "POST", url, payload: { text: "x" } })).statusCode).toBe(403);
    const answered = await owner.inject({
      method: "POST",
      url,
      payload: { text: "已对员工进行培训，规范佩戴帽子" },
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ response: "已对员工进行培训，规范佩戴帽子" });
    expect((await owner.inject({ method: "POST", url, payload: { text: "again" } })).statusCode).toBe(409);
    expect(
      (await inspector.inject({ url: `/api/v1/stores/${shop.store.id}/kitchen/events` })).json().items[0]
        .response,
    ).toBe("已对员工进行培训，规范佩戴帽子");
    expect(
      (await outsideInspector.inject({ url: `/api/v1/stores/${shop.store.id}/kitchen/events` })).statusCode,
    ).toBe(404);
  });
});

describe("snapshot retention (SNAPSHOT_RETENTION_DAYS)", () => {
  it("removes rows and files past retention and nothing else: younger snapshots, shared files, uploaded files and events stay", async () => {
    const db = t.database.db;
    const snapshots = configuredSnapshotStore({ dataDir });
    const files = configuredFileStore({ dataDir });
    const old = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#111" } })
      .jpeg()
      .toBuffer();
    const shared = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#222" } })
      .jpeg()
      .toBuffer();
    const [oldHash, sharedHash] = [await snapshots.put(old), await snapshots.put(shared)];
    // The same bytes in the uploaded-file store (evidence copies live there): never touched.
    await files.put(old);
    const row = (sha256: string, expiresAt: Date) => ({
      storeId: shop.store.id,
      regionCode: ZHENHAI,
      sha256,
      bytes: 100,
      takenAt: new Date(expiresAt.getTime() - 30 * DAY_MS),
      expiresAt,
    });
    const past = new Date(Date.now() - DAY_MS);
    const future = new Date(Date.now() + DAY_MS);
    const inserted = await db
      .insert(kitchenSnapshots)
      .values([row(oldHash, past), row(sharedHash, past), row(sharedHash, future)])
      .returning();
    const { device } = await registerDevice(owner, shop.store.id);
    const [event] = await db
      .insert(kitchenEvents)
      .values({
        deviceId: device.id,
        eventId: "ret-1",
        storeId: shop.store.id,
        regionCode: ZHENHAI,
        type: "no_mask",
        at: past,
        snapshotId: inserted[0]!.id,
      })
      .returning();
    const before = await rows(kitchenSnapshots);

    const summary = await purgeExpiredSnapshots(db, snapshots);
    expect(summary).toEqual({ rows: 2, files: 1 });
    expect(await rows(kitchenSnapshots)).toBe(before - 2);
    const left = await db.select().from(kitchenSnapshots).where(eq(kitchenSnapshots.sha256, sharedHash));
    expect(left.map((s) => s.id)).toEqual([inserted[2]!.id]);
    expect(await snapshots.get(oldHash)).toBeNull();
    expect(await snapshots.get(sharedHash)).not.toBeNull();
    expect(await files.get(oldHash)).not.toBeNull();
    const [kept] = await db.select().from(kitchenEvents).where(eq(kitchenEvents.id, event!.id));
    expect(kept).toMatchObject({ snapshotId: null, type: "no_mask" });
    // Snapshots uploaded earlier in this file (30 days) are untouched.
    expect(
      (await owner.inject({ url: `/api/v1/stores/${shop.store.id}/kitchen/snapshots` })).json().items.length,
    ).toBeGreaterThan(0);
    expect(await purgeExpiredSnapshots(db, snapshots)).toEqual({ rows: 0, files: 0 });
  });
});

describe("grade facts (seed 004 Zhenhai 智慧监管上线)", () => {
  it("events, answers and rodents of the period become facts; a store with no feed or device has null kitchen facts", async () => {
    const db = t.database.db;
    const now = new Date();
    const window = periodWindow(periodOf(now), new Date(now.getTime() + 60_000));
    // Every JY store, counted over the month (Zhenhai's span), whatever its subtype.
    const population: Population = {
      licenceType: "JY",
      countsOver: "month",
      subtypes: null,
      excludeSubtypes: [],
    };
    const factsOf = async (storeId: string) =>
      (await computeStoreFacts(db, population, window, { storeId }))[0]!.facts;
    const connected = await factsOf(shop.store.id);
    const events = await db.select().from(kitchenEvents).where(eq(kitchenEvents.storeId, shop.store.id));
    const inPeriod = events.filter((e) => e.at >= window.start && e.at < window.end);
    expect(connected).toMatchObject({
      kitchenEvents: inPeriod.length,
      kitchenEventsResponded: inPeriod.filter((e) => e.respondedAt).length,
      kitchenRodentEvents: 0,
    });
    expect(connected.kitchenCameras).toBeGreaterThanOrEqual(1);
    const bare = await licensedStore();
    expect(await factsOf(bare.store.id)).toMatchObject({
      kitchenCameras: null,
      kitchenEvents: null,
      kitchenEventsResponded: null,
      kitchenRodentEvents: null,
    });
  });
});
