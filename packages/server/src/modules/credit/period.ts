// A grading period is a calendar month in China time ('YYYY-MM'). China keeps UTC+8 all year (no summer time),
// so the month's bounds are fixed instants and no time-zone database is needed (PGlite has none).

import { chinaDate } from "@shian/domain";

// Years 1900–2999: a year before 1000 made periodWindow build an invalid date (500; found by http/fuzz-writes.test.ts).
export const PERIOD_PATTERN = "^(19|2[0-9])[0-9]{2}-(0[1-9]|1[0-2])$";
const PERIOD = new RegExp(PERIOD_PATTERN);

export function isPeriod(value: string): boolean {
  return PERIOD.test(value);
}

/** The month of a China date or instant. */
export function periodOf(instant: Date): string {
  return chinaDate(instant).slice(0, 7);
}

/** The month `months` after (or before, when negative) a period. */
export function shiftPeriod(period: string, months: number): string {
  const [year, month] = period.split("-").map(Number) as [number, number];
  const index = year * 12 + (month - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** 00:00 China time on the first day of the period, as an instant. */
function monthStart(period: string): Date {
  return new Date(`${period}-01T00:00:00+08:00`);
}

/** 00:00 China time on the first day after the period: when the month is over. */
export function periodEnd(period: string): Date {
  return monthStart(shiftPeriod(period, 1));
}

export interface PeriodWindow {
  period: string;
  /** First and last day of the month (YYYY-MM-DD). */
  firstDay: string;
  lastDay: string;
  /** First day of the 12 months ending with the period ("in the year"). */
  yearFirstDay: string;
  /** The month's bounds as instants: [start, end). */
  start: Date;
  end: Date;
  yearStart: Date;
  /**
   * The day and instant the state facts (licence valid, on a list, certificates expired) are read at: the end
   * of the period, or now while the period is still running (a current-period grade reflects today).
   */
  asOfDay: string;
  asOf: Date;
}

export function periodWindow(period: string, now: Date): PeriodWindow {
  if (!isPeriod(period)) throw new RangeError(`not a period (YYYY-MM): ${period}`);
  const start = monthStart(period);
  const end = periodEnd(period);
  const yearStart = monthStart(shiftPeriod(period, -11));
  const lastDay = chinaDate(new Date(end.getTime() - 1));
  const today = chinaDate(now);
  return {
    period,
    firstDay: `${period}-01`,
    lastDay,
    yearFirstDay: chinaDate(yearStart),
    start,
    end,
    yearStart,
    asOfDay: today < lastDay ? today : lastDay,
    asOf: now < end ? now : end,
  };
}
