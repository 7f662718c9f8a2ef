import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { licenseVersions } from "../../db/schema.js";
import { createTestApp, type Session, type TestApp } from "../../test/test-app.js";
import {
  addBeverage,
  applyAndApprove,
  issueRestaurantLicence,
  RESTAURANT,
  type Officers,
} from "../../test/licensing-flow.js";
import { licensingCast } from "../../test/officers.js";

let t: TestApp;
let owner: Session;
let officers: Officers;
let storeId: string;
let licenseId: string;

beforeAll(async () => {
  t = await createTestApp();
  ({
    owner,
    officers,
    store: { id: storeId },
  } = await licensingCast(t.app, t.database.db, "440106", "lc"));
  ({ licenseId } = await issueRestaurantLicence(owner, officers, storeId));
});
afterAll(() => t.close());

async function license() {
  return (await owner.inject({ url: `/api/v1/licenses/${licenseId}` })).json();
}

describe("licence lifecycle: change, reissue, renewal, cancellation", () => {
  it("a second new licence for the same store → 409", async () => {
    const response = await owner.inject({
      method: "POST",
      url: "/api/v1/applications",
      payload: { kind: "new", licenseType: "JY", storeId, ...RESTAURANT },
    });
    expect(response.statusCode).toBe(409);
  });

  it("art. 10: a change of items without new premises needs no on-site inspection and makes version 2", async () => {
    const before = await license();
    const changed = await addBeverage(owner, officers, storeId, licenseId);
    expect(changed.assessment.onsiteInspectionRequired).toBe(false);
    const after = await license();
    expect(after).toMatchObject({ number: before.number, version: 2, validTo: before.validTo });
    expect(after.content.items).toEqual([{ code: "hot_food" }, { code: "beverage" }]);
  });

  it("a reissue keeps the content and adds a version", async () => {
    await applyAndApprove(owner, officers, {
      kind: "reissue",
      licenseType: "JY",
      storeId,
      licenseId,
      reason: "遗失",
    });
    const versions = await t.database.db
      .select()
      .from(licenseVersions)
      .where(eq(licenseVersions.licenseId, licenseId));
    expect(versions.map((v) => v.reason).sort()).toEqual(["change", "new", "reissue"]);
    expect((await license()).version).toBe(3);
  });

  it("a renewal is refused outside the 90 days before expiry, and extends the licence five years inside them", async () => {
    const body = { kind: "renewal", licenseType: "JY", storeId, licenseId };
    const early = await owner.inject({ method: "POST", url: "/api/v1/applications", payload: body });
    expect(early.statusCode).toBe(422);
    await t.database.db.execute(
      sql`update licenses set valid_to = current_date + 30 where id = ${licenseId}`,
    );
    const oldValidTo = (await license()).validTo as string;
    await applyAndApprove(owner, officers, body);
    const renewed = await license();
    expect(renewed.validFrom > oldValidTo).toBe(true);
    expect(Number(renewed.validTo.slice(0, 4)) - Number(oldValidTo.slice(0, 4))).toBe(5);
  });

  it("a cancellation skips review and cancels the licence", async () => {
    await applyAndApprove(owner, officers, {
      kind: "cancellation",
      licenseType: "JY",
      storeId,
      licenseId,
      reason: "停业",
    });
    expect((await license()).status).toBe("cancelled");
  });
});

describe("food production licences (SC)", () => {
  it("issues an SC number with the food category and region", async () => {
    const approved = await applyAndApprove(owner, officers, {
      kind: "new",
      licenseType: "SC",
      storeId,
      foodCategories: ["101"],
      productionSites: [{ address: "广州市天河区科韵路1号" }],
    });
    const sc = (await owner.inject({ url: `/api/v1/licenses/${approved.licenseId}` })).json();
    expect(sc.number).toMatch(/^SC101440106\d{5}$/);
    expect(sc.content.foodCategories).toEqual(["101"]);
  });

  it("refuses an unknown food category with the allowed list", async () => {
    const response = await owner.inject({
      method: "POST",
      url: "/api/v1/applications",
      payload: {
        kind: "new",
        licenseType: "SC",
        storeId,
        foodCategories: ["999"],
        productionSites: [{ address: "广州市天河区某路" }],
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().detail).toContain("999");
  });
});
