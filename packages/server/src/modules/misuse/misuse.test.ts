// Issue 13 (step 11), must show: batch verify of 1 000 generated platform shops with planted misuse finds every
// planted case and flags none of the clean ones; flags reach the officer queue (冒用核查) by jurisdiction, and a
// confirmation reaches the partner as a signed webhook. SECURITY.md #1 (jurisdiction → 404), #11 (webhooks).
import { createRandom, DEMO_DISTRICTS, generateDemoBusiness } from "@shian/domain";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, licenses, misuseFlags, platformShops, stores } from "../../db/schema.js";
import { createTestApp, loginAs, type Session, type TestApp } from "../../test/test-app.js";
import { TEST_KEYRING, TEST_PASSWORD, makeUser } from "../../test/factories.js";
import { businessRowWithPhone } from "../entities/personal-data.js";
import { insertBusinesses } from "../entities/repository.js";
import { deliverDue } from "../outbox/worker.js";
import { expectedSignature, startWebhookReceiver, webhookTestAdapters } from "../../test/webhook-receiver.js";

const PASSPHRASE = "misuse-test-passphrase-42";
const LICENCES = 1000;
const DISTRICT = DEMO_DISTRICTS.find((d) => d.code === "440106")!;

interface Licensed {
  number: string;
  holderName: string;
  storeName: string;
  address: string;
}
interface Shop {
  licenseNo: string;
  shopName: string;
  shopAddress: string;
  platformShopId: string;
}
type Kind = "licence_not_valid" | "name_mismatch" | "address_mismatch" | "licence_shared" | "region_mismatch";

let t: TestApp;
let apiKey: string;
let inspector: Session;
let outsider: Session;
const licensed: Licensed[] = [];

/** 1 000 licensed stores of 天河区 inserted set-based (the demo generator's businesses, valid JY licences). */
async function insertLicensedStores() {
  const generated = Array.from({ length: LICENCES }, (_, i) =>
    generateDemoBusiness(createRandom(`misuse-${i}`), DISTRICT, i),
  );
  for (let start = 0; start < LICENCES; start += 250) {
    const slice = generated.slice(start, start + 250);
    const created = await insertBusinesses(
      t.database.db,
      slice.map((g) =>
        businessRowWithPhone(TEST_KEYRING, {
          uscc: g.uscc,
          name: g.name,
          legalRepresentative: g.legalRepresentative,
          // No phone: sealing 1 000 phones (a key derivation each) would dominate the test's runtime.
          phone: null,
          regionCode: DISTRICT.code,
        }),
      ),
    );
    const storeRows = await t.database.db
      .insert(stores)
      .values(
        slice.map((g, i) => ({
          businessId: created[i]!.id,
          name: g.store.name,
          address: g.store.address,
          regionCode: DISTRICT.code,
          lat: g.store.lat,
          lng: g.store.lng,
          businessForm: g.store.businessForm,
          subtype: g.store.subtype,
          areaM2: String(g.store.areaM2),
        })),
      )
      .returning({ id: stores.id });
    const numbers = slice.map((_, i) => `JY8440106${String(start + i).padStart(7, "0")}`);
    await t.database.db.insert(licenses).values(
      slice.map((_, i) => ({
        number: numbers[i]!,
        type: "JY",
        businessId: created[i]!.id,
        storeId: storeRows[i]!.id,
        regionCode: DISTRICT.code,
        status: "valid",
        currentVersion: 1,
        validFrom: "2024-01-01",
        validTo: "2029-12-31",
        issuedAt: new Date("2024-01-01T00:00:00+08:00"),
      })),
    );
    slice.forEach((g, i) =>
      licensed.push({
        number: numbers[i]!,
        holderName: g.name,
        storeName: g.store.name,
        address: g.store.address,
      }),
    );
  }
}

/** How a platform writes a clean shop: the same premises and name, in one of several harmless variants. */
function cleanVariant(licence: Licensed, i: number): Pick<Shop, "shopName" | "shopAddress"> {
  const base = licence.storeName.replace(/\(.*\)$/, "");
  const toFullWidth = (s: string) =>
    s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  switch (i % 5) {
    case 0:
      return { shopName: licence.storeName, shopAddress: licence.address };
    case 1:
      return { shopName: `${base}（天河店）`, shopAddress: licence.address.replace("广东省", "") };
    case 2:
      return { shopName: `${base}·天河分店`, shopAddress: toFullWidth(licence.address.replace("号", "號")) };
    case 3:
      return { shopName: base, shopAddress: `${licence.address.replace("广东省广州市", "广州 ")} 2楼201室` };
    default:
      return { shopName: `${base}外卖`, shopAddress: licence.address.replace("天河区", "天河") };
  }
}

const BORROWER_NAMES = ["蜀香阁麻辣烫", "一品鲜烧腊", "阿婆手工粉", "金牌炸鸡排", "潮汕牛肉火锅"];

/** 1 000 shops: 35 planted (the kinds each must raise), the rest clean; planted shops first, then clean. */
function buildShops() {
  const shops: Shop[] = [];
  const expected = new Map<string, Kind[]>();
  let next = 0;
  const take = () => licensed[next++]!;
  const add = (shop: Omit<Shop, "platformShopId">, kinds: Kind[]) => {
    const platformShopId = `MT${String(shops.length).padStart(6, "0")}`;
    shops.push({ ...shop, platformShopId });
    expected.set(platformShopId, kinds);
  };
  // Borrowed licence: another business's licence shown by a shop of another name at another address.
  for (let i = 0; i < 10; i += 1) {
    const licence = take();
    add(
      {
        licenseNo: licence.number,
        shopName: `${BORROWER_NAMES[i % BORROWER_NAMES.length]}${i}`,
        shopAddress: `广东省广州市天河区华夏路${2000 + i}号`,
      },
      ["name_mismatch"],
    );
  }
  // Wrong address: the right name, another house number.
  for (let i = 0; i < 10; i += 1) {
    const licence = take();
    add(
      {
        licenseNo: licence.number,
        shopName: licence.storeName,
        shopAddress: licence.address.replace(/(\d+)号$/, (_, n: string) => `${Number(n) + 1000}号`),
      },
      ["address_mismatch"],
    );
  }
  // One licence on 5 shops (names and address all match: only the sharing is wrong).
  const shared = take();
  for (let i = 0; i < 5; i += 1) {
    add({ licenseNo: shared.number, shopName: `${shared.storeName}${i}`, shopAddress: shared.address }, [
      "licence_shared",
    ]);
  }
  // Invalid licences: 3 unknown numbers, one suspended, one expired.
  for (let i = 0; i < 3; i += 1) {
    add(
      {
        licenseNo: `JY8440106${String(9_000_000 + i)}`,
        shopName: `无证小吃${i}`,
        shopAddress: licensed[0]!.address,
      },
      ["licence_not_valid"],
    );
  }
  const suspended = take();
  const expired = take();
  for (const licence of [suspended, expired]) {
    add({ licenseNo: licence.number, ...cleanVariant(licence, 0) }, ["licence_not_valid"]);
  }
  // Out of region: the licensed name, but the shop sits in 海珠区 (the same road and number).
  for (let i = 0; i < 5; i += 1) {
    const licence = take();
    add(
      {
        licenseNo: licence.number,
        shopName: licence.storeName,
        shopAddress: licence.address.replace("天河区", "海珠区"),
      },
      ["region_mismatch"],
    );
  }
  const planted = shops.length;
  while (shops.length < LICENCES) {
    const licence = take();
    add({ licenseNo: licence.number, ...cleanVariant(licence, shops.length) }, []);
  }
  return { shops, expected, planted, suspended, expired };
}

const asPartner = (url: string, payload?: object, method: "GET" | "POST" = "POST") =>
  t.app.inject({ url, method, ...(payload ? { payload } : {}), headers: { "x-api-key": apiKey } });

let plan: ReturnType<typeof buildShops>;

beforeAll(async () => {
  t = await createTestApp({ WEBHOOK_ALLOW_PRIVATE: "true", SIGNING_KEY_PASSPHRASE: PASSPHRASE });
  await insertLicensedStores();
  plan = buildShops();
  await t.database.db
    .update(licenses)
    .set({ status: "suspended" })
    .where(eq(licenses.number, plan.suspended.number));
  await t.database.db
    .update(licenses)
    .set({ validTo: "2020-12-31" })
    .where(eq(licenses.number, plan.expired.number));
  await makeUser(t.database.db, { role: "admin", regionCode: null, username: "misuse-admin" });
  await makeUser(t.database.db, { role: "inspector", regionCode: "440106", username: "misuse-inspector" });
  await makeUser(t.database.db, { role: "inspector", regionCode: "310104", username: "misuse-outsider" });
  const admin = await loginAs(t.app, "misuse-admin", TEST_PASSWORD);
  inspector = await loginAs(t.app, "misuse-inspector", TEST_PASSWORD);
  outsider = await loginAs(t.app, "misuse-outsider", TEST_PASSWORD);
  const created = await admin.inject({
    method: "POST",
    url: "/api/v1/api-clients",
    payload: { name: "饿了么", scopes: ["verify", "webhooks"], regionCode: null },
  });
  apiKey = created.json().key;
});
afterAll(() => t.close());

describe("misuse detection in partner batch verification (issue 13)", () => {
  it("1 000 platform shops: every planted case found, no clean shop flagged (figures printed)", async () => {
    const started = performance.now();
    const response = await asPartner("/api/v1/partner/verify", { shops: plan.shops });
    const ms = Math.round(performance.now() - started);
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json().items as {
      platformShopId: string;
      flags: { kind: Kind; reason: string }[];
    }[];
    expect(items).toHaveLength(LICENCES);

    const plantedPerKind: Partial<Record<Kind, number>> = {};
    const foundPerKind: Partial<Record<Kind, number>> = {};
    const missed: string[] = [];
    const falsePositives: string[] = [];
    for (const item of items) {
      const kinds = plan.expected.get(item.platformShopId)!;
      const got = new Set(item.flags.map((flag) => flag.kind));
      if (kinds.length === 0 && got.size > 0) {
        falsePositives.push(`${item.platformShopId} ${JSON.stringify(item.flags)}`);
      }
      for (const kind of kinds) {
        plantedPerKind[kind] = (plantedPerKind[kind] ?? 0) + 1;
        if (got.has(kind)) foundPerKind[kind] = (foundPerKind[kind] ?? 0) + 1;
        else missed.push(`${item.platformShopId} expected ${kind}, got ${JSON.stringify(item.flags)}`);
      }
    }
    console.log(
      `[misuse figures] shops=${items.length} planted=${plan.planted} clean=${items.length - plan.planted}` +
        ` plantedPerKind=${JSON.stringify(plantedPerKind)} foundPerKind=${JSON.stringify(foundPerKind)}` +
        ` missed=${missed.length} falsePositives=${falsePositives.length} ms=${ms}`,
    );
    expect(missed).toEqual([]);
    expect(falsePositives).toEqual([]);
    // A borrowed licence at another address is also an address mismatch; an out-of-region shop too.
    const borrowed = items.find((item) => item.platformShopId === "MT000000")!;
    expect(borrowed.flags.map((flag) => flag.kind).sort()).toEqual(["address_mismatch", "name_mismatch"]);

    // Flags and shops are stored, one open flag per shop and kind, with the evidence; one audit row.
    const stored = await t.database.db
      .select({ kind: misuseFlags.kind, n: sql<number>`count(*)::int` })
      .from(misuseFlags)
      .groupBy(misuseFlags.kind);
    const flagged = items.flatMap((item) => item.flags);
    expect(stored.reduce((sum, row) => sum + row.n, 0)).toBe(flagged.length);
    const [shopCount] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(platformShops);
    expect(shopCount!.n).toBe(LICENCES);
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "partner.verify_shops"));
    expect(audit?.after).toMatchObject({ shops: LICENCES, newFlags: flagged.length });

    // The same batch again: shops refreshed, no second open flag of the same kind.
    const again = await asPartner("/api/v1/partner/verify", { shops: plan.shops.slice(0, 40) });
    expect(again.statusCode).toBe(200);
    const [total] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(misuseFlags);
    expect(total!.n).toBe(flagged.length);
  });

  it("keeps the licenseNos shape; refuses duplicate shop ids, over 1 000 shops and unknown fields (400)", async () => {
    const old = await asPartner("/api/v1/partner/verify", { licenseNos: [licensed[500]!.number] });
    expect(old.statusCode).toBe(200);
    // The licenseNos shape answers from certificates (none issued here) and carries no flags.
    expect(old.json().items[0]).toEqual({
      licenseNo: licensed[500]!.number,
      found: false,
      status: null,
      holderName: null,
      validTo: null,
    });
    const shop = plan.shops[500]!;
    expect((await asPartner("/api/v1/partner/verify", { shops: [shop, shop] })).statusCode).toBe(400);
    const many = Array.from({ length: 1001 }, (_, i) => ({ ...shop, platformShopId: `X${i}` }));
    expect((await asPartner("/api/v1/partner/verify", { shops: many })).statusCode).toBe(400);
    expect((await asPartner("/api/v1/partner/verify", { shops: [{ ...shop, extra: 1 }] })).statusCode).toBe(
      400,
    );
  });

  it("officer queue by jurisdiction; confirm → signed webhook to the partner; decided twice → 409 (SECURITY #1, #11)", async () => {
    const list = await inspector.inject({ url: "/api/v1/misuse-flags?status=open&kind=name_mismatch" });
    expect(list.statusCode, list.body).toBe(200);
    const flags = list.json().items as {
      id: string;
      kind: string;
      evidence: { shop: object; licence: object };
    }[];
    expect(flags.length).toBe(10);
    expect(flags[0]!.evidence).toMatchObject({
      shop: { name: expect.any(String) },
      licence: { address: expect.any(String) },
    });
    expect((await outsider.inject({ url: "/api/v1/misuse-flags" })).json().items).toEqual([]);
    const decide = (session: Session, id: string, decision: string) =>
      session.inject({
        method: "POST",
        url: `/api/v1/misuse-flags/${id}/decision`,
        payload: { decision, note: "现场核实：借用他人许可证" },
      });
    expect((await decide(outsider, flags[0]!.id, "confirm")).statusCode).toBe(404);

    const { url, received, close } = await startWebhookReceiver();
    try {
      const registered = await asPartner("/api/v1/partner/webhooks", { url });
      expect(registered.statusCode, registered.body).toBe(201);
      const { secret } = registered.json() as { secret: string };

      const confirmed = await decide(inspector, flags[0]!.id, "confirm");
      expect(confirmed.statusCode, confirmed.body).toBe(200);
      expect(confirmed.json()).toMatchObject({ status: "confirmed" });
      expect((await decide(inspector, flags[0]!.id, "dismiss")).statusCode).toBe(409);
      expect((await decide(inspector, flags[1]!.id, "dismiss")).json()).toMatchObject({
        status: "dismissed",
      });

      const adapters = webhookTestAdapters(PASSPHRASE, t.app.log);
      while ((await deliverDue(t.database.db, adapters, t.app.log)) > 0);
      const deliveries = received.filter((r) => r.body.includes("misuse_flag"));
      expect(deliveries).toHaveLength(1);
      expect(JSON.parse(deliveries[0]!.body)).toMatchObject({
        type: "misuse_flag.confirmed",
        flagId: flags[0]!.id,
        kind: "name_mismatch",
        decision: "confirmed",
      });
      expect(deliveries[0]!.headers["x-shian-signature"]).toBe(expectedSignature(secret, deliveries[0]!));
    } finally {
      close();
    }
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.subjectId, flags[0]!.id));
    expect(audit).toMatchObject({ action: "misuse_flag.confirm", regionCode: "440106" });
  });
});
