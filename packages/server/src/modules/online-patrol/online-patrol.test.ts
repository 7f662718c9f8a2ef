import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chinaDate } from "@shian/domain";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  files,
  inspections,
  kitchenFeeds,
  kitchenSnapshots,
  planItems,
  rectifications,
  supervisionPlans,
} from "../../db/schema.js";
import { TEST_PASSWORD, makeStore, makeUser } from "../../test/factories.js";
import { auditActions } from "../../test/inspection-fixtures.js";
import { createTestApp, loginAs, type Session, type TestApp } from "../../test/test-app.js";
import { configuredFileStore } from "../files/file-store.js";
import { configuredSnapshotStore } from "../kitchen/snapshot-store.js";
import { ONLINE_PATROL_ITEM_CODES } from "./checklist.js";

// 线上巡查 (seed 004, Zhenhai: green units are supervised by online patrol only; issue 12's must-show): the month's
// list from the plan's online items, a patrol recorded with a snapshot as evidence (copied into the file store,
// so it outlives snapshot retention), the plan item counted, failed items → rectification, and jurisdiction
// (out of region → 404, ASVS 4.0.3 4.2.1 / SECURITY.md #1); uploads served with nosniff (ASVS 12.5.2).
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "shian-online-patrol-"));
const period = chinaDate(new Date()).slice(0, 7);
let t: TestApp;
let tianhe: Awaited<ReturnType<typeof makeStore>>;
let yuexiu: Awaited<ReturnType<typeof makeStore>>;
let inspector: Session;
let planItemId: string;
const snapshotIds: string[] = [];
let otherSnapshotId: string;

const jpeg = (colour: string) =>
  sharp({ create: { width: 16, height: 12, channels: 3, background: colour } })
    .jpeg()
    .toBuffer();

async function addSnapshot(storeId: string, regionCode: string, colour: string, minutesAgo: number) {
  const bytes = await jpeg(colour);
  const sha256 = await configuredSnapshotStore({ dataDir }).put(bytes);
  const [row] = await t.database.db
    .insert(kitchenSnapshots)
    .values({
      storeId,
      regionCode,
      sha256,
      bytes: bytes.length,
      takenAt: new Date(Date.now() - minutesAgo * 60_000),
      expiresAt: new Date(Date.now() + 86_400_000),
    })
    .returning();
  return row!;
}

const allPass = (overrides: Record<string, object> = {}) =>
  ONLINE_PATROL_ITEM_CODES.map((code) => ({ code, result: "pass", ...overrides[code] }));

beforeAll(async () => {
  t = await createTestApp({ DATA_DIR: dataDir });
  const db = t.database.db;
  tianhe = await makeStore(db, "440106");
  yuexiu = await makeStore(db, "330213");
  await makeUser(db, { role: "inspector", regionCode: "440106", username: "th-inspector" });
  inspector = await loginAs(t.app, "th-inspector", TEST_PASSWORD);
  const [plan] = await db
    .insert(supervisionPlans)
    .values({ regionCode: "440106", period, model: "zhenhai-3l4c", modelVersion: "test" })
    .returning();
  const [item] = await db
    .insert(planItems)
    .values({ planId: plan!.id, storeId: tianhe.store.id, grade: "green", mode: "online", visitsRequired: 1 })
    .returning();
  planItemId = item!.id;
  await db.insert(kitchenFeeds).values({
    storeId: tianhe.store.id,
    name: "后厨热菜区",
    hlsUrl: "https://video.example.cn/kitchen/1.m3u8",
  });
  snapshotIds.push((await addSnapshot(tianhe.store.id, "440106", "#0a0", 20)).id);
  snapshotIds.push((await addSnapshot(tianhe.store.id, "440106", "#00a", 5)).id);
  otherSnapshotId = (await addSnapshot(yuexiu.store.id, "330213", "#a00", 5)).id;
});

afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("online patrol (线上巡查)", () => {
  it("lists the month's online plan items of the jurisdiction with feeds and the latest snapshot", async () => {
    const response = await inspector.inject({ url: `/api/v1/online-patrols?period=${period}` });
    expect(response.statusCode).toBe(200);
    const items = response.json().items as {
      storeId: string;
      grade: string;
      feedCount: number;
      latestSnapshotAt: string;
      done: boolean;
    }[];
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ storeId: tianhe.store.id, grade: "green", feedCount: 1, done: false });
    expect(Date.now() - Date.parse(items[0]!.latestSnapshotAt)).toBeLessThan(6 * 60_000);
  });

  it("shows a store's feeds, snapshots newest first and the video checklist; another region's store is 404", async () => {
    const response = await inspector.inject({ url: `/api/v1/online-patrols/stores/${tianhe.store.id}` });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.feeds).toEqual([
      expect.objectContaining({ name: "后厨热菜区", hlsUrl: "https://video.example.cn/kitchen/1.m3u8" }),
    ]);
    expect(body.snapshots.map((s: { id: string }) => s.id)).toEqual([snapshotIds[1], snapshotIds[0]]);
    expect(body.checklist.items.map((i: { code: string }) => i.code)).toEqual(
      expect.arrayContaining([...ONLINE_PATROL_ITEM_CODES]),
    );
    expect(body.checklist.items).toHaveLength(ONLINE_PATROL_ITEM_CODES.length);
    expect(body.planItem).toMatchObject({ id: planItemId, visitsDone: 0, done: false });
    const other = await inspector.inject({ url: `/api/v1/online-patrols/stores/${yuexiu.store.id}` });
    expect(other.statusCode).toBe(404);
  });

  it("the kitchen module serves the snapshot (one image route) as a JPEG with nosniff; another region's is 404", async () => {
    const image = await inspector.inject({ url: `/api/v1/kitchen/snapshots/${snapshotIds[0]}/image` });
    expect(image.statusCode).toBe(200);
    expect(image.headers["content-type"]).toBe("image/jpeg");
    expect(image.headers["x-content-type-options"]).toBe("nosniff");
    expect(image.rawPayload.subarray(0, 2).toString("hex")).toBe("ffd8");
    const other = await inspector.inject({ url: `/api/v1/kitchen/snapshots/${otherSnapshotId}/image` });
    expect(other.statusCode).toBe(404);
  });

  it("refuses another store's snapshot as evidence and a patrol of another region's store (404)", async () => {
    const foreign = await inspector.inject({
      method: "POST",
      url: "/api/v1/online-patrols",
      payload: {
        storeId: tianhe.store.id,
        period,
        results: allPass({ premises_clean: { snapshotIds: [otherSnapshotId] } }),
      },
    });
    expect(foreign.statusCode).toBe(400);
    const outside = await inspector.inject({
      method: "POST",
      url: "/api/v1/online-patrols",
      payload: { storeId: yuexiu.store.id, period, results: allPass() },
    });
    expect(outside.statusCode).toBe(404);
  });

  it("records a patrol with a snapshot as evidence: online_patrol inspection, plan item +1, failed item → rectification; the evidence outlives the snapshot", async () => {
    const db = t.database.db;
    // Sent twice with the same idempotency key: the replay records nothing more.
    const record = () =>
      inspector.inject({
        method: "POST",
        url: "/api/v1/online-patrols",
        headers: { "idempotency-key": "online-patrol-test-1" },
        payload: {
          storeId: tianhe.store.id,
          period,
          results: allPass({
            staff_hygiene: { result: "fail", note: "厨师未戴帽", snapshotIds: [snapshotIds[1]] },
          }),
        },
      });
    const response = await record();
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({ kind: "online_patrol", outcome: "rectify" });
    expect(body.planItem).toMatchObject({ id: planItemId, visitsDone: 1, done: true });
    expect(body.rectificationIds).toHaveLength(1);

    const [inspection] = await db.select().from(inspections).where(eq(inspections.id, body.id));
    expect(inspection).toMatchObject({ kind: "online_patrol", planItemId, lat: null, farFromStore: null });
    const evidence = inspection!.results!.find((r) => r.code === "staff_hygiene")!;
    expect(evidence.photoFileIds).toHaveLength(1);
    const [order] = await db.select().from(rectifications).where(eq(rectifications.inspectionId, body.id));
    expect(order).toMatchObject({ itemCode: "staff_hygiene", status: "open", regionCode: "440106" });
    expect((await auditActions(db, "inspection", body.id)).map((a) => a.action)).toEqual([
      "inspection.record",
    ]);

    // The replayed request (same idempotency key) records nothing more.
    const replay = await record();
    expect(replay.json().id).toBe(body.id);
    const [item] = await db.select().from(planItems).where(eq(planItems.id, planItemId));
    expect(item!.visitsDone).toBe(1);
    const list = await inspector.inject({ url: `/api/v1/online-patrols?period=${period}` });
    expect(list.json().items[0]).toMatchObject({ visitsDone: 1, done: true });

    // Retention removes the snapshot's row and bytes; the evidence file stays readable.
    const [snapshot] = await db
      .select()
      .from(kitchenSnapshots)
      .where(eq(kitchenSnapshots.id, snapshotIds[1]!));
    await db.delete(kitchenSnapshots).where(eq(kitchenSnapshots.id, snapshot!.id));
    const stored = path.join(
      dataDir,
      "snapshots",
      snapshot!.sha256.slice(0, 2),
      snapshot!.sha256.slice(2, 4),
    );
    fs.rmSync(path.join(stored, snapshot!.sha256));
    const [file] = await db.select().from(files).where(eq(files.id, evidence.photoFileIds![0]!));
    expect(file).toMatchObject({ contentType: "image/jpeg", regionCode: "440106" });
    expect(await configuredFileStore({ dataDir }).get(file!.sha256)).not.toBeNull();
    const download = await inspector.inject({ url: `/api/v1/files/${file!.id}` });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.subarray(0, 2).toString("hex")).toBe("ffd8");
  });
});
