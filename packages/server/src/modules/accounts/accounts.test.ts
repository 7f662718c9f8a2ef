import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, users } from "../../db/schema.js";
import { createTestApp, loginAs, type TestApp } from "../../test/test-app.js";
import { TEST_PASSWORD, makeUser } from "../../test/factories.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await makeUser(t.database.db, { role: "acceptor", regionCode: "440106", username: "zhang" });
  await makeUser(t.database.db, { role: "acceptor", regionCode: "440106", username: "victim" });
  await makeUser(t.database.db, { role: "admin", regionCode: "330200", username: "ningbo-admin" });
});
afterAll(() => t.close());

async function lastAudit() {
  const [row] = await t.database.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  return row!;
}

describe("login and sessions", () => {
  it("logs in with a session cookie (HttpOnly, SameSite) and /me returns the user", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "zhang", password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === "shian_sid")!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe("Lax");
    expect(response.json().user).toMatchObject({
      username: "zhang",
      role: "acceptor",
      regionCode: "440106",
      regionName: "天河区",
    });
    expect(JSON.stringify(response.json())).not.toContain("password");
    const me = await t.app.inject({
      url: "/api/v1/auth/me",
      headers: { cookie: `shian_sid=${cookie.value}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.username).toBe("zhang");
    expect(await lastAudit()).toMatchObject({
      action: "auth.login",
      outcome: "success",
      actorLabel: "user:zhang",
    });
  });

  it("a wrong password → 401 problem, audited as a failure without the password", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "zhang", password: "wrong password!" },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().type).toBe("urn:shian:problem:invalid_credentials");
    const audit = await lastAudit();
    expect(audit).toMatchObject({ action: "auth.login", outcome: "failure" });
    expect(JSON.stringify(audit)).not.toContain("wrong password!");
  });

  it("an unknown user gets the same answer as a wrong password", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "nobody", password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().type).toBe("urn:shian:problem:invalid_credentials");
  });

  it("locks an account after 5 failed logins, even against the right password (ASVS 2.2.1)", async () => {
    for (let i = 0; i < 5; i++) {
      await t.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { username: "victim", password: `guess-${i}` },
      });
    }
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "victim", password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(429);
    expect(response.json().type).toBe("urn:shian:problem:account_locked");
  });

  it("issues a new session id at each login (no fixation)", async () => {
    const first = await loginAs(t.app, "zhang", TEST_PASSWORD);
    const second = await loginAs(t.app, "zhang", TEST_PASSWORD);
    expect(first.cookie).not.toBe(second.cookie);
  });

  it("mutations with a session need the CSRF token", async () => {
    const session = await loginAs(t.app, "zhang", TEST_PASSWORD);
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/logout",
      headers: { cookie: session.cookie },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().type).toBe("urn:shian:problem:csrf_failed");
  });

  it("logout ends the session", async () => {
    const session = await loginAs(t.app, "zhang", TEST_PASSWORD);
    expect((await session.inject({ method: "POST", url: "/api/v1/auth/logout" })).statusCode).toBe(204);
    expect((await session.inject({ url: "/api/v1/auth/me" })).statusCode).toBe(401);
    expect(await lastAudit()).toMatchObject({ action: "auth.logout", actorLabel: "user:zhang" });
  });
});

describe("password change", () => {
  it("refuses short and common passwords (ASVS 2.1.1, 2.1.7)", async () => {
    const session = await loginAs(t.app, "zhang", TEST_PASSWORD);
    for (const newPassword of ["short", "password1234", "zhang-is-my-name"]) {
      const response = await session.inject({
        method: "POST",
        url: "/api/v1/auth/password",
        payload: { currentPassword: TEST_PASSWORD, newPassword },
      });
      expect(response.statusCode).toBe(422);
    }
  });

  it("changes the password, ends other sessions and audits it", async () => {
    await makeUser(t.database.db, { role: "reviewer", regionCode: "440106", username: "li" });
    const other = await loginAs(t.app, "li", TEST_PASSWORD);
    const session = await loginAs(t.app, "li", TEST_PASSWORD);
    const response = await session.inject({
      method: "POST",
      url: "/api/v1/auth/password",
      payload: { currentPassword: TEST_PASSWORD, newPassword: "a much better passphrase" },
    });
    expect(response.statusCode).toBe(204);
    expect((await other.inject({ url: "/api/v1/auth/me" })).statusCode).toBe(401);
    expect((await session.inject({ url: "/api/v1/auth/me" })).statusCode).toBe(200);
    await loginAs(t.app, "li", "a much better passphrase");
    const [row] = await t.database.db.select().from(users).where(eq(users.username, "li"));
    expect(row!.passwordHash).toMatch(/^scrypt\$/);
  });
});

describe("user and API client administration", () => {
  it("an admin creates users only inside the admin's jurisdiction", async () => {
    const admin = await loginAs(t.app, "ningbo-admin", TEST_PASSWORD);
    const body = { displayName: "王五", role: "inspector", password: "inspector passphrase" };
    const inside = await admin.inject({
      method: "POST",
      url: "/api/v1/users",
      payload: { ...body, username: "wang", regionCode: "330213" },
    });
    expect(inside.statusCode).toBe(201);
    const outside = await admin.inject({
      method: "POST",
      url: "/api/v1/users",
      payload: { ...body, username: "zhao", regionCode: "440106" },
    });
    expect(outside.statusCode).toBe(403);
  });

  it("non-admins cannot create users", async () => {
    const session = await loginAs(t.app, "zhang", TEST_PASSWORD);
    const response = await session.inject({
      method: "POST",
      url: "/api/v1/users",
      payload: {
        username: "x1",
        displayName: "x",
        role: "admin",
        regionCode: null,
        password: "a long passphrase!",
      },
    });
    expect(response.statusCode).toBe(403);
  });

  it("API keys authenticate by header, are stored hashed and cannot use session routes", async () => {
    const admin = await loginAs(t.app, "ningbo-admin", TEST_PASSWORD);
    const created = await admin.inject({
      method: "POST",
      url: "/api/v1/api-clients",
      payload: { name: "外卖平台", scopes: ["verify"], regionCode: "330200" },
    });
    expect(created.statusCode).toBe(201);
    const { key } = created.json() as { key: string };
    expect(key).toMatch(/^shk_[A-Za-z0-9]{12}_/);
    const audit = await lastAudit();
    expect(JSON.stringify(audit)).not.toContain(key.slice("shk_".length + 13));
    const me = await t.app.inject({ url: "/api/v1/auth/me", headers: { "x-api-key": key } });
    expect(me.statusCode).toBe(403);
    const forged = await t.app.inject({ url: "/api/v1/auth/me", headers: { "x-api-key": `${key}x` } });
    expect(forged.statusCode).toBe(401);
  });
});
