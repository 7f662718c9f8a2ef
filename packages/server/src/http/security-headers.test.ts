import type { LightMyRequestResponse } from "fastify";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { safetyCodes } from "../db/schema.js";
import { TEST_PASSWORD, makeStore, makeUser } from "../test/factories.js";
import { createTestApp, loginAs, type Session, type TestApp } from "../test/test-app.js";
import { TINY_PDF, upload } from "../test/uploads.js";
import { createSafetyCodes } from "../modules/safety-code/service.js";
import { hardenCsp } from "./security-headers.js";

// Security headers on every kind of reply, in a secure deployment (PUBLIC_BASE_URL https): ASVS 14.4.1–14.4.7
// (nosniff, CSP with object-src and frame-ancestors, Referrer-Policy, HSTS), 14.3.3 (no X-Powered-By); uploads
// served as attachments under a sandboxing CSP from a path that never renders HTML (SECURITY.md #10; ASVS 12.5.2).

let t: TestApp;
let inspector: Session;
let storeCode: string;
let fileId: string;

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_BASE_URL: "https://shian.example.cn" });
  const db = t.database.db;
  const { store } = await makeStore(db, "440106");
  await createSafetyCodes(db, [store.id]);
  const [code] = await db.select().from(safetyCodes).where(eq(safetyCodes.storeId, store.id));
  storeCode = code!.code;
  await makeUser(db, { role: "inspector", regionCode: "440106", username: "h-inspector" });
  inspector = await loginAs(t.app, "h-inspector", TEST_PASSWORD);
  fileId = (await upload(inspector, TINY_PDF)).id;
});

afterAll(async () => {
  await t.close();
});

function directives(response: LightMyRequestResponse): Map<string, string> {
  const csp = String(response.headers["content-security-policy"] ?? "");
  return new Map(
    csp
      .split(";")
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name, ...values] = part.split(/\s+/);
        return [name!.toLowerCase(), values.join(" ")] as const;
      }),
  );
}

function expectSecurityHeaders(kind: string, response: LightMyRequestResponse) {
  const headers = response.headers;
  expect(headers["x-content-type-options"], kind).toBe("nosniff");
  expect(headers["referrer-policy"], kind).toMatch(/^(no-referrer|same-origin|strict-origin)/);
  expect(String(headers["strict-transport-security"]), kind).toMatch(/max-age=(\d{8,}|[2-9]\d{7}|3\d{7})/);
  expect(headers["x-powered-by"], kind).toBeUndefined();
  const csp = directives(response);
  expect(csp.get("frame-ancestors"), `${kind}: frame-ancestors`).toBe("'none'");
  expect(csp.get("object-src"), `${kind}: object-src`).toBe("'none'");
}

describe("security headers on every kind of reply (ASVS 14.4, 14.3.3)", () => {
  it("API JSON, problem+json, 404, redirect, public scan page and web shell all carry them", async () => {
    const replies: [string, LightMyRequestResponse][] = [
      ["API JSON", await inspector.inject({ url: "/api/v1/auth/me" })],
      ["problem+json 401", await t.app.inject({ url: "/api/v1/auth/me" })],
      ["problem+json 400", await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: {} })],
      ["unknown route 404", await t.app.inject({ url: "/api/v1/no-such-route" })],
      ["redirect", await t.app.inject({ url: "/" })],
      ["public HTML scan page", await t.app.inject({ url: `/s/${storeCode}` })],
      ["web shell", await t.app.inject({ url: "/login" })],
    ];
    expect(replies[0]![1].statusCode).toBe(200);
    expect(replies[1]![1].headers["content-type"]).toContain("application/problem+json");
    expect(replies[5]![1].statusCode).toBe(200);
    expect(replies[5]![1].headers["content-type"]).toContain("text/html");
    for (const [kind, response] of replies) expectSecurityHeaders(kind, response);
  });

  it("an uploaded file is a sandboxed attachment that is never sniffed or framed (ASVS 12.5.2)", async () => {
    const download = await inspector.inject({ url: `/api/v1/files/${fileId}` });
    expect(download.statusCode).toBe(200);
    expectSecurityHeaders("file download", download);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(String(download.headers["content-disposition"])).toMatch(/^attachment;/);
    const csp = directives(download);
    expect(csp.has("sandbox")).toBe(true);
    expect(csp.get("default-src")).toBe("'none'");
    expect(download.rawPayload.equals(TINY_PDF)).toBe(true);
  });

  it("a route's own CSP (a thumbnail, a screen) is completed with frame-ancestors and object-src 'none'", () => {
    expect(hardenCsp("default-src 'none'; sandbox")).toBe(
      "default-src 'none'; sandbox; object-src 'none'; frame-ancestors 'none'",
    );
    const own = "default-src 'self'; frame-ancestors 'self'; object-src 'none';";
    expect(hardenCsp(own)).toBe("default-src 'self'; frame-ancestors 'self'; object-src 'none'");
  });
});
