import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outbox, storeGrades } from "../../db/schema.js";
import { createTestApp, loginAs, type Session, type TestApp } from "../../test/test-app.js";
import { TEST_PASSWORD, makeUser } from "../../test/factories.js";
import { applyAndApprove } from "../../test/licensing-flow.js";
import { licensingCast } from "../../test/officers.js";
import { deliverDue } from "../outbox/worker.js";
import { expectedSignature, startWebhookReceiver, webhookTestAdapters } from "../../test/webhook-receiver.js";
import { createSafetyCodes, safetyCodeOfStore } from "../safety-code/service.js";

const PASSPHRASE = "colour-feed-test-passphrase";
let t: TestApp;
let owner: Session;
let admin: Session;
let apiKey: string;
let clientId: string;
let storeId: string;
let safetyCode: string;

beforeAll(async () => {
  t = await createTestApp({ WEBHOOK_ALLOW_PRIVATE: "true", SIGNING_KEY_PASSPHRASE: PASSPHRASE });
  const cast = await licensingCast(t.app, t.database.db, "440106", "feed");
  owner = cast.owner;
  storeId = cast.store.id;
  await applyAndApprove(owner, cast.officers, {
    kind: "new",
    licenseType: "JY",
    storeId,
    businessForm: "catering",
    subtype: "bakery",
    items: [{ code: "pastry" }],
  });
  await createSafetyCodes(t.database.db, [storeId]);
  safetyCode = (await safetyCodeOfStore(t.database.db, storeId))!;
  await makeUser(t.database.db, { role: "admin", regionCode: null, username: "feed-admin" });
  admin = await loginAs(t.app, "feed-admin", TEST_PASSWORD);
  const created = (
    await admin.inject({
      method: "POST",
      url: "/api/v1/api-clients",
      payload: { name: "饿了么", scopes: ["certificates:read", "webhooks"], regionCode: null },
    })
  ).json();
  apiKey = created.key;
  clientId = created.id;
});
afterAll(() => t.close());

const asPartner = (url: string, init: { method?: "GET" | "POST"; payload?: object } = {}) =>
  t.app.inject({
    url,
    method: init.method ?? "GET",
    ...(init.payload ? { payload: init.payload } : {}),
    headers: { "x-api-key": apiKey },
  });

const runFeed = async () => {
  const response = await admin.inject({ method: "POST", url: "/api/v1/colour-feed/run" });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { changed: number; firstSeen: number };
};

const setGrade = (grade: string, colour: "green" | "yellow" | "red") =>
  t.database.db
    .insert(storeGrades)
    .values({ storeId, grade, colour, gradedOn: "2026-10-31", model: "zhenhai-catering", period: "2026-10" })
    .onConflictDoUpdate({ target: storeGrades.storeId, set: { grade, colour } });

const colourEvents = () =>
  t.database.db
    .select()
    .from(outbox)
    .where(sql`${outbox.payload}->'event'->>'type' = 'store.colour_changed'`);

describe("delivery platforms: 食安码 colour feed (seed 001 green/yellow/red)", () => {
  it("seed 001: first sight records the colour silently; without authorization no webhook and the colour API is 404", async () => {
    expect(await runFeed()).toMatchObject({ changed: 0, firstSeen: 1 });
    await setGrade("B", "yellow");
    expect(await runFeed()).toEqual({ changed: 1, firstSeen: 0 });
    expect(await colourEvents()).toHaveLength(0);
    expect((await asPartner(`/api/v1/partner/stores/${safetyCode}/colour`)).statusCode).toBe(404);
  });

  it("seed 001: with the business's authorization the partner reads the colour and grade", async () => {
    const granted = await owner.inject({
      method: "POST",
      url: "/api/v1/partner-authorizations",
      payload: { apiClientId: clientId, validUntil: new Date(Date.now() + 86_400_000).toISOString() },
    });
    expect(granted.statusCode, granted.body).toBe(201);
    const colour = await asPartner(`/api/v1/partner/stores/${safetyCode.toLowerCase()}/colour`);
    expect(colour.statusCode, colour.body).toBe(200);
    expect(colour.json()).toEqual({
      safetyCode,
      storeName: expect.any(String),
      colour: "yellow",
      reason: "grade",
      grade: "B",
      model: "zhenhai-catering",
      period: "2026-10",
    });
  });

  it("seed 001: a colour change reaches the partner's webhook, signed; a refused delivery is retried", async () => {
    let refuse = true;
    const { url, received, close } = await startWebhookReceiver(() => refuse);
    const adapters = webhookTestAdapters(PASSPHRASE, t.app.log);
    const deliverAll = async () => {
      while ((await deliverDue(t.database.db, adapters, t.app.log)) > 0);
    };
    try {
      const registered = await asPartner("/api/v1/partner/webhooks", { method: "POST", payload: { url } });
      expect(registered.statusCode, registered.body).toBe(201);
      const { secret } = registered.json() as { secret: string };

      await setGrade("D", "red");
      expect(await runFeed()).toEqual({ changed: 1, firstSeen: 0 });
      const [queued, ...more] = await colourEvents();
      expect(more).toHaveLength(0);
      expect(queued!.payload).toMatchObject({
        url,
        event: { type: "store.colour_changed", safetyCode, colour: "red", previousColour: "yellow" },
      });

      await deliverAll();
      const [refused] = await colourEvents();
      expect(refused).toMatchObject({ status: "pending", attempts: 1 });
      expect(refused!.lastError).toBeTruthy();
      expect(refused!.nextAttemptAt.getTime()).toBeGreaterThan(refused!.createdAt.getTime());

      refuse = false;
      await t.database.db.execute(
        sql`update ${outbox} set next_attempt_at = now() where id = ${refused!.id}`,
      );
      await deliverAll();
      const [sent] = await colourEvents();
      expect(sent).toMatchObject({ status: "sent", attempts: 2 });
      expect(received).toHaveLength(1);
      const delivery = received[0]!;
      expect(JSON.parse(delivery.body)).toMatchObject({
        type: "store.colour_changed",
        safetyCode,
        colour: "red",
        previousColour: "yellow",
      });
      expect(delivery.headers["x-shian-signature"]).toBe(expectedSignature(secret, delivery));

      expect(await runFeed()).toEqual({ changed: 0, firstSeen: 0 });
      expect(await colourEvents()).toHaveLength(1);
    } finally {
      close();
    }
  });

  it("the run endpoint is for admins only; the colour API needs an API key", async () => {
    expect((await owner.inject({ method: "POST", url: "/api/v1/colour-feed/run" })).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/v1/partner/stores/${safetyCode}/colour` })).statusCode).toBe(401);
  });
});
