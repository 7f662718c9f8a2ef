import { and, count, eq, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditLog,
  certificates,
  licenseSequences,
  licenseVersions,
  licenses,
  outbox,
  publicNotices,
} from "../db/schema.js";
import { verifyAuditChain } from "../modules/audit/service.js";
import { DEMO_PASSWORD } from "../modules/demo/seed-demo.js";
import {
  crashSeed,
  databaseName,
  killChildren,
  makeCrashTarget,
  sleep,
  startServe,
  withTarget,
  type CrashTarget,
  type ServerProcess,
} from "../test/crash-harness.js";

// SECURITY.md #19 (ASVS 5.0 V2.3.3, V15.4.2; 等保 8.1.4.9): `shian serve` killed with SIGKILL while it grants a
// licence (许可决定, the approve request: licence, version, number, certificate, 三即时 notices and audit in one
// transaction). After a restart the client retries the same request with the same Idempotency-Key: there is
// exactly one licence, one certificate, one number taken from license_sequences, one set of outbox notices, and
// the audit chain verifies. Two cycles on the demo's two applications awaiting decision: the first killed a
// seeded delay after the request was sent (before, during or after the commit), the second a seeded delay after
// its reply arrived (the client must then get the same reply again).

const { seed, random } = crashSeed("licence-issuance");
const KILL_DELAYS_MS = [random.int(0, 800), random.int(0, 200)];

interface Client {
  post(url: string, body: object, key: string): Promise<Response>;
  get(url: string): Promise<Response>;
}

async function login(server: ServerProcess): Promise<Client> {
  const response = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "approver", password: DEMO_PASSWORD }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  const cookie = response.headers
    .getSetCookie()
    .map((entry) => entry.split(";")[0])
    .join("; ");
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const headers = { cookie, "x-csrf-token": csrfToken };
  return {
    post: (url, body, key) =>
      fetch(`${server.baseUrl}${url}`, {
        method: "POST",
        headers: { ...headers, "content-type": "application/json", "idempotency-key": key },
        body: JSON.stringify(body),
      }),
    get: (url) => fetch(`${server.baseUrl}${url}`, { headers }),
  };
}

let target: CrashTarget;
let server: ServerProcess | undefined;

beforeAll(async () => {
  target = await makeCrashTarget({ env: { JOBS: "on" } });
}, 120_000);

afterAll(async () => {
  await killChildren();
  await target?.close();
});

describe(`licence issuance killed with SIGKILL (${databaseName}, seed ${seed})`, () => {
  it(`SECURITY.md #19: approve killed after ${KILL_DELAYS_MS[0]} ms / ${KILL_DELAYS_MS[1]} ms past the reply; the retry issues once`, async () => {
    server = await startServe(target.env, ["--demo", "--stores", "6"]);
    let client = await login(server);
    const queue = (await (await client.get("/api/v1/applications?queue=decision")).json()) as {
      items: { id: string; storeId: string; status: string }[];
    };
    const pending = queue.items;
    // The demo's two applications awaiting decision: one reviewed, one under the commitment procedure (告知承诺).
    expect(pending).toHaveLength(2);

    const issued: { applicationId: string; storeId: string; licenseId: string }[] = [];
    for (const [cycle, application] of pending.entries()) {
      const url = `/api/v1/applications/${application.id}/decide`;
      const body = { decision: "approve" };
      const key = `crash-${seed}-${cycle}`.replace(/[^A-Za-z0-9._:-]/g, "-");
      const sent = Date.now();
      const first = client.post(url, body, key).then(
        async (response) => ({ status: response.status, body: await response.text(), at: Date.now() }),
        () => null,
      );
      if (cycle === 0) {
        await sleep(KILL_DELAYS_MS[0]!);
      } else {
        await first;
        await sleep(KILL_DELAYS_MS[1]!);
      }
      await server.kill();
      const reply = await first;
      console.log(
        `[crash] licence-issuance cycle ${cycle}: killed at ${Date.now() - sent} ms; first reply ` +
          (reply ? `${reply.status} at ${reply.at - sent} ms` : "none"),
      );

      server = await startServe(target.env);
      client = await login(server);
      const retry = await client.post(url, body, key);
      const retried = await retry.text();
      console.log(`[crash] licence-issuance cycle ${cycle}: retry ${retry.status} ${retried.slice(0, 120)}`);
      if (reply) {
        // The client had its answer: the same key gets the same answer, replayed, not a second decision.
        expect(reply.status).toBe(200);
        expect(retry.status).toBe(200);
        expect(retry.headers.get("idempotent-replayed")).toBe("true");
        expect(JSON.parse(retried)).toEqual(JSON.parse(reply.body));
      } else {
        // Unknown outcome: either it runs now, or the committed decision answers (replayed, or 409 if the
        // process died between the commit and storing the reply).
        expect([200, 409]).toContain(retry.status);
      }
      const detail = (await (await client.get(`/api/v1/applications/${application.id}`)).json()) as {
        status: string;
        licenseId: string | null;
      };
      expect(detail.status).toBe("approved");
      expect(detail.licenseId).not.toBeNull();
      issued.push({
        applicationId: application.id,
        storeId: application.storeId,
        licenseId: detail.licenseId!,
      });
    }
    // Let the outbox worker deliver the notices once more, then stop cleanly (it finishes its round).
    await sleep(1500);
    await server.stop();

    await withTarget(target, async ({ db }) => {
      const numbers: string[] = [];
      for (const { applicationId, storeId, licenseId } of issued) {
        const [license] = await db.select().from(licenses).where(eq(licenses.id, licenseId));
        numbers.push(license!.number);
        const one = async (query: Promise<{ n: number }[]>) => (await query)[0]!.n;
        expect(await one(db.select({ n: count() }).from(licenses).where(eq(licenses.storeId, storeId)))).toBe(
          1,
        );
        expect(
          await one(
            db
              .select({ n: count() })
              .from(licenseVersions)
              .where(eq(licenseVersions.applicationId, applicationId)),
          ),
        ).toBe(1);
        expect(
          await one(
            db.select({ n: count() }).from(certificates).where(eq(certificates.licenseId, licenseId)),
          ),
        ).toBe(1);
        expect(
          await one(
            db
              .select({ n: count() })
              .from(auditLog)
              .where(and(eq(auditLog.action, "license.issue"), eq(auditLog.subjectId, licenseId))),
          ),
        ).toBe(1);
        expect(
          await one(
            db
              .select({ n: count() })
              .from(auditLog)
              .where(and(eq(auditLog.action, "application.approve"), eq(auditLog.subjectId, applicationId))),
          ),
        ).toBe(1);
        // 三即时: one inbox message and one public notice queued (and at most one of each delivered).
        const queued = await db
          .select({ channel: outbox.channel, n: count() })
          .from(outbox)
          .where(like(outbox.dedupeKey, `issue:${licenseId}:%`))
          .groupBy(outbox.channel);
        const byChannel = Object.fromEntries(queued.map((row) => [row.channel, row.n]));
        expect(byChannel.inbox).toBe(1);
        expect(byChannel.public_notice).toBe(1);
        expect(byChannel.sms ?? 1).toBe(1);
        expect(
          await one(
            db
              .select({ n: count() })
              .from(publicNotices)
              .where(sql`${publicNotices.body} like ${`%${license!.number}%`}`),
          ),
        ).toBeLessThanOrEqual(1);
      }
      // One number taken per licence: the sequence stands at the last number issued in its prefix, and every
      // number of the prefix below it is a licence (no number burnt by the killed attempt).
      const prefix = numbers[0]!.slice(0, 9);
      const [sequence] = await db.select().from(licenseSequences).where(eq(licenseSequences.prefix, prefix));
      const inPrefix = await db
        .select({ number: licenses.number })
        .from(licenses)
        .where(like(licenses.number, `${prefix}%`));
      const taken = inPrefix.map((row) => Number(row.number.slice(9, 15))).sort((a, b) => a - b);
      expect(numbers.every((number) => number.startsWith(prefix))).toBe(true);
      expect(sequence!.last).toBe(taken.at(-1));
      expect(taken).toEqual(Array.from({ length: sequence!.last }, (_, i) => i + 1));
      expect((await verifyAuditChain(db)).ok).toBe(true);
    });
  }, 240_000);
});
