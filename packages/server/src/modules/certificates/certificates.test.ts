import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { verifyToken } from "@shian/domain";
import { eq } from "drizzle-orm";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inboxMessages, outbox, publicNotices } from "../../db/schema.js";
import { createTestApp, type Session, type TestApp } from "../../test/test-app.js";
import { applyAndApprove, issueRestaurantLicence, type Officers } from "../../test/licensing-flow.js";
import { licensingCast } from "../../test/officers.js";
import { createAdapters } from "../outbox/adapters.js";
import { deliverDue } from "../outbox/worker.js";
import { STATUS_LIST_SIZE } from "./status-list.js";

const BASE = "https://shian.example.gov.cn";
let t: TestApp;
let owner: Session;
let officers: Officers;
let storeId: string;
let licenseId: string;
let licenseNo: string;
let token: string;

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_BASE_URL: BASE });
  ({
    owner,
    officers,
    store: { id: storeId },
  } = await licensingCast(t.app, t.database.db, "440106", "cert"));
  let certificate: { token: string };
  ({ licenseId, licenseNo, certificate } = await issueRestaurantLicence(owner, officers, storeId));
  token = certificate.token;
});
afterAll(() => t.close());

const verify = () => t.app.inject({ url: `/api/v1/verify/${licenseNo}` });
const verifyTokenApi = (value: string) =>
  t.app.inject({ method: "POST", url: "/api/v1/verify/token", payload: { token: value } });

async function setStatus(status: "valid" | "suspended" | "revoked") {
  const response = await officers.approver.inject({
    method: "POST",
    url: `/api/v1/licenses/${licenseId}/status`,
    payload: { status, reason: "test" },
  });
  expect(response.statusCode, response.body).toBe(200);
}

/** The W3C status-list bit of the certificate, read as a verifier would, from /status/{listId}. */
async function statusBit(purpose: "revocation" | "suspension"): Promise<boolean> {
  const claims = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString("utf8")) as {
    l: string;
    x: number;
  };
  const listId = claims.l.replace("revocation", purpose);
  const list = (await t.app.inject({ url: `/status/${listId}` })).json();
  const bits = gunzipSync(Buffer.from(list.credentialSubject.encodedList.slice(1), "base64url"));
  expect(bits.length * 8).toBe(STATUS_LIST_SIZE);
  return ((bits[claims.x >> 3]! >> (7 - (claims.x & 7))) & 1) === 1;
}

describe("certificates", () => {
  it("the QR PNG decodes with zbarimg to the /v/ URL, and its token verifies offline with only the JWKS", async () => {
    const png = await t.app.inject({ url: `/api/v1/certificates/${licenseNo}/qr.png` });
    expect(png.headers["content-type"]).toBe("image/png");
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "shian-qr-")), "qr.png");
    fs.writeFileSync(file, png.rawPayload);
    const decoded = execFileSync("zbarimg", ["--raw", "-q", file], { encoding: "utf8" }).trim();
    expect(decoded).toBe(`${BASE}/v/${token}`);
    expect(Buffer.byteLength(token)).toBeLessThanOrEqual(400);
    const jwks = (await t.app.inject({ url: "/.well-known/jwks.json" })).json();
    const offline = await verifyToken(decoded.slice(`${BASE}/v/`.length), jwks);
    expect(offline).toMatchObject({ valid: true, claims: { n: licenseNo, v: 1 } });
  });

  it("GET /api/v1/verify/{licenseNo} answers valid, masks the USCC, and supports ETag", async () => {
    const response = await verify();
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      licenseNo,
      status: "valid",
      version: 1,
      subtype: "restaurant_small",
    });
    expect(response.json().usccMasked).toMatch(/^\w{4}\*+\w{4}$/);
    const again = await t.app.inject({
      url: `/api/v1/verify/${licenseNo}`,
      headers: { "if-none-match": response.headers.etag as string },
    });
    expect(again.statusCode).toBe(304);
    expect((await t.app.inject({ url: "/api/v1/verify/JY00000000000000" })).statusCode).toBe(404);
  });

  it("one changed byte in the token → not valid, with the reason", async () => {
    expect((await verifyTokenApi(token)).json()).toMatchObject({ valid: true, status: "valid" });
    const [header, payload, signature] = token.split(".") as [string, string, string];
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === "A" ? "B" : "A") + s.slice(i + 1);
    expect((await verifyTokenApi(`${header}.${payload}.${flip(signature, 5)}`)).json()).toMatchObject({
      valid: false,
      reason: "bad_signature",
    });
    expect((await verifyTokenApi(`${header}.${flip(payload, 3)}.${signature}`)).json().valid).toBe(false);
  });

  it("the verification page shows a valid banner, the licence and the linked business licence, in both languages", async () => {
    const zh = await t.app.inject({ url: `/v/${token}` });
    expect(zh.headers["content-type"]).toContain("text/html");
    expect(zh.body).toContain("有效的电子许可证");
    expect(zh.body).toContain(licenseNo);
    expect(zh.body).toContain("营业执照");
    const en = await t.app.inject({ url: `/v/${token}?lang=en` });
    expect(en.body).toContain("Valid electronic licence");
    expect((await t.app.inject({ url: "/v/not-a-token" })).body).toContain("无效");
  });

  it("the owner downloads the PDF: pdftotext shows the holder's Chinese name", async () => {
    const pdf = await owner.inject({ url: `/api/v1/certificates/${licenseNo}/certificate.pdf` });
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "shian-pdf-")), "c.pdf");
    fs.writeFileSync(file, pdf.rawPayload);
    const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
    const holder = (await verify()).json().holderName as string;
    expect(text.replace(/\s/g, "")).toContain(holder);
    expect(
      (await t.app.inject({ url: `/api/v1/certificates/${licenseNo}/certificate.pdf` })).statusCode,
    ).toBe(401);
  });

  it("the linked display shows both licences and one QR; frame mode refreshes itself", async () => {
    const page = await t.app.inject({ url: `/display/${storeId}?frame=1` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("食品经营许可证");
    expect(page.body).toContain("营业执照");
    expect(page.body).toContain("<svg");
    expect(page.body).toContain('http-equiv="refresh"');
  });

  it("三即时 (seed 003): issuance queued an SMS, an inbox message and a public notice, delivered by the worker", async () => {
    const queued = await t.database.db.select().from(outbox);
    expect(queued.map((row) => row.channel).sort()).toEqual(
      expect.arrayContaining(["inbox", "public_notice", "sms"]),
    );
    const adapters = createAdapters({
      smsGatewayUrl: undefined,
      allowPrivateWebhooks: true,
      decryptSecret: () => "",
      log: t.app.log,
    });
    while ((await deliverDue(t.database.db, adapters, t.app.log)) > 0);
    expect((await t.database.db.select().from(outbox).where(eq(outbox.status, "pending"))).length).toBe(0);
    expect((await t.database.db.select().from(inboxMessages)).length).toBeGreaterThan(0);
    const notices = await t.database.db.select().from(publicNotices);
    expect(notices.map((n) => n.licenseNumber)).toContain(licenseNo);
  });
});

describe("a suspended or revoked licence is not valid anywhere, within one request", () => {
  it("suspension → verify API, token API, page and status list all say so; reinstatement restores them", async () => {
    await setStatus("suspended");
    expect((await verify()).json().status).toBe("suspended");
    expect((await verifyTokenApi(token)).json()).toMatchObject({ valid: false, reason: "suspended" });
    expect((await t.app.inject({ url: `/v/${token}` })).body).toContain("许可证已暂停");
    expect(await statusBit("suspension")).toBe(true);
    await setStatus("valid");
    expect((await verify()).json().status).toBe("valid");
    expect(await statusBit("suspension")).toBe(false);
  });

  it("a change supersedes the old certificate: its token is no longer valid", async () => {
    await applyAndApprove(owner, officers, {
      kind: "change",
      licenseType: "JY",
      storeId,
      licenseId,
      items: [{ code: "hot_food" }, { code: "beverage" }],
    });
    expect((await verifyTokenApi(token)).json()).toMatchObject({ valid: false, reason: "superseded" });
    const current = (await owner.inject({ url: `/api/v1/certificates/${licenseNo}` })).json();
    expect(current.version).toBe(2);
    token = current.token;
    expect((await verifyTokenApi(token)).json().valid).toBe(true);
  });

  it("revocation → revoked everywhere and in the revocation list", async () => {
    await setStatus("revoked");
    expect((await verify()).json().status).toBe("revoked");
    expect((await verifyTokenApi(token)).json()).toMatchObject({ valid: false, reason: "revoked" });
    expect(await statusBit("revocation")).toBe(true);
  });
});
