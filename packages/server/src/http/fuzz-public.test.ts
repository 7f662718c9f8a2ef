import { eq } from "drizzle-orm";
import fc from "fast-check";
import type { InjectOptions } from "fastify";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { safetyCodes } from "../db/schema.js";
import { CATEGORY_CODES } from "../modules/complaints/categories.js";
import { MAX_UPLOAD_BYTES } from "../modules/files/routes.js";
import {
  AUDITED_REFUSALS,
  createFuzzApp,
  FUZZ_MIN_REQUESTS,
  FUZZ_RUNS,
  FUZZ_WRITE_RUNS,
  fingerprintQuery,
  fuzzMixed,
  fuzzRefusedWrites,
  fuzzRequest,
  fuzzRoutes,
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
  type Part,
} from "../test/fuzz-kit.js";
import { issueRestaurantLicence } from "../test/licensing-flow.js";
import { licensingCast } from "../test/officers.js";
import type { TestApp } from "../test/test-app.js";

/**
 * Fuzzing of every public route (SECURITY.md #7, #8, #9, #10; ASVS 5.1.2–5.1.4, 5.3.4, 12.1.1, 12.2.1, 13.2.2,
 * 13.2.5; 等保 8.1.4.4d): scan pages, /v/{token}, the verify API, complaints (multipart with photos), ratings,
 * public lists, open data, trace pages, display boards, health. Each generated batch must get no 5xx, no leak,
 * problem+json errors, and must leave the database as it was when every request of it was refused.
 */

const SEED = 20_261_208;

let t: TestApp;
const counter = newCounter();
const known: KnownValues = {};
let fingerprint: () => Promise<string>;
let jpeg: Buffer;
const oversized = Buffer.alloc(MAX_UPLOAD_BYTES + 1, 0x41);

beforeAll(async () => {
  const started = Date.now();
  t = await createFuzzApp({ COMPLAINT_RATE_LIMIT: "1000000" });
  const db = t.database.db;
  const { owner, officers, store } = await licensingCast(t.app, db, "440106", "fuzz");
  const {
    licenseNo,
    certificate: { token },
  } = await issueRestaurantLicence(owner, officers, store.id);
  let [code] = await db.select().from(safetyCodes).where(eq(safetyCodes.storeId, store.id));
  if (!code)
    [code] = await db.insert(safetyCodes).values({ code: "4ZK7M2QX9A", storeId: store.id }).returning();
  // Real values by parameter or field name, so that many requests pass the validator and reach the services.
  Object.assign(known, {
    code: [code!.code, code!.code.toLowerCase()],
    safetyCode: [code!.code],
    storeCode: [code!.code],
    storeId: [store.id],
    id: [store.id],
    token: [token, token.slice(0, -2), `${token}.x`],
    licenseNo: [licenseNo],
    regionCode: ["440106", "440100", "440000"],
    listId: ["revocation-0", "suspension-0"],
  });
  jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#a00" } })
    .jpeg()
    .toBuffer();
  fingerprint = await fingerprintQuery(db);
  console.info(`fuzz-public: setup ${Date.now() - started} ms`);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const COMPLAINT_ROUTES = new Set(["POST /api/v1/public/complaints", "POST /s/:code/complaint"]);

/** Parts of a complaint: a valid core most of the time, with hostile fields and forged photos. */
function complaintParts(): fc.Arbitrary<Part[]> {
  const photo: fc.Arbitrary<Part> = fc
    .tuple(
      fc.constantFrom("jpeg", "html-as-jpeg", "polyglot", "truncated", "empty", "png-header", "oversized"),
      fc.oneof(
        fc.constantFrom("soup.jpg", "../../etc/passwd", "a\u0000.jpg", "x.jpg.html", "%2e%2e%2fx.jpg"),
        nastyString,
      ),
      fc.constantFrom("image/jpeg", "image/png", "text/html", "application/octet-stream", "image/svg+xml"),
    )
    .map(([kind, filename, type]) => {
      const bytes =
        kind === "jpeg"
          ? jpeg
          : kind === "html-as-jpeg"
            ? Buffer.from("<html><script>alert(1)</script></html>")
            : kind === "polyglot"
              ? Buffer.concat([jpeg.subarray(0, 20), Buffer.from("<script>alert(1)</script>")])
              : kind === "truncated"
                ? jpeg.subarray(0, jpeg.length >> 1)
                : kind === "png-header"
                  ? Buffer.from("\x89PNG\r\n\x1a\n", "latin1")
                  : kind === "oversized"
                    ? oversized
                    : Buffer.alloc(0);
      return { name: "photos", filename: filename.replace(/["\r\n]/g, "_"), type, bytes };
    });
  const field = (name: string, valid: fc.Arbitrary<string>) =>
    fc
      .oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: nastyString })
      .map((value) => ({ name, value }));
  return fc
    .tuple(
      field("storeCode", fc.constantFrom(...known.storeCode!, "ZZZZZZZZZZ")),
      field("category", fc.constantFrom(...CATEGORY_CODES)),
      field("description", fc.string({ minLength: 1, maxLength: 50 })),
      fc.option(field("contactPhone", fc.constantFrom("13812345678", "138-1234-5678")), { nil: undefined }),
      fc.array(photo, { maxLength: 2 }),
      fc.option(
        fc.constantFrom<Part>(
          { name: "extra", value: "x" },
          { name: "lat", value: "91" },
          { name: "regionCode", value: "../1" },
        ),
        { nil: undefined },
      ),
      fc.boolean(),
    )
    .map(([storeCode, category, description, phone, photos, extra, dropStore]) =>
      [dropStore ? undefined : storeCode, category, description, phone, ...photos, extra].filter(
        (p): p is Part => !!p,
      ),
    );
}

/** A multipart body, often forged: wrong or missing boundary, truncated, unterminated, 7 photos, bad headers. */
function complaintBody({ invalid = false } = {}): fc.Arbitrary<{
  payload: Buffer | string;
  contentType: string;
}> {
  const boundary = "----shian-fuzz-boundary";
  const good = `multipart/form-data; boundary=${boundary}`;
  const forgeries = [
    "wrong-boundary",
    "no-boundary",
    "truncated",
    "unterminated",
    "seven-photos",
    "json",
    "urlencoded",
    "garbage",
  ];
  return fc
    .tuple(
      complaintParts(),
      fc.constantFrom(...(invalid ? forgeries : ["ok", "ok", "ok", "ok", "ok", ...forgeries])),
      fc.nat(),
    )
    .map(([parts, forgery, cut]) => {
      const body = multipartBody(parts, boundary);
      switch (forgery) {
        case "wrong-boundary":
          return { payload: body, contentType: "multipart/form-data; boundary=other" };
        case "no-boundary":
          return { payload: body, contentType: "multipart/form-data" };
        case "truncated":
          return { payload: body.subarray(0, cut % Math.max(1, body.length)), contentType: good };
        case "unterminated":
          return { payload: multipartBody(parts, boundary, false), contentType: good };
        case "seven-photos":
          return {
            payload: multipartBody(
              [
                ...parts,
                ...Array.from({ length: 7 }, () => ({
                  name: "photos",
                  filename: "p.jpg",
                  type: "image/jpeg",
                  bytes: jpeg,
                })),
              ],
              boundary,
            ),
            contentType: good,
          };
        case "json":
          return {
            payload: JSON.stringify(
              Object.fromEntries(parts.map((p) => [p.name, "value" in p ? p.value : "x"])),
            ),
            contentType: "application/json",
          };
        case "urlencoded":
          return { payload: "storeCode=x&category=y", contentType: "application/x-www-form-urlencoded" };
        case "garbage":
          return {
            payload: `--${boundary}\r\nContent-Disposition: form-data; name="\u0000"\r\n\r\n`,
            contentType: good,
          };
        default:
          return { payload: body, contentType: good };
      }
    });
}

/** The rating form of the scan page (urlencoded), with hostile fields. */
const rateForm = fc
  .record(
    {
      stars: fc.oneof(fc.constantFrom("1", "5", "0", "6", "x", "", "５"), nastyString),
      comment: fc.oneof(fc.string({ maxLength: 40 }), nastyString),
      lang: fc.constantFrom("en", "zh-CN", "xx", "<script>"),
    },
    { requiredKeys: [] },
  )
  .map((form) => ({
    payload: Object.entries(form)
      .map(([k, v]) => `${k}=${encodeURIComponent(v.replace(/[\uD800-\uDFFF]/g, "?"))}`)
      .join("&"),
    contentType: "application/x-www-form-urlencoded",
  }));

/** A request for the route: often schema-valid (to reach the service), often hostile; `invalid` forces a bad body. */
function requestFor(route: FuzzRoute, { invalid = false } = {}): fc.Arbitrary<FuzzRequest> {
  const name = routeName(route);
  const body =
    route.method === "GET"
      ? fc.constant(undefined)
      : COMPLAINT_ROUTES.has(name)
        ? complaintBody({ invalid })
        : name === "POST /s/:code/rate"
          ? invalid
            ? rateForm.map((form) => ({ ...form, payload: `stars=9&${form.payload}` }))
            : fc.oneof(rateForm, jsonBody(route, known))
          : route.body
            ? jsonBody(route, known, { invalid })
            : fc.constant(undefined);
  const headers = fc.oneof({ weight: 3, arbitrary: fc.constant({}) }, { weight: 2, arbitrary: oddHeaders });
  const method = fc.oneof(
    { weight: 12, arbitrary: fc.constant(route.method) },
    { weight: 1, arbitrary: fc.constantFrom("PUT", "PATCH", "DELETE", "OPTIONS") },
  );
  return fc.tuple(urlFor(route, known), body, headers, method).map(([url, b, h, m]) =>
    fuzzRequest(route, {
      method: m as InjectOptions["method"],
      url,
      ...(b ? { payload: b.payload } : {}),
      headers: { ...(b ? { "content-type": b.contentType } : {}), ...h },
    }),
  );
}

/** Slow by design or by size (API documents, scrypt, QR images): drawn less often to keep the file fast. */
const SLOW_ROUTES = new Set([
  "GET /api/docs/yaml",
  "GET /api/docs/json",
  "POST /api/v1/auth/login",
  "GET /api/v1/certificates/:licenseNo/qr.png",
]);

describe("fuzzing the public routes (SECURITY.md #7, #9, #10; ASVS 5.1.2–5.1.4, 5.3.4, 12.2.1, 13.2.5)", () => {
  let routes: FuzzRoute[];
  beforeAll(() => {
    routes = fuzzRoutes(t.app).filter((route) => "public" in route.policy);
  });

  it("every public route, mixed valid and hostile requests: no 5xx, no leak, problem+json errors", async () => {
    expect(routes.length).toBeGreaterThan(30);
    const unreached = await fuzzMixed(t.app, counter, {
      label: "fuzz-public",
      routes,
      requestFor: (route) => requestFor(route),
      slow: SLOW_ROUTES,
      weight: 10,
      seed: SEED,
      numRuns: FUZZ_RUNS,
    });
    expect(unreached).toEqual([]);
  }, 300_000);

  it("refused public writes leave the database unchanged (row counts of every table, last audit seq)", async () => {
    const writes = routes.filter(
      (route) => route.method !== "GET" && !AUDITED_REFUSALS.has(routeName(route)),
    );
    expect(writes.length).toBeGreaterThan(4);
    const compared = await fuzzRefusedWrites(t.app, counter, {
      request: fc.oneof(...writes.map((route) => requestFor(route, { invalid: true }))),
      fingerprint,
      seed: SEED + 1,
      numRuns: FUZZ_WRITE_RUNS,
    });
    expect(compared).toBeGreaterThan(FUZZ_WRITE_RUNS / 2);
  }, 300_000);

  it("regression examples: requests that once answered 500", async () => {
    const boundary = "----shian-fuzz-boundary";
    const core: Part[] = [
      { name: "storeCode", value: known.code![0]! },
      { name: "category", value: CATEGORY_CODES[0]! },
    ];
    const parts = multipartBody(core, boundary);
    const post = (route: string, url: string, payload: Buffer | string, contentType: string) => ({
      route,
      options: { method: "POST", url, payload, headers: { "content-type": contentType } } as InjectOptions,
    });
    const get = (url: string) => ({ route: `GET ${url.split("?")[0]}`, options: { url } });
    const complaints = "/api/v1/public/complaints";
    const complaintRoute = `POST ${complaints}`;
    const multipart = `multipart/form-data; boundary=${boundary}`;
    const json = "application/json";
    // Each once answered 500; now 400.
    const cases = [
      // busboy's "Multipart: Boundary not found" and "Unexpected end of form" were plain Errors (http/multipart.ts).
      post(complaintRoute, complaints, parts, "multipart/form-data"),
      post(complaintRoute, complaints, parts.subarray(0, 60), multipart),
      post("POST /s/:code/complaint", `/s/${known.code![0]}/complaint`, parts, "multipart/form-data"),
      // NUL in a multipart field reached PostgreSQL.
      post(
        complaintRoute,
        complaints,
        multipartBody([...core, { name: "description", value: "a\u0000b" }], boundary),
        multipart,
      ),
      // ajv coerced "1e400" and "Infinity" to an integer past minimum/maximum (http/validation.ts).
      get("/api/v1/public/lists?limit=1e400"),
      get("/api/v1/open/inspections?limit=Infinity"),
      // Six digits that match the pattern but are no GB/T 2260 code threw a RangeError (http/region-query.ts).
      get("/api/v1/public/lists?region=892620"),
      get("/api/v1/public/notices?region=104021"),
      get("/api/v1/public/draw-commitments?region=843360"),
      // NUL and lone surrogates in JSON text reached PostgreSQL (http/validation.ts).
      post("POST /api/v1/auth/login", "/api/v1/auth/login", '{"username":"\\u0000","password":"o"}', json),
      post("POST /api/v1/auth/login", "/api/v1/auth/login", '{"username":"x\\udfffy","password":"y"}', json),
    ];
    for (const { route, options } of cases) {
      const target = routes.find((r) => routeName(r) === route)!;
      const response = await send(t.app, counter, target, options);
      expect({ route, url: options.url, status: response.statusCode }).toEqual({
        route,
        url: options.url,
        status: 400,
      });
    }
  });

  it("the app still answers /healthz, and the file sent at least 5 000 requests", async () => {
    const health = await t.app.inject({ url: "/healthz" });
    expect(health.statusCode).toBe(200);
    counter.requests += 1;
    expect(reportTotals("fuzz-public", counter)).toBeGreaterThanOrEqual(FUZZ_MIN_REQUESTS);
  });
});
