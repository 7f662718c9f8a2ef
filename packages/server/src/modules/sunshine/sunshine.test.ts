import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rapidTests, staff } from "../../db/schema.js";
import { TEST_KEYRING, TEST_PASSWORD, makeUser } from "../../test/factories.js";
import { staffRowWithHealthCertificate } from "../entities/personal-data.js";

import { licensedStore, type TestStore } from "../../test/grading-fixtures.js";
import { createTestApp, loginAs, type Session, type TestApp } from "../../test/test-app.js";
import { safetyCodeOfStore } from "../safety-code/service.js";

const XIANGSHAN = "330225";
const FEED = "https://cam.example-vendor.cn/live/stall-7/index.m3u8";

let t: TestApp;
let stall: TestStore;
let code: string;
let owner: Session;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  stall = await licensedStore(db, { regionCode: XIANGSHAN, subtype: "small_catering" });
  await makeUser(db, {
    username: "stall-owner",
    role: "business_owner",
    regionCode: null,
    businessId: stall.businessId,
  });
  owner = await loginAs(t.app, "stall-owner", TEST_PASSWORD);
  code = (await safetyCodeOfStore(db, stall.storeId))!;
}, 60_000);
afterAll(() => t.close());

/** Feeds are managed by the smart-kitchen routes only (step 10); the screen reads what they registered. */
const addFeed = (session: Session, payload: { name: string; hlsUrl?: string }) =>
  session.inject({ method: "POST", url: `/api/v1/stores/${stall.storeId}/kitchen/feeds`, payload });

describe("GET /screen/{code} (阳光电子屏)", () => {
  it("seed 004 Xiangshan/Zhenhai: shows store, colour, licence, kitchen video, today's rapid tests, commitment, masked health certificates, QR; refreshes itself", async () => {
    const db = t.database.db;
    expect((await addFeed(owner, { name: "卤肉加工间", hlsUrl: FEED })).statusCode).toBe(201);
    // A newer camera without a playlist (snapshots only) does not replace the video the screen plays.
    expect((await addFeed(owner, { name: "抓拍机" })).statusCode).toBe(201);
    await db.insert(rapidTests).values([
      {
        storeId: stall.storeId,
        testedAt: new Date(),
        item: "瘦肉精",
        result: "pass",
        value: "阴性",
        source: "entered",
      },
      {
        storeId: stall.storeId,
        testedAt: new Date(Date.now() - 3 * 86_400_000),
        item: "亚硝酸盐（旧）",
        result: "fail",
        source: "entered",
      },
    ]);
    await db.insert(staff).values(
      staffRowWithHealthCertificate(TEST_KEYRING, {
        businessId: stall.businessId,
        storeId: stall.storeId,
        name: "欧阳明月",
        healthCertificateNo: "HC-1",
        healthCertificateIssuer: "象山县疾控中心",
        healthCertificateValidTo: "2099-12-31",
      }),
    );
    const signed = await owner.inject({
      method: "POST",
      url: "/api/v1/portal/commitments",
      payload: { storeId: stall.storeId, template: "xiangshan-2023", signerName: "王大锤" },
    });
    expect(signed.statusCode).toBe(201);

    const response = await t.app.inject({ method: "GET", url: `/screen/${code}` });
    expect(response.statusCode).toBe(200);
    const body = response.body;
    expect(body).toContain(stall.name);
    expect(body).toMatch(/banner (ok|warn|bad)/);
    expect(body).toMatch(/[绿黄红]码/);
    expect(body).toContain("JY9");
    expect(body).toContain(`<video src="${FEED}"`);
    expect(body).toContain("瘦肉精");
    expect(body).toContain("阴性");
    expect(body).not.toContain("亚硝酸盐（旧）");
    expect(body).toContain("食品安全承诺书");
    expect(body).toContain("王**");
    expect(body).not.toContain("王大锤");
    expect(body).toContain("欧***");
    expect(body).not.toContain("欧阳明月");
    expect(body).toContain('<meta http-equiv="refresh" content="60" />');
    expect(body).toContain("<svg");
    expect(body).not.toContain("<script");
    const csp = String(response.headers["content-security-policy"]);
    expect(csp).toContain("media-src 'self' https://cam.example-vendor.cn");
    expect(csp).toContain("script-src 'self'");
  });

  it("the app-wide CSP elsewhere does not allow the feed's origin", async () => {
    const scan = await t.app.inject({ method: "GET", url: `/s/${code}` });
    expect(String(scan.headers["content-security-policy"])).not.toContain("cam.example-vendor.cn");
  });

  it("an unknown code is a 404 page", async () => {
    const response = await t.app.inject({ method: "GET", url: "/screen/ZZZZZZZZZZ" });
    expect(response.statusCode).toBe(404);
    expect(response.headers["content-type"]).toContain("text/html");
  });
});
