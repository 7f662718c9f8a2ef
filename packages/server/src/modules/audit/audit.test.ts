import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_CONTEXT } from "../accounts/actor.js";
import { createTestDatabase, type TestDatabase } from "../../test/test-database.js";
import { recordAudit, verifyAuditChain } from "./service.js";

// 等保 8.1.4.3c / ASVS 7.3.3: the audit log is hash-chained and append-only.
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  for (let i = 1; i <= 5; i++) {
    await database.db.transaction((tx) =>
      recordAudit(tx, SYSTEM_CONTEXT, {
        action: "test.write",
        subjectType: "thing",
        subjectId: String(i),
        after: { i, 名称: "测试" },
      }),
    );
  }
});
afterAll(() => database.close());

async function asSuperuser(statement: ReturnType<typeof sql>) {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger audit_log_no_change`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_log enable trigger audit_log_no_change`);
  });
}

describe("audit hash chain", () => {
  it("verifies on an untouched log", async () => {
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, rows: 5 });
  });

  it("verifies across batch boundaries", async () => {
    expect(await verifyAuditChain(database.db, 2)).toEqual({ ok: true, rows: 5 });
  });

  it("the application cannot update or delete audit rows (trigger)", async () => {
    await expect(database.db.execute(sql`update audit_log set action = 'x' where seq = 1`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from audit_log where seq = 1`)).rejects.toThrow();
  });

  it("a direct UPDATE of a row is found and named", async () => {
    await asSuperuser(sql`update audit_log set after = '{"i": 99}'::jsonb where seq = 3`);
    expect(await verifyAuditChain(database.db)).toEqual({
      ok: false,
      rows: 2,
      seq: 3,
      reason: "hash_mismatch",
    });
  });

  it("a deleted row is found by the gap it leaves", async () => {
    await asSuperuser(sql`delete from audit_log where seq = 3`);
    expect(await verifyAuditChain(database.db)).toEqual({
      ok: false,
      rows: 2,
      seq: 4,
      reason: "sequence_gap",
    });
  });
});
