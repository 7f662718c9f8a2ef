import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, loginAs, type Session, type TestApp } from "../../test/test-app.js";
import { TEST_PASSWORD, makeUser } from "../../test/factories.js";
import { applyAndApprove, type Officers } from "../../test/licensing-flow.js";
import { licensingCast } from "../../test/officers.js";
import { assertPublicUrl } from "../outbox/adapters.js";
import { deliverDue } from "../outbox/worker.js";
import { expectedSignature, startWebhookReceiver, webhookTestAdapters } from "../../test/webhook-receiver.js";

const PASSPHRASE = "partner-test-passphrase-42";
let t: TestApp;
let owner: Session;
let officers: Officers;
let apiKey: string;
let clientId: string;
let licenseId: string;
let licenseNo: string;

beforeAll(async () => {
  t = await createTestApp({ WEBHOOK_ALLOW_PRIVATE: "true", SIGNING_KEY_PASSPHRASE: PASSPHRASE });
  const cast = await licensingCast(t.app, t.database.db, "440106", "partner");
  ({ owner, officers } = cast);
  const approved = await applyAndApprove(owner, officers, {
    kind: "new",
    licenseType: "JY",
    storeId: cast.store.id,
    businessForm: "catering",
    subtype: "bakery",
    items: [{ code: "pastry" }],
  });
  licenseId = approved.licenseId!;
  licenseNo = (await owner.inject({ url: `/api/v1/licenses/${licenseId}` })).json().number;
  await makeUser(t.database.db, { role: "admin", regionCode: null, username: "partner-admin" });
  const admin = await loginAs(t.app, "partner-admin", TEST_PASSWORD);
  const created = (
    await admin.inject({
      method: "POST",
      url: "/api/v1/api-clients",
      payload: { name: "美团外卖", scopes: ["certificates:read", "verify", "webhooks"], regionCode: null },
    })
  ).json();
  apiKey = created.key;
  clientId = created.id;
});
afterAll(() => t.close());

const asPartner = (
  url: string,
  init: { method?: "GET" | "POST"; payload?: object; headers?: Record<string, string> } = {},
) =>
  t.app.inject({
    url,
    method: init.method ?? "GET",
    ...(init.payload ? { payload: init.payload } : {}),
    headers: { "x-api-key": apiKey, ...init.headers },
  });

describe("third-party access with the business's authorization (seed 000)", () => {
  it("without authorization → 404; with it → 200 and a watermarked PDF; after revocation → 404", async () => {
    expect((await asPartner(`/api/v1/partner/certificates/${licenseNo}`)).statusCode).toBe(404);

    const granted = await owner.inject({
      method: "POST",
      url: "/api/v1/partner-authorizations",
      payload: {
        apiClientId: clientId,
        licenseIds: [licenseId],
        validUntil: new Date(Date.now() + 86_400_000).toISOString(),
      },
    });
    expect(granted.statusCode, granted.body).toBe(201);
    const certificate = await asPartner(`/api/v1/partner/certificates/${licenseNo}`);
    expect(certificate.statusCode).toBe(200);
    expect(certificate.json()).toMatchObject({ licenseNo, status: "valid" });
    const pdf = await asPartner(`/api/v1/partner/certificates/${licenseNo}/certificate.pdf`);
    expect(pdf.headers["content-type"]).toBe("application/pdf");

    const revoked = await owner.inject({
      method: "POST",
      url: `/api/v1/partner-authorizations/${granted.json().id}/revoke`,
    });
    expect(revoked.statusCode).toBe(204);
    expect((await asPartner(`/api/v1/partner/certificates/${licenseNo}`)).statusCode).toBe(404);
  });

  it("batch-verifies up to 1 000 licence numbers", async () => {
    const unknown = Array.from({ length: 999 }, (_, i) => `JY1440106${String(900_000 + i).padStart(7, "0")}`);
    const response = await asPartner("/api/v1/partner/verify", {
      method: "POST",
      payload: { licenseNos: [licenseNo, ...unknown] },
    });
    expect(response.statusCode).toBe(200);
    const items = response.json().items as { licenseNo: string; found: boolean; status: string | null }[];
    expect(items).toHaveLength(1000);
    expect(items[0]).toMatchObject({ licenseNo, found: true, status: "valid" });
    expect(items.filter((item) => !item.found)).toHaveLength(999);
    const tooMany = await asPartner("/api/v1/partner/verify", {
      method: "POST",
      payload: { licenseNos: [...unknown, licenseNo, licenseNo] },
    });
    expect(tooMany.statusCode).toBe(400);
  });

  it("an Idempotency-Key replays the first reply; reused with another body → 422", async () => {
    const headers = { "idempotency-key": "supplier-check-0001" };
    const first = await asPartner("/api/v1/partner/verify", {
      method: "POST",
      payload: { licenseNos: [licenseNo] },
      headers,
    });
    const second = await asPartner("/api/v1/partner/verify", {
      method: "POST",
      payload: { licenseNos: [licenseNo] },
      headers,
    });
    expect(second.headers["idempotent-replayed"]).toBe("true");
    expect(second.json()).toEqual(first.json());
    const other = await asPartner("/api/v1/partner/verify", {
      method: "POST",
      payload: { licenseNos: ["JY14401069999990"] },
      headers,
    });
    expect(other.statusCode).toBe(422);
  });

  it("webhooks: a status change is delivered, signed with HMAC-SHA256", async () => {
    const { url, received, close } = await startWebhookReceiver();
    try {
      await owner.inject({
        method: "POST",
        url: "/api/v1/partner-authorizations",
        payload: { apiClientId: clientId, validUntil: new Date(Date.now() + 86_400_000).toISOString() },
      });
      const registered = await asPartner("/api/v1/partner/webhooks", { method: "POST", payload: { url } });
      expect(registered.statusCode, registered.body).toBe(201);
      const { secret } = registered.json() as { secret: string };
      await officers.approver.inject({
        method: "POST",
        url: `/api/v1/licenses/${licenseId}/status`,
        payload: { status: "suspended", reason: "抽检不合格" },
      });
      const adapters = webhookTestAdapters(PASSPHRASE, t.app.log);
      while ((await deliverDue(t.database.db, adapters, t.app.log)) > 0);
      const delivery = received.find((r) => r.body.includes("license.status_changed"));
      expect(delivery).toBeDefined();
      expect(JSON.parse(delivery!.body)).toMatchObject({ licenseNo, status: "suspended" });
      expect(delivery!.headers["x-shian-signature"]).toBe(expectedSignature(secret, delivery!));
    } finally {
      close();
    }
  });

  it("SECURITY #11: webhook URLs on loopback, link-local and private ranges are refused by default", async () => {
    for (const url of [
      "http://127.0.0.1/x",
      "http://169.254.169.254/latest",
      "http://10.0.0.1/x",
      "http://192.168.1.1/x",
      "http://[::1]/x",
    ]) {
      await expect(assertPublicUrl(url, false)).rejects.toThrow(/private/);
    }
  });
});
