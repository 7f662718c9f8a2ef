import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rectifications, tasks } from "../../db/schema.js";
import { TEST_PASSWORD, makeStore, makeUser } from "../../test/factories.js";
import { createTestApp, loginAs, type Session, type TestApp } from "../../test/test-app.js";
import { createTask } from "../tasks/service.js";
import { SYSTEM_CONTEXT } from "../accounts/actor.js";
import { answers, auditActions, uploadPhoto } from "../../test/inspection-fixtures.js";

// 现场检查: GPS fix and distance, results matching the template, rectification orders for failed items, the
// linked task completed, jurisdiction (out of region → 404) and the audit trail.
let t: TestApp;
let fenghua: Awaited<ReturnType<typeof makeStore>>;
let zhenhai: Awaited<ReturnType<typeof makeStore>>;
let inspector: Session;
let owner: Session;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  fenghua = await makeStore(db, "330213");
  zhenhai = await makeStore(db, "330211");
  await makeUser(db, { role: "inspector", regionCode: "330213", username: "fh-inspector" });
  await makeUser(db, { role: "acceptor", regionCode: "330213", username: "fh-acceptor" });
  await makeUser(db, {
    role: "business_owner",
    regionCode: "330213",
    username: "fh-owner",
    businessId: fenghua.businessId,
  });
  inspector = await loginAs(t.app, "fh-inspector", TEST_PASSWORD);
  owner = await loginAs(t.app, "fh-owner", TEST_PASSWORD);
});
afterAll(() => t.close());

const near = () => ({ lat: fenghua.store.lat! + 0.0005, lng: fenghua.store.lng! });

describe("POST /api/v1/inspections", () => {
  it("records a passed routine inspection near the store", async () => {
    const response = await inspector.inject({
      method: "POST",
      url: "/api/v1/inspections",
      payload: {
        storeId: fenghua.store.id,
        kind: "routine",
        template: "routine",
        results: answers("routine"),
        ...near(),
      },
    });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({ status: "done", outcome: "pass", score: 100, farFromStore: false });
    expect(body.distanceM).toBeGreaterThan(40);
    expect(body.distanceM).toBeLessThan(70);
    expect(body.rectificationIds).toEqual([]);
    expect((await auditActions(t.database.db, "inspection", body.id)).map((a) => a.action)).toEqual([
      "inspection.record",
    ]);
  });

  it("requires the GPS fix", async () => {
    const response = await inspector.inject({
      method: "POST",
      url: "/api/v1/inspections",
      payload: { storeId: fenghua.store.id, kind: "routine", template: "patrol", results: answers("patrol") },
    });
    expect(response.statusCode).toBe(400);
  });

  it("flags a fix more than 500 m from the store", async () => {
    const response = await inspector.inject({
      method: "POST",
      url: "/api/v1/inspections",
      payload: {
        storeId: fenghua.store.id,
        kind: "random_draw",
        template: "patrol",
        results: answers("patrol"),
        lat: fenghua.store.lat! + 0.01,
        lng: fenghua.store.lng!,
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ farFromStore: true });
    expect(response.json().distanceM).toBeGreaterThan(1000);
  });

  it("refuses results that do not answer the template exactly", async () => {
    const missing = answers("patrol").slice(1);
    const unknown = [...answers("patrol"), { code: "made_up", result: "pass" }];
    for (const results of [missing, unknown]) {
      const response = await inspector.inject({
        method: "POST",
        url: "/api/v1/inspections",
        payload: { storeId: fenghua.store.id, kind: "routine", template: "patrol", results, ...near() },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0].pointer).toBe("/body/results");
    }
  });

  it("opens a rectification order per failed item: 1 day for a red-line item, 7 days otherwise", async () => {
    const photo = await uploadPhoto(inspector);
    const before = Date.now();
    const response = await inspector.inject({
      method: "POST",
      url: "/api/v1/inspections",
      payload: {
        storeId: fenghua.store.id,
        kind: "complaint",
        template: "patrol",
        results: answers("patrol", {
          signage: { result: "fail", note: "食安码未张贴" },
          disinfection: { result: "fail", photoFileIds: [photo] },
        }),
        ...near(),
      },
    });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.outcome).toBe("fail");
    expect(body.rectificationIds).toHaveLength(2);
    const orders = await t.database.db
      .select()
      .from(rectifications)
      .where(eq(rectifications.inspectionId, body.id));
    const days = (code: string) => {
      const order = orders.find((o) => o.itemCode === code)!;
      return Math.round((order.dueAt.getTime() - before) / 86_400_000);
    };
    expect(days("disinfection")).toBe(1);
    expect(days("signage")).toBe(7);
    expect(orders.every((o) => o.status === "open" && o.regionCode === "330213")).toBe(true);
    expect((await auditActions(t.database.db, "rectification", orders[0]!.id))[0]!.action).toBe(
      "rectification.open",
    );
  });

  it("completes the linked task", async () => {
    const task = await t.database.db.transaction((tx) =>
      createTask(tx, SYSTEM_CONTEXT, {
        kind: "commitment_follow_up",
        regionCode: "330213",
        storeId: fenghua.store.id,
        dueAt: new Date(Date.now() + 86_400_000),
      }),
    );
    const payload = {
      storeId: fenghua.store.id,
      kind: "commitment_follow_up",
      template: "routine",
      results: answers("routine"),
      taskId: task.id,
      ...near(),
    };
    const response = await inspector.inject({ method: "POST", url: "/api/v1/inspections", payload });
    expect(response.statusCode).toBe(201);
    expect(response.json().taskId).toBe(task.id);
    const [row] = await t.database.db.select().from(tasks).where(eq(tasks.id, task.id));
    expect(row!.status).toBe("done");
    const again = await inspector.inject({ method: "POST", url: "/api/v1/inspections", payload });
    expect(again.statusCode).toBe(409);
  });

  it("a store outside the jurisdiction is 404", async () => {
    const response = await inspector.inject({
      method: "POST",
      url: "/api/v1/inspections",
      payload: {
        storeId: zhenhai.store.id,
        kind: "routine",
        template: "patrol",
        results: answers("patrol"),
        lat: zhenhai.store.lat!,
        lng: zhenhai.store.lng!,
      },
    });
    expect(response.statusCode).toBe(404);
  });

  it("only inspectors and admins record; other officers get 403, businesses too", async () => {
    const acceptor = await loginAs(t.app, "fh-acceptor", TEST_PASSWORD);
    const payload = {
      storeId: fenghua.store.id,
      kind: "routine",
      template: "patrol",
      results: answers("patrol"),
      ...near(),
    };
    expect((await acceptor.inject({ method: "POST", url: "/api/v1/inspections", payload })).statusCode).toBe(
      403,
    );
    expect((await owner.inject({ method: "POST", url: "/api/v1/inspections", payload })).statusCode).toBe(
      403,
    );
  });
});

describe("GET /api/v1/inspections", () => {
  it("officers list their region's inspections by store; out-of-region store is 404", async () => {
    const list = await inspector.inject({ url: `/api/v1/inspections?storeId=${fenghua.store.id}` });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.length).toBeGreaterThanOrEqual(4);
    expect(
      (await inspector.inject({ url: `/api/v1/inspections?storeId=${zhenhai.store.id}` })).statusCode,
    ).toBe(404);
  });

  it("a business sees its own store's inspections without the officer's GPS fix", async () => {
    const list = await owner.inject({ url: "/api/v1/inspections" });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { storeId: string; lat: unknown; inspectorId: unknown }[];
    expect(items.length).toBeGreaterThan(0);
    expect(
      items.every((i) => i.storeId === fenghua.store.id && i.lat === null && i.inspectorId === null),
    ).toBe(true);
    expect((await owner.inject({ url: `/api/v1/inspections?storeId=${zhenhai.store.id}` })).statusCode).toBe(
      404,
    );
  });

  it("serves the templates to any signed-in user", async () => {
    const response = await owner.inject({ url: "/api/v1/inspection-templates" });
    expect(response.statusCode).toBe(200);
    expect(response.json().items.map((t: { code: string }) => t.code)).toEqual(["patrol", "routine"]);
  });
});
