import { and, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, safetyCodes, sessions } from "../../db/schema.js";
import { TEST_PASSWORD, makeStore, makeUser } from "../../test/factories.js";
import { createTestApp, loginAs, type Session, type TestApp } from "../../test/test-app.js";
import { sha256Hex } from "./tokens.js";

// Sessions, CSRF and brute force in a secure deployment (PUBLIC_BASE_URL https): SECURITY.md #4 and #6;
// ASVS 2.2.1 (anti-automation), 3.2.1 (new token at login), 3.3.1–3.3.2 (logout, idle and absolute timeouts),
// 3.4.1–3.4.5 (cookie attributes, __Host- prefix), 4.2.2 (CSRF); 等保 8.1.4.1b. accounts.test.ts covers the
// plain-HTTP cookie, lockout after 5 failures, a new id per login and CSRF on a mutation.

const COOKIE = "__Host-shian_sid";
let t: TestApp;
let storeCode: string;

/** Every test gets its own client address, so the login throttle (30 a minute per IP) never crosses tests. */
let nextAddress = 10;
const address = () => `198.51.100.${nextAddress++}`;

function login(
  username: string,
  password: string,
  remoteAddress: string,
  cookie?: string,
  headers: Record<string, string> = {},
) {
  return t.app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    remoteAddress,
    payload: { username, password },
    headers: { ...headers, ...(cookie ? { cookie } : {}) },
  });
}

function sessionCookie(response: Awaited<ReturnType<typeof login>>) {
  const cookie = response.cookies.find((c) => c.name === COOKIE);
  expect(cookie, `${COOKIE} set`).toBeDefined();
  return cookie!;
}

const me = (cookie: string) => t.app.inject({ url: "/api/v1/auth/me", headers: { cookie } });

beforeAll(async () => {
  // One reverse proxy in front, as in production (TRUST_PROXY_HOPS defaults to 1 there).
  t = await createTestApp({
    PUBLIC_BASE_URL: "https://shian.example.cn",
    COMPLAINT_RATE_LIMIT: "1000",
    TRUST_PROXY_HOPS: "1",
  });
  const db = t.database.db;
  for (const username of ["s-alice", "s-bob", "s-carol", "s-dave"])
    await makeUser(db, { role: "inspector", regionCode: "440106", username });
  const { store } = await makeStore(db, "440106");
  storeCode = "SS0001AB";
  await db.insert(safetyCodes).values({ code: storeCode, storeId: store.id });
});

afterAll(async () => {
  await t.close();
});

describe("session cookie (ASVS 3.4.1–3.4.5, SECURITY.md #6)", () => {
  it("behind TLS it is __Host-shian_sid: Secure, HttpOnly, SameSite=Lax, Path=/, no Domain, 12 h", async () => {
    const response = await login("s-alice", TEST_PASSWORD, address());
    expect(response.statusCode).toBe(200);
    const cookie = sessionCookie(response);
    expect(cookie).toMatchObject({ secure: true, httpOnly: true, path: "/", maxAge: 12 * 3600 });
    expect(cookie.sameSite?.toLowerCase()).toMatch(/^(lax|strict)$/);
    expect(cookie.domain).toBeUndefined();
    // The plain name is not read in a secure deployment (it could be set by a sibling subdomain over HTTP).
    expect((await me(`shian_sid=${cookie.value}`)).statusCode).toBe(401);
    expect((await me(`${COOKIE}=${cookie.value}`)).statusCode).toBe(200);
  });
});

describe("session fixation (ASVS 3.2.1)", () => {
  it("a cookie planted before login is replaced and never becomes the victim's session", async () => {
    const ip = address();
    // An attacker's own valid session, planted in the victim's browser, and a made-up value.
    const attacker = sessionCookie(await login("s-bob", TEST_PASSWORD, ip)).value;
    for (const planted of [attacker, "attacker-chosen-session-id-0123456789abcdef"]) {
      const response = await login("s-alice", TEST_PASSWORD, ip, `${COOKIE}=${planted}`);
      expect(response.statusCode).toBe(200);
      const issued = sessionCookie(response).value;
      expect(issued).not.toBe(planted);
      expect((await me(`${COOKIE}=${issued}`)).json().user.username).toBe("s-alice");
      const replayed = await me(`${COOKIE}=${planted}`);
      if (planted === attacker) expect(replayed.json().user.username).toBe("s-bob");
      else expect(replayed.statusCode).toBe(401);
    }
  });
});

describe("logout and expiry (ASVS 3.3.1, 3.3.2)", () => {
  it("logout deletes the session server-side: the old cookie replayed is 401", async () => {
    const session = await loginAs(t.app, "s-alice", TEST_PASSWORD);
    const token = session.cookie.split("=")[1]!;
    expect((await session.inject({ method: "POST", url: "/api/v1/auth/logout" })).statusCode).toBe(204);
    const rows = await t.database.db
      .select()
      .from(sessions)
      .where(eq(sessions.tokenHash, sha256Hex(token)));
    expect(rows).toEqual([]);
    expect((await me(session.cookie)).statusCode).toBe(401);
    const replayedLogout = await session.inject({ method: "POST", url: "/api/v1/auth/logout" });
    expect(replayedLogout.statusCode).toBe(401);
  });

  it("a session idle for 30 minutes, or older than 12 hours, is refused", async () => {
    const idle = await loginAs(t.app, "s-alice", TEST_PASSWORD);
    const old = await loginAs(t.app, "s-alice", TEST_PASSWORD);
    const hashOf = (s: Session) => sha256Hex(s.cookie.split("=")[1]!);
    await t.database.db
      .update(sessions)
      .set({ lastSeenAt: sql`now() - interval '31 minutes'` })
      .where(eq(sessions.tokenHash, hashOf(idle)));
    // Seen a second ago, but past its absolute expiry.
    await t.database.db
      .update(sessions)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(sessions.tokenHash, hashOf(old)));
    expect((await me(idle.cookie)).statusCode).toBe(401);
    expect((await me(old.cookie)).statusCode).toBe(401);
  });
});

describe("CSRF (ASVS 4.2.2)", () => {
  it("the CSRF token of another session is refused", async () => {
    const alice = await loginAs(t.app, "s-alice", TEST_PASSWORD);
    const bob = await loginAs(t.app, "s-bob", TEST_PASSWORD);
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/logout",
      headers: { cookie: alice.cookie, "x-csrf-token": bob.csrfToken },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().type).toBe("urn:shian:problem:csrf_failed");
    expect((await me(alice.cookie)).statusCode).toBe(200);
  });

  it("a public form posted with the session but a wrong CSRF token is served anonymously", async () => {
    const carol = await loginAs(t.app, "s-carol", TEST_PASSWORD);
    const boundary = "----shian-csrf-boundary";
    const fields = { storeCode, category: "foreign_object", description: "跨站提交的投诉" };
    const body = Object.entries(fields)
      .map(
        ([name, value]) =>
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      )
      .join("");
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/public/complaints",
      headers: {
        cookie: carol.cookie,
        "x-csrf-token": "not-carols-token",
        "content-type": `multipart/form-data; boundary=${boundary}`,
      },
      payload: Buffer.from(`${body}--${boundary}--\r\n`),
    });
    expect(response.statusCode, response.body).toBe(201);
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "complaint.create"))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    expect(audit!.subjectId).toBe(response.json().id);
    expect(audit!.actorLabel).not.toContain("s-carol");
    expect(audit!.actorId).toBeNull();
  });
});

describe("brute force (ASVS 2.2.1; 等保 8.1.4.1b; SECURITY.md #4)", () => {
  it("locks one account after 5 failures from several addresses; other accounts still log in", async () => {
    for (let i = 0; i < 5; i += 1) {
      expect((await login("s-dave", "not the password!!", address())).statusCode).toBe(401);
    }
    const locked = await login("s-dave", TEST_PASSWORD, address());
    expect(locked.statusCode).toBe(429);
    expect(locked.json().type).toBe("urn:shian:problem:account_locked");
    expect((await login("s-carol", TEST_PASSWORD, address())).statusCode).toBe(200);
    const failures = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "auth.login"), eq(auditLog.outcome, "failure")));
    expect(failures.filter((row) => row.subjectId !== null).length).toBeGreaterThanOrEqual(6);
  });

  it("throttles one address trying many usernames (30 a minute), whatever X-Forwarded-For it forges", async () => {
    // The client 203.0.113.77 reaches the app through the proxy 10.0.0.2, which appends the address it saw to
    // the X-Forwarded-For the client sent: a forged first entry must not give the client a fresh budget.
    const proxy = "10.0.0.2";
    const viaProxy = (forged: string) => ({ "x-forwarded-for": `${forged}, 203.0.113.77` });
    for (let i = 0; i < 30; i += 1) {
      const response = await login(
        `nobody-${i}`,
        "guess 1234567890",
        proxy,
        undefined,
        viaProxy(`192.0.2.${i}`),
      );
      expect(response.statusCode).toBe(401);
    }
    const throttled = await login("s-carol", TEST_PASSWORD, proxy, undefined, viaProxy("192.0.2.200"));
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json().type).toBe("urn:shian:problem:rate_limited");
    // Another client behind the same proxy is not affected; the failures were audited with the real address.
    const other = await login("s-carol", TEST_PASSWORD, proxy, undefined, {
      "x-forwarded-for": "203.0.113.78",
    });
    expect(other.statusCode).toBe(200);
    const [failure] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "auth.login"), eq(auditLog.outcome, "failure")))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    expect(failure!.ip).toBe("203.0.113.77");
  });
});
