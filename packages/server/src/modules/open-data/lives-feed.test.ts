import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { eq, sql } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, openDataFeeds, regions, stores } from "../../db/schema.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { localFileStore } from "../files/file-store.js";
import { buildLivesFeeds, feedRegions } from "./build-feeds.js";
import { isBuildDue } from "./job.js";
import { csvField, LIVES_FILES, LIVES_HEADERS } from "./lives.js";
import {
  TRICKY_NAME,
  personalDataIn,
  seedOpenData,
  type OpenDataFixture,
} from "../../test/open-data-fixtures.js";

const BASE = "https://shian.example.gov.cn";
let t: TestApp;
let f: OpenDataFixture;
const BUILT_AT = new Date("2026-12-01T03:00:00+08:00");

// The build writes where the app reads: DATA_DIR/files (configuredFileStore).
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "shian-open-data-"));

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_BASE_URL: BASE, DATA_DIR: dataDir });
  f = await seedOpenData(t.database.db);
}, 60_000);
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** What `shian open-data build [--region]` and the nightly job run. */
function build(regionCode?: string) {
  return buildLivesFeeds(
    t.database.db,
    { fileStore: localFileStore(path.join(dataDir, "files")), publicBaseUrl: BASE, defaultColour: "green" },
    { now: BUILT_AT, ...(regionCode ? { regionCode } : {}) },
  );
}

async function download(regionCode: string) {
  const response = await t.app.inject({ url: `/api/v1/open/lives/${regionCode}.zip` });
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers["content-type"]).toBe("application/zip");
  expect(response.headers["cache-control"]).toBe("public, max-age=300");
  return { files: unzipSync(new Uint8Array(response.rawPayload)), response };
}

type Rows = Record<string, string>[];
function csv(text: string): Rows {
  return parse(text, { columns: true, skip_empty_lines: true, relax_column_count: false }) as Rows;
}

type Counts = { businesses: number; inspections: number; violations: number };

/** Rows each file should have, counted in SQL straight from the register. */
async function sqlCounts(prefix: string): Promise<Counts> {
  const like = `${prefix}%`;
  const done = sql`i.status = 'done' and i.inspected_at is not null and s.region_code like ${like}`;
  const [row] = await t.database.db
    .select({
      businesses: sql<number>`(select count(*)::int from stores where region_code like ${like})`,
      inspections: sql<number>`(select count(*)::int from inspections i
        join stores s on s.id = i.store_id where ${done})`,
      violations: sql<number>`(select count(*)::int from inspections i
        join stores s on s.id = i.store_id, jsonb_array_elements(i.results) r
        where ${done} and r->>'result' = 'fail')`,
    })
    .from(regions)
    .limit(1);
  return row!;
}

describe("LIVES zip (Yelp's Local Inspector Value-Entry Specification)", () => {
  it("is built for every county with stores and every city above one, and listed with its URL", async () => {
    expect(await feedRegions(t.database.db)).toEqual([
      "310100",
      "310104",
      "330200",
      "330211",
      "330213",
      "440100",
      "440106",
    ]);
    const built = await build();
    expect(built.map((feed) => feed.regionCode)).toHaveLength(7);
    const list = await t.app.inject({ url: "/api/v1/open/lives" });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { regionCode: string; url: string; builtAt: string }[];
    expect(items.find((item) => item.regionCode === "440106")).toMatchObject({
      url: `${BASE}/api/v1/open/lives/440106.zip`,
      builtAt: BUILT_AT.toISOString(),
    });
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "open_data.lives_built"));
    expect(audit).toHaveLength(7);
  });

  it.each(["440106", "440100", "330200", "330213", "310104", "310100"])(
    "%s: all five files, headers exactly as the spec names them, dates YYYYMMDD, counts equal SQL",
    async (regionCode) => {
      const { files } = await download(regionCode);
      expect(Object.keys(files).sort()).toEqual([...LIVES_FILES].sort());
      for (const name of LIVES_FILES) {
        const text = strFromU8(files[name]!);
        expect(text.charCodeAt(0)).not.toBe(0xfeff);
        expect(text.split("\r\n")[0]).toBe(LIVES_HEADERS[name].join(","));
        expect(text).not.toMatch(/\t/);
        const rows = parse(text, { skip_empty_lines: true }) as string[][];
        for (const row of rows) expect(row).toHaveLength(LIVES_HEADERS[name].length);
      }
      const inspections = csv(strFromU8(files["inspections.csv"]!));
      const violations = csv(strFromU8(files["violations.csv"]!));
      const businesses = csv(strFromU8(files["businesses.csv"]!));
      const [feedInfo] = csv(strFromU8(files["feed_info.csv"]!));
      for (const row of [...inspections, ...violations]) expect(row.date).toMatch(/^\d{8}$/);
      expect(feedInfo!.feed_date).toMatch(/^\d{8}$/);
      expect(feedInfo).toMatchObject({ feed_date: "20261201", feed_version: "1.0", municipality_url: BASE });

      const prefix = regionCode.endsWith("00") ? regionCode.slice(0, 4) : regionCode;
      const counts = await sqlCounts(prefix);
      expect({
        businesses: businesses.length,
        inspections: inspections.length,
        violations: violations.length,
      }).toEqual(counts);
      const [feed] = await t.database.db
        .select()
        .from(openDataFeeds)
        .where(eq(openDataFeeds.regionCode, regionCode));
      expect(feed!.counts).toEqual(counts);

      const ids = new Set(businesses.map((row) => row.business_id));
      for (const row of [...inspections, ...violations]) expect(ids.has(row.business_id)).toBe(true);
      for (const row of inspections)
        expect(["initial", "routine", "followup", "complaint"]).toContain(row.type);
    },
  );

  it("quoting round-trips through csv-parse: commas and quotes in names and descriptions", async () => {
    const { files } = await download("440106");
    const text = strFromU8(files["businesses.csv"]!);
    expect(text).toContain(`"老王""面馆"",天河分店"`);
    const green = csv(text).find((row) => row.business_id === f.green.storeId)!;
    const [stored] = await t.database.db.select().from(stores).where(eq(stores.id, f.green.storeId));
    expect(green.name).toBe(TRICKY_NAME);
    expect(green.name).toBe(stored!.name);
    expect(green).toMatchObject({ city: "广州市", state: "广东省", postal_code: "" });
    expect(green.address).toBe("广东省广州市天河区天河路,体育西路口**号");
    expect(green.business_certificate).toMatch(/^JY/);
    const violations = csv(strFromU8(files["violations.csv"]!));
    expect(violations.length).toBeGreaterThan(0);
    for (const row of violations) expect(row.description).toMatch(/ \/ /);
    const shanghai = csv(strFromU8((await download("310104")).files["businesses.csv"]!));
    // A municipality's 市辖区 is no city name: the municipality stands in.
    expect(shanghai[0]).toMatchObject({ city: "上海市", state: "上海市" });
    expect(csvField('a "b", c\nd\te')).toBe('"a ""b"", c d e"');
  });

  it("legend.csv maps the checklist score to the 食安码 colours, covering 0–100 without gaps", async () => {
    const legend = csv(strFromU8((await download("440106")).files["legend.csv"]!));
    expect(legend.map((row) => [Number(row.minimum_score), Number(row.maximum_score)])).toEqual([
      [0, 59],
      [60, 99],
      [100, 100],
    ]);
    expect(legend.map((row) => row.description!.split(" ")[1])).toEqual(["red", "yellow", "green"]);
  });

  it("no file of any zip holds personal data (PIPL arts. 25, 73)", async () => {
    for (const regionCode of ["440106", "440100", "330200", "330213", "330211", "310104", "310100"]) {
      const { files } = await download(regionCode);
      for (const name of LIVES_FILES) {
        const text = strFromU8(files[name]!);
        expect({ regionCode, name, found: personalDataIn(text) }).toEqual({ regionCode, name, found: [] });
        expect(text.split("\r\n")[0]).not.toMatch(/owner|phone|tax_code/);
      }
    }
  });

  it("a region never built is 404 problem+json; a malformed code 400; a current ETag 304", async () => {
    const missing = await t.app.inject({ url: "/api/v1/open/lives/440103.zip" });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers["content-type"]).toContain("application/problem+json");
    expect(missing.json().type).toBe("urn:shian:problem:open_data_not_built");
    expect((await t.app.inject({ url: "/api/v1/open/lives/44010x.zip" })).statusCode).toBe(400);
    const { response } = await download("440106");
    const again = await t.app.inject({
      url: "/api/v1/open/lives/440106.zip",
      headers: { "if-none-match": String(response.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
  });

  it("rebuilding one region replaces its feed", async () => {
    const [rebuilt] = await build("330213");
    expect(rebuilt!.counts).toEqual({ businesses: 1, inspections: 1, violations: 2 });
    const rows = await t.database.db.select().from(openDataFeeds);
    expect(rows).toHaveLength(7);
  });
});

describe("nightly schedule", () => {
  it("builds once per China day, from 02:00 China time", () => {
    const at = (iso: string) => new Date(iso);
    expect(isBuildDue(at("2026-12-02T01:59:00+08:00"), null)).toBe(false);
    expect(isBuildDue(at("2026-12-02T02:00:00+08:00"), null)).toBe(true);
    expect(isBuildDue(at("2026-12-02T09:00:00+08:00"), at("2026-12-01T02:30:00+08:00"))).toBe(true);
    expect(isBuildDue(at("2026-12-02T09:00:00+08:00"), at("2026-12-02T02:30:00+08:00"))).toBe(false);
    // A manual build before 02:00 does not count as the night's build.
    expect(isBuildDue(at("2026-12-02T03:00:00+08:00"), at("2026-12-02T01:00:00+08:00"))).toBe(true);
    // 01:00 China time is 17:00 UTC the day before: still not due.
    expect(isBuildDue(at("2026-12-01T17:00:00Z"), at("2026-11-30T19:00:00Z"))).toBe(false);
  });
});
