import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { DEMO_DISTRICTS, isValidUscc, parseLicenseNumber } from "@shian/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applications, businesses, licenses, stores, users } from "../../db/schema.js";
import { createTestDatabase, type TestDatabase } from "../../test/test-database.js";
import { verifyAuditChain } from "../audit/service.js";
import { localFileStore } from "../files/file-store.js";
import { DEMO_STAGES } from "./seed-applications.js";
import { seedDemo } from "./seed-demo.js";

let database: TestDatabase;
const fileStore = localFileStore(fs.mkdtempSync(path.join(os.tmpdir(), "shian-demo-files-")));
const certificates = {
  keyring: { passphrase: "demo-test-passphrase-0123" },
  publicBaseUrl: "http://localhost:3000",
};
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("demo data", () => {
  it("refuses to create demo users in production", async () => {
    await expect(
      seedDemo(database.db, { stores: 12, seed: "s", nodeEnv: "production", fileStore, certificates }),
    ).rejects.toThrow(/production/);
    const [row] = await database.db.select({ n: count() }).from(users);
    expect(row!.n).toBe(0);
  });

  it("creates stores in every demo district, an officer of each role per district, and valid USCCs", async () => {
    const summary = await seedDemo(database.db, {
      stores: 60,
      seed: "s",
      nodeEnv: "test",
      fileStore,
      certificates,
    });
    expect(summary.businesses).toBe(60);
    expect(summary.stores).toBe(60 + 1 + DEMO_STAGES.length);
    for (const district of DEMO_DISTRICTS) {
      const [row] = await database.db
        .select({ n: count() })
        .from(stores)
        .where(eq(stores.regionCode, district.code));
      expect(row!.n).toBeGreaterThanOrEqual(10);
      const officers = await database.db.select().from(users).where(eq(users.regionCode, district.code));
      expect(officers.map((u) => u.role)).toEqual(
        expect.arrayContaining(["acceptor", "reviewer", "approver", "inspector", "volunteer"]),
      );
    }
    const all = await database.db.select({ uscc: businesses.uscc }).from(businesses);
    expect(all.every((b) => isValidUscc(b.uscc))).toBe(true);
    const names = (await database.db.select({ username: users.username }).from(users)).map((u) => u.username);
    expect(names).toEqual(
      expect.arrayContaining([
        "admin",
        "acceptor",
        "reviewer",
        "approver",
        "inspector",
        "leader",
        "owner",
        "volunteer",
      ]),
    );
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });

  it("gives most stores a valid JY licence with a well-formed number", async () => {
    const issued = await database.db.select().from(licenses);
    expect(issued.length).toBeGreaterThan(60 * 0.7);
    expect(issued.every((license) => parseLicenseNumber(license.number) !== null)).toBe(true);
  });

  it("has applications in every stage of the workflow", async () => {
    const statuses = (await database.db.select({ status: applications.status }).from(applications)).map(
      (a) => a.status,
    );
    expect(new Set(statuses)).toEqual(
      new Set(["draft", "submitted", "returned", "accepted", "onsite_scheduled", "reviewed", "rejected"]),
    );
  });
});
