import { eq, sql } from "drizzle-orm";
import { parseLicenseNumber } from "@shian/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applications, auditLog, licenses, tasks } from "../../db/schema.js";
import { createTestApp, loginAs, type Session, type TestApp } from "../../test/test-app.js";
import { TEST_PASSWORD, makeStore, makeUser } from "../../test/factories.js";
import { TINY_PDF, upload } from "../../test/uploads.js";

let t: TestApp;
let owner: Session;
let acceptor: Session;
let reviewer: Session;
let approver: Session;
let zhenhaiAcceptor: Session;
let storeIds: string[];

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const first = await makeStore(db, "440106");
  storeIds = [first.store.id];
  for (let i = 0; i < 5; i++) {
    const extra = await makeStore(db, "440106");
    // Same business, more branches: re-home the extra stores onto the first business.
    await db.execute(
      (await import("drizzle-orm"))
        .sql`update stores set business_id = ${first.businessId} where id = ${extra.store.id}`,
    );
    storeIds.push(extra.store.id);
  }
  await makeUser(db, {
    role: "business_owner",
    regionCode: "440106",
    username: "owner-1",
    businessId: first.businessId,
  });
  await makeUser(db, { role: "acceptor", regionCode: "440106", username: "acc" });
  await makeUser(db, { role: "reviewer", regionCode: "440106", username: "rev" });
  await makeUser(db, { role: "approver", regionCode: "440106", username: "app" });
  await makeUser(db, { role: "acceptor", regionCode: "330211", username: "zh-acc" });
  owner = await loginAs(t.app, "owner-1", TEST_PASSWORD);
  acceptor = await loginAs(t.app, "acc", TEST_PASSWORD);
  reviewer = await loginAs(t.app, "rev", TEST_PASSWORD);
  approver = await loginAs(t.app, "app", TEST_PASSWORD);
  zhenhaiAcceptor = await loginAs(t.app, "zh-acc", TEST_PASSWORD);
});
afterAll(() => t.close());

type Detail = {
  id: string;
  status: string;
  licenseId: string | null;
  missingMaterials: string[];
  checklist: { code: string; level: string }[];
  assessment: {
    onsiteInspectionRequired: boolean;
    commitmentEligible: boolean;
    requiredMaterials: { code: string }[];
  };
  timeline: { action: string }[];
};

async function post(session: Session, url: string, payload?: object) {
  return session.inject({ method: "POST", url, ...(payload ? { payload } : {}) });
}

/** A draft with every required material attached, submitted. */
async function submitted(storeId: string, body: object, commitmentSigner?: string): Promise<Detail> {
  const created = await post(owner, "/api/v1/applications", {
    kind: "new",
    licenseType: "JY",
    storeId,
    ...body,
  });
  expect(created.statusCode, created.body).toBe(201);
  const draft = created.json() as Detail;
  expect(draft.status).toBe("draft");
  const file = await upload(owner, TINY_PDF);
  for (const { code } of draft.assessment.requiredMaterials) {
    expect(
      (await post(owner, `/api/v1/applications/${draft.id}/materials`, { code, fileId: file.id })).statusCode,
    ).toBe(200);
  }
  const response = await post(
    owner,
    `/api/v1/applications/${draft.id}/submit`,
    commitmentSigner ? { commitmentSigner } : {},
  );
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Detail;
}

const restaurant = { businessForm: "catering", subtype: "restaurant_small", items: [{ code: "hot_food" }] };
const bakery = { businessForm: "catering", subtype: "bakery", items: [{ code: "pastry" }] };

describe("new licence journey (受理 → 审查 → 许可)", () => {
  it("issues a JY licence after acceptance, on-site inspection, review and decision", async () => {
    const application = await submitted(storeIds[0]!, restaurant);
    expect(application.assessment.onsiteInspectionRequired).toBe(true);

    const queue = (await acceptor.inject({ url: "/api/v1/applications?queue=acceptance" })).json();
    expect(queue.items.map((a: { id: string }) => a.id)).toContain(application.id);
    expect((await post(acceptor, `/api/v1/applications/${application.id}/accept`)).json().status).toBe(
      "accepted",
    );

    const scheduled = await post(reviewer, `/api/v1/applications/${application.id}/onsite-schedule`, {
      scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(scheduled.json().status).toBe("onsite_scheduled");
    const earlyReview = await post(reviewer, `/api/v1/applications/${application.id}/review`, {
      outcome: "pass",
      opinion: "ok",
    });
    expect(earlyReview.statusCode).toBe(422);

    const checklist = (scheduled.json() as Detail).checklist;
    expect(checklist.length).toBeGreaterThan(3);
    const photo = await upload(reviewer, TINY_PDF);
    const recorded = await post(reviewer, `/api/v1/applications/${application.id}/onsite-record`, {
      results: checklist.map((item) => ({ code: item.code, result: "pass" })),
      photoFileIds: [photo.id],
      applicantSigned: true,
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json().onsite.outcome).toBe("pass");
    const reviewed = await post(reviewer, `/api/v1/applications/${application.id}/review`, {
      outcome: "pass",
      opinion: "符合条件",
    });
    expect(reviewed.json().status).toBe("reviewed");

    const decided = await post(approver, `/api/v1/applications/${application.id}/decide`, {
      decision: "approve",
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const detail = decided.json() as Detail;
    expect(detail.status).toBe("approved");
    expect(detail.timeline.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        "create",
        "submit",
        "accept",
        "schedule_onsite",
        "record_onsite",
        "review",
        "approve",
      ]),
    );

    const license = (await owner.inject({ url: `/api/v1/licenses/${detail.licenseId}` })).json();
    expect(license.number).toMatch(/^JY2440106\d{7}$/);
    expect(parseLicenseNumber(license.number)).not.toBeNull();
    expect(license).toMatchObject({ status: "valid", version: 1, type: "JY" });
    expect(license.content).toMatchObject({ subtype: "restaurant_small", premises: expect.any(String) });
    const issued = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.subjectId, detail.licenseId!));
    expect(issued.map((row) => row.action)).toContain("license.issue");
  });

  it("三分离: an officer moved from acceptance to approval may not decide what they accepted → 403, nothing changed", async () => {
    await makeUser(t.database.db, { role: "acceptor", regionCode: "440106", username: "moved" });
    const application = await submitted(storeIds[1]!, bakery, "张三");
    const asAcceptor = await loginAs(t.app, "moved", TEST_PASSWORD);
    expect((await post(asAcceptor, `/api/v1/applications/${application.id}/accept`)).statusCode).toBe(200);
    await t.database.db.execute(sql`update users set role = 'approver' where username = 'moved'`);
    const asApprover = await loginAs(t.app, "moved", TEST_PASSWORD);
    const [before] = await t.database.db
      .select()
      .from(applications)
      .where(eq(applications.id, application.id));
    const response = await post(asApprover, `/api/v1/applications/${application.id}/decide`, {
      decision: "approve",
    });
    expect(response.statusCode).toBe(403);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json().type).toBe("urn:shian:problem:same_officer");
    const [after] = await t.database.db
      .select()
      .from(applications)
      .where(eq(applications.id, application.id));
    expect(after).toEqual(before);
  });

  it("invalid transitions → 409", async () => {
    const application = await submitted(storeIds[2]!, restaurant);
    const response = await post(approver, `/api/v1/applications/${application.id}/decide`, {
      decision: "approve",
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().type).toBe("urn:shian:problem:invalid_transition");
  });

  it("an officer of another jurisdiction gets 404", async () => {
    const application = await submitted(storeIds[3]!, restaurant);
    expect((await post(zhenhaiAcceptor, `/api/v1/applications/${application.id}/accept`)).statusCode).toBe(
      404,
    );
    expect((await zhenhaiAcceptor.inject({ url: `/api/v1/applications/${application.id}` })).statusCode).toBe(
      404,
    );
  });

  it("cannot submit with materials missing", async () => {
    const created = await post(owner, "/api/v1/applications", {
      kind: "new",
      licenseType: "JY",
      storeId: storeIds[4],
      ...restaurant,
    });
    const response = await post(owner, `/api/v1/applications/${created.json().id}/submit`, {});
    expect(response.statusCode).toBe(422);
    expect(response.json().detail).toContain("application_form");
  });
});

describe("work queues", () => {
  it("page through a queue with the cursor: every application once, in deadline order", async () => {
    const all = (await reviewer.inject({ url: "/api/v1/applications?limit=200" })).json().items as {
      id: string;
    }[];
    expect(all.length).toBeGreaterThan(2);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/applications?limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const page = (await reviewer.inject({ url })).json() as {
        items: { id: string }[];
        nextCursor: string | null;
      };
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((item) => item.id));
    const queue = (await acceptor.inject({ url: "/api/v1/applications?queue=acceptance&limit=1" })).json();
    const next = (
      await acceptor.inject({
        url: `/api/v1/applications?queue=acceptance&limit=1&cursor=${queue.nextCursor}`,
      })
    ).json();
    expect(next.items[0]?.id).not.toBe(queue.items[0].id);
    expect((await acceptor.inject({ url: "/api/v1/applications?cursor=bogus" })).statusCode).toBe(400);
  });
});

describe("art. 13: the commitment path (告知承诺)", () => {
  it("issues the licence the same day without review and creates the follow-up inspection task", async () => {
    const application = await submitted(storeIds[5]!, bakery, "王老板");
    expect(application.assessment.commitmentEligible).toBe(true);
    expect((await post(acceptor, `/api/v1/applications/${application.id}/accept`)).statusCode).toBe(200);
    const queue = (await approver.inject({ url: "/api/v1/applications?queue=decision" })).json();
    expect(queue.items.map((a: { id: string }) => a.id)).toContain(application.id);
    const decided = await post(approver, `/api/v1/applications/${application.id}/decide`, {
      decision: "approve",
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const licenseId = decided.json().licenseId as string;
    const [license] = await t.database.db.select().from(licenses).where(eq(licenses.id, licenseId));
    const [row] = await t.database.db.select().from(applications).where(eq(applications.id, application.id));
    expect(license!.issuedAt.toISOString().slice(0, 10)).toBe(row!.submittedAt!.toISOString().slice(0, 10));
    const [task] = await t.database.db.select().from(tasks).where(eq(tasks.licenseId, licenseId));
    expect(task).toMatchObject({
      kind: "commitment_follow_up_inspection",
      status: "open",
      regionCode: "440106",
    });
    expect(task!.dueAt.getTime()).toBeGreaterThan(Date.now());
    const listed = (await acceptor.inject({ url: "/api/v1/tasks" })).json();
    expect(listed.items.map((item: { id: string }) => item.id)).toContain(task!.id);
  });

  it("refuses the commitment for a restaurant (not eligible under art. 13)", async () => {
    const store = await makeStore(t.database.db, "440106");
    await t.database.db.execute(
      (await import("drizzle-orm"))
        .sql`update stores set business_id = (select business_id from stores where id = ${storeIds[0]!}) where id = ${store.store.id}`,
    );
    const created = await post(owner, "/api/v1/applications", {
      kind: "new",
      licenseType: "JY",
      storeId: store.store.id,
      ...restaurant,
    });
    const file = await upload(owner, TINY_PDF);
    for (const { code } of (created.json() as Detail).assessment.requiredMaterials) {
      await post(owner, `/api/v1/applications/${created.json().id}/materials`, { code, fileId: file.id });
    }
    const response = await post(owner, `/api/v1/applications/${created.json().id}/submit`, {
      commitmentSigner: "王老板",
    });
    expect(response.statusCode).toBe(422);
  });
});
