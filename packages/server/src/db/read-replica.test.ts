import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import { loadConfig } from "../config.js";
import { openMigratedDatabase } from "../runtime.js";
import { certificateUsage, licenses, ratings } from "./schema.js";
import type { DatabaseHandle } from "./client.js";
import { applyAndApprove, type Officers } from "../test/licensing-flow.js";
import { licensingCast } from "../test/officers.js";
import { replicaPairUnavailable, startReplicaPair, type ReplicaPair } from "../test/pg-replica-pair.js";
import { createSafetyCodes, safetyCodeOfStore } from "../modules/safety-code/service.js";

// DATABASE_READ_URL (docs/scaling.md): public reads — the scan page, the verify API, open data — are served by a
// streaming replica, writes by the primary. The proof pauses WAL replay on the replica: what the primary commits
// meanwhile must stay invisible on the public pages until replay resumes, and a write must still succeed (a hot
// standby refuses writes, so a write that succeeds went to the primary).

const skipReason = process.env.TEST_DATABASE_URL
  ? replicaPairUnavailable()
  : "set TEST_DATABASE_URL (PostgreSQL only: PGlite has no replication)";

interface OpenStoreItem {
  storeId: string;
}

describe.skipIf(skipReason !== null)(
  `read replica: public reads on the standby, writes on the primary${skipReason ? ` (skipped: ${skipReason})` : ""}`,
  () => {
    let pair: ReplicaPair;
    let database: DatabaseHandle;
    let app: FastifyInstance;
    let appClosed = false;
    let dataDir: string;
    let officers: Officers;
    let storeA: { id: string; code: string };
    let licenseA: { id: string; number: string };
    let licenseB: { id: string; number: string };
    let tokenA: string;

    beforeAll(async () => {
      pair = await startReplicaPair();
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "shian-replica-app-"));
      const config = loadConfig({
        NODE_ENV: "test",
        LOG_LEVEL: "silent",
        DATA_DIR: dataDir,
        DATABASE_URL: pair.primaryUrl,
        DATABASE_READ_URL: pair.replicaUrl,
      });
      // The server's own start-up path: migrations and reference data go to the primary.
      database = await openMigratedDatabase(config);
      app = await buildApp(config, database);
      await app.ready();

      const cast = await licensingCast(app, database.db, "440106", "replica");
      officers = cast.officers;
      const approved = await applyAndApprove(cast.owner, officers, {
        kind: "new",
        licenseType: "JY",
        storeId: cast.store.id,
        businessForm: "catering",
        subtype: "restaurant_small",
        items: [{ code: "hot_food" }],
      });
      const [row] = await database.db.select().from(licenses).where(eq(licenses.id, approved.licenseId!));
      licenseA = { id: row!.id, number: row!.number };
      tokenA = (await cast.owner.inject({ url: `/api/v1/certificates/${licenseA.number}` })).json().token;
      await createSafetyCodes(database.db, [cast.store.id]);
      storeA = { id: cast.store.id, code: (await safetyCodeOfStore(database.db, cast.store.id))! };
      await pair.waitForReplay();
    }, 120_000);

    afterAll(async () => {
      if (app && !appClosed) await app.close();
      await database?.close();
      await pair?.destroy();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    });

    const openStoreIds = async () => {
      const response = await app.inject({ url: "/api/v1/open/stores?region=440106&limit=100" });
      expect(response.statusCode, response.body).toBe(200);
      return (response.json() as { items: OpenStoreItem[] }).items.map((item) => item.storeId);
    };
    const tokenVerdict = async (token: string) => {
      const response = await app.inject({ method: "POST", url: "/api/v1/verify/token", payload: { token } });
      expect(response.statusCode, response.body).toBe(200);
      const { valid, status } = response.json() as { valid: boolean; status: string };
      return { valid, status };
    };
    const setLicenceStatus = async (licenseId: string, status: "valid" | "suspended") => {
      const response = await officers.approver.inject({
        method: "POST",
        url: `/api/v1/licenses/${licenseId}/status`,
        payload: { status, reason: "replica test" },
      });
      expect(response.statusCode, response.body).toBe(200);
    };
    const verifiedStatus = async (licenseNo: string) => {
      const response = await app.inject({ url: `/api/v1/verify/${licenseNo}` });
      expect(response.statusCode, response.body).toBe(200);
      return (response.json() as { status: string }).status;
    };

    it("runs the app on a primary and a hot standby", async () => {
      const [primary] = await pair.query<{ standby: boolean }>(
        "primary",
        "select pg_is_in_recovery() as standby",
      );
      const [replica] = await pair.query<{ standby: boolean }>(
        "replica",
        "select pg_is_in_recovery() as standby",
      );
      expect(primary!.standby).toBe(false);
      expect(replica!.standby).toBe(true);
      // The read handle is the standby: it refuses writes.
      const refused = await database.readDb.execute(sql`create table replica_probe (id int)`).catch((e) => e);
      expect(String((refused as Error & { cause?: Error }).cause?.message)).toMatch(/read-only transaction/);
      // The licensed store is public on the replica.
      expect((await app.inject({ url: `/s/${storeA.code}` })).statusCode).toBe(200);
      expect(await verifiedStatus(licenseA.number)).toBe("valid");
      expect(await openStoreIds()).toContain(storeA.id);
    });

    it("serves the scan page, the verify APIs and open data from the replica: the primary's new rows appear only after replay", async () => {
      await pair.pauseReplay();
      let storeB: { id: string; code: string };
      let licenseNoB: string;
      let licenseIdB: string;
      try {
        // On the primary, while the replica stands still: a second store licensed through the whole officer
        // workflow (every step reads its own writes, so it must run on the primary), and store A's licence suspended.
        const cast = await licensingCast(app, database.db, "440106", "replica-b");
        const approved = await applyAndApprove(cast.owner, cast.officers, {
          kind: "new",
          licenseType: "JY",
          storeId: cast.store.id,
          businessForm: "catering",
          subtype: "restaurant_small",
          items: [{ code: "hot_food" }],
        });
        await createSafetyCodes(database.db, [cast.store.id]);
        storeB = { id: cast.store.id, code: (await safetyCodeOfStore(database.db, cast.store.id))! };
        const [row] = await database.db.select().from(licenses).where(eq(licenses.id, approved.licenseId!));
        licenseNoB = row!.number;
        licenseIdB = row!.id;
        await setLicenceStatus(licenseA.id, "suspended");
        const [primaryRow] = await pair.query<{ status: string }>(
          "primary",
          "select status from licenses where id = $1",
          [licenseA.id],
        );
        expect(primaryRow!.status).toBe("suspended");

        // The public routes still answer from the replica's snapshot.
        expect((await app.inject({ url: `/s/${storeB.code}` })).statusCode).toBe(404);
        expect((await app.inject({ url: `/api/v1/verify/${licenseNoB}` })).statusCode).toBe(404);
        expect(await tokenVerdict(tokenA)).toEqual({ valid: true, status: "valid" });
        expect(await openStoreIds()).not.toContain(storeB.id);
      } finally {
        await pair.resumeReplay();
      }
      await pair.waitForReplay();

      // Replayed: the replica — and so the public — sees both changes.
      expect((await app.inject({ url: `/s/${storeB.code}` })).statusCode).toBe(200);
      expect(await verifiedStatus(licenseNoB)).toBe("valid");
      expect(await tokenVerdict(tokenA)).toEqual({ valid: false, status: "suspended" });
      expect(await openStoreIds()).toContain(storeB.id);
      licenseB = { id: licenseIdB, number: licenseNoB };
    });

    // A request during replica lag refills the dropped verification from the replica's older snapshot; the
    // replica fence (public-cache/replica-fence.ts) drops it again once the replica has replayed the change.
    it("drops a cached verification that was refilled from the replica during lag, once the replica replays", async () => {
      expect(await verifiedStatus(licenseB.number)).toBe("valid");
      await pair.pauseReplay();
      try {
        await setLicenceStatus(licenseB.id, "suspended");
        expect(await verifiedStatus(licenseB.number)).toBe("valid");
      } finally {
        await pair.resumeReplay();
      }
      await pair.waitForReplay();
      // The fence polls the replica every 25 ms: a generous bound, far below the cache's 30 s TTL.
      await expect.poll(() => verifiedStatus(licenseB.number), { timeout: 10_000 }).toBe("suspended");
    });

    it("writes a consumer's rating on the primary while the replica is paused", async () => {
      await pair.pauseReplay();
      try {
        const response = await app.inject({
          method: "POST",
          url: `/s/${storeA.code}/rate`,
          headers: { "content-type": "application/x-www-form-urlencoded" },
          payload: "stars=5&comment=%E5%B9%B2%E5%87%80&lang=zh-CN",
        });
        expect(response.statusCode, response.body).toBe(201);
        const onPrimary = await database.db.select().from(ratings).where(eq(ratings.storeId, storeA.id));
        expect(onPrimary).toHaveLength(1);
        const onReplica = await pair.query("replica", "select 1 from ratings where store_id = $1", [
          storeA.id,
        ]);
        expect(onReplica).toHaveLength(0);
      } finally {
        await pair.resumeReplay();
      }
      await pair.waitForReplay();
      const replayed = await pair.query("replica", "select 1 from ratings where store_id = $1", [storeA.id]);
      expect(replayed).toHaveLength(1);
    });

    it("flushes the verification counts of public reads to the primary when the app closes", async () => {
      await app.close();
      appClosed = true;
      const [counted] = await database.db
        .select({ total: sql<number>`coalesce(sum(${certificateUsage.count}), 0)::int` })
        .from(certificateUsage)
        .where(eq(certificateUsage.kind, "verification"));
      // The GET and POST verifications above, counted in memory and written by the flush.
      expect(counted!.total).toBeGreaterThanOrEqual(4);
    });
  },
);
