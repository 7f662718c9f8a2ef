import { generateKeyPairSync } from "node:crypto";
import { chinaDate } from "@shian/domain";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { licenses, outbox, tasks } from "../../db/schema.js";
import { TEST_PASSWORD, makeStore, makeUser } from "../../test/factories.js";
import { auditActions } from "../../test/inspection-fixtures.js";
import { createTestApp, loginAs, type Session, type TestApp } from "../../test/test-app.js";
import { deliverDue } from "../outbox/worker.js";
import { expectedSignature, startWebhookReceiver, webhookTestAdapters } from "../../test/webhook-receiver.js";
import { createSafetyCodes, safetyCodeOfStore } from "../safety-code/service.js";
import { signSale } from "../trace/simulator.js";

// Issue 13 (step 11), 浙食链 recalls: a batch recalled by an officer or its producer shows a 召回 banner on every
// trace page of the batch at once; receiving stores get a task, authorised partners a signed webhook; audited,
// listed publicly. Seed 004 (象山 braised meat) provides the batches and trace codes.
const XIANGSHAN = "330225";
const TIANHE = "440106";
const PASSPHRASE = "recalls-test-passphrase";
const PRODUCER_LICENCE = "SC13302250000077";
const BATCH_NUMBER = "XS-20261201-01";

let t: TestApp;
let producerOwner: Session;
let producerStaff: Session;
let receiverOwner: Session;
let otherOwner: Session;
let inspector: Session;
let outsideInspector: Session;
let admin: Session;
let producer: Awaited<ReturnType<typeof makeStore>>;
let receiver: Awaited<ReturnType<typeof makeStore>>;
let unrelated: Awaited<ReturnType<typeof makeStore>>;
let batchId: string;
let traceToken: string;
let recallId: string;
let safetyCode: string;

const batchBody = (storeId: string, batchNumber: string, materials: object[]) => ({
  storeId,
  batchNumber,
  product: "卤猪耳",
  producedAt: new Date().toISOString(),
  materials,
});

const tracePage = (lang: "zh-CN" | "en" = "zh-CN") => t.app.inject({ url: `/t/${traceToken}?lang=${lang}` });

beforeAll(async () => {
  t = await createTestApp({ WEBHOOK_ALLOW_PRIVATE: "true", SIGNING_KEY_PASSPHRASE: PASSPHRASE });
  const db = t.database.db;
  producer = await makeStore(db, XIANGSHAN);
  receiver = await makeStore(db, XIANGSHAN);
  unrelated = await makeStore(db, XIANGSHAN);
  await db.insert(licenses).values({
    number: PRODUCER_LICENCE,
    type: "SC",
    businessId: producer.businessId,
    storeId: producer.store.id,
    regionCode: XIANGSHAN,
    status: "valid",
    currentVersion: 1,
    validFrom: chinaDate(new Date(Date.now() - 365 * 86_400_000)),
    validTo: chinaDate(new Date(Date.now() + 1000 * 86_400_000)),
    issuedAt: new Date(),
  });
  await createSafetyCodes(db, [producer.store.id]);
  safetyCode = (await safetyCodeOfStore(db, producer.store.id))!;
  const users: [string, Parameters<typeof makeUser>[1]][] = [
    ["rc-producer", { role: "business_owner", regionCode: XIANGSHAN, businessId: producer.businessId }],
    ["rc-staff", { role: "business_staff", regionCode: XIANGSHAN, businessId: producer.businessId }],
    ["rc-receiver", { role: "business_owner", regionCode: XIANGSHAN, businessId: receiver.businessId }],
    ["rc-other", { role: "business_owner", regionCode: XIANGSHAN, businessId: unrelated.businessId }],
    ["rc-inspector", { role: "inspector", regionCode: XIANGSHAN }],
    ["rc-outsider", { role: "inspector", regionCode: TIANHE }],
    ["rc-admin", { role: "admin", regionCode: null }],
  ];
  for (const [username, options] of users) await makeUser(db, { ...options, username });
  const sessions = await Promise.all(users.map(([username]) => loginAs(t.app, username, TEST_PASSWORD)));
  [producerOwner, producerStaff, receiverOwner, otherOwner, inspector, outsideInspector, admin] =
    sessions as [Session, Session, Session, Session, Session, Session, Session];

  // The producer's batch, and a trace code printed by its scale for a sale of it.
  const produced = await producerOwner.inject({
    method: "POST",
    url: "/api/v1/portal/batches",
    payload: batchBody(producer.store.id, BATCH_NUMBER, [{ name: "猪耳", supplierName: "某肉联厂" }]),
  });
  expect(produced.statusCode, produced.body).toBe(201);
  batchId = produced.json().id;
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const device = await producerOwner.inject({
    method: "POST",
    url: "/api/v1/portal/devices",
    payload: {
      storeId: producer.store.id,
      kind: "scale",
      name: "1号电子秤",
      publicKey: publicKey.export({ format: "jwk" }).x!,
    },
  });
  expect(device.statusCode, device.body).toBe(201);
  traceToken = signSale(privateKey, {
    d: device.json().id,
    n: 1,
    s: producer.store.id,
    b: BATCH_NUMBER,
    p: "卤猪耳",
    w: 356,
    t: new Date().toISOString(),
  });

  // A shop that bought this batch (supplier licence + supplier batch number) and one that bought another batch.
  for (const [session, store, supplierBatchNumber] of [
    [receiverOwner, receiver, BATCH_NUMBER],
    [otherOwner, unrelated, "XS-20261130-09"],
  ] as const) {
    const received = await session.inject({
      method: "POST",
      url: "/api/v1/portal/batches",
      payload: batchBody(store.store.id, "IN-1", [
        {
          name: "卤猪耳",
          supplierName: "象山卤味工坊",
          supplierLicenceNumber: PRODUCER_LICENCE,
          supplierBatchNumber,
        },
      ]),
    });
    expect(received.statusCode, received.body).toBe(201);
    expect(received.json().materials[0].supplierBatchNumber).toBe(supplierBatchNumber);
  }
});
afterAll(() => t.close());

const recall = (session: Session, id: string, payload: object = { reason: "抽检不合格：菌落总数超标" }) =>
  session.inject({ method: "POST", url: `/api/v1/batches/${id}/recall`, payload });

describe("recalls: who may recall (ASVS 4.2.1; records outside 辖区 answer 404)", () => {
  it("staff 403; another business and an officer of another district 404; an unknown batch 404", async () => {
    expect((await recall(producerStaff, batchId)).statusCode).toBe(403);
    expect((await recall(otherOwner, batchId)).statusCode).toBe(404);
    expect((await recall(outsideInspector, batchId)).statusCode).toBe(404);
    expect((await recall(inspector, "00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
    const [row] = await t.database.db
      .execute(sql`select count(*)::int as n from recalls`)
      .then((r) => (r as unknown as { rows: { n: number }[] }).rows);
    expect(row!.n).toBe(0);
  });
});

describe("recalls: the producer recalls; trace page, tasks, inbox, partner webhook (issue 13 must-show)", () => {
  it("a recall shows on a trace page within one request after it is made (zh and en)", async () => {
    // The consumer scans the code (twice: whatever a cache could hold) — no banner.
    for (let i = 0; i < 2; i++) {
      const before = await tracePage();
      expect(before.statusCode).toBe(200);
      expect(before.body).not.toContain("data-recall");
    }
    // The producer's scan page IS cached in process (scanPageCache): rendered now, it must be dropped on recall.
    expect((await t.app.inject({ url: `/s/${safetyCode}` })).body).not.toContain("data-recall");
    const created = await recall(producerOwner, batchId);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      batchId,
      batchNumber: BATCH_NUMBER,
      status: "open",
      reason: "抽检不合格：菌落总数超标",
      receivingStores: 1,
    });
    recallId = created.json().id;

    const after = await tracePage();
    expect(after.headers["cache-control"]).toBe("public, no-cache");
    expect(after.body).toContain('data-recall="open"');
    expect(after.body).toContain("召回");
    expect(after.body).toContain("抽检不合格：菌落总数超标");
    expect(after.body).toContain(chinaDate(new Date()));
    expect((await tracePage("en")).body).toContain("This batch was recalled on");
    const scan = await t.app.inject({ url: `/s/${safetyCode}` });
    expect(scan.body).toContain('data-recall="open"');
    expect(scan.body).toContain(`批次号 ${BATCH_NUMBER}`);

    expect((await recall(inspector, batchId)).statusCode).toBe(409); // one open recall per batch
    expect((await auditActions(t.database.db, "recall", recallId)).map((a) => a.action)).toEqual([
      "recall.create",
    ]);
  });

  it("the store that received the batch gets a recall task and an inbox message; the other store none", async () => {
    const recallTasks = await t.database.db.select().from(tasks).where(eq(tasks.kind, "recall"));
    expect(recallTasks.map((task) => task.storeId)).toEqual([receiver.store.id]);
    expect(recallTasks[0]).toMatchObject({ status: "open", regionCode: XIANGSHAN });
    const inbox = await t.database.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.channel, "inbox"), sql`${outbox.dedupeKey} like ${`recall:${recallId}:%`}`));
    expect(inbox.map((m) => (m.payload as { businessId: string }).businessId)).toEqual([receiver.businessId]);
    expect((inbox[0]!.payload as { body: string }).body).toContain(BATCH_NUMBER);
  });
});

describe("recalls: authorised partners hear of it by a signed webhook", () => {
  it("enqueues batch.recalled for the producer's authorised partner and delivers it with an HMAC signature", async () => {
    // A second batch, recalled by an officer of the district once the partner is authorised and listening.
    const produced = await producerOwner.inject({
      method: "POST",
      url: "/api/v1/portal/batches",
      payload: batchBody(producer.store.id, "XS-20261202-01", [{ name: "猪耳", supplierName: "某肉联厂" }]),
    });
    const secondBatch = produced.json().id as string;
    const client = (
      await admin.inject({
        method: "POST",
        url: "/api/v1/api-clients",
        payload: { name: "美团", scopes: ["certificates:read", "webhooks"], regionCode: null },
      })
    ).json() as { id: string; key: string };
    const { url, received, close } = await startWebhookReceiver();
    try {
      const registered = await t.app.inject({
        method: "POST",
        url: "/api/v1/partner/webhooks",
        payload: { url },
        headers: { "x-api-key": client.key },
      });
      expect(registered.statusCode, registered.body).toBe(201);
      const { secret } = registered.json() as { secret: string };
      const granted = await producerOwner.inject({
        method: "POST",
        url: "/api/v1/partner-authorizations",
        payload: { apiClientId: client.id, validUntil: new Date(Date.now() + 86_400_000).toISOString() },
      });
      expect(granted.statusCode, granted.body).toBe(201);

      const created = await recall(inspector, secondBatch, { reason: "企业自查发现异物" });
      expect(created.statusCode, created.body).toBe(201);
      const queued = await t.database.db
        .select()
        .from(outbox)
        .where(sql`${outbox.payload}->'event'->>'type' = 'batch.recalled'`);
      expect(queued).toHaveLength(1);
      expect(queued[0]!.payload).toMatchObject({
        url,
        event: { recallId: created.json().id, batchNumber: "XS-20261202-01", reason: "企业自查发现异物" },
      });

      const adapters = webhookTestAdapters(PASSPHRASE, t.app.log);
      while ((await deliverDue(t.database.db, adapters, t.app.log)) > 0);
      const delivery = received.find((r) => JSON.parse(r.body).type === "batch.recalled")!;
      expect(JSON.parse(delivery.body)).toMatchObject({
        type: "batch.recalled",
        batchNumber: "XS-20261202-01",
      });
      expect(delivery.headers["x-shian-signature"]).toBe(expectedSignature(secret, delivery));
    } finally {
      close();
    }
  });
});

describe("recalls: closing and the public list", () => {
  const close = (session: Session, id: string) =>
    session.inject({
      method: "POST",
      url: `/api/v1/recalls/${id}/close`,
      payload: { note: "已全部下架销毁" },
    });

  it("only an officer of the district closes (audited); the trace page then shows the recall as closed", async () => {
    expect((await close(producerOwner, recallId)).statusCode).toBe(403);
    expect((await close(outsideInspector, recallId)).statusCode).toBe(404);
    const closed = await close(inspector, recallId);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: "closed", closingNote: "已全部下架销毁" });
    expect((await close(inspector, recallId)).statusCode).toBe(409);
    expect(await auditActions(t.database.db, "recall", recallId)).toEqual([
      expect.objectContaining({ action: "recall.create" }),
      { action: "recall.close", after: { status: "closed", note: "已全部下架销毁" } },
    ]);
    const page = await tracePage();
    expect(page.body).toContain('data-recall="closed"');
    expect(page.body).toContain("召回已于");
    // Tasks are left open: each store's check closes its own (docs/recalls.md).
    const [task] = await t.database.db.select().from(tasks).where(eq(tasks.kind, "recall"));
    expect(task!.status).toBe("open");
    // After closing, the batch may be recalled again.
    expect((await recall(inspector, batchId, { reason: "复检仍不合格" })).statusCode).toBe(201);
    expect((await tracePage()).body).toContain('data-recall="open"');
  });

  it("GET /api/v1/public/recalls lists open and closed recalls without personal data (PIPL art. 25); /recalls renders", async () => {
    const listed = await t.app.inject({ url: "/api/v1/public/recalls" });
    expect(listed.statusCode, listed.body).toBe(200);
    const items = listed.json().items as Record<string, unknown>[];
    expect(items.map((i) => [i.batchNumber, i.status])).toEqual([
      [BATCH_NUMBER, "open"],
      ["XS-20261202-01", "open"],
      [BATCH_NUMBER, "closed"],
    ]);
    expect(Object.keys(items[2]!).sort()).toEqual(
      [
        "batchNumber",
        "closedAt",
        "id",
        "producedAt",
        "product",
        "producerName",
        "reason",
        "recalledAt",
        "status",
        "storeName",
      ].sort(),
    );
    expect(listed.body).not.toContain("已全部下架销毁");
    const closedOnly = await t.app.inject({ url: "/api/v1/public/recalls?status=closed" });
    expect(closedOnly.json().items).toHaveLength(1);
    const page = await t.app.inject({ url: "/recalls?lang=en" });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Food recalls");
    expect(page.body).toContain(BATCH_NUMBER);
  });
});
