import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staff } from "../../db/schema.js";
import { createTestApp, loginAs, type TestApp } from "../../test/test-app.js";
import { TEST_PASSWORD, makeStore, makeUser } from "../../test/factories.js";
import { openStaffHealthCertificateNo } from "./personal-data.js";

// Jurisdiction (辖区) scoping: officers see their region; out-of-region records are 404, never 403.
const APP_PASSPHRASE = "entities test signing passphrase";
let t: TestApp;
let fenghuaStore: Awaited<ReturnType<typeof makeStore>>;
let zhenhaiStore: Awaited<ReturnType<typeof makeStore>>;

beforeAll(async () => {
  t = await createTestApp({ SIGNING_KEY_PASSPHRASE: APP_PASSPHRASE });
  const db = t.database.db;
  fenghuaStore = await makeStore(db, "330213");
  zhenhaiStore = await makeStore(db, "330211");
  await makeStore(db, "440106");
  await makeUser(db, { role: "inspector", regionCode: "330213", username: "fenghua-inspector" });
  await makeUser(db, { role: "leader", regionCode: "330200", username: "ningbo-leader" });
  await makeUser(db, {
    role: "business_owner",
    regionCode: "330213",
    username: "fenghua-owner",
    businessId: fenghuaStore.businessId,
  });
  await makeUser(db, { role: "volunteer", regionCode: "330213", username: "fenghua-volunteer" });
});
afterAll(() => t.close());

describe("jurisdiction scoping", () => {
  it("a Fenghua officer reads a Fenghua store", async () => {
    const session = await loginAs(t.app, "fenghua-inspector", TEST_PASSWORD);
    const response = await session.inject({ url: `/api/v1/stores/${fenghuaStore.store.id}` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: fenghuaStore.store.id, regionCode: "330213" });
  });

  it("a Fenghua officer reading a Zhenhai store gets 404, not 403", async () => {
    const session = await loginAs(t.app, "fenghua-inspector", TEST_PASSWORD);
    const store = await session.inject({ url: `/api/v1/stores/${zhenhaiStore.store.id}` });
    expect(store.statusCode).toBe(404);
    expect(store.json().type).toBe("urn:shian:problem:not_found");
    const business = await session.inject({ url: `/api/v1/businesses/${zhenhaiStore.businessId}` });
    expect(business.statusCode).toBe(404);
  });

  it("the Fenghua officer's list holds only Fenghua stores", async () => {
    const session = await loginAs(t.app, "fenghua-inspector", TEST_PASSWORD);
    const { items } = (await session.inject({ url: "/api/v1/stores" })).json() as {
      items: { regionCode: string }[];
    };
    expect(items.length).toBe(1);
    expect(items.every((s) => s.regionCode === "330213")).toBe(true);
  });

  it("a Ningbo city leader sees its counties (Fenghua and Zhenhai) but not Guangzhou", async () => {
    const session = await loginAs(t.app, "ningbo-leader", TEST_PASSWORD);
    const { items } = (await session.inject({ url: "/api/v1/stores" })).json() as {
      items: { regionCode: string }[];
    };
    expect(items.map((s) => s.regionCode).sort()).toEqual(["330211", "330213"]);
  });

  it("a business owner sees only its own business, with the phone masked", async () => {
    const session = await loginAs(t.app, "fenghua-owner", TEST_PASSWORD);
    const own = await session.inject({ url: `/api/v1/businesses/${fenghuaStore.businessId}` });
    expect(own.statusCode).toBe(200);
    expect(own.json().phoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect((await session.inject({ url: `/api/v1/stores/${zhenhaiStore.store.id}` })).statusCode).toBe(404);
  });

  // PIPL art. 28, 51 / SECURITY.md #15 (docs/security.md "Personal data at rest"): a 健康证明编号 that embeds a
  // resident ID number is stored sealed, bound to its row, and every reply carries only its masked form.
  it("a staff member's health certificate number is sealed at rest and answered masked", async () => {
    const session = await loginAs(t.app, "fenghua-owner", TEST_PASSWORD);
    const number = "330213199001011234";
    const url = `/api/v1/stores/${fenghuaStore.store.id}/staff`;
    const created = await session.inject({
      method: "POST",
      url,
      payload: {
        name: "王五",
        healthCertificateNo: number,
        healthCertificateIssuer: "奉化区疾控中心",
        healthCertificateValidTo: "2027-09-30",
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.body).not.toContain(number);
    expect(created.json().healthCertificateNoMasked).toBe("33**************34");
    const listed = await session.inject({ url });
    expect(listed.body).not.toContain(number);
    expect(listed.json().items).toEqual([
      expect.objectContaining({ id: created.json().id, healthCertificateNoMasked: "33**************34" }),
    ]);
    const [row] = await t.database.db.select().from(staff).where(eq(staff.id, created.json().id));
    expect(JSON.stringify(row)).not.toContain(number);
    const keyring = { passphrase: APP_PASSPHRASE };
    expect(openStaffHealthCertificateNo(keyring, row!.id, row!.healthCertificateNoSealed!)).toBe(number);
    expect(() =>
      openStaffHealthCertificateNo(keyring, randomUUID(), row!.healthCertificateNoSealed!),
    ).toThrow();
  });

  it("a volunteer may not read the store register", async () => {
    const session = await loginAs(t.app, "fenghua-volunteer", TEST_PASSWORD);
    expect((await session.inject({ url: "/api/v1/stores" })).statusCode).toBe(403);
  });

  it("a malformed id is a 400, not a 500", async () => {
    const session = await loginAs(t.app, "fenghua-inspector", TEST_PASSWORD);
    expect((await session.inject({ url: "/api/v1/stores/not-a-uuid" })).statusCode).toBe(400);
  });
});
