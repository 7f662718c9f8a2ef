import { Command } from "commander";
import { chinaDate } from "@shian/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { draws, inspections, planItems, storeGrades } from "../../db/schema.js";
import { TEST_PASSWORD, makeStore, makeUser } from "../../test/factories.js";
import { answers, auditActions } from "../../test/inspection-fixtures.js";
import { createTestApp, loginAs, type Session, type TestApp } from "../../test/test-app.js";
import { registerDrawCommands } from "./cli-commands.js";
import { commitmentOf } from "./draw-record.js";
import { countTowardsPlan } from "./service.js";

// 监管计划 and 双随机 draws (seed 004): plans from grades by the model's rules, draws anyone can re-compute.
const ZHENHAI = "330211";
const FENGHUA = "330213";
const MODEL = "zhenhai-3l4c";
const DECLARED = "2026-11-05 上证综指收盘 3321.45";
const THIS_MONTH = chinaDate(new Date()).slice(0, 7);
const NEXT_MONTH = (() => {
  const [year, month] = THIS_MONTH.split("-").map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, "0")}`;
})();
const COLOURS = { green: "green", blue: "green", yellow: "yellow", red: "red" } as const;

let t: TestApp;
let leader: Session;
let otherLeader: Session;
let inspector: Session;
let inspectorIds: string[];
let cityInspectorId: string;
let fenghuaInspectorId: string;
const storesByGrade: Record<string, Awaited<ReturnType<typeof makeStore>>[]> = {};

async function gradedStore(regionCode: string, grade: keyof typeof COLOURS) {
  const made = await makeStore(t.database.db, regionCode);
  await t.database.db.insert(storeGrades).values({
    storeId: made.store.id,
    grade,
    colour: COLOURS[grade],
    gradedOn: "2026-10-31",
    model: MODEL,
    period: "2026-10",
    riskColour: grade,
  });
  return made;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  for (const [grade, count] of [
    ["green", 4],
    ["blue", 6],
    ["yellow", 5],
    ["red", 3],
  ] as const) {
    storesByGrade[grade] = [];
    for (let i = 0; i < count; i++) storesByGrade[grade].push(await gradedStore(ZHENHAI, grade));
  }
  await makeUser(db, { role: "leader", regionCode: ZHENHAI, username: "zh-leader" });
  await makeUser(db, { role: "leader", regionCode: FENGHUA, username: "fh-leader" });
  await makeUser(db, { role: "admin", regionCode: null, username: "admin-national" });
  inspectorIds = [];
  for (let i = 1; i <= 4; i++) {
    const user = await makeUser(db, {
      role: "inspector",
      regionCode: ZHENHAI,
      username: `zh-inspector-${i}`,
    });
    inspectorIds.push(user.id);
  }
  cityInspectorId = (
    await makeUser(db, { role: "inspector", regionCode: "330200", username: "nb-inspector" })
  ).id;
  fenghuaInspectorId = (
    await makeUser(db, { role: "inspector", regionCode: FENGHUA, username: "fh-inspector" })
  ).id;
  leader = await loginAs(t.app, "zh-leader", TEST_PASSWORD);
  otherLeader = await loginAs(t.app, "fh-leader", TEST_PASSWORD);
  inspector = await loginAs(t.app, "zh-inspector-1", TEST_PASSWORD);
});
afterAll(() => t.close());

const commit = (session: Session, regionCode: string, period: string) =>
  session.inject({ method: "POST", url: "/api/v1/supervision/commitments", payload: { regionCode, period } });
const generate = (session: Session, regionCode: string, period: string, declaredSeed = DECLARED) =>
  session.inject({
    method: "POST",
    url: "/api/v1/supervision/plans",
    payload: { regionCode, period, model: MODEL, declaredSeed },
  });
const offlineItems = (planId: string) =>
  t.database.db
    .select()
    .from(planItems)
    .where(and(eq(planItems.planId, planId), eq(planItems.mode, "offline")));

/** Runs `shian draw …` in process against the test database. */
async function shian(...args: string[]) {
  const out: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...parts) => void out.push(parts.join(" ")));
  const error = vi.spyOn(console, "error").mockImplementation((...parts) => void out.push(parts.join(" ")));
  process.exitCode = 0;
  try {
    const program = new Command("shian").exitOverride();
    registerDrawCommands(program, async (work) => {
      process.exitCode = (await work(t.database, {} as never)) ?? 0;
    });
    await program.parseAsync(args, { from: "user" });
    return { output: out.join("\n"), status: Number(process.exitCode ?? 0) };
  } finally {
    log.mockRestore();
    error.mockRestore();
    process.exitCode = 0;
  }
}

let plan: { id: string; drawId: string };

describe("draw commitments", () => {
  it("seed 004 双随机: the district commits a secret before the draws; only its SHA-256 is public", async () => {
    const response = await commit(leader, ZHENHAI, THIS_MONTH);
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.commitment).toMatch(/^[0-9a-f]{64}$/);
    expect(response.body).not.toContain("secret");
    expect((await auditActions(t.database.db, "draw_commitment", body.id))[0]!.action).toBe(
      "draw_commitment.create",
    );
    expect((await commit(leader, ZHENHAI, THIS_MONTH)).statusCode).toBe(409);
    expect((await commit(leader, ZHENHAI, "2020-01")).statusCode).toBe(400);
    expect((await commit(otherLeader, ZHENHAI, NEXT_MONTH)).statusCode).toBe(404);
    expect((await commit(inspector, ZHENHAI, NEXT_MONTH)).statusCode).toBe(403);
    const published = await t.app.inject({
      url: `/api/v1/public/draw-commitments?region=${ZHENHAI}&period=${THIS_MONTH}`,
    });
    expect(published.json().items).toEqual([body]);
  });

  it("a plan needs the month's commitment first (409)", async () => {
    const response = await generate(leader, ZHENHAI, NEXT_MONTH);
    expect(response.statusCode).toBe(409);
    expect(response.json().type).toMatch(/draw_commitment_missing/);
  });
});

describe("inspector conflicts (回避)", () => {
  it("a leader declares a conflict in the jurisdiction; again 409; another jurisdiction 404", async () => {
    const payload = {
      userId: inspectorIds[0],
      businessId: storesByGrade.red![0]!.businessId,
      reason: "亲属关系",
    };
    const post = (session: Session) =>
      session.inject({ method: "POST", url: "/api/v1/supervision/conflicts", payload });
    expect((await post(leader)).statusCode).toBe(201);
    expect((await post(leader)).statusCode).toBe(409);
    expect((await post(otherLeader)).statusCode).toBe(404);
    expect((await post(inspector)).statusCode).toBe(403);
  });
});

describe("supervision plans", () => {
  it("seed 004 Zhenhai: plan counts for a district — green online only, blue 20 % and yellow 50 % drawn (rounded up), red every store twice", async () => {
    const response = await generate(leader, ZHENHAI, THIS_MONTH);
    expect(response.statusCode).toBe(201);
    const body = response.json();
    plan = { id: body.id, drawId: body.drawId };
    expect(body.drawId).toBeTruthy();
    const row = (grade: string, mode: string) =>
      body.grades.find((g: { grade: string; mode: string }) => g.grade === grade && g.mode === mode);
    expect(row("green", "online")).toMatchObject({ items: 4, visitsRequired: 4 });
    expect(row("green", "offline")).toBeUndefined();
    expect(row("blue", "offline")).toMatchObject({ items: 2, visitsRequired: 2 }); // ⌈0.2 × 6⌉
    expect(row("yellow", "offline")).toMatchObject({ items: 3, visitsRequired: 3 }); // ⌈0.5 × 5⌉
    expect(row("red", "offline")).toMatchObject({ items: 3, visitsRequired: 6 });
    expect(body.completion).toEqual({ items: 26, itemsDone: 0, visitsRequired: 29, visitsDone: 0 });
    const audit = await auditActions(t.database.db, "supervision_plan", body.id);
    expect(audit.map((a) => a.action)).toEqual(["supervision_plan.create"]);
    expect((await generate(leader, ZHENHAI, THIS_MONTH)).statusCode).toBe(409);
    expect((await generate(otherLeader, ZHENHAI, THIS_MONTH)).statusCode).toBe(404);
    expect((await generate(leader, "330200", THIS_MONTH)).statusCode).toBe(404);
    const admin = await loginAs(t.app, "admin-national", TEST_PASSWORD);
    expect((await generate(admin, "330200", THIS_MONTH)).statusCode).toBe(400); // a city is not a district
  });

  it("seed 004 双随机: two different drawn inspectors per store, from the district's pool, conflicts excluded", async () => {
    const items = await offlineItems(plan.id);
    const pool = [...inspectorIds, cityInspectorId];
    for (const item of items) {
      expect(item.inspectorIds).toHaveLength(2);
      expect(new Set(item.inspectorIds).size).toBe(2);
      for (const id of item.inspectorIds!) expect(pool).toContain(id);
      expect(item.inspectorIds).not.toContain(fenghuaInspectorId);
    }
    const conflicted = items.find((item) => item.storeId === storesByGrade.red![0]!.store.id)!;
    expect(conflicted.inspectorIds).not.toContain(inspectorIds[0]);
    const redIds = storesByGrade.red!.map((s) => s.store.id).sort();
    expect(
      items
        .filter((item) => item.grade === "red")
        .map((item) => item.storeId)
        .sort(),
    ).toEqual(redIds);
  });

  it("lists plans with completion; items are paged; an inspector sees only his drawn items; other jurisdictions see nothing", async () => {
    const listed = (await leader.inject({ url: `/api/v1/supervision/plans?period=${THIS_MONTH}` })).json();
    expect(listed.items.map((p: { id: string }) => p.id)).toEqual([plan.id]);
    expect((await otherLeader.inject({ url: "/api/v1/supervision/plans" })).json().items).toEqual([]);

    const first = (
      await leader.inject({ url: `/api/v1/supervision/plans/${plan.id}/items?limit=20` })
    ).json();
    expect(first.items).toHaveLength(20);
    const rest = (
      await leader.inject({
        url: `/api/v1/supervision/plans/${plan.id}/items?limit=20&cursor=${first.nextCursor}`,
      })
    ).json();
    expect(rest.items).toHaveLength(6);
    const offline = first.items.concat(rest.items).find((item: { mode: string }) => item.mode === "offline");
    expect(offline.inspectors[0].displayName).toMatch(/^inspector /);

    const mine = (await inspector.inject({ url: `/api/v1/supervision/plans/${plan.id}/items` })).json().items;
    const expected = (await offlineItems(plan.id)).filter((item) =>
      item.inspectorIds!.includes(inspectorIds[0]!),
    );
    expect(mine.map((item: { id: string }) => item.id).sort()).toEqual(
      expected.map((item) => item.id).sort(),
    );
    expect((await otherLeader.inject({ url: `/api/v1/supervision/plans/${plan.id}/items` })).statusCode).toBe(
      404,
    );
  });

  it("finishing an inspection counts a visit towards the store's open item of the month and completes it", async () => {
    const red = storesByGrade.red![1]!.store;
    const record = () =>
      inspector.inject({
        method: "POST",
        url: "/api/v1/inspections",
        payload: {
          storeId: red.id,
          kind: "random_draw",
          template: "patrol",
          results: answers("patrol"),
          lat: red.lat!,
          lng: red.lng!,
        },
      });
    const [item] = (await offlineItems(plan.id)).filter((i) => i.storeId === red.id);
    for (const visits of [1, 2]) {
      const response = await record();
      expect(response.statusCode).toBe(201);
      const [row] = await t.database.db
        .select()
        .from(inspections)
        .where(eq(inspections.id, response.json().id));
      expect(row!.planItemId).toBe(item!.id);
      const [updated] = await t.database.db.select().from(planItems).where(eq(planItems.id, item!.id));
      expect(updated!.visitsDone).toBe(visits);
    }
    const third = await record();
    const [extra] = await t.database.db.select().from(inspections).where(eq(inspections.id, third.json().id));
    expect(extra!.planItemId).toBeNull();

    const online = await t.database.db.transaction((tx) =>
      countTowardsPlan(tx, { storeId: red.id, kind: "online_patrol", at: new Date() }),
    );
    expect(online).not.toBeNull();
    const listed = (await leader.inject({ url: `/api/v1/supervision/plans?period=${THIS_MONTH}` })).json();
    const redOffline = listed.items[0].grades.find(
      (g: { grade: string; mode: string }) => g.grade === "red" && g.mode === "offline",
    );
    expect(redOffline).toMatchObject({ items: 3, itemsDone: 1, visitsDone: 2 });
    expect(listed.items[0].completion).toMatchObject({ itemsDone: 2, visitsDone: 3 });
  });
});

describe("public draws and `shian draw verify`", () => {
  it("seed 004 双随机一公开: the draw is public to anyone, with masked inspector names and the revealed secret", async () => {
    const response = await t.app.inject({ url: `/api/v1/public/draws/${plan.drawId}` });
    expect(response.statusCode).toBe(200);
    const draw = response.json();
    expect(draw).toMatchObject({ algorithm: "shian-draw/1", declaredSeed: DECLARED, model: MODEL });
    expect(draw.seed).toBe(`${DECLARED}|${draw.revealedSecret}`);
    expect(commitmentOf(draw.revealedSecret)).toBe(draw.commitment.sha256);
    expect(draw.strata.map((s: { stratum: string; share: number }) => [s.stratum, s.share])).toEqual([
      ["blue", 0.2],
      ["yellow", 0.5],
      ["red", 1],
    ]);
    expect(draw.inspectorPool.inspectors.map((i: { id: string }) => i.id)).toEqual(
      [...inspectorIds, cityInspectorId].sort(),
    );
    for (const { name } of draw.inspectorPool.inspectors) expect(name).toMatch(/^i\*+$/);
    expect(response.body).not.toMatch(/inspector \d/);
    expect(draw.inspectorPool.exclusions).toContainEqual({
      storeId: storesByGrade.red![0]!.store.id,
      inspectorIds: [inspectorIds[0]],
    });
    expect(draw.selection).toHaveLength(8);
    expect((await t.app.inject({ url: `/api/v1/public/draws/${crypto.randomUUID()}` })).statusCode).toBe(404);
  });

  it("seed 004 双随机: `shian draw verify` re-computes the stored draw: match", async () => {
    expect(await shian("draw", "verify", plan.drawId)).toEqual({ output: "match", status: 0 });
    expect((await shian("draw", "verify", crypto.randomUUID())).status).toBe(1);
  });

  it("seed 004 双随机: a tampered selection is reported (exit 1)", async () => {
    const [row] = await t.database.db.select().from(draws).where(eq(draws.id, plan.drawId));
    const selection = row!.selection as { storeId: string; stratum: string; inspectorIds: string[] }[];
    const tampered = selection.map((s, i) =>
      i === 0 ? { ...s, inspectorIds: [...s.inspectorIds].reverse() } : s,
    );
    await t.database.db.update(draws).set({ selection: tampered }).where(eq(draws.id, plan.drawId));
    const result = await shian("draw", "verify", plan.drawId);
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/MISMATCH\n- selection #1: stored/);
    await t.database.db.update(draws).set({ selection }).where(eq(draws.id, plan.drawId));
    expect((await shian("draw", "verify", plan.drawId)).status).toBe(0);
  });

  it("seed 004 双随机: no inspector is drawn twice in a row for the same store (two consecutive months)", async () => {
    expect((await commit(leader, ZHENHAI, NEXT_MONTH)).statusCode).toBe(201);
    const next = await generate(leader, ZHENHAI, NEXT_MONTH);
    expect(next.statusCode).toBe(201);
    const before = new Map((await offlineItems(plan.id)).map((item) => [item.storeId, item.inspectorIds!]));
    const after = await offlineItems(next.json().id);
    const both = after.filter((item) => before.has(item.storeId));
    expect(both.length).toBeGreaterThanOrEqual(3); // the red stores, every month
    for (const item of both) {
      for (const id of item.inspectorIds!) expect(before.get(item.storeId)).not.toContain(id);
    }
    expect((await shian("draw", "verify", next.json().drawId)).output).toBe("match");
  });

  it("fewer than two allowed inspectors for a drawn store: 422 naming the store, nothing saved", async () => {
    const red = await gradedStore(FENGHUA, "red");
    await otherLeader.inject({
      method: "POST",
      url: "/api/v1/supervision/conflicts",
      payload: { userId: fenghuaInspectorId, businessId: red.businessId, reason: "曾任职" },
    });
    expect((await commit(otherLeader, FENGHUA, THIS_MONTH)).statusCode).toBe(201);
    const response = await generate(otherLeader, FENGHUA, THIS_MONTH);
    expect(response.statusCode).toBe(422);
    expect(response.json().detail).toContain(red.store.id);
    expect((await otherLeader.inject({ url: "/api/v1/supervision/plans" })).json().items).toEqual([]);
  });
});
