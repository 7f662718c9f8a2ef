import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../demo/seed-demo.js";
import { startServe } from "../../test/crash-harness.js";
import { createTestDatabase, type TestDatabase } from "../../test/test-database.js";

// Two app processes (the built dist/cli.js — npm test builds it first, see pretest) on one PostgreSQL database:
// node B caches the scan page and the verification answer, node A suspends the licence, and B answers with the
// new state on a following request — well inside the caches' 30 s TTL, so it is the NOTIFY that dropped them.

// Far below the 30 s TTL: an answer within it can only come from the NOTIFY, not from expiry.
const PROPAGATION_BOUND_MS = 10_000;

const skipReason = process.env.TEST_DATABASE_URL
  ? null
  : "set TEST_DATABASE_URL (PostgreSQL only: PGlite is one process, invalidated in-process)";

interface Node {
  baseUrl: string;
  stop(): Promise<void>;
}

/** `shian serve` on a free port with a data dir of its own (test/crash-harness.ts), on the shared database. */
async function startNode(databaseUrl: string, args: string[]): Promise<Node> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "shian-node-"));
  const removeDataDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  const { DATABASE_READ_URL: _read, ...env } = process.env;
  try {
    const server = await startServe(
      {
        ...(env as Record<string, string>),
        DATABASE_URL: databaseUrl,
        DATA_DIR: dataDir,
        NODE_ENV: "test",
        LOG_LEVEL: "warn",
        SIGNING_KEY_PASSPHRASE: "two-nodes-test-passphrase",
      },
      args,
    );
    return {
      baseUrl: server.baseUrl,
      stop: async () => {
        await server.stop();
        removeDataDir();
      },
    };
  } catch (error) {
    removeDataDir();
    throw error;
  }
}

/** Polls until `read` returns something `done` accepts, or the bound passes; returns the last value read. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + PROPAGATION_BOUND_MS;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

describe.skipIf(skipReason !== null)(
  `public caches across two app nodes (LISTEN/NOTIFY)${skipReason ? ` (skipped: ${skipReason})` : ""}`,
  { timeout: 240_000 },
  () => {
    let database: TestDatabase;
    let nodeA: Node | undefined;
    let nodeB: Node | undefined;

    beforeAll(async () => {
      database = await createTestDatabase();
      nodeA = await startNode(database.url!, ["--demo", "--stores", "6"]);
      nodeB = await startNode(database.url!, []);
    }, 240_000);

    afterAll(async () => {
      await nodeA?.stop();
      await nodeB?.stop();
      await database?.close();
    });

    /** Logs in on a node; returns a fetch that sends the session cookie and the CSRF token. */
    async function approverOn(node: Node) {
      const login = await fetch(`${node.baseUrl}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: "approver", password: DEMO_PASSWORD }),
      });
      expect(login.status, await login.clone().text()).toBe(200);
      const cookie = login.headers
        .getSetCookie()
        .map((entry) => entry.split(";")[0])
        .join("; ");
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      return (url: string, init: RequestInit = {}) =>
        fetch(`${node.baseUrl}${url}`, {
          ...init,
          headers: { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" },
        });
    }

    it("a licence suspended (then reinstated) through node A shows on node B's cached scan page and verify answer", async () => {
      const listed = (await (
        await fetch(`${nodeB!.baseUrl}/api/v1/public/stores?region=440106&limit=50`)
      ).json()) as { items: { storeId: string; safetyCode: string | null; licenseNo: string | null }[] };
      const store = listed.items.find((item) => item.licenseNo && item.safetyCode)!;
      expect(store).toBeDefined();
      const scanB = () => fetch(`${nodeB!.baseUrl}/s/${store.safetyCode}`, { headers: { cookie: "" } });
      const verifyB = async () =>
        (await (await fetch(`${nodeB!.baseUrl}/api/v1/verify/${store.licenseNo}`)).json()) as {
          status: string;
        };

      // Warm node B: the second request of each is a cache hit.
      const before = await scanB();
      expect(before.status).toBe(200);
      const etagBefore = before.headers.get("etag");
      expect((await scanB()).headers.get("etag")).toBe(etagBefore);
      expect((await verifyB()).status).toBe("valid");
      expect((await verifyB()).status).toBe("valid");

      const approver = await approverOn(nodeA!);
      const licences = (await (await approver(`/api/v1/licenses?storeId=${store.storeId}`)).json()) as {
        items: { id: string; number: string }[];
      };
      const licence = licences.items.find((item) => item.number === store.licenseNo)!;
      const suspended = await approver(`/api/v1/licenses/${licence.id}/status`, {
        method: "POST",
        body: JSON.stringify({ status: "suspended", reason: "two-node cache test" }),
      });
      expect(suspended.status, await suspended.text()).toBe(200);

      expect((await eventually(verifyB, (answer) => answer.status === "suspended")).status).toBe("suspended");
      const etagAfter = await eventually(
        async () => (await scanB()).headers.get("etag"),
        (etag) => etag !== etagBefore,
      );
      expect(etagAfter).not.toBe(etagBefore);
      // Node A, which made the change, answers the same.
      const onA = await fetch(`${nodeA!.baseUrl}/api/v1/verify/${store.licenseNo}`);
      expect(((await onA.json()) as { status: string }).status).toBe("suspended");

      // And back: reinstated through node A, node B answers valid again.
      const reinstated = await approver(`/api/v1/licenses/${licence.id}/status`, {
        method: "POST",
        body: JSON.stringify({ status: "valid", reason: "two-node cache test" }),
      });
      expect(reinstated.status, await reinstated.text()).toBe(200);
      expect((await eventually(verifyB, (answer) => answer.status === "valid")).status).toBe("valid");
    });
  },
);
