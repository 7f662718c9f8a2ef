import { parseLicenseNumber, verifyToken } from "@shian/domain";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { openStaffHealthCertificateNo } from "../entities/personal-data.js";
import { licenceNumbers } from "./generate.js";
import { BulkSeedError, generationContext, seedBulk, type BulkSeedReport } from "./seed-bulk.js";

// The bulk generator streams COPY through a second PostgreSQL connection: it has no PGlite path (the CLI says so).
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const STORES = 2000;
const CERTIFICATES = 40;
const SEED = "bulk-test";
const AS_OF = new Date("2026-12-07T12:00:00+08:00");
const keyring = { passphrase: "bulk-seed-test-passphrase-01" };

let t: TestApp;
/** Read-only checks over a plain connection: the statements name tables and catalogue views. */
let reader: pg.Client;
let report: BulkSeedReport;
let constraintsBefore: { foreignKeys: number; indexes: number };

async function rows<T>(text: string): Promise<T[]> {
  return (await reader.query(text)).rows as T[];
}

async function count(table: string, where = "true"): Promise<number> {
  const [row] = await rows<{ n: number }>(`select count(*)::int as n from ${table} where ${where}`);
  return row!.n;
}

async function constraintCounts() {
  const [row] = await rows<{ foreign_keys: number; indexes: number; unvalidated: number }>(
    `select (select count(*)::int from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace)
              as foreign_keys,
            (select count(*)::int from pg_indexes where schemaname = 'public') as indexes,
            (select count(*)::int from pg_constraint where connamespace = 'public'::regnamespace
              and not convalidated) as unvalidated`,
  );
  return { foreignKeys: row!.foreign_keys, indexes: row!.indexes, unvalidated: row!.unvalidated };
}

describe.skipIf(!onPostgres)(
  `bulk data set of ${STORES} stores (PostgreSQL only: set TEST_DATABASE_URL; COPY needs a PostgreSQL server)`,
  () => {
    beforeAll(async () => {
      t = await createTestApp();
      reader = new pg.Client({ connectionString: t.database.url });
      await reader.connect();
      const { unvalidated: _, ...before } = await constraintCounts();
      constraintsBefore = before;
      report = await seedBulk({
        db: t.database.db,
        databaseUrl: t.database.url!,
        stores: STORES,
        seed: SEED,
        asOf: AS_OF,
        certificates: CERTIFICATES,
        keyring,
      });
    }, 300_000);

    afterAll(async () => {
      await reader?.end();
      await t?.close();
    });

    it("fills every table in the planned proportions", async () => {
      expect(report.period).toBe("2026-11");
      for (const table of ["businesses", "stores", "licenses", "safety_codes"])
        expect(await count(table)).toBe(STORES);
      expect(await count("inspections")).toBe(2 * STORES);
      expect(await count("ratings")).toBe(2 * STORES);
      expect(await count("staff")).toBe(3 * STORES);
      expect(await count("certificates")).toBe(CERTIFICATES);
      const share = async (table: string, where: string) => (await count(table, where)) / STORES;
      expect(await share("license_versions", "version = 2")).toBeCloseTo(0.05, 1);
      expect(await share("licenses", "type = 'SC'")).toBeCloseTo(0.1, 1);
      expect(await share("licenses", "status = 'suspended'")).toBeLessThan(0.025);
      expect(await share("licenses", "status = 'cancelled'")).toBeLessThan(0.025);
      expect(await share("complaints", "true")).toBeCloseTo(0.1, 1);
      // ≈ 5 % of health certificates expired at the end of the graded month (20 of 400 days).
      const expired =
        (await count("staff", "health_certificate_valid_to < date '2026-11-30'")) / (3 * STORES);
      expect(expired).toBeGreaterThan(0.03);
      expect(expired).toBeLessThan(0.07);
      // Personal data at rest (PIPL art. 28, 51; docs/security.md): every health certificate number is sealed with
      // the seed's keyring, bound to its row, and masked; no clear number is stored.
      expect(await count("staff", "health_certificate_no_sealed is null")).toBe(0);
      expect(await count("staff", "health_certificate_no_masked !~ '^JK\\*{13}\\d{2}$'")).toBe(0);
      const [member] = await rows<{ id: string; sealed: string; masked: string }>(
        "select id, health_certificate_no_sealed as sealed, health_certificate_no_masked as masked from staff limit 1",
      );
      const number = openStaffHealthCertificateNo(keyring, member!.id, member!.sealed);
      expect(number).toMatch(/^JK\d{6}\d{9}$/);
      expect(`${number.slice(0, 2)}*************${number.slice(-2)}`).toBe(member!.masked);
      // 15 % of inspections fail an item, each failed item opens a rectification.
      expect(await count("rectifications")).toBe(
        (await count("inspections", "outcome = 'rectify'")) +
          (await count("inspections", "score = 60")) +
          2 * (await count("inspections", "score = 50")),
      );
    });

    it("grades the last finished month ≈ 30 % best band, 60 % second, 10 % below; cancelled licences ungraded", async () => {
      const graded = STORES - (await count("licenses", "status = 'cancelled'"));
      expect(await count("grade_history", "period = '2026-11'")).toBe(graded);
      expect(await count("store_grades", "period = '2026-11'")).toBe(graded);
      const best = await count("grade_history", "grade in ('green', 'blue', 'A') and score >= 90");
      const below = await count("grade_history", "score < 75");
      expect(best / graded).toBeCloseTo(0.3, 1);
      expect(below / graded).toBeCloseTo(0.1, 1);
      expect(await count("grading_runs", "status = 'done' and period = '2026-11'")).toBe(3);
    });

    it("the same seed gives the same well-formed, unique licence numbers", async () => {
      const stored = await rows<{ number: string }>("select l.number from licenses l order by l.store_id");
      const again = licenceNumbers(generationContext({ stores: STORES, seed: SEED, asOf: AS_OF }));
      expect(stored.map((row) => row.number)).toEqual(again);
      expect(new Set(again).size).toBe(STORES);
      for (const number of again) expect(parseLicenseNumber(number), number).not.toBeNull();
      const other = licenceNumbers(generationContext({ stores: 50, seed: "another", asOf: AS_OF }));
      expect(other).not.toEqual(again.slice(0, 50));
    });

    it("puts every foreign key and index back, validated (the database enforces them)", async () => {
      const after = await constraintCounts();
      expect({ foreignKeys: after.foreignKeys, indexes: after.indexes }).toEqual(constraintsBefore);
      expect(after.unvalidated).toBe(0);
      const [orphan] = await rows<{ n: number }>(
        "select count(*)::int as n from staff s left join stores t on t.id = s.store_id where t.id is null",
      );
      expect(orphan!.n).toBe(0);
    });

    it("a generated certificate verifies through GET /api/v1/verify/:licenseNo and its QR token offline", async () => {
      const [certified] = await rows<{ license_number: string; token: string }>(
        `select c.license_number, c.token from certificates c join licenses l on l.id = c.license_id
         where l.status = 'valid' order by c.license_number limit 1`,
      );
      const response = await t.app.inject({ url: `/api/v1/verify/${certified!.license_number}` });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ status: "valid" });
      const jwks = (await t.app.inject({ url: "/.well-known/jwks.json" })).json();
      expect(await verifyToken(certified!.token, jwks)).toMatchObject({
        valid: true,
        claims: { n: certified!.license_number },
      });
    });

    it("the scan page /s/{code} of a generated store renders", async () => {
      const [store] = await rows<{ code: string }>("select code from safety_codes order by store_id limit 1");
      const page = await t.app.inject({ url: `/s/${store!.code}` });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain("<html");
    });

    it("refuses a database that already holds stores", async () => {
      await expect(
        seedBulk({ db: t.database.db, databaseUrl: t.database.url!, stores: 10, seed: SEED, keyring }),
      ).rejects.toThrow(BulkSeedError);
    });
  },
);
