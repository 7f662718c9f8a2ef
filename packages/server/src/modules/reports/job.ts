// The report job (统计报表): checks hourly; once a China month has begun it generates last month's report for
// every city and county with stores, and in January the previous year's annual reports. Reports that exist are
// skipped, so a second run (or a second server) adds nothing; two servers racing on one report both write the
// same row (unique kind + period + region) and the later files win.

import { chinaDate } from "@shian/domain";
import { SYSTEM_CONTEXT } from "../accounts/actor.js";
import { lastMonth } from "./period.js";
import * as repo from "./repository.js";
import { generateReport, type ReportDeps, type ReportRequest } from "./service.js";

export const REPORT_JOB_INTERVAL_MS = 3_600_000;

/** The reports due at `now`: last month's, and in January last year's. */
export function dueReports(now: Date, regionCodes: string[]): ReportRequest[] {
  const [year, month] = chinaDate(now).split("-").map(Number) as [number, number];
  const due: ReportRequest[] = regionCodes.map((regionCode) => ({
    kind: "monthly",
    period: lastMonth(now),
    regionCode,
  }));
  if (month === 1) {
    due.push(
      ...regionCodes.map((regionCode) => ({ kind: "annual" as const, period: String(year - 1), regionCode })),
    );
  }
  return due;
}

/** Generates the due reports that do not exist yet; returns what it generated ("monthly 2026-11 440106"). */
export async function runReportJob(
  deps: ReportDeps,
  now = new Date(),
  signal?: AbortSignal,
): Promise<string[]> {
  const regions = await repo.listRegionsWithStores(deps.db);
  const generated: string[] = [];
  for (const request of dueReports(
    now,
    regions.map((r) => r.code),
  )) {
    if (signal?.aborted) break;
    if (await repo.findReport(deps.db, request)) continue;
    await generateReport(deps, SYSTEM_CONTEXT, request, now);
    generated.push(`${request.kind} ${request.period} ${request.regionCode}`);
  }
  return generated;
}
