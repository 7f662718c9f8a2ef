import { DEFAULT_ALERT_RULES, chinaDate } from "@shian/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  alerts,
  complaints,
  inboxMessages,
  inspections,
  licenses,
  rectifications,
  selfChecks,
  staff,
  tasks,
} from "../../db/schema.js";
import { TEST_KEYRING, TEST_PASSWORD, makeStore, makeUser } from "../../test/factories.js";
import { staffRowWithHealthCertificate } from "../entities/personal-data.js";

import { answers, auditActions } from "../../test/inspection-fixtures.js";
import { createTestApp, loginAs, type Session, type TestApp } from "../../test/test-app.js";
import { createSafetyCodes, safetyCodeOfStore } from "../safety-code/service.js";
import { evaluateAlerts } from "./evaluate.js";

// Seed 004, 宁波市象山县: "建立红色预警机制，对原料过期、库存产品过期、从业人员健康证明过期、超范围使用食品添加剂、产品抽检
// 不合格等违诺行为自动预警推送 … 市场监管部门会在24小时内对违诺情况进行闭环处置" — and the yellow warnings of issue 7.
const XIANGSHAN = "330225";
const DAY_MS = 86_400_000;
let t: TestApp;
let inspector: Session;
let zhenhaiInspector: Session;
let licenceCounter = 0;

const day = (offset: number) => chinaDate(new Date(Date.now() + offset * DAY_MS));

/** A Xiangshan store with a valid licence and a 食安码: green until something happens. */
async function licensedStore() {
  const db = t.database.db;
  const made = await makeStore(db, XIANGSHAN);
  await addLicence(made, { validTo: day(1000) });
  await createSafetyCodes(db, [made.store.id]);
  return { ...made, code: (await safetyCodeOfStore(db, made.store.id))! };
}

type Made = Awaited<ReturnType<typeof makeStore>>;

async function addLicence(made: Made, options: { validTo: string; status?: string }) {
  licenceCounter += 1;
  const [row] = await t.database.db
    .insert(licenses)
    .values({
      number: `JY9${String(licenceCounter).padStart(13, "0")}`,
      type: "JY",
      businessId: made.businessId,
      storeId: made.store.id,
      regionCode: made.store.regionCode,
      status: options.status ?? "valid",
      currentVersion: 1,
      validFrom: day(-365),
      validTo: options.validTo,
      issuedAt: new Date(),
    })
    .returning();
  return row!;
}

async function addStaff(made: Made, validTo: string) {
  const [row] = await t.database.db
    .insert(staff)
    .values(
      staffRowWithHealthCertificate(TEST_KEYRING, {
        businessId: made.businessId,
        storeId: made.store.id,
        name: "张三",
        healthCertificateNo: `HC-${validTo}`,
        healthCertificateIssuer: "象山县疾控中心",
        healthCertificateValidTo: validTo,
      }),
    )
    .returning();
  return row!;
}

async function addInspection(made: Made, failed: string[], inspectedAt = new Date()) {
  const overrides = Object.fromEntries(failed.map((code) => [code, { result: "fail" as const }]));
  const [row] = await t.database.db
    .insert(inspections)
    .values({
      kind: "routine",
      storeId: made.store.id,
      regionCode: made.store.regionCode,
      template: "routine",
      status: "done",
      inspectedAt,
      results: answers("routine", overrides),
      outcome: failed.length > 0 ? "rectify" : "pass",
    })
    .returning();
  return row!;
}

async function addComplaint(made: Made, upheld: boolean, daysAgo: number) {
  const at = new Date(Date.now() - daysAgo * DAY_MS);
  await t.database.db.insert(complaints).values({
    storeId: made.store.id,
    regionCode: made.store.regionCode,
    category: "hygiene",
    description: "卤肉有异味",
    trackingTokenHash: "0".repeat(64),
    status: "closed",
    acknowledgeBy: at,
    closeBy: at,
    upheld,
    createdAt: at,
    closedAt: at,
  });
}

async function alertsOf(storeId: string, rule?: string) {
  const rows = await t.database.db.select().from(alerts).where(eq(alerts.storeId, storeId));
  return rule ? rows.filter((row) => row.rule === rule) : rows;
}

const run = () => evaluateAlerts(t.database.db);

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  await makeUser(db, { role: "inspector", regionCode: XIANGSHAN, username: "xs-inspector" });
  await makeUser(db, { role: "inspector", regionCode: "330211", username: "zh-inspector" });
  await makeUser(db, { role: "admin", regionCode: null, username: "alert-admin" });
  inspector = await loginAs(t.app, "xs-inspector", TEST_PASSWORD);
  zhenhaiInspector = await loginAs(t.app, "zh-inspector", TEST_PASSWORD);
});
afterAll(() => t.close());

describe("the 24-hour closed loop", () => {
  it("seed 004 Xiangshan: an expired health certificate raises a red alert", async () => {
    const db = t.database.db;
    const shop = await licensedStore();
    const other = await licensedStore();
    await makeUser(db, {
      role: "business_owner",
      regionCode: XIANGSHAN,
      username: "xs-owner",
      businessId: shop.businessId,
    });
    await makeUser(db, {
      role: "business_owner",
      regionCode: XIANGSHAN,
      username: "xs-other",
      businessId: other.businessId,
    });
    const owner = await loginAs(t.app, "xs-owner", TEST_PASSWORD);
    const otherOwner = await loginAs(t.app, "xs-other", TEST_PASSWORD);
    const hired = await owner.inject({
      method: "POST",
      url: `/api/v1/stores/${shop.store.id}/staff`,
      payload: {
        name: "王小明",
        healthCertificateNo: "XS-2024-001",
        healthCertificateIssuer: "象山县疾控中心",
        healthCertificateValidTo: day(-3),
      },
    });
    expect(hired.statusCode, hired.body).toBe(201);
    expect((await t.app.inject({ url: `/s/${shop.code}` })).body).toContain("绿码");

    const before = Date.now();
    await run();
    const [opened] = await alertsOf(shop.store.id, "health_certificate_expired");
    expect(opened).toMatchObject({ severity: "red", status: "open", regionCode: XIANGSHAN });

    // The inspector's queue and the business's portal both show it.
    const queue = (await inspector.inject({ url: "/api/v1/alerts?status=open&severity=red" })).json();
    const queued = queue.items.find((item: { id: string }) => item.id === opened!.id);
    expect(queued).toMatchObject({
      rule: "health_certificate_expired",
      ruleLabel: { zh: "从业人员健康证明过期" },
      severity: "red",
      storeName: shop.store.name,
      details: { validTo: day(-3), staffName: "王小明" },
      overdue: false,
    });
    const portal = (await owner.inject({ url: "/api/v1/portal/alerts" })).json();
    expect(portal.items.map((item: { id: string }) => item.id)).toContain(opened!.id);

    // Its 24-hour task, its audit entry and the message to the business.
    const due = new Date(queued.dueAt).getTime() - new Date(queued.openedAt).getTime();
    expect(due).toBe(24 * 3_600_000);
    expect(new Date(queued.openedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    const [task] = await db.select().from(tasks).where(eq(tasks.id, queued.taskId));
    expect(task).toMatchObject({
      kind: "alert",
      status: "open",
      storeId: shop.store.id,
      regionCode: XIANGSHAN,
    });
    expect(task!.dueAt.toISOString()).toBe(queued.dueAt);
    expect((await auditActions(db, "alert", opened!.id)).map((a) => a.action)).toEqual(["alert.open"]);
    const inbox = await db.select().from(inboxMessages).where(eq(inboxMessages.businessId, shop.businessId));
    expect(inbox.map((m) => m.title)).toContain("红色预警：从业人员健康证明过期");

    // The 食安码 turns red while it is open.
    const red = await t.app.inject({ url: `/s/${shop.code}` });
    expect(red.body).toContain("红码");
    expect(red.body).toContain("存在未办结的红色预警");
    const search = await t.app.inject({ url: `/api/v1/public/stores/${shop.store.id}` });
    expect(search.json().colour).toBe("red");

    // Running the job again opens nothing new.
    const again = await run();
    expect(again.every((entry) => entry.opened === 0)).toBe(true);
    expect(await alertsOf(shop.store.id)).toHaveLength(1);

    // Another business sees none of it; another district's inspector gets 404.
    expect((await otherOwner.inject({ url: "/api/v1/portal/alerts" })).json().items).toEqual([]);
    const foreign = await otherOwner.inject({
      method: "POST",
      url: `/api/v1/portal/alerts/${opened!.id}/response`,
      payload: { text: "x" },
    });
    expect(foreign.statusCode).toBe(404);
    expect((await otherOwner.inject({ url: `/api/v1/alerts/${opened!.id}` })).statusCode).toBe(404);
    expect((await zhenhaiInspector.inject({ url: `/api/v1/alerts/${opened!.id}` })).statusCode).toBe(404);
    const zhQueue = (await zhenhaiInspector.inject({ url: "/api/v1/alerts" })).json();
    expect(zhQueue.items).toEqual([]);
    const zhClose = await zhenhaiInspector.inject({
      method: "POST",
      url: `/api/v1/alerts/${opened!.id}/close`,
      payload: { note: "x" },
    });
    expect(zhClose.statusCode).toBe(404);

    // The business responds (the certificate is renewed); it cannot close the alert itself.
    const responded = await owner.inject({
      method: "POST",
      url: `/api/v1/portal/alerts/${opened!.id}/response`,
      payload: { text: "已安排王小明复检并取得新健康证明" },
    });
    expect(responded.statusCode, responded.body).toBe(200);
    expect(responded.json().responses).toMatchObject([{ text: "已安排王小明复检并取得新健康证明" }]);
    const selfClose = await owner.inject({
      method: "POST",
      url: `/api/v1/alerts/${opened!.id}/close`,
      payload: { note: "x" },
    });
    expect(selfClose.statusCode).toBe(403);
    await db
      .update(staff)
      .set({ healthCertificateValidTo: day(365) })
      .where(eq(staff.id, hired.json().id));

    // The inspector closes it: the task is done and the code is no longer red.
    const closed = await inspector.inject({
      method: "POST",
      url: `/api/v1/alerts/${opened!.id}/close`,
      payload: { note: "现场核实，新健康证明有效" },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: "closed", closingNote: "现场核实，新健康证明有效" });
    const [done] = await db.select().from(tasks).where(eq(tasks.id, queued.taskId));
    expect(done!.status).toBe("done");
    expect((await auditActions(db, "alert", opened!.id)).map((a) => a.action)).toEqual([
      "alert.open",
      "alert.respond",
      "alert.close",
    ]);
    const green = await t.app.inject({ url: `/s/${shop.code}` });
    expect(green.body).toContain("绿码");
    expect(green.body).not.toContain("存在未办结的红色预警");
    const twice = await inspector.inject({
      method: "POST",
      url: `/api/v1/alerts/${opened!.id}/close`,
      payload: { note: "again" },
    });
    expect(twice.statusCode).toBe(409);
    await run();
    expect(await alertsOf(shop.store.id)).toHaveLength(1);
  });

  it("a closed alert is not raised again for the same fact; a new fact raises a new one", async () => {
    const shop = await licensedStore();
    const person = await addStaff(shop, day(-1));
    await run();
    const [first] = await alertsOf(shop.store.id, "health_certificate_expired");
    const closed = await inspector.inject({
      method: "POST",
      url: `/api/v1/alerts/${first!.id}/close`,
      payload: { note: "已责令停止上岗" },
    });
    expect(closed.statusCode).toBe(200);
    await run();
    expect(await alertsOf(shop.store.id, "health_certificate_expired")).toHaveLength(1);
    // Renewed, then expired again: a new certificate, a new alert.
    await t.database.db
      .update(staff)
      .set({ healthCertificateValidTo: day(-2) })
      .where(eq(staff.id, person.id));
    await run();
    expect(await alertsOf(shop.store.id, "health_certificate_expired")).toHaveLength(2);
  });

  it("two runs at once open one alert and one task", async () => {
    const shop = await licensedStore();
    await addStaff(shop, day(-5));
    await Promise.all([run(), run()]);
    const opened = await alertsOf(shop.store.id);
    expect(opened).toHaveLength(1);
    const storeTasks = await t.database.db.select().from(tasks).where(eq(tasks.storeId, shop.store.id));
    expect(storeTasks.map((task) => task.id)).toEqual([opened[0]!.taskId]);
  });
});

describe("each rule raises its alert on matching data and not otherwise", () => {
  it("seed 004 Xiangshan: health certificate expired → red; expiring within 30 days → yellow", async () => {
    const expired = await licensedStore();
    await addStaff(expired, day(-1));
    const expiring = await licensedStore();
    await addStaff(expiring, day(10));
    await addStaff(expiring, day(0)); // valid through today: expiring, not expired
    const fine = await licensedStore();
    await addStaff(fine, day(31));
    await run();
    expect((await alertsOf(expired.store.id)).map((a) => [a.rule, a.severity])).toEqual([
      ["health_certificate_expired", "red"],
    ]);
    expect((await alertsOf(expiring.store.id)).map((a) => [a.rule, a.severity])).toEqual([
      ["health_certificate_expiring", "yellow"],
      ["health_certificate_expiring", "yellow"],
    ]);
    expect((await alertsOf(expiring.store.id))[0]!.taskId).toBeNull();
    expect(await alertsOf(fine.store.id)).toEqual([]);
  });

  it("a valid licence within its 90-day renewal window → yellow; further off or suspended → none", async () => {
    const due = await licensedStore();
    const licence = await addLicence(due, { validTo: day(30) });
    const suspended = await licensedStore();
    await addLicence(suspended, { validTo: day(30), status: "suspended" });
    const far = await licensedStore();
    await addLicence(far, { validTo: day(200) });
    await run();
    const [alert] = await alertsOf(due.store.id);
    expect(alert).toMatchObject({ rule: "licence_renewal_due", severity: "yellow" });
    expect(alert!.details).toMatchObject({ licenceId: licence.id, number: licence.number });
    expect(await alertsOf(suspended.store.id)).toEqual([]);
    expect(await alertsOf(far.store.id)).toEqual([]);
  });

  it("seed 004 Xiangshan: 原料过期、库存产品过期 found on an inspection or self-check → red", async () => {
    const inspected = await licensedStore();
    const inspection = await addInspection(inspected, ["no_expired_food"]);
    const selfChecked = await licensedStore();
    const [check] = await t.database.db
      .insert(selfChecks)
      .values({
        storeId: selfChecked.store.id,
        checkedOn: day(-1),
        results: [{ code: "no_expired_food", result: "fail", note: "冷库有两箱过期卤料" }],
      })
      .returning();
    const clean = await licensedStore();
    await addInspection(clean, ["signage"]);
    await addInspection(clean, ["no_expired_food"], new Date(Date.now() - 60 * DAY_MS)); // outside 30 days
    await run();
    expect(await alertsOf(inspected.store.id)).toMatchObject([
      { rule: "expired_food_reported", severity: "red", subjectKey: `inspection:${inspection.id}` },
    ]);
    expect(await alertsOf(selfChecked.store.id)).toMatchObject([
      {
        rule: "expired_food_reported",
        subjectKey: `self_check:${check!.id}`,
        details: { source: "self_check", note: "冷库有两箱过期卤料" },
      },
    ]);
    expect(await alertsOf(clean.store.id)).toEqual([]);
  });

  it("seed 004 Xiangshan: 超范围使用食品添加剂 (item additives_managed failed) → red", async () => {
    const misuse = await licensedStore();
    await addInspection(misuse, ["additives_managed"]);
    const clean = await licensedStore();
    await addInspection(clean, []);
    await run();
    expect((await alertsOf(misuse.store.id)).map((a) => [a.rule, a.severity])).toEqual([
      ["additive_misuse", "red"],
    ]);
    expect(await alertsOf(clean.store.id)).toEqual([]);
  });

  it("seed 004 Xiangshan: 产品抽检不合格 (imported sampling result) → red; a pass → none", async () => {
    const failed = await licensedStore();
    const passed = await licensedStore();
    const imported = await inspector.inject({
      method: "POST",
      url: "/api/v1/sampling-results",
      payload: [
        {
          reportNumber: "XS-CJ-0001",
          storeId: failed.store.id,
          sampledOn: day(-2),
          product: "卤猪耳",
          item: "菌落总数",
          result: "fail",
        },
        {
          reportNumber: "XS-CJ-0002",
          storeId: passed.store.id,
          sampledOn: day(-2),
          product: "卤牛肉",
          result: "pass",
        },
      ],
    });
    expect(imported.statusCode, imported.body).toBe(200);
    await run();
    expect(await alertsOf(failed.store.id)).toMatchObject([
      { rule: "sampling_failed", severity: "red", subjectKey: "XS-CJ-0001", details: { product: "卤猪耳" } },
    ]);
    expect(await alertsOf(passed.store.id)).toEqual([]);
  });

  it("issue 7: ≥ 3 upheld complaints in 7 days → yellow complaint surge; fewer, older or not upheld → none", async () => {
    const surge = await licensedStore();
    for (const daysAgo of [1, 3, 6]) await addComplaint(surge, true, daysAgo);
    const few = await licensedStore();
    await addComplaint(few, true, 1);
    await addComplaint(few, true, 2);
    await addComplaint(few, false, 2);
    await addComplaint(few, true, 10);
    await run();
    expect(await alertsOf(surge.store.id)).toMatchObject([
      { rule: "complaint_surge", severity: "yellow", details: { count: 3, days: 7 } },
    ]);
    expect(await alertsOf(few.store.id)).toEqual([]);
    // A fourth complaint while the surge alert is open does not open a second one.
    await addComplaint(surge, true, 0);
    await run();
    expect(await alertsOf(surge.store.id)).toHaveLength(1);
  });

  it("an open rectification past its deadline → yellow; replied or not yet due → none", async () => {
    const late = await licensedStore();
    const onTime = await licensedStore();
    for (const [made, status, dueAt] of [
      [late, "open", new Date(Date.now() - DAY_MS)],
      [onTime, "replied", new Date(Date.now() - DAY_MS)],
      [onTime, "open", new Date(Date.now() + DAY_MS)],
    ] as const) {
      const inspection = await addInspection(made, ["signage"]);
      await t.database.db.insert(rectifications).values({
        inspectionId: inspection.id,
        storeId: made.store.id,
        regionCode: made.store.regionCode,
        itemCode: "signage",
        status,
        dueAt,
      });
    }
    await run();
    expect((await alertsOf(late.store.id)).map((a) => [a.rule, a.severity])).toEqual([
      ["rectification_overdue", "yellow"],
    ]);
    expect(await alertsOf(onTime.store.id)).toEqual([]);
  });
});

describe("queue, portal and job trigger", () => {
  it("the queue puts red before yellow, filters by severity and pages with a cursor", async () => {
    const all = (await inspector.inject({ url: "/api/v1/alerts?status=open&limit=200" })).json().items;
    const severities = all.map((item: { severity: string }) => item.severity);
    expect(severities.indexOf("yellow")).toBeGreaterThan(severities.lastIndexOf("red"));
    const yellow = (await inspector.inject({ url: "/api/v1/alerts?severity=yellow&limit=200" })).json().items;
    expect(yellow.length).toBeGreaterThan(0);
    expect(yellow.every((item: { severity: string }) => item.severity === "yellow")).toBe(true);
    const first = (await inspector.inject({ url: "/api/v1/alerts?status=open&limit=2" })).json();
    const next = await inspector.inject({
      url: `/api/v1/alerts?status=open&limit=2&cursor=${first.nextCursor}`,
    });
    expect(next.statusCode, next.body).toBe(200);
    const second = next.json();
    expect([...first.items, ...second.items].map((item: { id: string }) => item.id)).toEqual(
      all.slice(0, 4).map((item: { id: string }) => item.id),
    );
  });

  it("an admin runs the job over HTTP; other roles may not", async () => {
    const admin = await loginAs(t.app, "alert-admin", TEST_PASSWORD);
    const ran = await admin.inject({ method: "POST", url: "/api/v1/alerts/run" });
    expect(ran.statusCode, ran.body).toBe(200);
    expect(ran.json().items).toHaveLength(DEFAULT_ALERT_RULES.length);
    expect((await inspector.inject({ method: "POST", url: "/api/v1/alerts/run" })).statusCode).toBe(403);
    const open = await t.database.db
      .select()
      .from(alerts)
      .where(and(eq(alerts.status, "open"), eq(alerts.severity, "red")));
    expect(open.every((alert) => alert.taskId !== null)).toBe(true);
  });
});
