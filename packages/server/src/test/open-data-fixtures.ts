// Test data of the open-data tests: stores of four demo districts in every colour, finished and planned
// inspections (two at the very same microsecond, to test the cursor's tie-break), a name and an address that need
// CSV quoting, and personal data planted where a careless query would pick it up.

import { eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.js";
import { businesses, inspections, licenses, staff, storeGrades, stores, users } from "../db/schema.js";
import { makeStore, makeUser, TEST_KEYRING } from "./factories.js";
import { sealBusinessPhone, staffRowWithHealthCertificate } from "../modules/entities/personal-data.js";
import { licensedStore, raiseRedAlert, routineResults, type TestStore } from "./grading-fixtures.js";
import { createSafetyCodes } from "../modules/safety-code/service.js";

/** Personal data that must never appear in any open-data reply or file. */
export const PLANTED = {
  legalRepresentative: "欧阳锋秘",
  phone: "13912345678",
  idNumber: "11010119900307777X",
  staffName: "黄药师傅",
  inspectorName: "洪七公检查员",
  inspectorUsername: "hong-qi-inspector",
  note: "王重阳",
} as const;

export const TRICKY_NAME = '老王"面馆",天河分店';
export const TRICKY_ADDRESS = "广东省广州市天河区天河路,体育西路口385号";

export interface OpenDataFixture {
  green: TestStore;
  yellow: TestStore;
  redAlert: TestStore;
  ungraded: TestStore;
  ningboA: TestStore;
  ningboB: TestStore;
  shanghai: TestStore;
  unlicensed: { storeId: string; regionCode: string };
}

async function inspect(
  db: Database,
  store: { storeId: string; regionCode: string },
  at: string,
  options: {
    failed?: string[];
    inspectorId?: string;
    kind?: "routine" | "complaint" | "alert_follow_up";
  } = {},
) {
  const failed = options.failed ?? [];
  const results = routineResults(failed).map((item) =>
    failed.includes(item.code)
      ? { ...item, note: `${PLANTED.note} 身份证 ${PLANTED.idNumber} 电话 ${PLANTED.phone}` }
      : item,
  );
  await db.insert(inspections).values({
    kind: options.kind ?? "routine",
    storeId: store.storeId,
    regionCode: store.regionCode,
    template: "routine",
    status: "done",
    inspectorId: options.inspectorId ?? null,
    // A literal timestamptz keeps the microseconds a JS Date would drop.
    inspectedAt: sql`${at}::timestamptz`,
    results,
    outcome: failed.length === 0 ? "pass" : failed.includes("no_expired_food") ? "fail" : "rectify",
    score: failed.length === 0 ? 100 : 100 - 10 * failed.length,
    lat: 23.1,
    lng: 113.3,
  });
}

export async function seedOpenData(db: Database): Promise<OpenDataFixture> {
  const inspector = await makeUser(db, {
    role: "inspector",
    regionCode: "440106",
    username: PLANTED.inspectorUsername,
  });
  await db.update(users).set({ displayName: PLANTED.inspectorName }).where(eq(users.id, inspector.id));

  const green = await licensedStore(db, { regionCode: "440106" });
  const yellow = await licensedStore(db, { regionCode: "440106" });
  const redAlert = await licensedStore(db, { regionCode: "440106" });
  const ungraded = await licensedStore(db, { regionCode: "440106" });
  const ningboA = await licensedStore(db, { regionCode: "330213" });
  const ningboB = await licensedStore(db, { regionCode: "330211" });
  const shanghai = await licensedStore(db, { regionCode: "310104" });
  const { store } = await makeStore(db, "440106");
  await createSafetyCodes(db, [store.id]);
  const unlicensed = { storeId: store.id, regionCode: "440106" };

  for (const [row, grade, colour] of [
    [green, "A", "green"],
    [yellow, "C", "yellow"],
    [redAlert, "A", "green"],
    [ningboA, "B", "yellow"],
  ] as const) {
    await db.insert(storeGrades).values({
      storeId: row.storeId,
      grade,
      colour,
      gradedOn: "2026-11-01",
      model: "test",
      period: "2026-10",
    });
  }
  await raiseRedAlert(db, redAlert);

  // A licence that starts later than the others (licensedSince) and a name and address that need quoting.
  await db.update(licenses).set({ validFrom: "2026-06-01" }).where(eq(licenses.storeId, ningboA.storeId));
  await db
    .update(stores)
    .set({ name: TRICKY_NAME, address: TRICKY_ADDRESS })
    .where(eq(stores.id, green.storeId));

  // Personal data everywhere a join could reach: the business, its staff, the inspector, the item notes.
  for (const { id } of await db.select({ id: businesses.id }).from(businesses)) {
    await db
      .update(businesses)
      .set({
        legalRepresentative: PLANTED.legalRepresentative,
        ...sealBusinessPhone(TEST_KEYRING, id, PLANTED.phone),
      })
      .where(eq(businesses.id, id));
  }
  for (const row of [green, yellow, ningboA]) {
    await db.insert(staff).values(
      staffRowWithHealthCertificate(TEST_KEYRING, {
        businessId: row.businessId,
        storeId: row.storeId,
        name: PLANTED.staffName,
        healthCertificateNo: PLANTED.idNumber,
        healthCertificateIssuer: "天河区疾控中心",
        healthCertificateValidTo: "2027-09-30",
      }),
    );
  }

  await inspect(db, green, "2026-10-15T09:00:00.123456+08:00", { inspectorId: inspector.id });
  await inspect(db, yellow, "2026-10-15T09:00:00.123456+08:00", {
    failed: ["premises_clean"],
    inspectorId: inspector.id,
  });
  await inspect(db, yellow, "2026-10-15T23:30:00+08:00", { kind: "complaint", failed: ["no_expired_food"] });
  await inspect(db, redAlert, "2026-10-16T00:10:00+08:00", { kind: "alert_follow_up" });
  await inspect(db, ningboA, "2026-11-02T10:00:00+08:00", { failed: ["premises_clean", "no_expired_food"] });
  await inspect(db, ningboB, "2026-11-03T10:00:00+08:00");
  await inspect(db, shanghai, "2026-09-01T10:00:00+08:00");
  await inspect(db, green, "2026-11-20T15:00:00+08:00");
  await db.insert(inspections).values({
    kind: "routine",
    storeId: green.storeId,
    regionCode: green.regionCode,
    template: "routine",
    status: "planned",
    plannedFor: "2026-12-20",
  });

  return { green, yellow, redAlert, ungraded, ningboA, ningboB, shanghai, unlicensed };
}

/** Every text a reply or file must not contain. */
export function personalDataIn(text: string): string[] {
  return Object.values(PLANTED).filter((value) => text.includes(value));
}
