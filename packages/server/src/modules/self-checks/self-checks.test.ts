import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD, makeStore, makeUser } from "../../test/factories.js";
import { createTestApp, loginAs, type Session, type TestApp } from "../../test/test-app.js";
import { answers, auditActions } from "../../test/inspection-fixtures.js";

let t: TestApp;
let store: Awaited<ReturnType<typeof makeStore>>;
let other: Awaited<ReturnType<typeof makeStore>>;
let owner: Session;
let inspector: Session;

beforeAll(async () => {
  t = await createTestApp();
  store = await makeStore(t.database.db, "330213");
  other = await makeStore(t.database.db, "330211");
  await makeUser(t.database.db, {
    role: "business_owner",
    regionCode: "330213",
    username: "owner",
    businessId: store.businessId,
  });
  await makeUser(t.database.db, { role: "inspector", regionCode: "330213", username: "inspector" });
  owner = await loginAs(t.app, "owner", TEST_PASSWORD);
  inspector = await loginAs(t.app, "inspector", TEST_PASSWORD);
});
afterAll(() => t.close());

const results = () =>
  answers("patrol", { waste_sorting: { result: "fail", note: "分类桶损坏" } }).map(
    ({ code, result, note }) => ({ code, result, ...(note ? { note } : {}) }),
  );

describe("self-checks (自查)", () => {
  it("the business files a self-check; officers of the region read it", async () => {
    const filed = await owner.inject({
      method: "POST",
      url: `/api/v1/stores/${store.store.id}/self-checks`,
      payload: { checkedOn: "2024-06-14", results: results() },
    });
    expect(filed.statusCode).toBe(201);
    expect(filed.json()).toMatchObject({ checkedOn: "2024-06-14", failedItems: ["waste_sorting"] });
    expect((await auditActions(t.database.db, "self_check", filed.json().id))[0]!.action).toBe(
      "self_check.file",
    );
    const list = await inspector.inject({ url: `/api/v1/stores/${store.store.id}/self-checks` });
    expect(list.json().items).toHaveLength(1);
  });

  it("refuses a future date and results not matching the patrol checklist", async () => {
    const url = `/api/v1/stores/${store.store.id}/self-checks`;
    const future = await owner.inject({
      method: "POST",
      url,
      payload: { checkedOn: "2999-01-01", results: results() },
    });
    expect(future.statusCode).toBe(400);
    const short = await owner.inject({
      method: "POST",
      url,
      payload: { checkedOn: "2024-06-14", results: results().slice(1) },
    });
    expect(short.statusCode).toBe(400);
  });

  it("another business's store is 404; an officer cannot file (403)", async () => {
    const url = `/api/v1/stores/${other.store.id}/self-checks`;
    expect(
      (await owner.inject({ method: "POST", url, payload: { checkedOn: "2024-06-14", results: results() } }))
        .statusCode,
    ).toBe(404);
    expect((await inspector.inject({ url })).statusCode).toBe(404);
    expect(
      (
        await inspector.inject({
          method: "POST",
          url: `/api/v1/stores/${store.store.id}/self-checks`,
          payload: { checkedOn: "2024-06-14", results: results() },
        })
      ).statusCode,
    ).toBe(403);
  });
});
