import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq, sql } from "drizzle-orm";
import Fastify from "fastify";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { migrationsFolder, openDatabase, type DatabaseHandle } from "../../db/client.js";
import { businesses, outbox, staff } from "../../db/schema.js";
import { createAdapters } from "../outbox/adapters.js";
import { queueIssuanceNotices } from "../outbox/notifications.js";
import { ensureRegions } from "../regions/service.js";
import {
  maskHealthCertificateNo,
  openBusinessPhone,
  openStaffHealthCertificateNo,
  sealLegacyPersonalData,
} from "./personal-data.js";

// PIPL art. 51 / GB/T 35273-2020 §6.2 / SECURITY.md #15: a business owner's phone is encrypted at rest. Migration
// 0011_step8_personal_data must keep the phones already stored in clear: it parks them in phone_unsealed, and the
// start-up step seals them and drops the clear column (docs/security.md "Personal data at rest").

const KEYRING = { passphrase: "personal-data migration test passphrase" };
const PHONE = "13812345678";
const cleanups: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A fresh, empty database (PGlite, or a new PostgreSQL database under TEST_DATABASE_URL). */
async function emptyDatabase(): Promise<DatabaseHandle> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  let url: string | undefined;
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(text).finally(() => client.end());
  };
  if (serverUrl) {
    const name = `shian_test_${randomBytes(6).toString("hex")}`;
    await admin(`create database ${name}`);
    const parsed = new URL(serverUrl);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    cleanups.push(() => admin(`drop database if exists ${name} with (force)`));
  }
  const handle = await openDatabase({ databaseUrl: url, poolSize: 2 });
  cleanups.push(() => handle.close());
  return handle;
}

/** A copy of the migrations folder whose journal ends before the tag given. */
function migrationsBefore(tag: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "shian-migrations-"));
  fs.cpSync(migrationsFolder, folder, { recursive: true });
  const journalFile = path.join(folder, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((entry) => entry.tag === tag);
  expect(at).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  cleanups.push(async () => fs.rmSync(folder, { recursive: true, force: true }));
  return folder;
}

async function migrateTo(database: DatabaseHandle, folder: string) {
  if (database.kind === "pglite") await migratePglite(database.db as never, { migrationsFolder: folder });
  else await migratePg(database.db as never, { migrationsFolder: folder });
}

async function columnsOf(database: DatabaseHandle, table: string): Promise<string[]> {
  const result = await database.db.execute(sql`
    select column_name from information_schema.columns
    where table_schema = current_schema() and table_name = ${table}`);
  return (result as unknown as { rows: { column_name: string }[] }).rows.map((row) => row.column_name);
}

describe("personal data at rest: businesses.phone, staff.health_certificate_no (PIPL art. 28, 51, SECURITY.md #15)", () => {
  it("migration 0011 keeps clear phones; the start-up step seals and masks them and drops the clear column", async () => {
    const database = await emptyDatabase();
    await migrateTo(database, migrationsBefore("0011_step8_personal_data"));
    await ensureRegions(database.db);
    await database.db.execute(sql`
      insert into businesses (uscc, name, legal_representative, phone, region_code) values
        ('91440106MA00000011', '有电话的店', '张三', ${PHONE}, '440106'),
        ('91440106MA00000022', '没电话的店', '李四', null, '440106')`);

    await database.migrate();
    const parked = await columnsOf(database, "businesses");
    expect(parked).toContain("phone_unsealed");
    expect(parked).not.toContain("phone");

    expect(await sealLegacyPersonalData(database.db, () => KEYRING)).toBe(1);
    const columns = await columnsOf(database, "businesses");
    expect(columns).not.toContain("phone_unsealed");
    expect(columns).toEqual(expect.arrayContaining(["phone_sealed", "phone_masked"]));

    const rows = await database.db.select().from(businesses).orderBy(businesses.uscc);
    expect(rows.map((row) => row.phoneMasked)).toEqual(["138****5678", null]);
    expect(rows[1]!.phoneSealed).toBeNull();
    const sealed = rows[0]!.phoneSealed!;
    expect(sealed).not.toContain(PHONE);
    expect(openBusinessPhone(KEYRING, rows[0]!.id, sealed)).toBe(PHONE);
    // Bound to its row: the sealed value copied to another business does not open.
    expect(() => openBusinessPhone(KEYRING, rows[1]!.id, sealed)).toThrow();
    // Run again (every start-up does): nothing left to seal, and the keyring (required in production) is not asked.
    const noKeyring = () => {
      throw new Error("keyring asked for");
    };
    expect(await sealLegacyPersonalData(database.db, noKeyring)).toBe(0);
    const raw = await database.db.execute(sql`select * from businesses`);
    expect(JSON.stringify(raw)).not.toContain(PHONE);

    // 三即时 SMS: the outbox keeps the sealed phone; only the gateway request carries the clear number.
    const business = rows[0]!;
    await queueIssuanceNotices(database.db, {
      licenseId: "00000000-0000-4000-8000-000000000001",
      number: "JY14401060000011",
      version: 1,
      regionCode: "440106",
      businessId: business.id,
      holderName: business.name,
      phoneSealed: business.phoneSealed,
      phoneMasked: business.phoneMasked,
      reason: "new",
    });
    const [sms] = await database.db.select().from(outbox).where(eq(outbox.channel, "sms"));
    expect(JSON.stringify(sms!.payload)).not.toContain(PHONE);
    const received: string[] = [];
    const gateway = http.createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      request.on("end", () => {
        received.push(body);
        response.end("ok");
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => new Promise<void>((resolve) => gateway.close(() => resolve())));
    const adapters = createAdapters({
      smsGatewayUrl: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/sms`,
      allowPrivateWebhooks: true,
      decryptSecret: () => "",
      openBusinessPhone: (businessId, sealed) => openBusinessPhone(KEYRING, businessId, sealed),
      log: Fastify({ logger: false }).log,
    });
    await adapters.sms(database.db, sms!);
    expect(received.map((body) => JSON.parse(body).to)).toEqual([PHONE]);
  }, 180_000); // migrates twice: slow on a busy machine

  // PIPL art. 28, 51: a 健康证明编号 (some issuers embed the resident ID number) is sealed the same way; migration
  // 0012_step8_staff_health_certificate parks existing numbers in health_certificate_no_unsealed.
  it("migration 0012 keeps clear health certificate numbers; the start-up step seals and masks them", async () => {
    const database = await emptyDatabase();
    await migrateTo(database, migrationsBefore("0012_step8_staff_health_certificate"));
    await ensureRegions(database.db);
    const idNumber = "440106199001011234";
    await database.db.execute(sql`
      with business as (
        insert into businesses (uscc, name, legal_representative, region_code)
        values ('91440106MA00000033', '有员工的店', '王五', '440106') returning id),
      store as (
        insert into stores (business_id, name, address, region_code, business_form, subtype)
        select id, '有员工的店', '天河路1号', '440106', 'catering', 'restaurant_small' from business
        returning id, business_id)
      insert into staff (business_id, store_id, name, health_certificate_no, health_certificate_issuer,
        health_certificate_valid_to)
      select business_id, id, name, no, '天河区疾控中心', '2027-09-30'
      from store, (values ('张三', ${idNumber}), ('李四', 'HC1')) as people (name, no)`);

    await database.migrate();
    const parked = await columnsOf(database, "staff");
    expect(parked).toContain("health_certificate_no_unsealed");
    expect(parked).not.toContain("health_certificate_no");

    expect(await sealLegacyPersonalData(database.db, () => KEYRING)).toBe(2);
    const columns = await columnsOf(database, "staff");
    expect(columns).not.toContain("health_certificate_no_unsealed");
    expect(columns).toEqual(
      expect.arrayContaining(["health_certificate_no_sealed", "health_certificate_no_masked"]),
    );
    const rows = await database.db.select().from(staff).orderBy(staff.name);
    const byName = new Map(rows.map((row) => [row.name, row]));
    const zhang = byName.get("张三")!;
    const li = byName.get("李四")!;
    expect(zhang.healthCertificateNoMasked).toBe("44**************34");
    expect(li.healthCertificateNoMasked).toBe("***");
    expect(openStaffHealthCertificateNo(KEYRING, zhang.id, zhang.healthCertificateNoSealed!)).toBe(idNumber);
    expect(openStaffHealthCertificateNo(KEYRING, li.id, li.healthCertificateNoSealed!)).toBe("HC1");
    // Bound to its row: the sealed number copied to another staff member does not open.
    expect(() => openStaffHealthCertificateNo(KEYRING, li.id, zhang.healthCertificateNoSealed!)).toThrow();
    const raw = await database.db.execute(sql`select * from staff`);
    expect(JSON.stringify(raw)).not.toContain(idNumber);
    // Every later start-up: nothing left, and the keyring is not asked for.
    const noKeyring = () => {
      throw new Error("keyring asked for");
    };
    expect(await sealLegacyPersonalData(database.db, noKeyring)).toBe(0);
  }, 180_000);

  it("masks a health certificate number to its first and last two characters", () => {
    expect(maskHealthCertificateNo("JK440106000000012")).toBe("JK*************12");
    expect(maskHealthCertificateNo(" 粤健2024-001 ")).toBe("粤健******01");
    expect(maskHealthCertificateNo("HC12")).toBe("****");
  });
});
