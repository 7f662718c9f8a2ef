import { chinaDate, parentRegionCode, regionLevel, regionScopePrefix } from "@shian/domain";
import type { Static } from "@sinclair/typebox";
import type { SafetyColour } from "../../config.js";
import type { Queryable } from "../../db/client.js";
import { AppError } from "../../http/errors.js";
import type { UserActor } from "../accounts/actor.js";
import { periodOf, shiftPeriod } from "../credit/period.js";
import { authorizeCockpitRegion, ownJurisdiction } from "./policy.js";
import {
  colourCounts,
  presentClock,
  presentComplaint,
  presentPoint,
  presentStoreChild,
} from "./presenter.js";
import * as repo from "./repository.js";
import type { CockpitView } from "./schema.js";

type View = Static<typeof CockpitView>;
type Level = View["region"]["level"];
type RegionRef = View["region"];

export interface CockpitDeps {
  defaultColour: SafetyColour;
}

/** Caps that keep the reply small enough for a wall screen. */
export const CLOCK_LIMIT = 20;
export const MAP_POINT_LIMIT = 5000;
export const STORE_CHILD_LIMIT = 200;
const MONTHS = 12;

const NATIONAL: RegionRef = { code: "000000", name: "全国", level: "national" };

/** Digits of a store's region code that name the child region a level drills into. */
const CHILD_DIGITS: Record<Exclude<Level, "county">, 2 | 4 | 6> = { national: 2, province: 4, city: 6 };

/** The months shown, oldest first: the current China month and the 11 before it. */
export function lastMonths(now: Date, count = MONTHS): string[] {
  const current = periodOf(now);
  return Array.from({ length: count }, (_, i) => shiftPeriod(current, i - (count - 1)));
}

/** The region asked for (else the actor's jurisdiction), checked against the jurisdiction and the register. */
async function resolveRegion(db: Queryable, actor: UserActor, asked: string | undefined): Promise<RegionRef> {
  const code = asked ?? ownJurisdiction(actor);
  if (code === null) return NATIONAL;
  authorizeCockpitRegion(actor, code);
  const [row] = await repo.findRegions(db, [code]);
  if (!row) throw new AppError("not_found");
  return { code: row.code, name: row.name, level: row.level };
}

/** From the actor's jurisdiction down to the region, for drill-up. */
async function breadcrumbs(db: Queryable, actor: UserActor, region: RegionRef): Promise<RegionRef[]> {
  if (region.level === "national") return [NATIONAL];
  const top = ownJurisdiction(actor);
  const chain: string[] = [];
  for (let code: string | null = region.code; code !== null; code = parentRegionCode(code)) {
    chain.unshift(code);
    if (code === top) break;
  }
  const names = new Map((await repo.findRegions(db, chain)).map((row) => [row.code, row]));
  const crumbs = chain.map((code) => ({
    code,
    name: names.get(code)?.name ?? code,
    level: regionLevel(code) as Level,
  }));
  return top === null ? [NATIONAL, ...crumbs] : crumbs;
}

/** Child regions with their summaries: every child of the register, with zeros where nothing is recorded. */
async function childRegions(
  db: Queryable,
  region: RegionRef,
  prefix: string | null,
  today: string,
  deps: CockpitDeps,
): Promise<View["children"]> {
  const level = region.level as Exclude<Level, "county">;
  const [known, summaries] = await Promise.all([
    repo.listChildRegions(db, level === "national" ? null : region.code),
    repo.childRegionSummaries(db, prefix, CHILD_DIGITS[level], today, deps.defaultColour),
  ]);
  const byCode = new Map(summaries.map((row) => [row.code, row]));
  const names = new Map(known.map((row) => [row.code, row.name]));
  // Stores registered under a code the register does not list below this region still count.
  const strays = summaries.filter((row) => !names.has(row.code)).map((row) => row.code);
  for (const row of await repo.findRegions(db, strays)) names.set(row.code, row.name);
  const codes = [...known.map((row) => row.code), ...strays];
  const items = codes.map((code) => {
    const row = byCode.get(code);
    return {
      kind: "region" as const,
      code,
      name: names.get(code) ?? code,
      stores: row?.stores ?? 0,
      green: row?.green ?? 0,
      yellow: row?.yellow ?? 0,
      red: row?.red ?? 0,
      openAlerts: row?.openAlerts ?? 0,
      safetyCode: null,
    };
  });
  items.sort((a, b) => b.stores - a.stores || a.code.localeCompare(b.code));
  return { kind: "region", items, total: items.length, capped: false };
}

async function childStores(
  db: Queryable,
  prefix: string,
  today: string,
  deps: CockpitDeps,
): Promise<View["children"]> {
  const { rows, total } = await repo.storeSummaries(db, {
    prefix,
    today,
    defaultColour: deps.defaultColour,
    withLocation: false,
    limit: STORE_CHILD_LIMIT,
  });
  return { kind: "store", items: rows.map(presentStoreChild), total, capped: total > rows.length };
}

function byMonth<T extends { period: string }>(
  months: string[],
  rows: T[],
  empty: (period: string) => T,
): T[] {
  const found = new Map(rows.map((row) => [row.period, row]));
  return months.map((period) => found.get(period) ?? empty(period));
}

/**
 * 驾驶舱: everything the regulator's wall screen shows for one region (the actor's jurisdiction by default;
 * a region outside it, or one the register does not know → 404). Read-only, so no transaction and no audit.
 */
export async function loadCockpit(
  db: Queryable,
  deps: CockpitDeps,
  actor: UserActor,
  query: { region?: string | undefined },
  now = new Date(),
): Promise<View> {
  const region = await resolveRegion(db, actor, query.region);
  const prefix = region.level === "national" ? null : regionScopePrefix(region.code);
  const today = chinaDate(now);
  const months = lastMonths(now);
  const since = new Date(`${months[0]}-01T00:00:00+08:00`);

  const [
    crumbs,
    licences,
    stageCounts,
    clocks,
    grades,
    current,
    inspected,
    complained,
    alerted,
    children,
    map,
  ] = await Promise.all([
    breadcrumbs(db, actor, region),
    repo.licencesByFormAndStatus(db, prefix, today),
    repo.applicationCounts(db, prefix, now),
    repo.applicationClocks(db, prefix, CLOCK_LIMIT),
    repo.gradeHistoryByMonth(db, prefix, months[0]!),
    repo.currentColours(db, prefix, today, deps.defaultColour),
    repo.inspectionsByMonth(db, prefix, months[0]!, since),
    repo.complaintsByCategory(db, prefix, since, now),
    repo.alertCounts(db, prefix, now),
    region.level === "county"
      ? childStores(db, prefix!, today, deps)
      : childRegions(db, region, prefix, today, deps),
    repo.storeSummaries(db, {
      prefix,
      today,
      defaultColour: deps.defaultColour,
      withLocation: true,
      limit: MAP_POINT_LIMIT,
    }),
  ]);

  const colourMonths = new Map<string, { green: number; yellow: number; red: number }>();
  const gradeMonths = new Map<string, Record<string, number>>();
  for (const row of grades) {
    const colours = colourMonths.get(row.period) ?? { green: 0, yellow: 0, red: 0 };
    const colour = row.codeColour as SafetyColour;
    if (colour in colours) colours[colour] += row.count;
    colourMonths.set(row.period, colours);
    const counts = gradeMonths.get(row.period) ?? {};
    counts[row.riskColour] = (counts[row.riskColour] ?? 0) + row.count;
    gradeMonths.set(row.period, counts);
  }
  const alertsBy = (severity: "red" | "yellow") => alerted.find((row) => row.severity === severity);

  return {
    generatedAt: now.toISOString(),
    region,
    breadcrumbs: crumbs,
    licences: {
      total: licences.reduce((sum, row) => sum + row.count, 0),
      byFormAndStatus: licences,
    },
    applications: {
      inProgress: stageCounts.reduce((sum, row) => sum + row.count, 0),
      overdue: stageCounts.reduce((sum, row) => sum + row.overdue, 0),
      byStage: repo.RUNNING_STATUSES.map((status) => {
        const row = stageCounts.find((item) => item.status === status);
        return { status, count: row?.count ?? 0, overdue: row?.overdue ?? 0 };
      }),
      clocks: clocks.map((row) => presentClock(row, now)),
    },
    colours: {
      current: colourCounts(current),
      byMonth: months.map((period) => ({
        period,
        ...(colourMonths.get(period) ?? { green: 0, yellow: 0, red: 0 }),
      })),
      gradesByMonth: months.map((period) => ({ period, counts: gradeMonths.get(period) ?? {} })),
    },
    inspections: byMonth(months, inspected, (period) => ({ period, planned: 0, planDone: 0, done: 0 })),
    complaints: complained.map(presentComplaint),
    alerts: {
      open: { red: alertsBy("red")?.open ?? 0, yellow: alertsBy("yellow")?.open ?? 0 },
      closed24h: { red: alertsBy("red")?.closed24h ?? 0, yellow: alertsBy("yellow")?.closed24h ?? 0 },
    },
    children,
    map: { points: map.rows.map(presentPoint), total: map.total, capped: map.total > map.rows.length },
  };
}
