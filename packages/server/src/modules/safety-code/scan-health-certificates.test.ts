import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, loginAs, type TestApp } from "../../test/test-app.js";
import { TEST_PASSWORD, makeStore, makeUser } from "../../test/factories.js";
import { createSafetyCodes, safetyCodeOfStore } from "./service.js";

// Step 4: staff health certificates appear on the scan page with the names masked (PIPL art. 51).
let t: TestApp;
let code: string;

beforeAll(async () => {
  t = await createTestApp();
  const { businessId, store } = await makeStore(t.database.db, "330213");
  await createSafetyCodes(t.database.db, [store.id]);
  code = (await safetyCodeOfStore(t.database.db, store.id))!;
  await makeUser(t.database.db, {
    role: "business_owner",
    regionCode: "330213",
    username: "hc-owner",
    businessId,
  });
  const owner = await loginAs(t.app, "hc-owner", TEST_PASSWORD);
  for (const [name, validTo] of [
    ["王小明", "2099-01-01"],
    ["李四", "2001-01-01"],
  ] as const) {
    const response = await owner.inject({
      method: "POST",
      url: `/api/v1/stores/${store.id}/staff`,
      payload: {
        name,
        healthCertificateNo: `HC-${name}`,
        healthCertificateIssuer: "奉化区疾控中心",
        healthCertificateValidTo: validTo,
      },
    });
    expect(response.statusCode, response.body).toBe(201);
  }
});
afterAll(() => t.close());

describe("scan page health certificates", () => {
  it("lists each certificate with the name masked and expired ones flagged", async () => {
    const page = await t.app.inject({ url: `/s/${code}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("从业人员健康证");
    expect(page.body).toContain("王**");
    expect(page.body).not.toContain("王小明");
    expect(page.body).not.toContain("李四");
    expect(page.body).toContain("已过期");
  });
});
