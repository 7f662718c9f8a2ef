import fc from "fast-check";
import { sql } from "drizzle-orm";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import type { Database } from "../db/client.js";
import type { RoutePolicy } from "../http/route-policy.js";
import { createTestApp, type TestApp } from "./test-app.js";

/**
 * Building blocks of the HTTP fuzz tests (SECURITY.md #7 and #9; ASVS 5.1.2–5.1.4, 5.3.4, 13.2.2; 等保 8.1.4.4d):
 * generators of hostile requests derived from the route table and the routes' TypeBox schemas, the reply checks
 * (no 5xx, no leak, problem+json) and a cheap database fingerprint.
 *
 * Debugging knobs (never set in CI): FUZZ_RUNS=n (runs of the mixed properties), FUZZ_LOG=1 (server errors with
 * their stacks on stdout), FUZZ_COLLECT=1 (list every problem and the slowest routes instead of failing at once).
 */

type Schema = Record<string, unknown>;

export interface FuzzRoute {
  method: string;
  /** The route pattern, e.g. /api/v1/stores/:id */
  url: string;
  policy: RoutePolicy;
  body: Schema | undefined;
  querystring: Schema | undefined;
  params: Schema | undefined;
}

/** Every route of the app but HEAD (a copy of GET), with its policy and request schemas. */
export function fuzzRoutes(app: FastifyInstance): FuzzRoute[] {
  return app.routeTable.flatMap((route) =>
    [route.method]
      .flat()
      .filter((method) => method !== "HEAD")
      .map((method) => ({
        method,
        url: route.url,
        policy: route.config!.policy!,
        body: route.schema?.body as Schema | undefined,
        querystring: route.schema?.querystring as Schema | undefined,
        params: route.schema?.params as Schema | undefined,
      })),
  );
}

export const routeName = (route: Pick<FuzzRoute, "method" | "url">) => `${route.method} ${route.url}`;

// ——— hostile text ———

export const SQL_INJECTION = [
  "' OR '1'='1",
  "1; DROP TABLE users; --",
  '" OR 1=1 --',
  "'; select pg_sleep(0); --",
  "1' UNION SELECT null, version() --",
  "admin'--",
  "%' and 1=0 union select table_name from information_schema.tables --",
  "$1",
  "E'\\x00'",
  "'||(select current_user)||'",
];

export const HTML_INJECTION = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "</title><svg/onload=alert(1)>",
  "<!--",
  "{{7*7}}",
  "${7*7}",
  "%s%n%x",
];

export const PATH_TRAVERSAL = [
  "../../etc/passwd",
  "..\\..\\windows\\win.ini",
  "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
  "..%2f..%2f..%2fetc%2fpasswd",
  "/etc/passwd\u0000.jpg",
  "....//....//etc/passwd",
  "%00",
  "file:///etc/passwd",
];

export const UNICODE_EDGES = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "x\uDFFFy",
  "\uDBFF\uDBFF",
  "\u202Eevil\u202C",
  "مرحبا بالعالم",
  "\u200B\u200C\u200D\uFEFF",
  "😀👨‍👩‍👧‍👦🏳️‍🌈",
  "１２３４５６７８９０",
  "𝟙𝟚𝟛",
  "İıß",
  "\r\n\t\u000b\f",
  "\u0085\u2028\u2029",
  "e\u0301\u0301\u0301",
  "\uFFFD\uFFFE\uFFFF",
  "中".repeat(2000),
  "a".repeat(5000),
  "9".repeat(400),
];

const ODD_SCALARS = [
  "NaN",
  "Infinity",
  "-0",
  "1e309",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "__proto__",
  "\\",
  "0x7f",
];

export const EDGE_STRINGS = [
  ...SQL_INJECTION,
  ...HTML_INJECTION,
  ...PATH_TRAVERSAL,
  ...UNICODE_EDGES,
  ...ODD_SCALARS,
];

/** A hostile string: a known edge case, a random full-Unicode string, or both glued together. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...EDGE_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...EDGE_STRINGS), fc.string({ maxLength: 8 }), fc.constantFrom(...EDGE_STRINGS))
      .map(([a, b, c]) => a + b + c),
  },
);

/** A value of the wrong JSON type (or a hostile string). */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, 2 ** 53 + 1, -1e308, [], {}, [null], { $gt: "" }),
  nastyString,
  fc.array(nastyString, { maxLength: 3 }),
);

// ——— schema-derived values ———

function clampString(value: string, schema: Schema): string {
  const max = typeof schema.maxLength === "number" ? schema.maxLength : Infinity;
  const min = typeof schema.minLength === "number" ? schema.minLength : 0;
  let out = [...value].slice(0, max).join("");
  while ([...out].length < min) out += "a";
  return out;
}

function stringFor(schema: Schema, known: KnownValues, name: string | undefined): fc.Arbitrary<string> {
  const fromKnown = name && known[name]?.length ? [fc.constantFrom(...known[name])] : [];
  const format = schema.format;
  let base: fc.Arbitrary<string>;
  if (format === "uuid") base = fc.uuid();
  else if (format === "date")
    base = fc
      .date({ min: new Date(2000, 0, 1), max: new Date(2040, 0, 1), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  else if (format === "date-time")
    base = fc
      .date({ min: new Date(2000, 0, 1), max: new Date(2040, 0, 1), noInvalidDate: true })
      .map((d) => d.toISOString());
  else if (format === "email") base = fc.emailAddress();
  else if (format === "uri") base = fc.webUrl();
  else if (typeof schema.pattern === "string") {
    const pattern = new RegExp(schema.pattern, "u");
    base = fc
      .stringMatching(pattern)
      .filter((s) => pattern.test(clampString(s, schema)))
      .map((s) => clampString(s, schema));
  } else {
    base = fc.oneof(
      fc.string({
        minLength: (schema.minLength as number) ?? 0,
        maxLength: Math.min((schema.maxLength as number) ?? 40, 40),
      }),
      nastyString.map((s) => clampString(s, schema)),
    );
  }
  return fromKnown.length
    ? fc.oneof({ weight: 2, arbitrary: fromKnown[0]! }, { weight: 1, arbitrary: base })
    : base;
}

/** Field values that reach the services: real ids of the fixture by field name (storeId, code, …). */
export type KnownValues = Record<string, string[]>;

/** A value that satisfies the JSON schema (TypeBox) most of the time, with edge-case strings inside. */
export function fromSchema(
  schema: Schema | undefined,
  known: KnownValues = {},
  name?: string,
  depth = 0,
): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.jsonValue({ maxDepth: 2 });
  if ("const" in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const alternatives = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (alternatives?.length)
    return fc.oneof(...alternatives.map((s) => fromSchema(s, known, name, depth + 1)));
  if (Array.isArray(schema.allOf) && schema.allOf.length)
    return fromSchema(schema.allOf[0] as Schema, known, name, depth + 1);
  const type = schema.type;
  if (Array.isArray(type))
    return fc.oneof(
      ...(type as string[]).map((t) => fromSchema({ ...schema, type: t }, known, name, depth + 1)),
    );
  switch (type) {
    case "null":
      return fc.constant(null);
    case "boolean":
      return fc.boolean();
    case "string":
      return stringFor(schema, known, name);
    case "integer": {
      const min = (schema.minimum as number | undefined) ?? -1_000_000;
      const max = (schema.maximum as number | undefined) ?? 1_000_000;
      return fc.oneof(fc.integer({ min, max }), fc.constantFrom(min, max));
    }
    case "number": {
      const min = (schema.minimum as number | undefined) ?? -1e6;
      const max = (schema.maximum as number | undefined) ?? 1e6;
      return fc.oneof(
        fc.double({ min, max, noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom(min, max),
      );
    }
    case "array": {
      const minLength = Math.min((schema.minItems as number | undefined) ?? 0, 20);
      const maxLength = Math.max(minLength, Math.min((schema.maxItems as number | undefined) ?? 4, 4));
      return fc.array(fromSchema(schema.items as Schema, known, name, depth + 1), { minLength, maxLength });
    }
    case "object": {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      const required = (schema.required ?? []) as string[];
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, value] of Object.entries(properties))
        record[key] = fromSchema(value, known, key, depth + 1);
      return fc.record(record, { requiredKeys: required.filter((key) => key in record) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A schema-derived object with one mistake: a field removed, a wrong type, an unknown field or an edge string. */
export function mutated(schema: Schema | undefined, known: KnownValues): fc.Arbitrary<unknown> {
  return fc
    .tuple(fromSchema(schema, known), fc.nat(), fc.integer({ min: 0, max: 3 }), wrongValue, nastyString)
    .map(([value, pick, how, wrong, extraKey]) => {
      if (value === null || typeof value !== "object" || Array.isArray(value)) return wrong;
      const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      const keys = Object.keys(copy);
      const key = keys.length ? keys[pick % keys.length]! : undefined;
      if (how === 0 && key) delete copy[key];
      else if (how === 1 && key) copy[key] = wrong;
      else if (how === 2 && key) copy[key] = typeof wrong === "string" ? wrong : String(wrong);
      else copy[extraKey || "extra"] = wrong;
      return copy;
    });
}

// ——— request pieces ———

/** Raw bodies that are not valid JSON, or JSON of the wrong shape. */
export const BAD_JSON_TEXT = [
  "",
  "{",
  '{"a":',
  "[1,2",
  "nul",
  "{'single':'quotes'}",
  '{"a":1,}',
  '"\\ud800"',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"a":1,"a":2}',
  "1e999999",
  "42",
  "null",
  "[]",
  '"text"',
  "\uFEFF{}",
  "{\u0000}",
  "[".repeat(5000) + "]".repeat(5000),
  '{"a":"\\u0000"}',
];

export const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "application/json; charset=utf-16",
  "APPLICATION/JSON",
  "application/json;;;",
  "application/problem+json",
  "application/x-www-form-urlencoded",
  "text/plain",
  "text/csv",
  "text/html",
  "multipart/form-data",
  "multipart/form-data; boundary=",
  "application/xml",
  "image/jpeg",
  "*/*",
  "garbage",
  "",
];

/** Header values Node accepts on the wire (tab, printable ASCII, Latin-1): hostile strings squeezed into them. */
export function headerSafe(value: string): string {
  return value.replace(/[^\t\x20-\x7e\x80-\xff]/g, "?");
}

const headerText = nastyString.map(headerSafe);

/** Odd but transmittable request headers: Accept-Language, cookies, API key, request id, idempotency key, … */
export const oddHeaders: fc.Arbitrary<Record<string, string>> = fc.record(
  {
    "accept-language": fc.oneof(
      fc.constantFrom("en", "zh-CN", "*", "xx-YY;q=2", "en;q=abc", ",,,;;;", "zh-CN;q=0.9,".repeat(800)),
      headerText,
    ),
    cookie: fc.oneof(
      fc.constantFrom(
        "shian_sid=garbage",
        "shian_sid=",
        "shian_sid=%",
        "shian_sid=" + "A".repeat(4096),
        "a=b; ; ;=; shian_sid",
        "__Host-shian_sid=x; shian_sid=y",
        "shian_device=../../etc/passwd",
      ),
      headerText.map((v) => `shian_sid=${v}`),
    ),
    "x-api-key": fc.oneof(fc.constantFrom("", "x", "k".repeat(5000), "null"), headerText),
    "x-request-id": fc.oneof(
      fc.constantFrom("", "short", "r".repeat(500), "../../etc", "<script>"),
      headerText,
    ),
    "idempotency-key": fc.oneof(fc.constantFrom("", " ", "i".repeat(2000), "null"), headerText),
    "x-csrf-token": headerText,
    "if-none-match": fc.oneof(fc.constantFrom("*", 'W/"x"', '"' + "e".repeat(300) + '"'), headerText),
    accept: fc.constantFrom("*/*", "application/json", "text/html", "application/xml", "image/*", ";;;"),
    "x-forwarded-for": fc.constantFrom("127.0.0.1, 10.0.0.1", "not-an-ip", "::1", "999.999.999.999"),
  },
  { requiredKeys: [] },
);

/** A path parameter: valid for its schema (often a real fixture value), hostile, or traversal; ready for a URL. */
export function paramValue(
  schema: Schema | undefined,
  known: KnownValues,
  name: string,
): fc.Arbitrary<string> {
  const propertySchema = ((schema?.properties ?? {}) as Record<string, Schema>)[name];
  const valid = fromSchema(propertySchema ?? { type: "string" }, known, name).map((v) =>
    safeEncode(String(v)),
  );
  const raw = fc.constantFrom(
    "..%2f..%2fetc%2fpasswd",
    "%2e%2e%2f%2e%2e%2f",
    "%00",
    "%ZZ",
    "%",
    "..",
    "%C0%AE%C0%AE",
    "%ED%A0%80",
    "a%2Fb",
    "x".repeat(1200),
  );
  return fc.oneof(
    { weight: 3, arbitrary: valid },
    { weight: 2, arbitrary: nastyString.map(safeEncode) },
    { weight: 1, arbitrary: raw },
  );
}

/** encodeURIComponent that survives lone surrogates (encodes them as their raw, invalid UTF-8 bytes). */
export function safeEncode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return value
      .split("")
      .map((c) => {
        try {
          return encodeURIComponent(c);
        } catch {
          return "%ED%A0%80";
        }
      })
      .join("");
  }
}

/** A query string: schema-derived (often valid), with hostile values, repeated keys or broken encoding. */
export function queryString(schema: Schema | undefined, known: KnownValues): fc.Arbitrary<string> {
  const fromProps = fromSchema(schema ?? { type: "object", properties: {} }, known).map((value) => {
    if (!value || typeof value !== "object") return "";
    return Object.entries(value as Record<string, unknown>)
      .map(
        ([k, v]) => `${safeEncode(k)}=${safeEncode(typeof v === "string" ? v : (JSON.stringify(v) ?? ""))}`,
      )
      .join("&");
  });
  const keys = Object.keys((schema?.properties ?? {}) as object);
  const hostile = fc
    .tuple(fc.constantFrom("x", "lang", "__proto__", "a[]", ...keys), nastyString)
    .map(([k, v]) => `${safeEncode(k)}=${safeEncode(v)}`);
  const raw = fc.constantFrom(
    "%",
    "a=%ZZ",
    "a=1&a=2&a=3",
    "=&=&",
    "lang=en&lang=zh-CN",
    "a".repeat(3000),
    "x=%00",
    "limit=-1&offset=99999999999999999999",
    "limit=1e400",
  );
  return fc
    .oneof(
      { weight: 2, arbitrary: fromProps },
      { weight: 1, arbitrary: hostile },
      { weight: 1, arbitrary: raw },
      fc.constant(""),
    )
    .map((q) => (q ? `?${q}` : ""));
}

/** A URL for the route with generated path parameters and query string. */
export function urlFor(route: FuzzRoute, known: KnownValues): fc.Arbitrary<string> {
  const names = [...route.url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
  const params = fc.tuple(...names.map((name) => paramValue(route.params, known, name)));
  const wildcard = fc.oneof(
    fc.constantFrom("", "index.html", "../../package.json", "%2e%2e/%2e%2e/etc/passwd", "a/b/c"),
    nastyString.map(safeEncode),
  );
  return fc.tuple(params, wildcard, queryString(route.querystring, known)).map(([values, star, query]) => {
    let i = 0;
    const path = route.url.replace(/:([A-Za-z]+)/g, () => values[i++]!).replace("*", star);
    return path + query;
  });
}

/** A JSON (or not-JSON) body for a route with a body schema, and its Content-Type. */
export function jsonBody(
  route: FuzzRoute,
  known: KnownValues,
  { invalid = false }: { invalid?: boolean } = {},
): fc.Arbitrary<{ payload: string | Buffer; contentType: string }> {
  const json = (value: unknown) => ({
    payload: JSON.stringify(value) ?? "null",
    contentType: "application/json",
  });
  const firstStringField =
    Object.entries((route.body?.properties ?? {}) as Record<string, Schema>).find(
      ([, s]) => s.type === "string",
    )?.[0] ?? "text";
  return fc.oneof(
    { weight: invalid ? 0 : 4, arbitrary: fromSchema(route.body, known).map(json) },
    { weight: 4, arbitrary: mutated(route.body, known).map(json) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(...BAD_JSON_TEXT)
        .map((payload) => ({ payload, contentType: "application/json" })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fromSchema(route.body, known), fc.constantFrom(...CONTENT_TYPES))
        .map(([value, contentType]) => ({ payload: JSON.stringify(value) ?? "", contentType })),
    },
    {
      // Huge strings around the 1 MiB body limit (JSON_BODY_LIMIT): just under, at, and over.
      weight: 1,
      arbitrary: fc
        .tuple(
          fromSchema(route.body, known),
          fc.constantFrom(1024 * 1024 - 64, 1024 * 1024 - 20, 1024 * 1024 + 1, 1024 * 1024 * 2),
          fc.constantFrom("x", "中", "\u0000"),
        )
        .map(([value, size, unit]) => {
          const base = value && typeof value === "object" && !Array.isArray(value) ? value : {};
          const filler = unit.repeat(
            Math.floor(size / Buffer.byteLength(unit === "\u0000" ? "\\u0000" : unit)),
          );
          return json({ ...(base as object), [firstStringField]: filler });
        }),
    },
  );
}

// ——— multipart ———

export { multipartBody, type Part } from "./uploads.js";

// ——— sending and checking ———

/** Text that must never reach a client: stack frames, source paths, driver and SQL errors. */
export const LEAK_MARKERS = [
  "    at ",
  "/src/",
  "node_modules",
  "syntax error at or near",
  "violates ",
  "duplicate key value",
  "invalid input syntax",
  "invalid byte sequence",
  "Failed query",
  "unterminated quoted",
  'relation "',
  "PGlite",
  "ECONNREFUSED",
  "TypeError",
  "ReferenceError",
  "Cannot read prop",
];

const BINARY_TYPES = /^(image\/|application\/(pdf|zip|octet-stream|vnd\.openxmlformats))/;

export interface Counter {
  requests: number;
  byRoute: Map<string, number>;
  statuses: Map<number, number>;
  /** Time spent per route, to keep the files fast. */
  ms: Map<string, number>;
}

export function newCounter(): Counter {
  return { requests: 0, byRoute: new Map(), statuses: new Map(), ms: new Map() };
}

/**
 * The properties of every reply: never a 5xx; no stack trace, source path or SQL error in it; an error reply
 * is problem+json (an HTML page route may answer its errors with an HTML page instead).
 */
export function replyProblems(route: FuzzRoute, response: LightMyRequestResponse): string[] {
  const problems: string[] = [];
  const status = response.statusCode;
  // The web shell answers 503 text/plain while packages/web is not built (tests run without it): environment.
  const unbuiltShell = status === 503 && response.body.startsWith("Web UI not built");
  if (status >= 500 && !unbuiltShell) problems.push(`status ${status}: ${response.body.slice(0, 300)}`);
  const type = String(response.headers["content-type"] ?? "");
  if (!BINARY_TYPES.test(type)) {
    for (const marker of LEAK_MARKERS)
      if (response.body.includes(marker))
        problems.push(`leak ${JSON.stringify(marker)}: ${response.body.slice(0, 300)}`);
  }
  if (status >= 400 && !unbuiltShell) {
    const isPage =
      !route.url.startsWith("/api/") &&
      !route.url.startsWith("/.well-known/") &&
      type.startsWith("text/html");
    if (!type.startsWith("application/problem+json") && !isPage)
      problems.push(`error reply as ${type || "nothing"}`);
  }
  return problems;
}

/** With FUZZ_COLLECT set (debugging), problems are collected here instead of failing the first request. */
export const collected: string[] = [];

export async function send(
  app: FastifyInstance | { inject(options: InjectOptions): Promise<LightMyRequestResponse> },
  counter: Counter,
  route: FuzzRoute,
  options: InjectOptions,
): Promise<LightMyRequestResponse> {
  const started = performance.now();
  const response = await app.inject(options);
  const ms = performance.now() - started;
  counter.ms.set(routeName(route), (counter.ms.get(routeName(route)) ?? 0) + ms);
  counter.requests += 1;
  counter.byRoute.set(routeName(route), (counter.byRoute.get(routeName(route)) ?? 0) + 1);
  counter.statuses.set(response.statusCode, (counter.statuses.get(response.statusCode) ?? 0) + 1);
  const problems = replyProblems(route, response);
  if (problems.length && process.env.FUZZ_COLLECT) {
    collected.push(
      `${routeName(route)} ${problems.join("; ").slice(0, 400)} <= ${String(options.url).slice(0, 100)} ${JSON.stringify(options.headers ?? {}).slice(0, 200)} ${String(options.payload ?? "").slice(0, 300)}`,
    );
    return response;
  }
  if (problems.length)
    throw new Error(
      `${options.method ?? "GET"} ${String(options.url).slice(0, 200)} (${routeName(route)}): ${problems.join("; ")}`,
    );
  return response;
}

/** One generated request, printed short in counterexamples. */
export interface FuzzRequest {
  route: FuzzRoute;
  options: InjectOptions;
}

export function fuzzRequest(route: FuzzRoute, options: InjectOptions): FuzzRequest {
  return {
    route,
    options,
    [fc.toStringMethod]: () => {
      const payload = options.payload === undefined ? "" : ` ${String(options.payload).slice(0, 200)}`;
      return `${options.method ?? "GET"} ${String(options.url).slice(0, 200)} ${JSON.stringify(options.headers ?? {}).slice(0, 300)}${payload}`;
    },
  } as FuzzRequest;
}

// ——— database fingerprint ———

/** Row counts of every table and the last audit sequence number: changes when a request wrote anything. */
export async function fingerprintQuery(db: Database): Promise<() => Promise<string>> {
  const result = (await db.execute(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  )) as unknown as { rows: { table_name: string }[] };
  // certificate_usage is flushed by a timer from in-memory counts of earlier successful verifications.
  const tables = result.rows
    .map((row) => row.table_name)
    .filter((name) => /^[a-z0-9_]+$/.test(name) && name !== "certificate_usage");
  const query = sql.join(
    [
      ...tables.map(
        (name) => sql`select ${name}::text as t, count(*)::bigint as n from ${sql.identifier(name)}`,
      ),
      sql`select 'audit_log.max_seq'::text, coalesce(max(seq), 0)::bigint from audit_log`,
    ],
    sql` union all `,
  );
  return async () => {
    const { rows } = (await db.execute(query)) as unknown as { rows: { t: string; n: string | number }[] };
    return rows.map((row) => `${row.t}=${String(row.n)}`).join(",");
  };
}

/**
 * Refused requests that write by design: a failed sign-in or device authentication is audited (SECURITY.md #4,
 * #14; 等保 8.1.4.3). Batches with one of them are not compared.
 */
export const AUDITED_REFUSALS = new Set([
  "POST /api/v1/auth/login",
  "POST /api/v1/devices/trace-codes",
  "POST /api/v1/devices/events",
]);

/** The tables whose counts differ between two fingerprints. */
export function fingerprintDiff(before: string, after: string): string[] {
  const a = new Map(before.split(",").map((kv) => kv.split("=") as [string, string]));
  return after
    .split(",")
    .map((kv) => kv.split("=") as [string, string])
    .filter(([k, v]) => a.get(k) !== v)
    .map(([k, v]) => `${k}: ${a.get(k)} → ${v}`);
}

// ——— the properties both fuzz files run ———

/** Runs of a mixed property: batches of up to 12 requests, ~6.5 a run on average. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 620);
/** Runs of a refused-writes property: batches of 10 to 20 refused writes, each between two fingerprints. */
export const FUZZ_WRITE_RUNS = 80;
/** What each fuzz file must send at the least. */
export const FUZZ_MIN_REQUESTS = 5_000;

/** A test app for fuzzing: rate limits out of the way; server errors on stdout only with FUZZ_LOG. */
export function createFuzzApp(env: Record<string, string> = {}): Promise<TestApp> {
  return createTestApp({
    PUBLIC_RATE_LIMIT: "1000000",
    ...env,
    ...(process.env.FUZZ_LOG ? { LOG_LEVEL: "error" } : {}),
  });
}

/** Sends a batch; true when every write in it was refused (and none is audited by design). */
export async function sendBatch(
  app: FastifyInstance,
  counter: Counter,
  batch: FuzzRequest[],
): Promise<boolean> {
  let writesRefused = true;
  for (const { route, options } of batch) {
    const response = await send(app, counter, route, options);
    if ((response.statusCode < 400 && options.method !== "GET") || AUDITED_REFUSALS.has(routeName(route)))
      writesRefused = false;
  }
  return writesRefused;
}

/**
 * The mixed property: batches of 1 to 12 requests drawn over `routes` (slow ones with weight 1). Returns the
 * routes no request reached, which the caller expects to be none.
 */
export async function fuzzMixed(
  app: FastifyInstance,
  counter: Counter,
  options: {
    label: string;
    routes: FuzzRoute[];
    requestFor: (route: FuzzRoute) => fc.Arbitrary<FuzzRequest>;
    slow: ReadonlySet<string>;
    weight: number;
    seed: number;
    numRuns: number;
  },
): Promise<string[]> {
  const request = fc.oneof(
    ...options.routes.map((route) => ({
      weight: options.slow.has(routeName(route)) ? 1 : options.weight,
      arbitrary: options.requestFor(route),
    })),
  );
  const started = Date.now();
  await fc.assert(
    fc.asyncProperty(fc.array(request, { minLength: 1, maxLength: 12 }), async (batch) => {
      await sendBatch(app, counter, batch);
    }),
    { seed: options.seed, numRuns: options.numRuns, endOnFailure: true },
  );
  console.info(`${options.label}: mixed ${counter.requests} requests in ${Date.now() - started} ms`);
  if (process.env.FUZZ_COLLECT) {
    console.info(collected.join("\n"));
    const slow = [...counter.ms].sort(([, a], [, b]) => b - a).slice(0, 15);
    console.info(
      slow.map(([name, ms]) => `${Math.round(ms)} ms ${counter.byRoute.get(name)} × ${name}`).join("\n"),
    );
  }
  return options.routes.filter((route) => !counter.byRoute.has(routeName(route))).map(routeName);
}

/**
 * Batches of 10 to 20 requests meant to be refused, each sent between two database fingerprints; a batch that
 * was all refused must leave the fingerprint as it was. Returns how many batches were compared.
 */
export async function fuzzRefusedWrites(
  app: FastifyInstance,
  counter: Counter,
  options: {
    request: fc.Arbitrary<FuzzRequest>;
    fingerprint: () => Promise<string>;
    seed: number;
    numRuns: number;
  },
): Promise<number> {
  let compared = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(options.request, { minLength: 10, maxLength: 20 }), async (batch) => {
      const before = await options.fingerprint();
      if (!(await sendBatch(app, counter, batch))) return;
      compared += 1;
      const changed = fingerprintDiff(before, await options.fingerprint());
      if (changed.length) throw new Error(`refused requests changed the database: ${changed.join("; ")}`);
    }),
    { seed: options.seed, numRuns: options.numRuns, endOnFailure: true },
  );
  return compared;
}

/** Logs the tally of statuses; returns how many requests the file sent. */
export function reportTotals(label: string, counter: Counter): number {
  const statuses = Object.fromEntries([...counter.statuses].sort(([a], [b]) => a - b));
  console.info(`${label}: ${counter.requests} requests, statuses ${JSON.stringify(statuses)}`);
  return counter.requests;
}
