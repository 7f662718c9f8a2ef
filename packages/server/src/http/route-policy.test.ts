import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../test/test-app.js";

// SECURITY.md #1 / ASVS 4.1.3: every route declares a policy or is marked public, and the rest refuse anonymous calls.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function apiRoutes() {
  return t.app.routeTable.flatMap((route) =>
    [route.method].flat().map((method) => ({ method, url: route.url, policy: route.config?.policy })),
  );
}

describe("route policies", () => {
  it("every registered route declares a policy", () => {
    const missing = apiRoutes().filter((route) => !route.policy);
    expect(missing).toEqual([]);
    expect(apiRoutes().length).toBeGreaterThan(10);
  });

  it("every non-public /api/v1 route answers an anonymous call with 401 problem+json", async () => {
    const protectedRoutes = apiRoutes().filter(
      (route) => route.url.startsWith("/api/v1") && route.policy && !("public" in route.policy),
    );
    expect(protectedRoutes.length).toBeGreaterThan(3);
    for (const route of protectedRoutes) {
      const url = route.url.replace(/:[A-Za-z]+/g, "00000000-0000-4000-8000-000000000000");
      const response = await t.app.inject({
        method: route.method as "GET",
        url,
        payload: route.method === "GET" ? undefined : {},
      });
      expect({ route: `${route.method} ${route.url}`, status: response.statusCode }).toEqual({
        route: `${route.method} ${route.url}`,
        status: 401,
      });
      expect(response.headers["content-type"]).toContain("application/problem+json");
    }
  });
});
