// The figures of one report: each section from one or two aggregates of repository.ts, shaped for the
// xlsx, the PDF and the console. An annual report also carries the previous year's figures.

import { regionScopePrefix } from "@shian/domain";
import type { Queryable } from "../../db/client.js";
import { parsePeriod, previousYear, type ReportKind, type ReportPeriod } from "./period.js";
import * as repo from "./repository.js";

export type Tally = Record<string, number>;

export interface SectionFigures {
  licences: {
    issued: number;
    changed: number;
    renewed: number;
    reissued: number;
    cancelled: number;
    /** New licences by type (JY, SC). */
    byType: Tally;
    /** New licences by business form (业态). */
    byForm: Tally;
    /** New licences per month: { "2026-11": { JY: 3, SC: 1 } }. */
    byMonth: Record<string, Tally>;
  };
  certificates: { verifications: Tally; downloads: Tally; verificationTotal: number; downloadTotal: number };
  inspections: {
    done: number;
    failed: number;
    rectify: number;
    byKind: Tally;
    rectificationsOpened: number;
    rectificationsClosed: number;
  };
  complaints: { received: number; closed: number; closedWithinSla: number; byCategory: Tally };
  grades: { gradedPeriod: string | null; model: string | null; byGrade: Tally; byColour: Tally };
  draws: { draws: number; storesDrawn: number; done: number };
}

export interface ReportFigures extends SectionFigures {
  kind: ReportKind;
  period: string;
  regionCode: string;
  regionName: string;
  /** Annual reports: the same figures of the previous year. */
  previous?: SectionFigures & { period: string };
}

const tally = (rows: repo.Count[]): Tally =>
  Object.fromEntries([...rows].sort((a, b) => a.key.localeCompare(b.key)).map((row) => [row.key, row.n]));
const sum = (values: Iterable<number>) => [...values].reduce((total, value) => total + value, 0);

/** Splits "a|b" keys into a tally of the first or second part. */
function tallyBy(rows: repo.Count[], part: 0 | 1, filter?: (key: string[]) => boolean): Tally {
  const result: Tally = {};
  for (const row of rows) {
    const parts = row.key.split("|");
    if (filter && !filter(parts)) continue;
    const key = parts[part] ?? "";
    result[key] = (result[key] ?? 0) + row.n;
  }
  return Object.fromEntries(Object.entries(result).sort(([a], [b]) => a.localeCompare(b)));
}

export async function computeSectionFigures(
  db: Queryable,
  regionCode: string,
  period: ReportPeriod,
): Promise<SectionFigures> {
  const scope: repo.Scope = { prefix: regionScopePrefix(regionCode), ...period };
  const reasons = tally(await repo.countLicenceVersionsByReason(db, scope));
  const byMonth: Record<string, Tally> = Object.fromEntries(period.months.map((month) => [month, {}]));
  for (const { key, n } of await repo.countNewLicencesByMonthAndType(db, scope)) {
    const [month, type] = key.split("|") as [string, string];
    (byMonth[month] ??= {})[type] = n;
  }
  const usage = await repo.sumCertificateUsage(db, scope);
  const verifications = tallyBy(usage, 1, ([kind]) => kind === "verification");
  const downloads = tallyBy(usage, 1, ([kind]) => kind === "download");
  const inspections = await repo.countInspections(db, scope);
  const outcomes = tallyBy(inspections, 1);
  const rectifications = await repo.countRectifications(db, scope);
  const byCategory = tally(await repo.countComplaintsByCategory(db, scope));
  const closed = await repo.countClosedComplaints(db, scope);
  const graded = await repo.findGradedPeriod(db, scope);
  const grades = graded ? await repo.countGrades(db, scope, graded) : [];
  return {
    licences: {
      issued: reasons.new ?? 0,
      changed: reasons.change ?? 0,
      renewed: reasons.renewal ?? 0,
      reissued: reasons.reissue ?? 0,
      cancelled: await repo.countCancellations(db, scope),
      byType: tally(await repo.countNewLicencesByType(db, scope)),
      byForm: tally(await repo.countNewLicencesByForm(db, scope)),
      byMonth,
    },
    certificates: {
      verifications,
      downloads,
      verificationTotal: sum(Object.values(verifications)),
      downloadTotal: sum(Object.values(downloads)),
    },
    inspections: {
      done: sum(inspections.map((row) => row.n)),
      failed: outcomes.fail ?? 0,
      rectify: outcomes.rectify ?? 0,
      byKind: tallyBy(inspections, 0),
      rectificationsOpened: rectifications.opened,
      rectificationsClosed: rectifications.closed,
    },
    complaints: {
      received: sum(Object.values(byCategory)),
      closed: closed.closed,
      closedWithinSla: closed.withinSla,
      byCategory,
    },
    grades: {
      gradedPeriod: graded?.period ?? null,
      model: graded?.model ?? null,
      byGrade: tallyBy(grades, 0),
      byColour: tallyBy(grades, 1),
    },
    draws: await repo.countDraws(db, scope),
  };
}

/** The figures of a report; an annual report adds the previous year's. */
export async function computeReportFigures(
  db: Queryable,
  region: { code: string; name: string },
  period: ReportPeriod,
): Promise<ReportFigures> {
  const figures: ReportFigures = {
    kind: period.kind,
    period: period.period,
    regionCode: region.code,
    regionName: region.name,
    ...(await computeSectionFigures(db, region.code, period)),
  };
  if (period.kind === "annual") {
    const before = parsePeriod("annual", previousYear(period.period))!;
    figures.previous = { period: before.period, ...(await computeSectionFigures(db, region.code, before)) };
  }
  return figures;
}

/** Change from the previous value in percent, one decimal; null when there is nothing to compare with. */
export function changePercent(current: number, previous: number): number | null {
  if (previous === 0) return current === 0 ? 0 : null;
  return Math.round(((current - previous) / previous) * 1000) / 10;
}
