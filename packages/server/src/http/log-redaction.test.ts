import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { safetyCodes } from "../db/schema.js";
import { TEST_PASSWORD, makeStore, makeUser } from "../test/factories.js";
import { createTestApp, loginAs, type TestApp } from "../test/test-app.js";
import { TINY_PDF, multipart } from "../test/uploads.js";
import { REDACTED, redactUrl } from "./log-redaction.js";

// SECURITY.md #14; ASVS 7.1.1 (no credentials or session tokens in logs), 7.1.2 (no other sensitive data);
// PIPL art. 51: the application log, at its most verbose, holds no password, session token, CSRF token, API key,
// complaint tracking token, phone or ID number, whatever the request carried.

const PHONE = "13812345678";
const ID_NUMBER = "11010119900307777X";
const NEW_PASSWORD = "a much longer new passphrase 2026";
const lines: string[] = [];
let t: TestApp;
let storeCode: string;

function form(parts: Record<string, string>) {
  const boundary = "----shian-log-boundary";
  const body = Object.entries(parts)
    .map(
      ([name, value]) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
    )
    .join("");
  return {
    payload: Buffer.from(`${body}--${boundary}--\r\n`),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

beforeAll(async () => {
  t = await createTestApp({ LOG_LEVEL: "trace" }, { logStream: { write: (line) => void lines.push(line) } });
  const { store } = await makeStore(t.database.db, "440106");
  storeCode = "LG0001AB";
  await t.database.db.insert(safetyCodes).values({ code: storeCode, storeId: store.id });
  await makeUser(t.database.db, { role: "admin", regionCode: null, username: "log-admin" });
  await makeUser(t.database.db, { role: "inspector", regionCode: "440106", username: "log-inspector" });
});

afterAll(async () => {
  await t.close();
});

describe("log redaction (ASVS 7.1.1, 7.1.2; SECURITY.md #14)", () => {
  it("redactUrl hides secret query values, phones and ID numbers and keeps the rest", () => {
    expect(redactUrl(`/complaints/abc?token=s3cr3t&lang=en`)).toBe(
      `/complaints/abc?token=${REDACTED}&lang=en`,
    );
    expect(redactUrl(`/api/v1/x?q=${PHONE}`)).toBe(`/api/v1/x?q=${REDACTED}`);
    expect(redactUrl(`/api/v1/people/${ID_NUMBER}`)).toBe(`/api/v1/people/${REDACTED}`);
    expect(redactUrl("/s/AB12CD34?lang=en")).toBe("/s/AB12CD34?lang=en");
  });

  it("login, password change, API key, complaint, upload and a refused request leave no secret in the log", async () => {
    const secrets: string[] = [TEST_PASSWORD, NEW_PASSWORD, "wrong password 123456", PHONE, ID_NUMBER];

    // Login: a wrong password, then the right one.
    const bad = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "log-inspector", password: "wrong password 123456" },
    });
    expect(bad.statusCode).toBe(401);
    const inspector = await loginAs(t.app, "log-inspector", TEST_PASSWORD);
    secrets.push(inspector.cookie.split("=")[1]!, inspector.csrfToken);

    // An upload, then a password change (which ends the session's siblings, not this one).
    const uploaded = await inspector.inject({
      method: "POST",
      url: "/api/v1/files",
      ...multipart(TINY_PDF, `身份证${ID_NUMBER}.pdf`, "application/pdf"),
    });
    expect(uploaded.statusCode).toBe(201);
    const changed = await inspector.inject({
      method: "POST",
      url: "/api/v1/auth/password",
      payload: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(changed.statusCode).toBe(204);

    // An API key: created by an admin, then used (on a route it may not call: refused, still logged).
    const admin = await loginAs(t.app, "log-admin", TEST_PASSWORD);
    secrets.push(admin.cookie.split("=")[1]!, admin.csrfToken);
    const created = await admin.inject({
      method: "POST",
      url: "/api/v1/api-clients",
      payload: { name: "日志测试平台", scopes: ["verify"], regionCode: null },
    });
    expect(created.statusCode).toBe(201);
    const { key } = created.json() as { key: string };
    secrets.push(key, key.split("_")[2]!);
    expect((await t.app.inject({ url: "/api/v1/auth/me", headers: { "x-api-key": key } })).statusCode).toBe(
      403,
    );

    // A complaint with a phone, then its status read with the tracking token (a secret in the query string).
    const complaint = await t.app.inject({
      method: "POST",
      url: "/api/v1/public/complaints",
      ...form({
        storeCode,
        category: "foreign_object",
        description: `汤里有头发，我的身份证号 ${ID_NUMBER}`,
        contactPhone: PHONE,
      }),
    });
    expect(complaint.statusCode, complaint.body).toBe(201);
    const { id, trackingToken } = complaint.json() as { id: string; trackingToken: string };
    secrets.push(trackingToken);
    const tracked = await t.app.inject({ url: `/api/v1/public/complaints/${id}?token=${trackingToken}` });
    expect(tracked.statusCode).toBe(200);

    // A refused request (400, not a 500) carrying a phone and an ID number in its query and body.
    const refused = await t.app.inject({
      method: "POST",
      url: `/api/v1/auth/login?phone=${PHONE}&id=${ID_NUMBER}`,
      payload: { username: ID_NUMBER, password: TEST_PASSWORD, phone: PHONE },
    });
    expect(refused.statusCode).toBe(400);

    const log = lines.join("");
    // The capture works: the requests above are in it, at trace level.
    expect(log).toContain("/api/v1/auth/login");
    expect(log).toContain("/api/v1/public/complaints");
    expect(lines.length).toBeGreaterThan(10);
    const leaked = secrets.filter((secret) => log.includes(secret));
    const leakingLines = lines.filter((line) => leaked.some((secret) => line.includes(secret)));
    expect(leaked, leakingLines.join("\n")).toEqual([]);
  });
});
