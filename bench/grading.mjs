// Monthly grading (月度评级) on PostgreSQL: `runGrading` of every credit model over N generated stores, next to the
// bare SQL aggregate over the same tables (one `group by store_id` per source table, joined), plus the peak RSS of
// the grading process and the 双随机 draw of 20 % of the N stores. Used by run.mjs; also runs alone:
//   node bench/grading.mjs  (N = 1 000 000; BENCH_QUICK=1: N = 20 000; BENCH_GRADING_STORES=n or BENCH_STORES=n overrides)
// Needs the built server (npm run build) and PostgreSQL at BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432);
// it creates and drops the database shian_bench_grading (BENCH_GRADING_KEEP=1 or BENCH_KEEP=1 keeps it for a look).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import pg from "pg";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, "..");
const dist = (file) => pathToFileURL(path.join(root, file)).href;
const DATABASE = "shian_bench_grading";
const serverUrl = (process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432").replace(/\/+$/, "");
const databaseUrl = `${serverUrl}/${DATABASE}`;
const MiB = 1024 * 1024;

/** Guangzhou's districts (reference data loaded by the migration). */
const REGIONS = ["440103", "440104", "440105", "440106", "440111", "440112", "440113", "440114", "440115"];

/** 具体业态 of the register, repeated by weight; `production` stores hold an SC licence, the others JY. */
const SUBTYPES = [
  ...Array(2).fill(["production", "food_production"]),
  ...Array(4).fill(["catering", "small_catering"]),
  ...Array(3).fill(["catering", "restaurant_small"]),
  ...Array(2).fill(["catering", "restaurant_medium"]),
  ["catering", "beverage_shop"],
  ["catering", "bakery"],
  ...Array(3).fill(["food_sales", "grocery"]),
  ["food_sales", "convenience_store"],
  ["food_sales", "supermarket"],
  ["unit_canteen", "school"],
  ["unit_canteen", "staff_canteen"],
];

/** A month's bounds and its 12-month year, as the grading job reads them (China time). */
function periodBounds(period) {
  const [year, month] = period.split("-").map(Number);
  const at = (y, m) =>
    new Date(
      `${y + Math.floor((m - 1) / 12)}-${String(((m - 1) % 12) + 1).padStart(2, "0")}-01T00:00:00+08:00`,
    );
  return { start: at(year, month), end: at(year, month + 1), yearStart: at(year - 1, month + 1) };
}

/** The China calendar day of an instant (China keeps UTC+8 all year). */
const chinaDay = (instant) => new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The last finished month in China time. */
function previousPeriod(now = new Date()) {
  const china = new Date(now.getTime() + 8 * 3_600_000);
  const index = china.getUTCFullYear() * 12 + china.getUTCMonth() - 1;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function recreateDatabase() {
  await withClient(`${serverUrl}/postgres`, async (client) => {
    await client.query(`drop database if exists ${DATABASE} with (force)`);
    await client.query(`create database ${DATABASE}`);
  });
}

async function dropDatabase() {
  await withClient(`${serverUrl}/postgres`, (client) =>
    client.query(`drop database if exists ${DATABASE} with (force)`),
  );
}

/** Applies the server's migrations and reference data through its own runtime. */
async function migrate() {
  const { loadConfig } = await import(dist("packages/server/dist/config.js"));
  const { openMigratedDatabase } = await import(dist("packages/server/dist/runtime.js"));
  const handle = await openMigratedDatabase(loadConfig({ DATABASE_URL: databaseUrl }));
  await handle.close();
}

/** Routine-checklist answers (all pass; an ordinary item, a key item or both failed) and their shares. */
async function inspectionVariants() {
  const { INSPECTION_TEMPLATES } = await import(dist("packages/domain/dist/index.js"));
  const items = INSPECTION_TEMPLATES.routine.items;
  const answers = (failed) =>
    JSON.stringify(items.map(({ code }) => ({ code, result: failed.includes(code) ? "fail" : "pass" })));
  const ordinary = items.find((item) => !item.critical).code;
  const key = items.find((item) => item.critical).code;
  const variants = [
    { results: answers([]), outcome: "pass", score: 95, share: 0.85 },
    { results: answers([ordinary]), outcome: "rectify", score: 80, share: 0.1 },
    { results: answers([key]), outcome: "fail", score: 60, share: 0.03 },
    { results: answers([ordinary, key]), outcome: "fail", score: 50, share: 0.02 },
  ];
  let upTo = 0;
  const bounds = variants.map(({ share }) => [upTo, (upTo += share)]);
  bounds.at(-1)[1] = 1;
  return [
    variants.map((v) => v.results),
    variants.map((v) => v.outcome),
    variants.map((v) => v.score),
    bounds.map(([lo]) => lo),
    bounds.map(([, hi]) => hi),
  ];
}

/** A random instant between parameters $a and $b. */
const between = (a, b) => `($${a}::timestamptz + random() * ($${b}::timestamptz - $${a}::timestamptz))`;

/**
 * The register as [table, SQL, parameters], set-based: N businesses with one store and one licence each (SC for
 * production, JY otherwise; 1 % suspended, 1 % cancelled, 5 % changed), two officer inspections a store in the
 * 12 months (15 % with failed items, each opening a rectification, 10 % of them overdue), complaints at 10 % of
 * stores, two ratings and three staff a store (≈ 5 % health certificates expired).
 */
async function registerSteps(stores, period) {
  const { end, yearStart } = periodBounds(period);
  const year = [yearStart, end];
  return [
    [
      "businesses",
      `insert into businesses (id, uscc, name, legal_representative, region_code, registered_on, registration_status)
       select md5('b' || g)::uuid, 'BENCH' || lpad(g::text, 13, '0'), '基准餐饮' || g, '张三',
         ($2::text[])[1 + g % cardinality($2::text[])], date '2025-01-01' - (random() * 5000)::int,
         case when random() < 0.98 then 'active' else 'revoked' end
       from generate_series(1, $1::int) g`,
      [stores, REGIONS],
    ],
    [
      "stores",
      `insert into stores (id, business_id, name, address, region_code, business_form, subtype)
       select md5('s' || g)::uuid, md5('b' || g)::uuid, '基准门店' || g, '广州市天河路' || g || '号',
         ($2::text[])[1 + g % cardinality($2::text[])], ($3::text[])[k], ($4::text[])[k]
       from (select g, 1 + floor(random() * cardinality($3::text[]))::int as k
             from generate_series(1, $1::int) g) r`,
      [stores, REGIONS, SUBTYPES.map(([form]) => form), SUBTYPES.map(([, subtype]) => subtype)],
    ],
    [
      "licenses",
      `insert into licenses (number, type, business_id, store_id, region_code, status, current_version,
         valid_from, valid_to, issued_at)
       select type || lpad(n::text, 14, '0'), type, business_id, id, region_code,
         case when x < 0.98 then 'valid' when x < 0.99 then 'suspended' else 'cancelled' end,
         case when random() < 0.05 then 2 else 1 end, issued::date, issued::date + 5 * 365, issued
       from (
         select s.*, case when s.business_form = 'production' then 'SC' else 'JY' end as type,
           row_number() over () as n, random() as x, $1::timestamptz - random() * interval '4 years' as issued
         from stores s) s`,
      [yearStart],
    ],
    [
      "license_versions",
      `insert into license_versions (license_id, version, reason, content, valid_from, valid_to, issued_at)
       select l.id, v, case when v = 1 then 'new' else 'change' end, '{}', l.valid_from, l.valid_to,
         case when v = 1 then l.issued_at else ${between(1, 2)} end
       from licenses l cross join generate_series(1, l.current_version) v`,
      year,
    ],
    [
      "inspections",
      `insert into inspections (kind, store_id, region_code, template, status, inspected_at, results, outcome, score)
       select case when i.y < 0.9 then 'routine' when i.y < 0.95 then 'complaint' else 'random_draw' end,
         i.id, i.region_code, 'routine', 'done', i.at, v.results, v.outcome, v.score
       from (select s.id, s.region_code, random() as x, random() as y, ${between(1, 2)} as at
             from stores s cross join generate_series(1, 2)) i
       join unnest($3::jsonb[], $4::text[], $5::int[], $6::float8[], $7::float8[]) as v(results, outcome, score, lo, hi)
         on i.x >= v.lo and i.x < v.hi`,
      [...year, ...(await inspectionVariants())],
    ],
    [
      "rectifications",
      `insert into rectifications (inspection_id, store_id, region_code, item_code, status, due_at, created_at,
         closed_at)
       select id, store_id, region_code, code, case when late then 'open' else 'closed' end,
         inspected_at + interval '7 days', inspected_at,
         case when not late then inspected_at + random() * interval '8 days' end
       from (select i.*, f->>'code' as code, random() < 0.1 as late
             from inspections i cross join jsonb_array_elements(i.results) f
             where i.outcome <> 'pass' and f->>'result' = 'fail') r`,
      [],
    ],
    [
      "complaints",
      `insert into complaints (store_id, region_code, category, description, tracking_token_hash, status,
         acknowledge_by, close_by, upheld, created_at, closed_at)
       select id, region_code, 'hygiene', '后厨卫生差', md5(id::text) || md5(at::text), 'closed',
         at + interval '1 day', at + interval '10 days', random() < 0.4, at, at + random() * interval '12 days'
       from (select s.*, ${between(1, 2)} as at from stores s where random() < 0.1) s`,
      year,
    ],
    [
      "ratings",
      `insert into ratings (store_id, stars, device_hash, rated_on, moderation)
       select s.id, 1 + floor(random() * 5)::int, md5(s.id::text || k), (${between(1, 2)})::date,
         case when random() < 0.95 then 'approved' else 'pending' end
       from stores s cross join generate_series(1, 2) k`,
      year,
    ],
    [
      "staff",
      // Personal data at rest (docs/security.md): SQL cannot seal, so the benchmark writes only the masked number.
      `insert into staff (business_id, store_id, name, health_certificate_no_masked, health_certificate_issuer,
         health_certificate_valid_to)
       select s.business_id, s.id, '员工' || k, 'HC********' || right(md5(s.id::text), 2), '广州市疾控中心',
         $1::date + (random() * 400 - 20)::int
       from stores s cross join generate_series(1, 3) k`,
      [chinaDay(end)],
    ],
  ];
}

/** Creates the database, migrates it and fills it; returns the seconds taken and the rows per table. */
async function prepare(stores, period) {
  const started = performance.now();
  await recreateDatabase();
  await migrate();
  const steps = await registerSteps(stores, period);
  const rows = await withClient(databaseUrl, async (client) => {
    await client.query("set synchronous_commit = off");
    const counts = {};
    for (const [table, text, params] of steps) counts[table] = (await client.query(text, params)).rowCount;
    await client.query(`vacuum analyze ${steps.map(([table]) => table).join(", ")}`);
    return counts;
  });
  return { seconds: (performance.now() - started) / 1000, rows };
}

/**
 * The baseline: the least work that reads the same facts — each source table grouped by store over the same
 * window, joined to the stores and their businesses, summed server-side (no rows sent, nothing written).
 */
async function bareAggregate(period) {
  const { start, end, yearStart } = periodBounds(period);
  const text = `
    select count(*)::int as stores,
      sum(l.n + coalesce(v.n, 0) + coalesce(i.n, 0) + coalesce(r.n, 0) + coalesce(k.n, 0) + coalesce(g.n, 0)
        + coalesce(h.n, 0))::bigint as facts
    from stores s
    join businesses b on b.id = s.business_id
    join (select store_id, count(*) as n, bool_or(status = 'valid') as valid from licenses
          where status <> 'cancelled' group by store_id) l on l.store_id = s.id
    left join (select l.store_id, count(*) as n from license_versions v join licenses l on l.id = v.license_id
               where v.reason = 'change' and v.issued_at >= $3 and v.issued_at < $2 group by l.store_id) v
      on v.store_id = s.id
    left join (select store_id, count(*) as n, count(*) filter (where outcome = 'fail') as failed
               from inspections where inspected_at >= $1 and inspected_at < $2 group by store_id) i
      on i.store_id = s.id
    left join (select store_id, count(*) as n from rectifications
               where (created_at >= $1 and created_at < $2) or (due_at >= $1 and due_at < $2)
               group by store_id) r on r.store_id = s.id
    left join (select store_id, count(*) as n from complaints
               where (created_at >= $1 and created_at < $2) or (closed_at >= $1 and closed_at < $2)
               group by store_id) k on k.store_id = s.id
    left join (select store_id, count(*) as n, avg(stars) as mean from ratings
               where moderation = 'approved' and rated_on >= $4::date and rated_on < $5::date
               group by store_id) g on g.store_id = s.id
    left join (select store_id, count(*) as n from staff group by store_id) h on h.store_id = s.id`;
  return withClient(databaseUrl, async (client) => {
    const run = () => client.query(text, [start, end, yearStart, chinaDay(yearStart), chinaDay(end)]);
    await run(); // warm the cache as much as grading finds it
    const started = performance.now();
    const { rows } = await run();
    return { seconds: (performance.now() - started) / 1000, stores: rows[0].stores };
  });
}

/** In the child process: every model's run for the period, timed, and the process's peak RSS (VmHWM). */
async function gradeInChild(period, chunkSize) {
  const { openDatabase } = await import(dist("packages/server/dist/db/client.js"));
  const { runGrading } = await import(dist("packages/server/dist/modules/credit/grading.js"));
  const { CREDIT_MODELS } = await import(dist("packages/domain/dist/index.js"));
  const handle = await openDatabase({ databaseUrl });
  const started = performance.now();
  const runs = {};
  for (const model of CREDIT_MODELS) {
    const run = await runGrading(handle.db, { model, period, chunkSize });
    runs[model.id] = run.processed;
  }
  const seconds = (performance.now() - started) / 1000;
  await handle.close();
  const hwm = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync("/proc/self/status", "utf8"));
  const peakRss = hwm ? Number(hwm[1]) * 1024 : process.memoryUsage().rss;
  process.stdout.write(`${JSON.stringify({ seconds, runs, peakRssMiB: peakRss / MiB })}\n`);
}

/** Runs gradeInChild in a fresh Node process, so that its peak RSS is the grading's alone. */
function grade(period, chunkSize) {
  const child = spawn(
    process.execPath,
    [fileURLToPath(import.meta.url), "--child", period, String(chunkSize)],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.on("exit", (code) =>
      code === 0
        ? resolve(JSON.parse(output.trim().split("\n").at(-1)))
        : reject(new Error(`grading exited ${code}`)),
    );
  });
}

async function gradeDistribution(period) {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query(
      "select model, grade, count(*)::int as n from grade_history where period = $1 group by 1, 2 order by 1, 2",
      [period],
    );
    return rows;
  });
}

/**
 * The 双随机 draw of 20 % of all N stores (each store's stratum its model and grade of the period, "ungraded" for
 * the cancelled licences), timed as the supervision plan makes it in memory (modules/supervision/create-plan.ts):
 * strata of sorted ids, the population hash stored with the draw, then the domain's drawSelection (500 inspectors,
 * 2 per store, no exclusions). The ids are read beforehand, in id order as the plan's query reads them (uuid
 * order is the order of their text, so the plan's sort only checks it); writing the plan items is not timed.
 */
async function timeDraw(period) {
  const { drawSelection } = await import(dist("packages/domain/dist/index.js"));
  const { populationHashOf } = await import(dist("packages/server/dist/modules/supervision/draw-record.js"));
  const candidates = await withClient(databaseUrl, async (client) => {
    const { rows } = await client.query(
      `select coalesce(g.model || ':' || g.grade, 'ungraded') as stratum, array_agg(s.id::text order by s.id) as ids
       from stores s left join grade_history g on g.store_id = s.id and g.period = $1
       group by 1 order by 1`,
      [period],
    );
    return rows;
  });
  const population = candidates.reduce((sum, { ids }) => sum + ids.length, 0);
  const inspectors = Array.from({ length: 500 }, (_, i) => `inspector-${String(i).padStart(4, "0")}`);
  const started = performance.now();
  const strata = candidates.map(({ stratum, ids }) => ({ stratum, share: 0.2, storeIds: ids.sort() }));
  const hashing = performance.now();
  populationHashOf(strata);
  const selecting = performance.now();
  const drawn = drawSelection({ seed: "bench", strata, inspectors, perInspection: 2, exclusions: () => [] });
  const ended = performance.now();
  const parts = {
    strataMs: hashing - started,
    hashMs: selecting - hashing,
    drawSelectionMs: ended - selecting,
  };
  return { ms: ended - started, drawn: drawn.length, population, parts };
}

async function postgresReachable() {
  try {
    await withClient(`${serverUrl}/postgres`, (client) => client.query("select 1"));
    return true;
  } catch {
    return false;
  }
}

function entry(name, value, baseline, ratio, unit) {
  const round = (x) => Number(x.toFixed(3));
  return { name, value: round(value), baseline: round(baseline), ratio: round(ratio), unit };
}

/** The grading benchmarks as run.mjs records them ([] with a warning when PostgreSQL is not reachable). */
export async function benchGrading({ quick, log = console.log } = {}) {
  if (!(await postgresReachable())) {
    console.warn(`grading bench skipped: no PostgreSQL at ${serverUrl}`);
    return [];
  }
  const stores = Number(
    process.env.BENCH_GRADING_STORES || process.env.BENCH_STORES || (quick ? 20_000 : 1_000_000),
  );
  const chunkSize = Number(process.env.BENCH_GRADING_CHUNK || 1000);
  const period = previousPeriod();
  try {
    const data = await prepare(stores, period);
    log(`grading: ${stores} stores generated in ${data.seconds.toFixed(1)} s ${JSON.stringify(data.rows)}`);
    const bare = await bareAggregate(period);
    const graded = await grade(period, chunkSize);
    const total = Object.values(graded.runs).reduce((sum, n) => sum + n, 0);
    const draw = await timeDraw(period);
    log(
      `grading: ${total} stores in ${graded.seconds.toFixed(1)} s (${Math.round(total / graded.seconds)} stores/s), ` +
        `bare aggregate ${bare.seconds.toFixed(2)} s, ${(graded.seconds / bare.seconds).toFixed(1)}×, ` +
        `peak RSS ${graded.peakRssMiB.toFixed(0)} MiB, draw ${draw.drawn} of ${draw.population} in ${draw.ms.toFixed(0)} ms, ` +
        `runs ${JSON.stringify(graded.runs)}`,
    );
    log(
      `grading: draw parts (ms) ${JSON.stringify(draw.parts, (_key, value) => (typeof value === "number" ? Math.round(value) : value))}`,
    );
    log(`grading: grades ${JSON.stringify(await gradeDistribution(period))}`);
    const label = `${stores.toLocaleString("en")} stores`;
    return [
      entry(
        `monthly grading vs bare aggregate (PostgreSQL, ${label})`,
        graded.seconds,
        bare.seconds,
        bare.seconds / graded.seconds,
        "s (goal: ratio ≥ 0.5, i.e. ≤ 2× the aggregate)",
      ),
      entry(
        `monthly grading peak RSS (${label})`,
        graded.peakRssMiB,
        512,
        graded.peakRssMiB / 512,
        "MiB (budget 512 MiB)",
      ),
      entry(
        `双随机 draw of 20 % of ${draw.population.toLocaleString("en")} stores`,
        draw.ms,
        1000,
        draw.ms / 1000,
        "ms (budget 1 s)",
      ),
    ];
  } finally {
    if (process.env.BENCH_GRADING_KEEP !== "1" && process.env.BENCH_KEEP !== "1") await dropDatabase();
  }
}

if (process.argv[2] === "--child") {
  await gradeInChild(process.argv[3], Number(process.argv[4]));
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await benchGrading({ quick: process.env.BENCH_QUICK === "1" }), null, 2));
}
