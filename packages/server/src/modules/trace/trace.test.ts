import { generateKeyPairSync, type KeyObject } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chinaDate, type TracePayload } from "@shian/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alerts, commitmentLetters, licenses, traceCodes } from "../../db/schema.js";
import { TEST_PASSWORD, makeStore, makeUser } from "../../test/factories.js";
import { auditActions } from "../../test/inspection-fixtures.js";
import { applyAndApprove } from "../../test/licensing-flow.js";
import { licensingCast } from "../../test/officers.js";
import { createTestApp, loginAs, type Session, type TestApp } from "../../test/test-app.js";
import { createSafetyCodes, safetyCodeOfStore } from "../safety-code/service.js";
import { signSale, simulateSales } from "./simulator.js";
import { verifyTraceCode } from "./service.js";

// Seed 004, 象山县卤肉“一件事”改革: from raw material to the table — batches with their raw materials and
// suppliers, rapid tests, and a code on each sale that the consumer scans; 原料过期 is a red alert.
const BASE = "https://shian.example.gov.cn";
const XIANGSHAN = "330225";
const DAY_MS = 86_400_000;
const day = (offset: number) => chinaDate(new Date(Date.now() + offset * DAY_MS));

let t: TestApp;
let owner: Session;
let staffMember: Session;
let otherOwner: Session;
let inspector: Session;
let supplierApprover: Session;
let supplierLicenceId: string;
let supplierLicenceNo: string;
let producer: Awaited<ReturnType<typeof makeStore>>;
let safetyCode: string;
let scale: { id: string; privateKey: KeyObject };
let serial = 0;

function newKey() {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  return { raw: publicKey.export({ format: "jwk" }).x!, privateKey };
}

const sale = (overrides: Partial<TracePayload> = {}): TracePayload => ({
  d: scale.id,
  n: (serial += 1),
  s: producer.store.id,
  b: "XS-20250501-01",
  p: "卤猪耳",
  w: 356,
  t: new Date().toISOString(),
  ...overrides,
});

const upload = (codes: string[]) =>
  t.app.inject({ method: "POST", url: "/api/v1/devices/trace-codes", payload: { codes } });

async function storedCodes() {
  return t.database.db.select().from(traceCodes).where(eq(traceCodes.storeId, producer.store.id));
}

/** The same text with the character at `index` replaced by another base64url character. */
function changeAt(token: string, index: number): string {
  const replacement = token[index] === "A" ? "B" : "A";
  return token.slice(0, index) + replacement + token.slice(index + 1);
}

const batchBody = (batchNumber: string, materials: object[], extra: object = {}) => ({
  storeId: producer.store.id,
  batchNumber,
  product: "卤猪耳",
  producedAt: new Date().toISOString(),
  quantity: 20,
  unit: "kg",
  materials,
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_BASE_URL: BASE });
  const db = t.database.db;
  // A supplier (a meat wholesaler) with a real licence and certificate, issued through the licensing flow.
  const supplier = await licensingCast(t.app, db, "440106", "sup");
  supplierApprover = supplier.officers.approver;
  const approved = await applyAndApprove(supplier.owner, supplier.officers, {
    kind: "new",
    licenseType: "JY",
    storeId: supplier.store.id,
    businessForm: "catering",
    subtype: "restaurant_small",
    items: [{ code: "hot_food" }],
  });
  supplierLicenceId = approved.licenseId!;
  supplierLicenceNo = (await supplier.owner.inject({ url: `/api/v1/licenses/${supplierLicenceId}` })).json()
    .number;

  // The Xiangshan braised-meat workshop: licensed, with a 食安码.
  producer = await makeStore(db, XIANGSHAN);
  await db.insert(licenses).values({
    number: "JY13302250000001",
    type: "JY",
    businessId: producer.businessId,
    storeId: producer.store.id,
    regionCode: XIANGSHAN,
    status: "valid",
    currentVersion: 1,
    validFrom: day(-365),
    validTo: day(1000),
    issuedAt: new Date(),
  });
  await createSafetyCodes(db, [producer.store.id]);
  safetyCode = (await safetyCodeOfStore(db, producer.store.id))!;
  const other = await makeStore(db, XIANGSHAN);
  const businessId = producer.businessId;
  await makeUser(db, { role: "business_owner", regionCode: XIANGSHAN, username: "lw-owner", businessId });
  await makeUser(db, { role: "business_staff", regionCode: XIANGSHAN, username: "lw-staff", businessId });
  await makeUser(db, {
    role: "business_owner",
    regionCode: XIANGSHAN,
    username: "lw-other",
    businessId: other.businessId,
  });
  await makeUser(db, { role: "inspector", regionCode: XIANGSHAN, username: "lw-inspector" });
  owner = await loginAs(t.app, "lw-owner", TEST_PASSWORD);
  staffMember = await loginAs(t.app, "lw-staff", TEST_PASSWORD);
  otherOwner = await loginAs(t.app, "lw-other", TEST_PASSWORD);
  inspector = await loginAs(t.app, "lw-inspector", TEST_PASSWORD);
});
afterAll(() => t.close());

describe("devices", () => {
  it("the business owner registers a scale with its Ed25519 key (audited); staff and other businesses cannot", async () => {
    const key = newKey();
    const body = { storeId: producer.store.id, kind: "scale", name: "1号电子秤", publicKey: key.raw };
    const created = await owner.inject({ method: "POST", url: "/api/v1/portal/devices", payload: body });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ kind: "scale", status: "active", publicKey: key.raw });
    scale = { id: created.json().id, privateKey: key.privateKey };
    expect((await auditActions(t.database.db, "device", scale.id)).map((a) => a.action)).toEqual([
      "device.register",
    ]);

    const byStaff = await staffMember.inject({
      method: "POST",
      url: "/api/v1/portal/devices",
      payload: body,
    });
    expect(byStaff.statusCode).toBe(403);
    const byOther = await otherOwner.inject({ method: "POST", url: "/api/v1/portal/devices", payload: body });
    expect(byOther.statusCode).toBe(404);
    const badKey = await owner.inject({
      method: "POST",
      url: "/api/v1/portal/devices",
      payload: { ...body, publicKey: key.raw.slice(0, 40) },
    });
    expect(badKey.statusCode).toBe(400);
    const list = await owner.inject({ url: `/api/v1/portal/devices?storeId=${producer.store.id}` });
    expect(list.json().items.map((d: { id: string }) => d.id)).toContain(scale.id);
  });
});

describe("batches, raw materials and rapid tests", () => {
  it("seed 004 Xiangshan: a batch records its raw materials with each supplier's licence verified live, and its rapid tests", async () => {
    const response = await staffMember.inject({
      method: "POST",
      url: "/api/v1/portal/batches",
      payload: batchBody(
        "XS-20250501-01",
        [
          {
            name: "鲜猪耳",
            supplierName: "天河肉类批发",
            supplierLicenceNumber: supplierLicenceNo,
            quantity: 25,
            unit: "kg",
            purchasedOn: day(-1),
            expiresOn: day(3),
          },
          { name: "酱油", supplierName: "无证调料商", supplierLicenceNumber: "JY99999999999999" },
          { name: "八角", supplierName: "农贸市场摊位" },
        ],
        {
          rapidTests: [{ item: "瘦肉精", result: "pass", value: "阴性", testedAt: new Date().toISOString() }],
        },
      ),
    });
    expect(response.statusCode, response.body).toBe(201);
    const batch = response.json();
    expect(
      batch.materials.map((m: { supplierLicenceStatus: string | null }) => m.supplierLicenceStatus),
    ).toEqual(["valid", "unknown", null]);
    expect(batch.materials.every((m: { expired: boolean }) => !m.expired)).toBe(true);
    expect(batch.rapidTests).toMatchObject([{ item: "瘦肉精", result: "pass", value: "阴性" }]);
    expect((await auditActions(t.database.db, "production_batch", batch.id)).map((a) => a.action)).toEqual([
      "batch.record",
    ]);

    const again = await owner.inject({
      method: "POST",
      url: "/api/v1/portal/batches",
      payload: batchBody("XS-20250501-01", [{ name: "鲜猪耳", supplierName: "天河肉类批发" }]),
    });
    expect(again.statusCode).toBe(409);
    const foreign = await otherOwner.inject({
      method: "POST",
      url: "/api/v1/portal/batches",
      payload: batchBody("XS-X", [{ name: "鲜猪耳", supplierName: "天河肉类批发" }]),
    });
    expect(foreign.statusCode).toBe(404);

    const alone = await owner.inject({
      method: "POST",
      url: "/api/v1/portal/rapid-tests",
      payload: {
        storeId: producer.store.id,
        batchNumber: "XS-20250501-01",
        tests: [{ item: "亚硝酸盐", result: "pass", value: "12 mg/kg", testedAt: new Date().toISOString() }],
      },
    });
    expect(alone.statusCode, alone.body).toBe(201);
    const listed = (
      await owner.inject({ url: `/api/v1/portal/batches?storeId=${producer.store.id}` })
    ).json();
    expect(listed.items[0].rapidTests.map((r: { item: string }) => r.item).sort()).toEqual([
      "亚硝酸盐",
      "瘦肉精",
    ]);
    expect(
      (await otherOwner.inject({ url: `/api/v1/portal/batches?storeId=${producer.store.id}` })).statusCode,
    ).toBe(404);
  });
});

describe("trace codes", () => {
  it("codes signed by a registered device are stored; uploading them again stores nothing new (idempotent)", async () => {
    const codes = [signSale(scale.privateKey, sale()), signSale(scale.privateKey, sale({ w: 120 }))];
    const first = await upload(codes);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ received: 2, stored: 2, duplicates: 0 });
    const replay = await upload(codes);
    expect(replay.json()).toEqual({ received: 2, stored: 0, duplicates: 2 });
    const rows = await storedCodes();
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.batchId !== null)).toBe(true);
  });

  it("one changed byte in any code → 401 and nothing of the upload is stored", async () => {
    const before = (await storedCodes()).length;
    const good = signSale(scale.privateKey, sale());
    const tampered = changeAt(signSale(scale.privateKey, sale()), 20);
    const response = await upload([good, tampered]);
    expect(response.statusCode).toBe(401);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json().type).toBe("urn:shian:problem:trace_code_not_genuine");
    expect((await storedCodes()).length).toBe(before);
  });

  it("a code from an unknown device (a key never registered) → 401", async () => {
    const stranger = newKey();
    const response = await upload([signSale(stranger.privateKey, sale({ d: crypto.randomUUID() }))]);
    expect(response.statusCode).toBe(401);
    // The registered id with another key: the signature does not verify.
    const forged = await upload([signSale(stranger.privateKey, sale())]);
    expect(forged.statusCode).toBe(401);
  });

  it("every single-character change of a code makes it not genuine", async () => {
    const token = signSale(scale.privateKey, sale());
    expect((await verifyTraceCode(t.database.db, token)).genuine).toBe(true);
    for (let i = 0; i < token.length; i += 1) {
      if (token[i] === ".") continue;
      expect((await verifyTraceCode(t.database.db, changeAt(token, i))).genuine, `position ${i}`).toBe(false);
    }
  });
});

describe("the consumer page /t/{code}", () => {
  it("seed 004 Xiangshan: shows the sale, the batch, its raw materials with the suppliers' licence status checked live, the rapid tests, the commitment and the colour", async () => {
    await t.database.db.insert(commitmentLetters).values({
      storeId: producer.store.id,
      businessId: producer.businessId,
      regionCode: XIANGSHAN,
      template: "xiangshan-2023",
      templateVersion: "2023.1",
      items: [
        { code: "qualified_products", text: { zh: "提供合格产品服务", en: "Provide qualified products" } },
      ],
      signerName: "王老板",
    });
    const token = signSale(scale.privateKey, sale({ w: 512 }));
    expect((await upload([token])).statusCode).toBe(200);
    const page = await t.app.inject({ url: `/t/${token}`, headers: { "accept-language": "zh-CN" } });
    expect(page.statusCode).toBe(200);
    for (const text of [
      "正品溯源码",
      producer.store.name,
      "卤猪耳",
      "512 克",
      "XS-20250501-01",
      "鲜猪耳",
      "天河肉类批发",
      supplierLicenceNo,
      "有效",
      "查无此证",
      "瘦肉精",
      "合格",
      "提供合格产品服务",
      "绿码",
      `/s/${safetyCode}/complaint`,
    ]) {
      expect(page.body, text).toContain(text);
    }
    expect(page.body).not.toContain("王老板");
    expect(page.body).not.toContain("尚未上传");

    // Live: the supplier's licence is revoked after the batch was recorded → the page says so now.
    const revoked = await supplierApprover.inject({
      method: "POST",
      url: `/api/v1/licenses/${supplierLicenceId}/status`,
      payload: { status: "revoked", reason: "test" },
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect((await t.app.inject({ url: `/t/${token}` })).body).toContain("已撤销");
    await supplierApprover.inject({
      method: "POST",
      url: `/api/v1/licenses/${supplierLicenceId}/status`,
      payload: { status: "valid", reason: "test" },
    });
  });

  it("a code printed offline and not uploaded yet still shows what its signature vouches for", async () => {
    const token = signSale(scale.privateKey, sale({ p: "卤牛肉", b: "NO-SUCH-BATCH" }));
    const page = await t.app.inject({ url: `/t/${token}?lang=zh-CN` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("卤牛肉");
    expect(page.body).toContain("尚未上传");
    expect(page.body).toContain("商家尚未登记该批次");
  });

  it("a tampered code, or one from an unknown or revoked device, says 非正品溯源码 and shows no data", async () => {
    const token = signSale(scale.privateKey, sale({ p: "卤鸭脖" }));
    const tampered = changeAt(token, token.indexOf(".") + 5);
    const stranger = signSale(newKey().privateKey, sale({ d: crypto.randomUUID(), p: "卤鸭脖" }));
    for (const bad of [tampered, stranger, "not-a-code"]) {
      const page = await t.app.inject({ url: `/t/${bad}?lang=zh-CN` });
      expect(page.statusCode).toBe(404);
      expect(page.body).toContain("非正品溯源码");
      expect(page.body).not.toContain("卤鸭脖");
      expect(page.body).not.toContain(producer.store.name);
    }
    const key = newKey();
    const device = (
      await owner.inject({
        method: "POST",
        url: "/api/v1/portal/devices",
        payload: { storeId: producer.store.id, kind: "till", name: "收银机", publicKey: key.raw },
      })
    ).json();
    const code = signSale(key.privateKey, sale({ d: device.id, p: "卤鸭脖" }));
    expect((await t.app.inject({ url: `/t/${code}` })).statusCode).toBe(200);
    const revoked = await owner.inject({ method: "DELETE", url: `/api/v1/portal/devices/${device.id}` });
    expect(revoked.json().status).toBe("revoked");
    expect((await t.app.inject({ url: `/t/${code}` })).body).toContain("非正品溯源码");
    expect((await upload([code])).statusCode).toBe(401);
  });
});

describe("原料过期 red alert", () => {
  it("seed 004 Xiangshan 原料过期: an expired raw material raises a red alert in the inspector's queue and the store is red until it is closed", async () => {
    const response = await owner.inject({
      method: "POST",
      url: "/api/v1/portal/batches",
      payload: batchBody("XS-20250501-02", [
        { name: "鲜猪耳", supplierName: "天河肉类批发", expiresOn: day(-2) },
        { name: "冰糖", supplierName: "天河肉类批发", expiresOn: day(200) },
      ]),
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(
      response
        .json()
        .materials.map((m: { expired: boolean }) => m.expired)
        .sort(),
    ).toEqual([false, true]);

    const queue = (await inspector.inject({ url: "/api/v1/alerts?status=open&severity=red" })).json();
    const alert = queue.items.find((item: { rule: string }) => item.rule === "expired_raw_material");
    expect(alert).toMatchObject({
      severity: "red",
      storeName: producer.store.name,
      details: { batchNumber: "XS-20250501-02", material: "鲜猪耳", expiresOn: day(-2) },
    });
    expect((await t.app.inject({ url: `/s/${safetyCode}` })).body).toContain("红码");

    const closed = await inspector.inject({
      method: "POST",
      url: `/api/v1/alerts/${alert.id}/close`,
      payload: { note: "现场核查，过期原料已销毁" },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await t.app.inject({ url: `/s/${safetyCode}` })).body).not.toContain("红码");
    // Only the expired material raised an alert, once.
    const rows = await t.database.db.select().from(alerts).where(eq(alerts.storeId, producer.store.id));
    expect(rows.filter((row) => row.rule === "expired_raw_material")).toHaveLength(1);
  });
});

describe("shian device simulate", () => {
  it("a simulated scale registers once, signs sales of the latest batch and uploads them; the URLs open genuine pages", async () => {
    const keyFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "shian-scale-")), "scale.json");
    const options = { storeId: producer.store.id, sales: 2, keyFile, publicBaseUrl: BASE };
    const first = await simulateSales(t.database.db, options);
    const second = await simulateSales(t.database.db, { ...options, batchNumber: "XS-20250501-01" });
    expect(second.deviceId).toBe(first.deviceId);
    expect(first.uploaded).toEqual({ received: 2, stored: 2, duplicates: 0 });
    expect(second.uploaded.stored).toBe(2);
    expect(first.urls[0]).toMatch(new RegExp(`^${BASE}/t/`));
    const page = await t.app.inject({ url: second.urls[1]!.slice(BASE.length) });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("XS-20250501-01");
    expect((await auditActions(t.database.db, "device", first.deviceId)).map((a) => a.action)).toEqual([
      "device.register",
      "trace_code.upload",
      "trace_code.upload",
    ]);
  });
});
