import { randomUUID } from "node:crypto";
import fc from "fast-check";
import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "../modules/accounts/roles.js";
import { TEST_PASSWORD, makeStore, makeUser } from "../test/factories.js";
import {
  createFuzzApp,
  FUZZ_MIN_REQUESTS,
  FUZZ_RUNS,
  FUZZ_WRITE_RUNS,
  fingerprintDiff,
  fingerprintQuery,
  fuzzMixed,
  fuzzRefusedWrites,
  fuzzRequest,
  fuzzRoutes,
  headerSafe,
  jsonBody,
  multipartBody,
  nastyString,
  newCounter,
  oddHeaders,
  reportTotals,
  routeName,
  send,
  urlFor,
  type FuzzRequest,
  type FuzzRoute,
  type KnownValues,
} from "../test/fuzz-kit.js";
import { loginAs, type Session, type TestApp } from "../test/test-app.js";
import { TINY_PDF } from "../test/uploads.js";

/**
 * Fuzzing of every authenticated write (POST/PUT/PATCH/DELETE with a role policy), signed in as a role the policy
 * allows (SECURITY.md #7, #9, #10; ASVS 5.1.2–5.1.4, 5.3.4, 13.2.2, 13.2.5; 等保 8.1.4.4d): generated bodies (schema-
 * valid with edge values, one field wrong, bad JSON, huge, wrong content type, forged multipart), hostile path
 * parameters, query strings and headers, broken CSRF tokens and cookies. No 5xx, no leak, problem+json errors,
 * and refused writes leave the database unchanged.
 */

const SEED = 20_261_209;
const REGION = "440106";

let t: TestApp;
const counter = newCounter();
const known: KnownValues = {};
const sessions = new Map<Role, Session>();
let fingerprint: () => Promise<string>;
let writes: FuzzRoute[];

beforeAll(async () => {
  const started = Date.now();
  t = await createFuzzApp();
  const db = t.database.db;
  const { businessId, store } = await makeStore(db, REGION);
  for (const role of ROLES) {
    const business = role === "business_owner" || role === "business_staff";
    await makeUser(db, {
      role,
      regionCode: REGION,
      username: `fz-${role}`,
      ...(business ? { businessId } : {}),
    });
    sessions.set(role, await loginAs(t.app, `fz-${role}`, TEST_PASSWORD));
  }
  Object.assign(known, {
    storeId: [store.id],
    id: [store.id, businessId],
    businessId: [businessId],
    regionCode: [REGION],
    region: [REGION],
  });
  fingerprint = await fingerprintQuery(db);
  // Signing out ends the session the other requests use: it is fuzzed last, on its own session.
  writes = fuzzRoutes(t.app).filter(
    (route) =>
      route.method !== "GET" &&
      "roles" in route.policy &&
      (route.policy.roles?.length ?? 0) > 0 &&
      routeName(route) !== "POST /api/v1/auth/logout",
  );
  console.info(`fuzz-writes: setup ${Date.now() - started} ms, ${writes.length} routes`);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

/** Upload routes read one multipart `file`: PDFs, HTML named .pdf, CSV, traversal names, forged framing. */
const UPLOAD_ROUTES = new Set(["POST /api/v1/files", "POST /api/v1/imports"]);

function uploadBody({ invalid = false } = {}): fc.Arbitrary<{
  payload: Buffer | string;
  contentType: string;
}> {
  const boundary = "----shian-fuzz-upload";
  const good = `multipart/form-data; boundary=${boundary}`;
  const forgeries = [
    "no-boundary",
    "wrong-boundary",
    "truncated",
    "unterminated",
    "html",
    "two-files",
    "field-name",
    "json",
  ];
  return fc
    .tuple(
      fc.constantFrom(...(invalid ? forgeries : ["ok", "ok", "ok", ...forgeries])),
      fc.oneof(
        fc.constantFrom("a.pdf", "../../etc/passwd", "x\u0000.pdf", "%2e%2e%2fa.csv", "a.pdf.html"),
        nastyString,
      ),
      fc.nat(),
    )
    .map(([forgery, rawName, cut]) => {
      const filename = headerSafe(rawName).replace(/"/g, "_");
      const file = (bytes: Buffer, name = "file") => ({ name, filename, type: "application/pdf", bytes });
      const body = multipartBody([file(TINY_PDF)], boundary);
      switch (forgery) {
        case "no-boundary":
          return { payload: body, contentType: "multipart/form-data" };
        case "wrong-boundary":
          return { payload: body, contentType: "multipart/form-data; boundary=nope" };
        case "truncated":
          return { payload: body.subarray(0, cut % body.length), contentType: good };
        case "unterminated":
          return { payload: multipartBody([file(TINY_PDF)], boundary, false), contentType: good };
        case "html":
          return {
            payload: multipartBody([file(Buffer.from("<html><script>alert(1)</script>"))], boundary),
            contentType: good,
          };
        case "two-files":
          return { payload: multipartBody([file(TINY_PDF), file(TINY_PDF)], boundary), contentType: good };
        case "field-name":
          return {
            payload: multipartBody([file(TINY_PDF, "other"), { name: "x", value: "y" }], boundary),
            contentType: good,
          };
        case "json":
          return { payload: "{}", contentType: "application/json" };
        default:
          return { payload: body, contentType: good };
      }
    });
}

/** How the request is signed in: mostly a valid session of an allowed role, sometimes a broken one. */
function authHeaders(route: FuzzRoute): fc.Arbitrary<Record<string, string>> {
  const roles = ("roles" in route.policy ? (route.policy.roles ?? []) : []) as Role[];
  const session = fc.constantFrom(...roles).map((role) => sessions.get(role)!);
  return fc.oneof(
    { weight: 8, arbitrary: session.map((s) => ({ cookie: s.cookie, "x-csrf-token": s.csrfToken })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(session, nastyString)
        .map(([s, csrf]) => ({ cookie: s.cookie, "x-csrf-token": headerSafe(csrf) })),
    },
    { weight: 1, arbitrary: session.map((s) => ({ cookie: s.cookie })) },
    { weight: 1, arbitrary: fc.constant({}) },
  );
}

function requestFor(route: FuzzRoute, { invalid = false } = {}): fc.Arbitrary<FuzzRequest> {
  const name = routeName(route);
  const body = UPLOAD_ROUTES.has(name)
    ? uploadBody({ invalid })
    : route.body
      ? jsonBody(route, known, { invalid })
      : fc.option(jsonBody(route, known, { invalid }), { nil: undefined, freq: 2 });
  const idempotency = fc.oneof(
    { weight: 6, arbitrary: fc.constant(undefined).map(() => ({ "idempotency-key": randomUUID() })) },
    { weight: 1, arbitrary: fc.constant({}) },
  );
  const extra = fc.oneof(
    { weight: 4, arbitrary: fc.constant<Record<string, string>>({}) },
    { weight: 1, arbitrary: oddHeaders },
  );
  return fc
    .tuple(urlFor(route, known), body, authHeaders(route), idempotency, extra)
    .map(([url, b, auth, idem, odd]) => {
      const { cookie: oddCookie, ...oddRest } = odd;
      return fuzzRequest(route, {
        method: route.method as InjectOptions["method"],
        url,
        ...(b ? { payload: b.payload } : {}),
        headers: {
          ...(b ? { "content-type": b.contentType } : {}),
          ...idem,
          ...oddRest,
          ...auth,
          // An odd cookie header replaces the session now and then (→ 401).
          ...(oddCookie && url.length % 3 === 0 ? { cookie: oddCookie } : {}),
        },
      });
    });
}

/** Jobs run on demand, PDF and workbook builders: drawn less often to keep the file fast. */
const SLOW_ROUTES = new Set([
  "POST /api/v1/alerts/run",
  "POST /api/v1/colour-feed/run",
  "POST /api/v1/sanctions/run",
  "POST /api/v1/auth/password",
  "POST /api/v1/users",
]);

describe("fuzzing the authenticated writes (SECURITY.md #7, #9, #10; ASVS 5.1.2–5.1.4, 5.3.4, 13.2.5)", () => {
  it("every write, signed in as an allowed role: no 5xx, no leak, problem+json errors", async () => {
    expect(writes.length).toBeGreaterThan(40);
    const unreached = await fuzzMixed(t.app, counter, {
      label: "fuzz-writes",
      routes: writes,
      requestFor: (route) => requestFor(route),
      slow: SLOW_ROUTES,
      weight: 5,
      seed: SEED,
      numRuns: FUZZ_RUNS,
    });
    expect(unreached).toEqual([]);
  }, 300_000);

  it("refused writes leave the database unchanged (row counts of every table, last audit seq)", async () => {
    // The fingerprint sees a write (so the property can fail).
    const empty = await fingerprint();
    await makeUser(t.database.db, { role: "volunteer", regionCode: REGION, username: "fz-probe" });
    expect(fingerprintDiff(empty, await fingerprint()).map((change) => change.split(":")[0])).toEqual([
      "users",
    ]);
    const compared = await fuzzRefusedWrites(t.app, counter, {
      request: fc.oneof(...writes.map((route) => requestFor(route, { invalid: true }))),
      fingerprint,
      seed: SEED + 1,
      numRuns: FUZZ_WRITE_RUNS,
    });
    expect(compared).toBeGreaterThan(FUZZ_WRITE_RUNS / 2);
  }, 300_000);

  it("regression examples: writes that once answered 500", async () => {
    const leader = sessions.get("leader")!;
    const inspector = sessions.get("inspector")!;
    const owner = sessions.get("business_owner")!;
    const post = (session: Session, url: string, payload: object | string) => ({
      route: `POST ${url}`,
      session,
      url,
      payload,
    });
    const batch = { storeId: known.storeId![0], product: "p", producedAt: "2017-06-02T08:44:14.815Z" };
    // Each once answered 500; now 400.
    const cases = [
      // A period before year 1000 built an invalid date in periodWindow (credit/period.ts).
      post(leader, "/api/v1/credit/runs", { model: "zhenhai-3l4c", period: "0310-09" }),
      // 1e10 yuan overflowed numeric(12, 2) (penalties/schema.ts).
      post(inspector, "/api/v1/penalties", {
        storeId: known.storeId![0],
        decisionNumber: "X1",
        decidedOn: "2020-10-10",
        violation: "v",
        legalBasis: "b",
        fineYuan: 1e10,
        severity: "general",
      }),
      // 1e9 overflowed numeric(12, 3) (trace/schema.ts).
      post(owner, "/api/v1/portal/batches", {
        ...batch,
        batchNumber: "B1",
        quantity: 1e9,
        materials: [{ name: "m", supplierName: "s" }],
      }),
      // An unknown certificate file id was a foreign-key violation (trace/service.ts).
      post(owner, "/api/v1/portal/batches", {
        ...batch,
        batchNumber: "B2",
        materials: [{ name: "m", supplierName: "s", certificateFileId: randomUUID() }],
      }),
      // Multipart without a boundary, or cut short, was a plain busboy Error (http/multipart.ts).
      post(inspector, "/api/v1/files", "--x\r\n"),
    ];
    for (const { route, session, url, payload } of cases) {
      const target = writes.find((r) => routeName(r) === route)!;
      const multipart = route === "POST /api/v1/files";
      const response = await send(t.app, counter, target, {
        method: "POST",
        url,
        payload: typeof payload === "string" ? payload : JSON.stringify(payload),
        headers: {
          cookie: session.cookie,
          "x-csrf-token": session.csrfToken,
          "idempotency-key": randomUUID(),
          "content-type": multipart ? "multipart/form-data" : "application/json",
        },
      });
      expect({ route, status: response.statusCode }).toEqual({ route, status: 400 });
    }
  });

  it("signing out with broken cookies or CSRF tokens is refused; the app still answers /healthz", async () => {
    const logout = fuzzRoutes(t.app).find((route) => routeName(route) === "POST /api/v1/auth/logout")!;
    const session = await loginAs(t.app, "fz-volunteer", TEST_PASSWORD);
    await fc.assert(
      fc.asyncProperty(oddHeaders, nastyString, async (headers, csrf) => {
        const response = await send(t.app, counter, logout, {
          method: "POST",
          url: "/api/v1/auth/logout",
          headers: { ...headers, cookie: session.cookie, "x-csrf-token": headerSafe(csrf) },
        });
        expect(response.statusCode).toBeGreaterThanOrEqual(400);
      }),
      { seed: SEED + 2, numRuns: 40 },
    );
    const me = await session.inject({ url: "/api/v1/auth/me" });
    expect(me.statusCode).toBe(200);
    const health = await t.app.inject({ url: "/healthz" });
    expect(health.statusCode).toBe(200);
    counter.requests += 2;
    expect(reportTotals("fuzz-writes", counter)).toBeGreaterThanOrEqual(FUZZ_MIN_REQUESTS);
  }, 60_000);
});
