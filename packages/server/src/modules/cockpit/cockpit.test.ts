// 驾驶舱 (seed 004: the regulator's cockpit on a wall or touch screen): every count equals what the test
// inserted; the region is the caller's jurisdiction, a region outside it → 404; only leaders and admins.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  alerts,
  applications,
  complaints,
  gradeHistory,
  inspections,
  licenses,
  planItems,
  storeGrades,
  supervisionPlans,
} from "../../db/schema.js";
import { TEST_PASSWORD, makeStore, makeUser } from "../../test/factories.js";
import { licensedStore, type TestStore } from "../../test/grading-fixtures.js";
import { createTestApp, loginAs, type Session, type TestApp } from "../../test/test-app.js";
import { createSafetyCodes } from "../safety-code/service.js";
import { lastMonths } from "./service.js";

const GUANGZHOU = "440100";
const TIANHE = "440106";
const XUHUI = "310104";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let t: TestApp;
const as: Record<string, Session> = {};
let green: TestStore;
let yellow: TestStore;
let redAlert: TestStore;
let unlicensedId: string;
let expiredId: string;
const at = (offset: number) => new Date(Date.now() + offset);

interface Cockpit {
  region: { code: string; name: string; level: string };
  breadcrumbs: { code: string; level: string }[];
  licences: { total: number; byFormAndStatus: { businessForm: string; status: string; count: number }[] };
  applications: {
    inProgress: number;
    overdue: number;
    byStage: { status: string; count: number; overdue: number }[];
    clocks: { storeName: string; overdue: boolean; daysLeft: number | null; status: string }[];
  };
  colours: {
    current: Record<string, number>;
    byMonth: ({ period: string } & Record<string, number>)[];
    gradesByMonth: { period: string; counts: Record<string, number> }[];
  };
  inspections: { period: string; planned: number; planDone: number; done: number }[];
  complaints: { category: string; label: { zh: string }; onTime: number; overdue: number; open: number }[];
  alerts: { open: Record<string, number>; closed24h: Record<string, number> };
  children: {
    kind: string;
    total: number;
    items: {
      code: string;
      name: string;
      stores: number;
      green: number;
      yellow: number;
      red: number;
      openAlerts: number;
      safetyCode: string | null;
    }[];
  };
  map: {
    total: number;
    capped: boolean;
    points: { storeId: string; colour: string; safetyCode: string | null }[];
  };
}

async function cockpit(session: Session, region?: string) {
  const response = await session.inject({
    method: "GET",
    url: `/api/v1/cockpit${region ? `?region=${region}` : ""}`,
  });
  return { status: response.statusCode, body: response.json() as Cockpit };
}

async function application(store: TestStore, status: string, stageDeadline: Date | null) {
  await t.database.db.insert(applications).values({
    kind: "new",
    licenseType: "JY",
    status,
    businessId: store.businessId,
    storeId: store.storeId,
    regionCode: store.regionCode,
    ruleset: "gd-2019",
    request: {},
    assessment: {},
    submittedAt: at(-5 * DAY),
    stageDeadline,
  });
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const [thisMonth] = lastMonths(new Date()).slice(-1);
  const [lastMonth] = lastMonths(new Date()).slice(-2);

  // Four Tianhe stores with a valid licence: green (the default colour, not graded), yellow (graded),
  // red (an open red alert), and one whose licence has expired (red: no valid licence).
  green = await licensedStore(db, { regionCode: TIANHE });
  yellow = await licensedStore(db, { regionCode: TIANHE });
  redAlert = await licensedStore(db, { regionCode: TIANHE });
  const expired = await makeStore(db, TIANHE);
  expiredId = expired.store.id;
  await db.insert(licenses).values({
    number: "JY94401060000001",
    type: "JY",
    businessId: expired.businessId,
    storeId: expiredId,
    regionCode: TIANHE,
    status: "valid",
    currentVersion: 1,
    validFrom: "2020-01-01",
    validTo: "2021-01-01",
    issuedAt: new Date("2020-01-01T00:00:00+08:00"),
  });
  // A store registered without any licence yet: red too, as on its scan page.
  const unlicensed = await makeStore(db, TIANHE);
  unlicensedId = unlicensed.store.id;
  await createSafetyCodes(db, [expiredId, unlicensedId]);
  // Outside Guangzhou: must never show in a Guangzhou cockpit.
  const shanghai = await licensedStore(db, { regionCode: XUHUI });

  await db.insert(storeGrades).values({
    storeId: yellow.storeId,
    grade: "yellow",
    colour: "yellow",
    gradedOn: "2026-01-01",
    model: "zhenhai-3l4c",
    period: thisMonth,
    score: 70,
    riskColour: "yellow",
  });
  const history = (store: TestStore, period: string, grade: string, codeColour: string) => ({
    storeId: store.storeId,
    model: "zhenhai-3l4c",
    period,
    modelVersion: "1",
    regionCode: store.regionCode,
    score: 80,
    grade,
    riskColour: grade,
    vetoed: [],
    breakdown: { codeColour },
    facts: {},
  });
  await db
    .insert(gradeHistory)
    .values([
      history(green, lastMonth!, "blue", "green"),
      history(yellow, lastMonth!, "green", "green"),
      history(green, thisMonth!, "green", "green"),
      history(yellow, thisMonth!, "yellow", "yellow"),
      history(shanghai, thisMonth!, "red", "red"),
    ]);

  const alert = (
    store: TestStore,
    severity: "red" | "yellow",
    status: "open" | "closed",
    closedAt?: Date,
  ) => ({
    rule: "test_rule",
    severity,
    storeId: store.storeId,
    regionCode: store.regionCode,
    subjectKey: `${severity}-${status}-${closedAt?.getTime() ?? 0}`,
    status,
    details: {},
    openedAt: at(-4 * DAY),
    closedAt: closedAt ?? null,
  });
  await db
    .insert(alerts)
    .values([
      alert(redAlert, "red", "open"),
      alert(green, "yellow", "closed", at(-2 * HOUR)),
      alert(green, "yellow", "closed", at(-3 * DAY)),
      alert(shanghai, "red", "open"),
    ]);

  await application(green, "submitted", at(-DAY)); // overdue
  await application(yellow, "accepted", at(3 * DAY + HOUR));
  await application(redAlert, "reviewed", at(10 * DAY));
  await application(green, "draft", null); // not in progress
  await application(shanghai, "submitted", at(-DAY));

  const [plan] = await db
    .insert(supervisionPlans)
    .values({ regionCode: TIANHE, period: thisMonth!, model: "zhenhai-3l4c", modelVersion: "1" })
    .returning();
  await db.insert(planItems).values([
    {
      planId: plan!.id,
      storeId: green.storeId,
      grade: "green",
      mode: "offline",
      visitsRequired: 2,
      visitsDone: 1,
    },
    {
      planId: plan!.id,
      storeId: yellow.storeId,
      grade: "yellow",
      mode: "offline",
      visitsRequired: 1,
      visitsDone: 3,
    },
  ]);
  const inspection = (store: TestStore, status: "done" | "planned") => ({
    kind: "routine" as const,
    storeId: store.storeId,
    regionCode: store.regionCode,
    template: "routine",
    status,
    inspectedAt: status === "done" ? at(-HOUR) : null,
    results: [],
    outcome: status === "done" ? ("pass" as const) : null,
  });
  await db
    .insert(inspections)
    .values([
      inspection(green, "done"),
      inspection(yellow, "done"),
      inspection(yellow, "planned"),
      inspection(shanghai, "done"),
    ]);

  const complaint = (store: TestStore, category: string, closeBy: Date, closedAt: Date | null) => ({
    storeId: store.storeId,
    regionCode: store.regionCode,
    category,
    description: "测试投诉",
    trackingTokenHash: "0".repeat(64),
    status: closedAt ? ("closed" as const) : ("acknowledged" as const),
    acknowledgeBy: at(-DAY),
    closeBy,
    closedAt,
    createdAt: at(-5 * DAY),
  });
  await db.insert(complaints).values([
    complaint(green, "hygiene", at(DAY), at(-DAY)), // closed in time
    complaint(yellow, "hygiene", at(-2 * DAY), at(-HOUR)), // closed late
    complaint(yellow, "hygiene", at(-HOUR), null), // open, past the deadline
    complaint(redAlert, "expired_food", at(5 * DAY), null), // open, in time
    complaint(shanghai, "hygiene", at(-DAY), null),
  ]);

  const people = [
    { username: "c-city-leader", role: "leader", regionCode: GUANGZHOU },
    { username: "c-county-leader", role: "leader", regionCode: TIANHE },
    { username: "c-admin", role: "admin", regionCode: null },
    { username: "c-inspector", role: "inspector", regionCode: TIANHE },
  ] as const;
  for (const person of people) {
    await makeUser(db, person);
    as[person.username] = await loginAs(t.app, person.username, TEST_PASSWORD);
  }
}, 60_000);
afterAll(() => t.close());

describe("GET /api/v1/cockpit", () => {
  it("shows the city leader's jurisdiction by default, every count equal to what was recorded", async () => {
    const { status, body } = await cockpit(as["c-city-leader"]!);
    expect(status).toBe(200);
    expect(body.region).toMatchObject({ code: GUANGZHOU, level: "city", name: "广州市" });
    expect(body.breadcrumbs.map((crumb) => crumb.code)).toEqual([GUANGZHOU]);

    // Licences: three valid, one valid in name but past its date (expired); Shanghai's not counted.
    expect(body.licences.total).toBe(4);
    const licences: Record<string, number> = {};
    for (const row of body.licences.byFormAndStatus) {
      licences[row.status] = (licences[row.status] ?? 0) + row.count;
    }
    expect(licences).toEqual({ valid: 3, expired: 1 });

    // Applications: three running (a draft is not), one overdue, listed first with its red flag.
    expect(body.applications).toMatchObject({ inProgress: 3, overdue: 1 });
    expect(body.applications.byStage).toContainEqual({ status: "submitted", count: 1, overdue: 1 });
    expect(body.applications.clocks.map((clock) => [clock.status, clock.overdue, clock.daysLeft])).toEqual([
      ["submitted", true, -1],
      ["accepted", false, 4],
      ["reviewed", false, 10],
    ]);

    // Colours now (the 食安码 rule): green (default), yellow (grade), red (open red alert), and the expired and
    // unlicensed stores red.
    expect(body.colours.current).toEqual({ green: 1, yellow: 1, red: 3 });
    expect(body.colours.byMonth).toHaveLength(12);
    expect(body.colours.byMonth.at(-1)).toMatchObject({ green: 1, yellow: 1, red: 0 });
    expect(body.colours.byMonth.at(-2)).toMatchObject({ green: 2, yellow: 0, red: 0 });
    expect(body.colours.gradesByMonth.at(-2)!.counts).toEqual({ blue: 1, green: 1 });
    expect(body.colours.gradesByMonth.at(-1)!.counts).toEqual({ green: 1, yellow: 1 });

    // Inspections of this month: 3 visits planned, 1 + 1 done against the plan (capped), 2 finished in all.
    expect(body.inspections).toHaveLength(12);
    expect(body.inspections.at(-1)).toMatchObject({ planned: 3, planDone: 2, done: 2 });

    // Complaints against the closing deadline.
    expect(body.complaints).toEqual([
      {
        category: "expired_food",
        label: { zh: "过期食品", en: "Expired food" },
        onTime: 0,
        overdue: 0,
        open: 1,
      },
      {
        category: "hygiene",
        label: { zh: "卫生状况差", en: "Poor hygiene" },
        onTime: 1,
        overdue: 2,
        open: 0,
      },
    ]);

    // Alerts: the open red one; a yellow one closed two hours ago (the one of three days ago is not counted).
    expect(body.alerts).toEqual({ open: { red: 1, yellow: 0 }, closed24h: { red: 0, yellow: 1 } });

    // Drill-down rows: every district of Guangzhou, Tianhe first with its five stores.
    expect(body.children.kind).toBe("region");
    expect(body.children.items.length).toBeGreaterThan(5);
    expect(body.children.items[0]).toEqual({
      kind: "region",
      code: TIANHE,
      name: "天河区",
      stores: 5,
      green: 1,
      yellow: 1,
      red: 3,
      openAlerts: 1,
      safetyCode: null,
    });
    expect(body.children.items.slice(1).every((row) => row.stores === 0)).toBe(true);

    // The map: every store of the city with coordinates, coloured like the scan page.
    expect(body.map).toMatchObject({ total: 5, capped: false });
    const colourOf = Object.fromEntries(body.map.points.map((point) => [point.storeId, point.colour]));
    expect(colourOf).toEqual({
      [green.storeId]: "green",
      [yellow.storeId]: "yellow",
      [redAlert.storeId]: "red",
      [expiredId]: "red",
      [unlicensedId]: "red",
    });
    expect(body.map.points.every((point) => point.safetyCode !== null)).toBe(true);
  });

  it("drills down to a county: its stores, with breadcrumbs back up to the city", async () => {
    const { status, body } = await cockpit(as["c-city-leader"]!, TIANHE);
    expect(status).toBe(200);
    expect(body.region).toMatchObject({ code: TIANHE, level: "county", name: "天河区" });
    expect(body.breadcrumbs.map((crumb) => crumb.code)).toEqual([GUANGZHOU, TIANHE]);
    expect(body.children.kind).toBe("store");
    expect(body.children.total).toBe(5);
    expect(body.children.items.map((row) => row.code).sort()).toEqual(
      [green.storeId, yellow.storeId, redAlert.storeId, expiredId, unlicensedId].sort(),
    );
    // Red first; the store with the red alert carries it.
    expect(body.children.items.slice(0, 3).every((row) => row.red === 1)).toBe(true);
    expect(body.children.items.find((row) => row.code === redAlert.storeId)).toMatchObject({
      stores: 1,
      red: 1,
      openAlerts: 1,
    });
    expect(body.alerts.open).toEqual({ red: 1, yellow: 0 });
  });

  it("gives the county leader its county, and 404 for the city above or another region", async () => {
    const own = await cockpit(as["c-county-leader"]!);
    expect(own.status).toBe(200);
    expect(own.body.region.code).toBe(TIANHE);
    expect(own.body.breadcrumbs.map((crumb) => crumb.code)).toEqual([TIANHE]);
    expect((await cockpit(as["c-county-leader"]!, GUANGZHOU)).status).toBe(404);
    expect((await cockpit(as["c-city-leader"]!, XUHUI)).status).toBe(404);
  });

  it("shows an admin (national) every province, and 404 for a code the register does not know", async () => {
    const national = await cockpit(as["c-admin"]!);
    expect(national.status).toBe(200);
    expect(national.body.region.level).toBe("national");
    const provinces = Object.fromEntries(national.body.children.items.map((row) => [row.code, row.stores]));
    expect(provinces).toMatchObject({ "440000": 5, "310000": 1 });
    expect(national.body.alerts.open).toEqual({ red: 2, yellow: 0 });
    const county = await cockpit(as["c-admin"]!, TIANHE);
    expect(county.body.breadcrumbs.map((crumb) => crumb.code)).toEqual([
      "000000",
      "440000",
      GUANGZHOU,
      TIANHE,
    ]);
    expect((await cockpit(as["c-admin"]!, "440199")).status).toBe(404);
  });

  it("refuses other roles (403) and anonymous callers (401), and malformed regions (400)", async () => {
    expect((await cockpit(as["c-inspector"]!)).status).toBe(403);
    expect((await t.app.inject({ method: "GET", url: "/api/v1/cockpit" })).statusCode).toBe(401);
    expect((await cockpit(as["c-city-leader"]!, "44")).status).toBe(400);
  });
});
