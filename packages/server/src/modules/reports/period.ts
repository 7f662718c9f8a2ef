// Report periods: "YYYY-MM" for a monthly report, "YYYY" for an annual one, as China-calendar ranges.

import { chinaDate } from "@shian/domain";

export const REPORT_KINDS = ["monthly", "annual"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export interface ReportPeriod {
  kind: ReportKind;
  period: string;
  /** First China day of the period (YYYY-MM-DD). */
  fromDay: string;
  /** First China day after the period (exclusive). */
  toDay: string;
  /** The same range as instants (midnight China time). */
  from: Date;
  to: Date;
  /** The months of the period, "YYYY-MM". */
  months: string[];
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const YEAR = /^(\d{4})$/;
const pad = (n: number) => String(n).padStart(2, "0");
const chinaMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`);

/** The period, or null when `period` is not of the kind's form (monthly "YYYY-MM", annual "YYYY"). */
export function parsePeriod(kind: ReportKind, period: string): ReportPeriod | null {
  if (kind === "monthly") {
    const match = MONTH.exec(period);
    if (!match) return null;
    const year = Number(match[1]);
    const month = Number(match[2]);
    if (year < 2000) return null;
    const fromDay = `${year}-${pad(month)}-01`;
    const toDay = month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`;
    return {
      kind,
      period,
      fromDay,
      toDay,
      from: chinaMidnight(fromDay),
      to: chinaMidnight(toDay),
      months: [period],
    };
  }
  const match = YEAR.exec(period);
  if (!match || Number(match[1]) < 2000) return null;
  const year = Number(match[1]);
  const fromDay = `${year}-01-01`;
  const toDay = `${year + 1}-01-01`;
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${pad(i + 1)}`);
  return { kind, period, fromDay, toDay, from: chinaMidnight(fromDay), to: chinaMidnight(toDay), months };
}

/** The year before an annual period ("2026" → "2025"). */
export function previousYear(period: string): string {
  return String(Number(period) - 1);
}

/** The month before `now`'s China month, "YYYY-MM". */
export function lastMonth(now: Date): string {
  const [year, month] = chinaDate(now).split("-").map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${pad(month - 1)}`;
}
