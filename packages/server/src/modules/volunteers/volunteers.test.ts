import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inspections, rectifications, tasks } from "../../db/schema.js";
import { TEST_PASSWORD, makeStore, makeUser } from "../../test/factories.js";
import { createTestApp, loginAs, type Session, type TestApp } from "../../test/test-app.js";
import { answers, auditActions, uploadPhoto } from "../../test/inspection-fixtures.js";

// 社会监督员: register → approve → assigned patrols → patrol with GPS and photos; findings become officers'
// tasks, never sanctions (no rectification order, no outcome).
let t: TestApp;
let fenghua: Awaited<ReturnType<typeof makeStore>>;
let zhenhai: Awaited<ReturnType<typeof makeStore>>;
let inspector: Session;
let volunteer: Session;
let volunteerId: string;
let outsiderId: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  fenghua = await makeStore(db, "330213");
  zhenhai = await makeStore(db, "330211");
  await makeUser(db, { role: "inspector", regionCode: "330213", username: "fh-inspector" });
  volunteerId = (await makeUser(db, { role: "volunteer", regionCode: "330213", username: "fh-volunteer" }))
    .id;
  outsiderId = (await makeUser(db, { role: "volunteer", regionCode: "330211", username: "zh-volunteer" })).id;
  inspector = await loginAs(t.app, "fh-inspector", TEST_PASSWORD);
  volunteer = await loginAs(t.app, "fh-volunteer", TEST_PASSWORD);
});
afterAll(() => t.close());

const patrolBody = (overrides: Record<string, unknown> = {}) => ({
  storeId: fenghua.store.id,
  results: answers("patrol"),
  lat: fenghua.store.lat!,
  lng: fenghua.store.lng!,
  photoFileIds: [],
  ...overrides,
});

describe("volunteers", () => {
  it("an unregistered or unapproved volunteer may not patrol (403)", async () => {
    const before = await volunteer.inject({ method: "POST", url: "/api/v1/patrols", payload: patrolBody() });
    expect(before.statusCode).toBe(403);
    const registered = await volunteer.inject({ method: "POST", url: "/api/v1/volunteers/register" });
    expect(registered.statusCode).toBe(201);
    expect(registered.json()).toMatchObject({ userId: volunteerId, status: "pending" });
    expect((await volunteer.inject({ method: "POST", url: "/api/v1/volunteers/register" })).statusCode).toBe(
      409,
    );
    const pending = await volunteer.inject({ method: "POST", url: "/api/v1/patrols", payload: patrolBody() });
    expect(pending.statusCode).toBe(403);
  });

  it("an officer of another region cannot approve (404); the region's inspector approves, audited", async () => {
    await makeUser(t.database.db, { role: "inspector", regionCode: "330211", username: "zh-inspector" });
    const zhInspector = await loginAs(t.app, "zh-inspector", TEST_PASSWORD);
    expect(
      (await zhInspector.inject({ method: "POST", url: `/api/v1/volunteers/${volunteerId}/approve` }))
        .statusCode,
    ).toBe(404);
    const approved = await inspector.inject({
      method: "POST",
      url: `/api/v1/volunteers/${volunteerId}/approve`,
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().status).toBe("approved");
    expect((await auditActions(t.database.db, "volunteer", volunteerId)).map((a) => a.action)).toEqual([
      "volunteer.register",
      "volunteer.approve",
    ]);
    // A volunteer who never registered is unknown.
    expect(
      (await inspector.inject({ method: "POST", url: `/api/v1/volunteers/${outsiderId}/approve` }))
        .statusCode,
    ).toBe(404);
  });

  it("assigning stores creates a volunteer_patrol task and a planned patrol per store", async () => {
    const outside = await inspector.inject({
      method: "POST",
      url: `/api/v1/volunteers/${volunteerId}/assignments`,
      payload: { storeIds: [zhenhai.store.id] },
    });
    expect(outside.statusCode).toBe(404);
    const response = await inspector.inject({
      method: "POST",
      url: `/api/v1/volunteers/${volunteerId}/assignments`,
      payload: { storeIds: [fenghua.store.id] },
    });
    expect(response.statusCode).toBe(201);
    const [patrol] = response.json().items;
    expect(patrol).toMatchObject({ status: "planned", storeId: fenghua.store.id, template: "patrol" });
    const [task] = await t.database.db.select().from(tasks).where(eq(tasks.id, patrol.taskId));
    expect(task).toMatchObject({ kind: "volunteer_patrol", status: "open", storeId: fenghua.store.id });
    const mine = await volunteer.inject({ url: "/api/v1/volunteers/me/patrols" });
    expect(mine.json().items.map((p: { id: string }) => p.id)).toEqual([patrol.id]);
    expect(mine.json().items[0].storeAddress).toBe(fenghua.store.address);
  });

  it("a finding needs a photo", async () => {
    const response = await volunteer.inject({
      method: "POST",
      url: "/api/v1/patrols",
      payload: patrolBody({ results: answers("patrol", { waste_sorting: { result: "fail" } }) }),
    });
    expect(response.statusCode).toBe(400);
  });

  it("a patrol with a finding completes the assignment and creates an officers' task, no rectification", async () => {
    const photo = await uploadPhoto(volunteer);
    const response = await volunteer.inject({
      method: "POST",
      url: "/api/v1/patrols",
      payload: patrolBody({
        results: answers("patrol", { waste_sorting: { result: "fail", note: "垃圾未分类" } }),
        photoFileIds: [photo],
      }),
    });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({ failedItems: ["waste_sorting"], farFromStore: false, distanceM: 0 });
    const [finding] = await t.database.db.select().from(tasks).where(eq(tasks.id, body.findingTaskId));
    expect(finding).toMatchObject({ kind: "patrol_finding", status: "open", regionCode: "330213" });
    expect(finding!.dueAt.getTime()).toBeGreaterThan(Date.now());
    const [stored] = await t.database.db.select().from(inspections).where(eq(inspections.id, body.id));
    expect(stored).toMatchObject({
      kind: "volunteer_patrol",
      status: "done",
      outcome: null,
      inspectorId: volunteerId,
    });
    expect(stored!.results!.find((r) => r.code === "waste_sorting")!.photoFileIds).toEqual([photo]);
    expect(stored!.taskId).not.toBeNull();
    const [assignment] = await t.database.db.select().from(tasks).where(eq(tasks.id, stored!.taskId!));
    expect(assignment!.status).toBe("done");
    const orders = await t.database.db
      .select()
      .from(rectifications)
      .where(eq(rectifications.inspectionId, body.id));
    expect(orders).toEqual([]);
    expect((await auditActions(t.database.db, "inspection", body.id)).map((a) => a.action)).toContain(
      "patrol.submit",
    );
    // The officer sees the finding in the task list.
    const list = await inspector.inject({ url: "/api/v1/tasks?status=open" });
    expect(list.json().items.map((task: { id: string }) => task.id)).toContain(body.findingTaskId);
    expect((await volunteer.inject({ url: "/api/v1/volunteers/me/patrols" })).json().items).toEqual([]);
  });

  it("a volunteer cannot patrol a store outside their area (404) nor read the officers' lists", async () => {
    const response = await volunteer.inject({
      method: "POST",
      url: "/api/v1/patrols",
      payload: patrolBody({ storeId: zhenhai.store.id }),
    });
    expect(response.statusCode).toBe(404);
    expect((await volunteer.inject({ url: "/api/v1/inspections" })).statusCode).toBe(403);
  });
});
