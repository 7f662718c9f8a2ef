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
  collected,
  fingerprintDiff,
  fingerprintQuery,
  fuzzRequest,
  fuzzRoutes,
  jsonBody,
  multipartBody,
  nastyString,
  newCounter,
  oddHeaders,
  routeName,
  send,
  urlFor,
  type FuzzRequest,
  type FuzzRoute,
  type KnownValues,
  type Part,
} from "../test/fuzz-kit.js";
import { applyAndApprove } from "../test/licensing-flow.js";
import { licensingCast } from "../test/officers.js";
import { createTestApp, type TestApp } from "../test/test-app.js";

/**
 * Fuzzing of every public route (SECURITY.md #7, #8, #9, #10; ASVS 5.1.2–5.1.4, 5.3.4, 12.1.1, 12.2.1, 13.2.2,
 * 13.2.5; 等保 8.1.4.4d): scan pages, /v/{token}, the verify API, complaints (multipart with photos), ratings,
 * public lists, open data, trace pages, display boards, health. Each generated batch must get no 5xx, no leak,
 * problem+json errors, and must leave the database as it was when every request of it was refused.
 */

const SEED = 20_261_208;
/** Batches of up to 12 requests: ~6.5 requests a run on average. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 620);
/** Batches of 10 to 20 refused writes, each between two database fingerprints. */
const WRITE_RUNS = 80;
const MIN_REQUESTS = 5_000;

let t: TestApp;
const counter = newCounter();
const known: KnownValues = {};
let fingerprint: () => Promise<string>;
let jpeg: Buffer;
const oversized = Buffer.alloc(MAX_UPLOAD_BYTES + 1, 0x41);

beforeAll(async () => {
  const started = Date.now();
  t = await createTestApp({
    PUBLIC_RATE_LIMIT: "1000000",
    COMPLAINT_RATE_LIMIT: "1000000",
    ...(process.env.FUZZ_LOG ? { LOG_LEVEL: "error" } : {}),
  });
  const db = t.database.db;
  const { owner, officers, store } = await licensingCast(t.app, db, "440106", "fuzz");
  const approved = await applyAndApprove(owner, officers, {
    kind: "new",
    licenseType: "JY",
    storeId: store.id,
    businessForm: "catering",
    subtype: "restaurant_small",
    items: [{ code: "hot_food" }],
  });
  const licenseNo = (await owner.inject({ url: `/api/v1/licenses/${approved.licenseId}` })).json()
    .number as string;
  const token = (await owner.inject({ url: `/api/v1/certificates/${licenseNo}` })).json().token as string;
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

/** Sends a batch; true when every write in it was refused (and none is audited by design). */
async function sendBatch(batch: FuzzRequest[]): Promise<boolean> {
  let writesRefused = true;
  for (const { route, options } of batch) {
    const response = await send(t.app, counter, route, options);
    if ((response.statusCode < 400 && options.method !== "GET") || AUDITED_REFUSALS.has(routeName(route)))
      writesRefused = false;
  }
  return writesRefused;
}

describe("fuzzing the public routes (SECURITY.md #7, #9, #10; ASVS 5.1.2–5.1.4, 5.3.4, 12.2.1, 13.2.5)", () => {
  let routes: FuzzRoute[];
  beforeAll(() => {
    routes = fuzzRoutes(t.app).filter((route) => "public" in route.policy);
  });

  it("every public route, mixed valid and hostile requests: no 5xx, no leak, problem+json errors", async () => {
    expect(routes.length).toBeGreaterThan(30);
    const request = fc.oneof(
      ...routes.map((route) => ({
        weight: SLOW_ROUTES.has(routeName(route)) ? 1 : 10,
        arbitrary: requestFor(route),
      })),
    );
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(fc.array(request, { minLength: 1, maxLength: 12 }), async (batch) => {
        await sendBatch(batch);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    console.info(`fuzz-public: mixed ${counter.requests} requests in ${Date.now() - started} ms`);
    if (process.env.FUZZ_COLLECT) {
      console.info(collected.join("\n"));
      const slow = [...counter.ms].sort(([, a], [, b]) => b - a).slice(0, 15);
      console.info(
        slow.map(([name, ms]) => `${Math.round(ms)} ms ${counter.byRoute.get(name)} × ${name}`).join("\n"),
      );
    }
    expect(routes.filter((route) => !counter.byRoute.has(routeName(route))).map(routeName)).toEqual([]);
  }, 300_000);

  it("refused public writes leave the database unchanged (row counts of every table, last audit seq)", async () => {
    const writes = routes.filter(
      (route) => route.method !== "GET" && !AUDITED_REFUSALS.has(routeName(route)),
    );
    expect(writes.length).toBeGreaterThan(4);
    const request = fc.oneof(...writes.map((route) => requestFor(route, { invalid: true })));
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(request, { minLength: 10, maxLength: 20 }), async (batch) => {
        const before = await fingerprint();
        const refused = await sendBatch(batch);
        if (!refused) return;
        compared += 1;
        const changed = fingerprintDiff(before, await fingerprint());
        if (changed.length) throw new Error(`refused requests changed the database: ${changed.join("; ")}`);
      }),
      { seed: SEED + 1, numRuns: WRITE_RUNS, endOnFailure: true },
    );
    expect(compared).toBeGreaterThan(WRITE_RUNS / 2);
  }, 300_000);

  it("regression examples: requests that once answered 500", async () => {
    const boundary = "----shian-fuzz-boundary";
    const parts = multipartBody(
      [
        { name: "storeCode", value: known.code![0]! },
        { name: "category", value: CATEGORY_CODES[0]! },
      ],
      boundary,
    );
    const cases: { route: string; options: InjectOptions; status: number }[] = [
      // busboy's "Multipart: Boundary not found" and "Unexpected end of form" were plain Errors (http/multipart.ts).
      {
        route: "POST /api/v1/public/complaints",
        status: 400,
        options: {
          method: "POST",
          url: "/api/v1/public/complaints",
          payload: parts,
          headers: { "content-type": "multipart/form-data" },
        },
      },
      {
        route: "POST /api/v1/public/complaints",
        status: 400,
        options: {
          method: "POST",
          url: "/api/v1/public/complaints",
          payload: parts.subarray(0, 60),
          headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
        },
      },
      {
        route: "POST /s/:code/complaint",
        status: 400,
        options: {
          method: "POST",
          url: `/s/${known.code![0]}/complaint`,
          payload: parts,
          headers: { "content-type": "multipart/form-data" },
        },
      },
      // NUL in a multipart field reached PostgreSQL.
      {
        route: "POST /api/v1/public/complaints",
        status: 400,
        options: {
          method: "POST",
          url: "/api/v1/public/complaints",
          payload: multipartBody(
            [
              { name: "storeCode", value: known.code![0]! },
              { name: "category", value: CATEGORY_CODES[0]! },
              { name: "description", value: "a\u0000b" },
            ],
            boundary,
          ),
          headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
        },
      },
      // ajv coerced "1e400" and "Infinity" to an integer past minimum/maximum (http/validation.ts).
      {
        route: "GET /api/v1/public/lists",
        status: 400,
        options: { url: "/api/v1/public/lists?limit=1e400" },
      },
      {
        route: "GET /api/v1/open/inspections",
        status: 400,
        options: { url: "/api/v1/open/inspections?limit=Infinity" },
      },
      // Six digits that match the pattern but are no GB/T 2260 code threw a RangeError (http/region-query.ts).
      {
        route: "GET /api/v1/public/lists",
        status: 400,
        options: { url: "/api/v1/public/lists?region=892620" },
      },
      {
        route: "GET /api/v1/public/notices",
        status: 400,
        options: { url: "/api/v1/public/notices?region=104021" },
      },
      {
        route: "GET /api/v1/public/draw-commitments",
        status: 400,
        options: { url: "/api/v1/public/draw-commitments?region=843360" },
      },
      // NUL and lone surrogates in JSON text reached PostgreSQL (http/validation.ts).
      {
        route: "POST /api/v1/auth/login",
        status: 400,
        options: {
          method: "POST",
          url: "/api/v1/auth/login",
          payload: '{"username":"\\u0000","password":"o"}',
          headers: { "content-type": "application/json" },
        },
      },
      {
        route: "POST /api/v1/auth/login",
        status: 400,
        options: {
          method: "POST",
          url: "/api/v1/auth/login",
          payload: '{"username":"x\\udfffy","password":"y"}',
          headers: { "content-type": "application/json" },
        },
      },
    ];
    for (const { route, options, status } of cases) {
      const target = routes.find((r) => routeName(r) === route)!;
      const response = await send(t.app, counter, target, options);
      expect({ route, url: options.url, status: response.statusCode }).toEqual({
        route,
        url: options.url,
        status,
      });
    }
  });

  it("the app still answers /healthz, and the file sent at least 5 000 requests", async () => {
    const health = await t.app.inject({ url: "/healthz" });
    expect(health.statusCode).toBe(200);
    counter.requests += 1;
    const statuses = Object.fromEntries([...counter.statuses].sort(([a], [b]) => a - b));
    console.info(`fuzz-public: ${counter.requests} requests, statuses ${JSON.stringify(statuses)}`);
    expect(counter.requests).toBeGreaterThanOrEqual(MIN_REQUESTS);
  });
});
