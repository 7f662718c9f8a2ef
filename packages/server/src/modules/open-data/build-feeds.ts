// Builds the LIVES zip of a region (a county with stores, or a city: all its counties) from the register, stores
// it through the file store and records it in open_data_feeds, with the audit entry in the same transaction.

import { chinaDate, isRegionCode, regionScopePrefix } from "@shian/domain";
import type { SafetyColour } from "../../config.js";
import type { Database, Queryable } from "../../db/client.js";
import { AppError } from "../../http/errors.js";
import { SYSTEM_CONTEXT, type RequestContext } from "../accounts/actor.js";
import { recordAudit } from "../audit/service.js";
import type { FileStore } from "../files/file-store.js";
import { insertFile } from "../files/repository.js";
import { maskAddress } from "../safety-code/address.js";
import { livesZip, type LivesBusiness, type LivesInspection, type LivesViolation } from "./lives.js";
import { violationsOf } from "./presenter.js";
import * as repo from "./repository.js";

export interface BuildDeps {
  fileStore: FileStore;
  publicBaseUrl: string;
  defaultColour: SafetyColour;
}

const PAGE = 2000;

const KIND_NAMES: Record<string, string> = {
  routine: "日常检查 routine",
  random_draw: "双随机抽查 random draw",
  complaint: "投诉核查 complaint follow-up",
  alert_follow_up: "预警核查 alert follow-up",
  commitment_follow_up: "告知承诺核查 commitment follow-up",
  volunteer_patrol: "社会监督员巡查 volunteer patrol",
  online_patrol: "网络巡查 online patrol",
};
const OUTCOME_NAMES: Record<string, string> = {
  pass: "合格 pass",
  rectify: "限期整改 rectify",
  fail: "不合格 fail",
};

/** The parent code at city and province level: "440106" → "440100", "440000". */
function cityOf(code: string): string {
  return `${code.slice(0, 4)}00`;
}
function provinceOf(code: string): string {
  return `${code.slice(0, 2)}0000`;
}

/** LIVES city and state of a county: its city and province (a municipality's 市辖区 is the municipality). */
async function placeNames(db: Queryable, countyCodes: string[]) {
  const codes = [...new Set(countyCodes.flatMap((code) => [cityOf(code), provinceOf(code)]))];
  const names = new Map((await repo.findRegions(db, codes)).map((region) => [region.code, region.name]));
  return (county: string) => {
    const state = names.get(provinceOf(county)) ?? "";
    const cityName = names.get(cityOf(county));
    const city = !cityName || cityName === "市辖区" || cityName === "县" ? state : cityName;
    return { city, state };
  };
}

async function readBusinesses(db: Queryable, prefix: string, deps: BuildDeps, today: string) {
  const businesses: LivesBusiness[] = [];
  let afterId: string | null = null;
  for (;;) {
    const rows = await repo.listStores(db, {
      today,
      defaultColour: deps.defaultColour,
      regionPrefix: prefix,
      colour: null,
      licensedSince: null,
      afterId,
      limit: PAGE,
    });
    if (rows.length === 0) break;
    const licences = await repo.shownLicences(
      db,
      rows.map((row) => row.storeId),
      today,
    );
    const place = await placeNames(db, [...new Set(rows.map((row) => row.regionCode))]);
    for (const row of rows) {
      businesses.push({
        businessId: row.storeId,
        name: row.name,
        address: maskAddress(row.address),
        ...place(row.regionCode),
        latitude: row.lat,
        longitude: row.lng,
        licenceNumber: licences.get(row.storeId)?.number ?? null,
      });
    }
    if (rows.length < PAGE) break;
    afterId = rows.at(-1)!.storeId;
  }
  return businesses;
}

async function readInspections(db: Queryable, prefix: string, deps: BuildDeps, today: string) {
  const inspections: LivesInspection[] = [];
  const violations: LivesViolation[] = [];
  let after: { at: string; id: string } | null = null;
  for (;;) {
    const rows = await repo.listInspections(db, {
      today,
      defaultColour: deps.defaultColour,
      regionPrefix: prefix,
      colour: null,
      from: null,
      before: null,
      after,
      limit: PAGE,
    });
    for (const row of rows) {
      const day = chinaDate(row.inspectedAt!);
      const outcome = row.outcome ? (OUTCOME_NAMES[row.outcome] ?? row.outcome) : "";
      inspections.push({
        businessId: row.storeId,
        score: row.score,
        day,
        description: `${KIND_NAMES[row.kind] ?? row.kind}: ${outcome}`.trim(),
        kind: row.kind,
      });
      for (const violation of violationsOf(row)) {
        violations.push({
          businessId: row.storeId,
          day,
          code: violation.code,
          description: `${violation.description.zh} / ${violation.description.en}`,
        });
      }
    }
    if (rows.length < PAGE) break;
    const last = rows.at(-1)!;
    after = { at: last.cursorAt, id: last.id };
  }
  return { inspections, violations };
}

export interface BuiltFeed {
  regionCode: string;
  counts: { businesses: number; inspections: number; violations: number };
  bytes: number;
}

/** Builds and stores the feed of one region; replaces the previous one. */
export async function buildLivesFeed(
  db: Database,
  deps: BuildDeps,
  regionCode: string,
  now = new Date(),
  context: RequestContext = SYSTEM_CONTEXT,
): Promise<BuiltFeed> {
  const region = isRegionCode(regionCode) ? await repo.findRegion(db, regionCode) : undefined;
  if (!region) throw new AppError("not_found", { "zh-CN": "行政区划不存在", en: "No such region" });
  const prefix = regionScopePrefix(regionCode);
  const today = chinaDate(now);
  const businesses = await readBusinesses(db, prefix, deps, today);
  const { inspections, violations } = await readInspections(db, prefix, deps, today);
  const names = await repo.findRegions(db, [provinceOf(regionCode), cityOf(regionCode), regionCode]);
  const municipalityName = [...new Set([provinceOf(regionCode), cityOf(regionCode), regionCode])]
    .map((code) => names.find((row) => row.code === code)?.name)
    .filter((name) => name && name !== "市辖区" && name !== "县")
    .join("");
  const zip = Buffer.from(
    livesZip(
      {
        businesses,
        inspections,
        violations,
        feedDay: today,
        municipalityName,
        municipalityUrl: deps.publicBaseUrl,
      },
      now,
    ),
  );
  const sha256 = await deps.fileStore.put(zip);
  const counts = {
    businesses: businesses.length,
    inspections: inspections.length,
    violations: violations.length,
  };
  await db.transaction(async (tx) => {
    const file = await insertFile(tx, {
      sha256,
      contentType: "application/zip",
      size: zip.length,
      regionCode,
    });
    await repo.upsertFeed(tx, { regionCode, fileId: file.id, counts, builtAt: now });
    await recordAudit(tx, context, {
      action: "open_data.lives_built",
      subjectType: "open_data_feed",
      subjectId: regionCode,
      regionCode,
      after: { ...counts, sha256 },
    });
  });
  return { regionCode, counts, bytes: zip.length };
}

/** The regions that get a feed: every county with stores and every city above one. */
export async function feedRegions(db: Queryable): Promise<string[]> {
  const counties = await repo.countiesWithStores(db);
  const candidates = [...new Set([...counties, ...counties.map(cityOf)])];
  const known = new Set((await repo.findRegions(db, candidates)).map((region) => region.code));
  return candidates.filter((code) => known.has(code)).sort();
}

/** Builds every region's feed (or the one given); a failed region is logged by the caller and the rest go on. */
export async function buildLivesFeeds(
  db: Database,
  deps: BuildDeps,
  options: { regionCode?: string; now?: Date; onError?: (regionCode: string, error: unknown) => void } = {},
): Promise<BuiltFeed[]> {
  const now = options.now ?? new Date();
  const regions = options.regionCode ? [options.regionCode] : await feedRegions(db);
  const built: BuiltFeed[] = [];
  for (const regionCode of regions) {
    try {
      built.push(await buildLivesFeed(db, deps, regionCode, now));
    } catch (error) {
      if (options.regionCode || !options.onError) throw error;
      options.onError(regionCode, error);
    }
  }
  return built;
}
