import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, loginAs, type Session, type TestApp } from "../test/test-app.js";
import { TEST_PASSWORD, makeUser } from "../test/factories.js";

let t: TestApp;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  await makeUser(t.database.db, { role: "admin", regionCode: null, username: "root" });
  admin = await loginAs(t.app, "root", TEST_PASSWORD);
});
afterAll(() => t.close());

const newUser = {
  username: "someone",
  displayName: "某人",
  role: "acceptor",
  regionCode: "440106",
  password: "a long enough passphrase",
};

describe("health and operations endpoints", () => {
  it("/healthz answers while the process is alive", async () => {
    const response = await t.app.inject({ url: "/healthz" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ok" });
  });

  it("/readyz is 200 when the database answers", async () => {
    const response = await t.app.inject({ url: "/readyz" });
    expect(response.statusCode).toBe(200);
  });

  it("/metrics exposes request counts and latency histograms by route, and the DB pool", async () => {
    await t.app.inject({ url: "/healthz" });
    const response = await t.app.inject({ url: "/metrics" });
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatch(
      /http_requests_total\{method="GET",route="\/healthz",status_code="200"\} \d+/,
    );
    expect(response.body).toContain("http_request_duration_seconds_bucket");
    expect(response.body).toContain('db_pool_connections{state="total"}');
  });

  it("serves the OpenAPI document at /api/docs/json", async () => {
    const response = await t.app.inject({ url: "/api/docs/json" });
    expect(response.statusCode).toBe(200);
    expect(response.json().paths).toHaveProperty("/api/v1/auth/login");
  });

  it("sets helmet security headers and a request id", async () => {
    const response = await t.app.inject({ url: "/healthz", headers: { "x-request-id": "trace-12345678" } });
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(response.headers["x-request-id"]).toBe("trace-12345678");
  });
});

describe("problem+json errors (RFC 9457)", () => {
  it("unknown routes → 404 problem in Chinese by default", async () => {
    const response = await t.app.inject({ url: "/api/v1/nope" });
    expect(response.statusCode).toBe(404);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json()).toMatchObject({
      type: "urn:shian:problem:not_found",
      status: 404,
      title: "未找到",
    });
  });

  it("answers in English when Accept-Language asks for it", async () => {
    const response = await t.app.inject({
      url: "/api/v1/nope",
      headers: { "accept-language": "en-US,en;q=0.9" },
    });
    expect(response.json().title).toBe("Not found");
  });

  it("bad JSON → 400, never 500", async () => {
    const response = await admin.inject({
      method: "POST",
      url: "/api/v1/users",
      headers: { "content-type": "application/json" },
      payload: '{"username": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().type).toBe("urn:shian:problem:invalid_json");
  });

  it("body over 1 MiB → 413", async () => {
    const response = await admin.inject({
      method: "POST",
      url: "/api/v1/users",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ ...newUser, displayName: "x".repeat(1024 * 1024 + 10) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().type).toBe("urn:shian:problem:payload_too_large");
  });

  it("unknown fields → 400 naming the field", async () => {
    const response = await admin.inject({
      method: "POST",
      url: "/api/v1/users",
      payload: { ...newUser, isAdmin: true },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toContainEqual(expect.objectContaining({ pointer: "/body/isAdmin" }));
  });

  it("wrong types → 400 (no silent coercion of bodies)", async () => {
    const response = await admin.inject({
      method: "POST",
      url: "/api/v1/users",
      payload: { ...newUser, displayName: 42 },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].pointer).toBe("/body/displayName");
  });

  it("wrong content type → 415", async () => {
    const response = await admin.inject({
      method: "POST",
      url: "/api/v1/users",
      headers: { "content-type": "text/xml" },
      payload: "<user/>",
    });
    expect(response.statusCode).toBe(415);
  });

  it("a rejected request changes nothing", async () => {
    await admin.inject({ method: "POST", url: "/api/v1/users", payload: { ...newUser, role: "emperor" } });
    const login = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: newUser.username, password: newUser.password },
    });
    expect(login.statusCode).toBe(401);
  });
});
