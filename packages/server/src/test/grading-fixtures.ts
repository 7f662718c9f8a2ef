// A small register for the grading tests: licensed stores with the records that move a grade — a failed
// inspection, an upheld complaint, an expired health certificate, an overdue rectification, a serious-dishonesty
// entry, a red alert, a food-safety accident — all in the period GRADED_PERIOD, inserted as the modules would.

import { INSPECTION_TEMPLATES } from "@shian/domain";
import { eq } from "drizzle-orm";
import type { Database } from "../db/client.js";
import {
  alerts,
  complaints,
  dishonestyEntries,
  foodSafetyIncidents,
  inspections,
  licenses,
  listEntries,
  rectifications,
  staff,
  stores,
} from "../db/schema.js";
import { makeStore, TEST_KEYRING } from "./factories.js";
import { staffRowWithHealthCertificate } from "../modules/entities/personal-data.js";

import { createSafetyCodes } from "../modules/safety-code/service.js";

export const GRADED_PERIOD = "2026-10";
/** A moment inside GRADED_PERIOD. */
export const IN_PERIOD = new Date("2026-10-15T10:00:00+08:00");
const hoursLater = (hours: number) => new Date(IN_PERIOD.getTime() + hours * 3_600_000);

let sequence = 0;

/** A store of a demo district with a valid licence of the type and the given 具体业态. */
export async function licensedStore(
  db: Database,
  options: { regionCode?: string; subtype?: string; licenceType?: "JY" | "SC" } = {},
) {
  const { regionCode = "440106", subtype = "restaurant_small", licenceType = "JY" } = options;
  const { businessId, store } = await makeStore(db, regionCode);
  await db.update(stores).set({ subtype }).where(eq(stores.id, store.id));
  sequence += 1;
  await db.insert(licenses).values({
    number: `${licenceType}9${String(sequence).padStart(13, "0")}`,
    type: licenceType,
    businessId,
    storeId: store.id,
    regionCode,
    status: "valid",
    currentVersion: 1,
    validFrom: "2024-01-01",
    validTo: "2029-12-31",
    issuedAt: new Date("2024-01-01T00:00:00+08:00"),
  });
  await createSafetyCodes(db, [store.id]);
  return { businessId, storeId: store.id, regionCode, name: store.name };
}

export type TestStore = Awaited<ReturnType<typeof licensedStore>>;

/** Answers of the routine checklist: all pass except the given items. */
export function routineResults(failed: string[]) {
  return INSPECTION_TEMPLATES.routine.items.map((item) => ({
    code: item.code,
    result: failed.includes(item.code) ? ("fail" as const) : ("pass" as const),
  }));
}

/**
 * A routine inspection failing a key item (no_expired_food) and an ordinary one (premises_clean), the overdue
 * rectification it opened, a volunteer patrol, an upheld complaint, and two staff, one certificate expired.
 */
export async function recordPoorMonth(db: Database, store: TestStore) {
  const [inspection] = await db
    .insert(inspections)
    .values({
      kind: "routine",
      storeId: store.storeId,
      regionCode: store.regionCode,
      template: "routine",
      status: "done",
      inspectedAt: IN_PERIOD,
      results: routineResults(["no_expired_food", "premises_clean"]),
      outcome: "fail",
      score: 55,
    })
    .returning();
  await db.insert(inspections).values({
    kind: "volunteer_patrol",
    storeId: store.storeId,
    regionCode: store.regionCode,
    template: "patrol",
    status: "done",
    inspectedAt: IN_PERIOD,
    results: [],
    outcome: "pass",
    score: 100,
  });
  await db.insert(rectifications).values({
    inspectionId: inspection!.id,
    storeId: store.storeId,
    regionCode: store.regionCode,
    itemCode: "no_expired_food",
    status: "open",
    dueAt: hoursLater(24),
    createdAt: IN_PERIOD,
  });
  await db.insert(complaints).values({
    storeId: store.storeId,
    regionCode: store.regionCode,
    category: "hygiene",
    description: "后厨卫生差",
    trackingTokenHash: "0".repeat(64),
    status: "closed",
    acknowledgeBy: hoursLater(24),
    closeBy: hoursLater(240),
    upheld: true,
    createdAt: IN_PERIOD,
    closedAt: hoursLater(48),
  });
  for (const validTo of ["2026-09-30", "2027-09-30"]) {
    await db.insert(staff).values(
      staffRowWithHealthCertificate(TEST_KEYRING, {
        businessId: store.businessId,
        storeId: store.storeId,
        name: "张三",
        healthCertificateNo: `HC${validTo}`,
        healthCertificateIssuer: "天河区疾控中心",
        healthCertificateValidTo: validTo,
      }),
    );
  }
}

/** 严重违法失信名单 entry in force through the period. */
export async function listSeriouslyDishonest(db: Database, store: TestStore) {
  await db.insert(dishonestyEntries).values({
    businessId: store.businessId,
    regionCode: store.regionCode,
    reason: "提供虚假材料取得许可",
    legalBasis: "《市场监督管理严重违法失信名单管理办法》第九条",
    listedOn: "2026-09-01",
    until: "2029-09-01",
  });
}

export async function raiseRedAlert(db: Database, store: TestStore) {
  await db.insert(alerts).values({
    rule: "health_certificate_expired",
    severity: "red",
    storeId: store.storeId,
    regionCode: store.regionCode,
    subjectKey: "staff-1",
    status: "open",
    details: {},
    dueAt: hoursLater(24),
    openedAt: IN_PERIOD,
  });
}

export async function recordAccident(db: Database, store: TestStore) {
  await db.insert(foodSafetyIncidents).values({
    storeId: store.storeId,
    regionCode: store.regionCode,
    occurredOn: "2026-10-03",
    description: "集体性腹泻",
  });
}

/** 红黑榜 entry published before the period, in force through it. */
export async function publishOnList(db: Database, store: TestStore, list: "red" | "black") {
  await db.insert(listEntries).values({
    list,
    storeId: store.storeId,
    regionCode: store.regionCode,
    reason: list === "black" ? "多次检查不合格" : "诚信经营示范",
    legalBasis: "《食品安全信用信息管理办法》",
    publishedAt: new Date("2026-09-10T10:00:00+08:00"),
    expiresOn: "2027-09-10",
  });
}
