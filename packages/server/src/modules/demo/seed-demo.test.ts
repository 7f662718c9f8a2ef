import { count, eq } from "drizzle-orm";
import { DEMO_DISTRICTS, isValidUscc } from "@shian/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { businesses, stores, users } from "../../db/schema.js";
import { createTestDatabase, type TestDatabase } from "../../test/test-database.js";
import { verifyAuditChain } from "../audit/service.js";
import { seedDemo } from "./seed-demo.js";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("demo data", () => {
  it("refuses to create demo users in production", async () => {
    await expect(seedDemo(database.db, { stores: 12, seed: "s", nodeEnv: "production" })).rejects.toThrow(
      /production/,
    );
    const [row] = await database.db.select({ n: count() }).from(users);
    expect(row!.n).toBe(0);
  });

  it("creates stores in every demo district, an officer of each role per district, and valid USCCs", async () => {
    const summary = await seedDemo(database.db, { stores: 60, seed: "s", nodeEnv: "test" });
    expect(summary.stores).toBe(60);
    for (const district of DEMO_DISTRICTS) {
      const [row] = await database.db
        .select({ n: count() })
        .from(stores)
        .where(eq(stores.regionCode, district.code));
      expect(row!.n).toBe(10);
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
});
