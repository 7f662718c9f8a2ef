import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outbox } from "../db/schema.js";
import { sealSecret } from "../modules/keys/secret-box.js";
import { enqueue } from "../modules/outbox/repository.js";
import { WEBHOOK_SECRET_CONTEXT } from "../modules/partners/service.js";
import {
  crashSeed,
  databaseName,
  killChildren,
  makeCrashTarget,
  sleep,
  startServe,
  TEST_PASSPHRASE,
  withTarget,
  type CrashTarget,
  type ServerProcess,
} from "../test/crash-harness.js";

// SECURITY.md #19 (ASVS 5.0 V15.4.2, 等保 8.1.4.9) and #11: partner webhooks go out through the outbox worker of
// `shian serve`. The process is killed with SIGKILL while a partner's receiver holds a delivery (the seeded k-th
// request) and started again: every event reaches the receiver at least once, signed, with the same
// x-shian-delivery id each time, so the receiver can process each event exactly once; every outbox row ends sent.

const EVENTS = 8;
const SECRET = "crash-test-webhook-secret";
const { seed, random } = crashSeed("webhook");
/** The receiver holds the k-th request it gets and the worker is killed meanwhile. */
const KILL_AT = random.int(1, EVENTS);

interface Delivery {
  id: string;
  body: string;
  signed: boolean;
}

function verifySignature(request: IncomingMessage, body: string): boolean {
  const timestamp = String(request.headers["x-shian-timestamp"] ?? "");
  const expected = `sha256=${createHmac("sha256", SECRET).update(`${timestamp}.${body}`).digest("hex")}`;
  const given = Buffer.from(String(request.headers["x-shian-signature"] ?? ""));
  return given.length === expected.length && timingSafeEqual(given, Buffer.from(expected));
}

let target: CrashTarget;
let receiver: Server;
let receiverUrl: string;
let server: ServerProcess | undefined;
const deliveries: Delivery[] = [];
/** The partner's side: events processed, deduplicated by the delivery id. */
const processed = new Map<string, string>();
/** Called for each request before the reply; the test swaps it to kill the worker. */
let onRequest: (count: number) => Promise<void> = async () => {};

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      const id = String(request.headers["x-shian-delivery"] ?? "");
      deliveries.push({ id, body, signed: verifySignature(request, body) });
      if (!processed.has(id)) processed.set(id, body);
      void onRequest(deliveries.length).finally(() => {
        if (!response.destroyed) response.end("ok");
      });
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const address = receiver.address();
  receiverUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/hook`;
  target = await makeCrashTarget({
    env: { WEBHOOK_ALLOW_PRIVATE: "true", JOBS: "on" },
    prepare: async ({ db }) => {
      // The rows queueLicenseWebhooks writes (partners/service.ts), one per status change of a licence.
      const secretEncrypted = sealSecret({ passphrase: TEST_PASSPHRASE }, SECRET, WEBHOOK_SECRET_CONTEXT);
      for (let i = 0; i < EVENTS; i += 1) {
        await enqueue(db, {
          channel: "webhook",
          dedupeKey: `license.status_changed:crash-${i}`,
          payload: {
            url: receiverUrl,
            secretEncrypted,
            event: { type: "license.status_changed", licenseNo: `JY1440106${String(i).padStart(6, "0")}0` },
          },
        });
      }
    },
  });
}, 120_000);

afterAll(async () => {
  await killChildren();
  await new Promise((resolve) => receiver?.close(resolve));
  await target?.close();
});

const outboxRows = () =>
  withTarget(target, ({ db }) =>
    db
      .select({ id: outbox.id, status: outbox.status, attempts: outbox.attempts })
      .from(outbox)
      .where(eq(outbox.channel, "webhook"))
      .orderBy(asc(outbox.id)),
  );

describe(`outbox webhook delivery killed with SIGKILL mid-delivery (${databaseName}, seed ${seed})`, () => {
  it(`SECURITY.md #19: killed while the receiver holds delivery ${KILL_AT}/${EVENTS}; restarted, every event arrives, dedupable, sent`, async () => {
    let killed!: Promise<void>;
    const crashed = new Promise<void>((resolve) => {
      onRequest = async (count) => {
        if (count !== KILL_AT) return;
        killed = server!.kill();
        await killed;
        resolve();
      };
    });
    // Killed from the receiver, possibly before the server says it is serving: then the start fails, as it may.
    await startServe(target.env, [], { onSpawn: (spawned) => (server = spawned) }).catch(() => undefined);
    await crashed;
    await killed;
    onRequest = async () => {};
    const heldId = deliveries[KILL_AT - 1]!.id;
    console.log(`[crash] webhook: killed during delivery ${KILL_AT} (${heldId})`);

    const middle = await outboxRows();
    expect(middle).toHaveLength(EVENTS);
    // The held delivery was never acknowledged: its row cannot be marked sent.
    expect(middle.find((row) => row.id === heldId)!.status).toBe("pending");
    // Whatever was marked sent was delivered before.
    const before = new Set(deliveries.map((d) => d.id));
    for (const row of middle.filter((r) => r.status === "sent")) expect(before.has(row.id)).toBe(true);

    server = await startServe(target.env);
    const deadline = Date.now() + 60_000;
    while (processed.size < EVENTS && Date.now() < deadline) await sleep(200);
    // SIGTERM: the worker finishes its round (and commits it) before the process exits.
    await server.stop();

    const after = await outboxRows();
    expect(after.map((row) => row.status)).toEqual(Array(EVENTS).fill("sent"));
    expect(new Set(processed.keys())).toEqual(new Set(after.map((row) => row.id)));
    expect(deliveries.every((d) => d.signed)).toBe(true);
    // At least once: the held event came again after the restart, with the same id and body.
    const held = deliveries.filter((d) => d.id === heldId);
    expect(held.length).toBeGreaterThanOrEqual(2);
    expect(new Set(held.map((d) => d.body)).size).toBe(1);
    // Exactly once for a receiver that dedupes by x-shian-delivery.
    expect(processed.size).toBe(EVENTS);
    console.log(`[crash] webhook: ${deliveries.length} deliveries for ${EVENTS} events`);
  }, 180_000);
});
