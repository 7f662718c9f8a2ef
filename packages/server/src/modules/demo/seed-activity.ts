// A month of supervision history for the demo stores, so the first grading shows every colour: imported public
// credit, consumer ratings, self-checks and signed commitment letters for most stores; for a few, a failed
// inspection with its overdue rectification, an upheld complaint, or a staff member whose health certificate has
// expired (a red alert). Deterministic for a seed; the dates fall between the first of the current month (China
// time) and now.

import { INSPECTION_TEMPLATES, XIANGSHAN_2023, chinaDate, type SeededRandom } from "@shian/domain";
import type { Transaction } from "../../db/client.js";
import {
  commitmentLetters,
  complaints,
  inspections,
  publicCreditScores,
  ratings,
  rectifications,
  selfChecks,
  staff,
} from "../../db/schema.js";
import { periodOf, periodWindow } from "../credit/period.js";
import { staffRowWithHealthCertificate } from "../entities/personal-data.js";
import type { Keyring } from "../keys/secret-box.js";

interface ActivityStore {
  id: string;
  businessId: string;
  regionCode: string;
}

interface ActivityOptions {
  random: SeededRandom;
  stores: readonly ActivityStore[];
  now: Date;
  /** Seals the staff members' health certificate numbers (personal data at rest, docs/security.md). */
  keyring: Keyring;
}

/** Share of the demo stores that signed the commitment letter (承诺书). */
const SIGNED = 0.75;
const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵"];
const GIVEN_NAMES = ["建国", "丽娟", "志强", "秀英", "伟", "敏", "海燕", "俊杰"];

/** Shares of the demo stores with each kind of trouble this month. */
const TROUBLE = { failedInspection: 0.08, upheldComplaint: 0.05, expiredHealthCertificate: 0.01 };
const STARS = [5, 5, 5, 5, 5, 5, 4, 4, 4, 3, 2];
const BATCH = 500;

export interface ActivitySummary {
  ratings: number;
  selfChecks: number;
  commitmentLetters: number;
  failedInspections: number;
  upheldComplaints: number;
  expiredHealthCertificates: number;
}

export async function seedDemoActivity(tx: Transaction, options: ActivityOptions): Promise<ActivitySummary> {
  const { random, stores, now } = options;
  const period = periodOf(now);
  const monthStart = periodWindow(period, now).start;
  const inMonth = () =>
    new Date(monthStart.getTime() + random.next() * (now.getTime() - monthStart.getTime()));
  const hex = () =>
    Array.from({ length: 8 }, () => random.int(0, 0xffffffff).toString(16).padStart(8, "0")).join("");

  const scores = [...new Set(stores.map((s) => s.businessId))].map((businessId) => ({
    businessId,
    period,
    basics: random.int(80, 100),
    finance: random.int(75, 100),
    governance: random.int(80, 100),
    lawAbiding: random.int(85, 100),
    socialResponsibility: random.int(75, 100),
  }));
  const ratingRows: (typeof ratings.$inferInsert)[] = [];
  const checkRows: (typeof selfChecks.$inferInsert)[] = [];
  const passAll = INSPECTION_TEMPLATES.patrol.items.map((item) => ({
    code: item.code,
    result: "pass" as const,
  }));
  for (const store of stores) {
    for (let n = random.int(0, 24); n > 0; n--) {
      ratingRows.push({
        storeId: store.id,
        stars: random.pick(STARS),
        deviceHash: hex(),
        ratedOn: chinaDate(inMonth()),
        moderation: "approved",
      });
    }
    for (let n = random.int(0, 4); n > 0; n--) {
      checkRows.push({ storeId: store.id, checkedOn: chinaDate(inMonth()), results: passAll });
    }
  }
  // Each trouble befalls its share of the stores, rounded up: at least one store shows each story.
  const share = (fraction: number) => random.shuffle(stores).slice(0, Math.ceil(fraction * stores.length));
  const troubled = share(TROUBLE.failedInspection).map((store) => ({ store, at: inMonth() }));
  const complained = share(TROUBLE.upheldComplaint).map((store) => ({ store, at: inMonth() }));
  const expired = share(TROUBLE.expiredHealthCertificate);
  const letters = share(SIGNED).map((store) => ({
    storeId: store.id,
    businessId: store.businessId,
    regionCode: store.regionCode,
    template: XIANGSHAN_2023.code,
    templateVersion: XIANGSHAN_2023.version,
    items: XIANGSHAN_2023.items,
    signerName: random.pick(SURNAMES) + random.pick(GIVEN_NAMES),
    signedAt: new Date(monthStart.getTime() - random.int(1, 300) * 86_400_000),
  }));
  await insertInBatches(tx, publicCreditScores, scores);
  await insertInBatches(tx, ratings, ratingRows);
  await insertInBatches(tx, selfChecks, checkRows);
  await insertInBatches(tx, commitmentLetters, letters);
  await recordFailedInspections(tx, troubled);
  await insertInBatches(
    tx,
    complaints,
    complained.map(({ store, at }) => ({
      storeId: store.id,
      regionCode: store.regionCode,
      category: "hygiene",
      description: "餐具不洁，后厨卫生差",
      trackingTokenHash: hex(),
      status: "closed" as const,
      acknowledgeBy: new Date(at.getTime() + 86_400_000),
      closeBy: new Date(at.getTime() + 10 * 86_400_000),
      upheld: true,
      reply: "经现场核查属实，已责令整改。",
      createdAt: at,
      closedAt: at,
    })),
  );
  await insertInBatches(
    tx,
    staff,
    expired.map((store, index) =>
      staffRowWithHealthCertificate(options.keyring, {
        businessId: store.businessId,
        storeId: store.id,
        name: "王小明",
        position: "厨师",
        healthCertificateNo: `DEMO-HC-${index + 1}`,
        healthCertificateIssuer: "区疾病预防控制中心",
        healthCertificateValidTo: chinaDate(new Date(monthStart.getTime() - 86_400_000)),
      }),
    ),
  );
  return {
    ratings: ratingRows.length,
    selfChecks: checkRows.length,
    commitmentLetters: letters.length,
    failedInspections: troubled.length,
    upheldComplaints: complained.length,
    expiredHealthCertificates: expired.length,
  };
}

/** A routine inspection failing a key item (expired food) and an ordinary one, with its overdue rectification. */
async function recordFailedInspections(tx: Transaction, troubled: { store: ActivityStore; at: Date }[]) {
  const failed = new Set(["no_expired_food", "premises_clean"]);
  const results = INSPECTION_TEMPLATES.routine.items.map((item) => ({
    code: item.code,
    result: failed.has(item.code) ? ("fail" as const) : ("pass" as const),
  }));
  for (let start = 0; start < troubled.length; start += BATCH) {
    const batch = troubled.slice(start, start + BATCH);
    const inserted = await tx
      .insert(inspections)
      .values(
        batch.map(({ store, at }) => ({
          kind: "routine" as const,
          storeId: store.id,
          regionCode: store.regionCode,
          template: "routine",
          status: "done" as const,
          inspectedAt: at,
          results,
          outcome: "fail" as const,
          score: 55,
        })),
      )
      .returning({ id: inspections.id, storeId: inspections.storeId, inspectedAt: inspections.inspectedAt });
    await tx.insert(rectifications).values(
      inserted.map((inspection, index) => ({
        inspectionId: inspection.id,
        storeId: inspection.storeId,
        regionCode: batch[index]!.store.regionCode,
        itemCode: "no_expired_food",
        status: "open" as const,
        // Due one hour after the visit: overdue by now, as the story of these stores goes.
        dueAt: new Date(inspection.inspectedAt!.getTime() + 3600_000),
        createdAt: inspection.inspectedAt!,
      })),
    );
  }
}

async function insertInBatches<T extends Parameters<Transaction["insert"]>[0]>(
  tx: Transaction,
  table: T,
  rows: T["$inferInsert"][],
) {
  for (let start = 0; start < rows.length; start += BATCH) {
    await tx.insert(table).values(rows.slice(start, start + BATCH));
  }
}
