// Statutory clocks of licensing: working-day deadlines of the stages, licence validity and the renewal window.
// Pure: every function takes its dates; nothing reads the clock.
//
// A day is a calendar day. Functions take either
// - a calendar date "YYYY-MM-DD" (as stored in a date column) and then return calendar dates, or
// - a Date (an instant): its calendar day is the one in China Standard Time (UTC+8, no daylight saving) unless
//   another offset is passed, so a server running in UTC still counts Beijing days; the time of day is kept.
// Working days are Monday to Friday; public holidays and make-up working days (调休) are ignored — a holiday
// calendar can be added later as an option (the State Council publishes it yearly).

export interface ClockOptions {
  /** Offset of the local calendar from UTC in minutes for Date arguments; 480 (UTC+8) by default. */
  utcOffsetMinutes?: number;
}

export const CHINA_UTC_OFFSET_MINUTES = 480;

/** A calendar date "YYYY-MM-DD" or an instant. */
export type DateLike = string | Date;

/** What a function returns for an argument of type T: a calendar date for a string, a Date for a Date. */
export type SameKind<T extends DateLike> = T extends string ? string : Date;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const CALENDAR_DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

function offsetOf(options: ClockOptions): number {
  return options.utcOffsetMinutes ?? CHINA_UTC_OFFSET_MINUTES;
}

/** A Date whose UTC fields are the local calendar fields of the argument. */
function toLocal(value: DateLike, options: ClockOptions, name: string): Date {
  if (typeof value === "string") {
    const match = CALENDAR_DATE.exec(value);
    const local = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
    if (!local || local.toISOString().slice(0, 10) !== value) {
      throw new RangeError(`${name} "${value}" is not a calendar date YYYY-MM-DD`);
    }
    return local;
  }
  if (Number.isNaN(value.getTime())) throw new RangeError(`${name} is not a valid date`);
  return new Date(value.getTime() + offsetOf(options) * MINUTE_MS);
}

/** Back from the local representation to the kind of value the caller passed. */
function fromLocal<T extends DateLike>(local: Date, like: T, options: ClockOptions): SameKind<T> {
  if (typeof like === "string") return local.toISOString().slice(0, 10) as SameKind<T>;
  return new Date(local.getTime() - offsetOf(options) * MINUTE_MS) as SameKind<T>;
}

/** Days since 1970-01-01 of the local calendar day. */
function dayNumber(value: DateLike, options: ClockOptions, name: string): number {
  return Math.floor(toLocal(value, options, name).getTime() / DAY_MS);
}

function isWeekday(local: Date): boolean {
  const weekday = local.getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** Monday to Friday. */
export function isWorkingDay(date: DateLike, options: ClockOptions = {}): boolean {
  return isWeekday(toLocal(date, options, "date"));
}

/**
 * The day n working days after `date` (n ≥ 0): the first working day after it counts as day 1, so Friday + 1
 * is Monday and Saturday + 1 is Monday. n = 0 returns the date itself (same day, the commitment scheme).
 */
export function addWorkingDays<T extends DateLike>(
  date: T,
  n: number,
  options: ClockOptions = {},
): SameKind<T> {
  if (!Number.isInteger(n) || n < 0) throw new RangeError("n must be a non-negative integer");
  let local = toLocal(date, options, "date");
  let remaining = n;
  while (remaining > 0) {
    local = new Date(local.getTime() + DAY_MS);
    if (isWeekday(local)) remaining -= 1;
  }
  return fromLocal(local, date, options);
}

/** Stages with a statutory clock. */
export type ClockStage = "acceptance" | "review" | "decision" | "commitment";

export type StageLimits = Readonly<Record<ClockStage, number>>;

/**
 * Working-day limits: acceptance 受理 5, review 审查 10, decision 许可决定 5, and 0 (the same day) for the
 * commitment scheme (Guangdong 2019 art. 13: 当场或者当天发放许可证). The Guangdong text sets no other limit; these
 * defaults are the platform's service standard and can be replaced per ruleset or bureau.
 */
export const DEFAULT_STAGE_LIMITS: StageLimits = {
  acceptance: 5,
  review: 10,
  decision: 5,
  commitment: 0,
};

/** The last day of a stage that started on `startedAt`: its start + the stage's limit in working days. */
export function stageDeadline<T extends DateLike>(
  stage: ClockStage,
  startedAt: T,
  limits: StageLimits = DEFAULT_STAGE_LIMITS,
  options: ClockOptions = {},
): SameKind<T> {
  return addWorkingDays(startedAt, limits[stage], options);
}

/** A deadline holds until the end of its day: overdue once `now` is on a later calendar day. */
export function isOverdue(deadline: DateLike, now: Date, options: ClockOptions = {}): boolean {
  return dayNumber(now, options, "now") > dayNumber(deadline, options, "deadline");
}

function addCalendar(local: Date, { years = 0, days = 0 }: { years?: number; days?: number }): Date {
  return new Date(
    Date.UTC(
      local.getUTCFullYear() + years,
      local.getUTCMonth(),
      local.getUTCDate() + days,
      local.getUTCHours(),
      local.getUTCMinutes(),
      local.getUTCSeconds(),
      local.getUTCMilliseconds(),
    ),
  );
}

export const LICENSE_VALIDITY_YEARS = 5;

export interface Validity<T extends DateLike = DateLike> {
  validFrom: T;
  /** The last day the licence is valid. */
  validTo: T;
}

/**
 * A food business licence is valid for 5 years (食品经营许可管理办法): from the day of issue to the day before
 * its fifth anniversary, e.g. 2024-03-15 → 2029-03-14. Issued on 29 February, the anniversary of a common year
 * rolls to 1 March, so the licence runs to 28 February.
 */
export function licenseValidity<T extends DateLike>(
  issuedOn: T,
  options: ClockOptions = {},
): Validity<SameKind<T>> {
  const local = toLocal(issuedOn, options, "issuedOn");
  // Date.UTC rolls 29 February of a common year into 1 March; one day back is 28 February.
  const validTo = addCalendar(addCalendar(local, { years: LICENSE_VALIDITY_YEARS }), { days: -1 });
  return { validFrom: fromLocal(local, issuedOn, options), validTo: fromLocal(validTo, issuedOn, options) };
}

export const RENEWAL_WINDOW_DAYS = 90;

export interface RenewalWindowOptions extends ClockOptions {
  /** Calendar days before the last valid day that the window opens; 90 by default. */
  daysBefore?: number;
}

export interface RenewalWindow<T extends DateLike = DateLike> {
  /** First day a renewal (延续) may be applied for. */
  opensOn: T;
  /** Last day: the licence's last valid day. */
  closesOn: T;
}

/**
 * The renewal window: opens 90 calendar days before the last valid day and closes on it. The Guangdong text sets
 * no window; this is our assumption (see docs/licensing.md).
 */
export function renewalWindow<T extends DateLike>(
  validTo: T,
  options: RenewalWindowOptions = {},
): RenewalWindow<SameKind<T>> {
  const daysBefore = options.daysBefore ?? RENEWAL_WINDOW_DAYS;
  if (!Number.isInteger(daysBefore) || daysBefore < 0) {
    throw new RangeError("daysBefore must be a non-negative integer");
  }
  const local = toLocal(validTo, options, "validTo");
  return {
    opensOn: fromLocal(addCalendar(local, { days: -daysBefore }), validTo, options),
    closesOn: fromLocal(local, validTo, options),
  };
}

/** Whether `now` falls on a day inside the renewal window. */
export function isInRenewalWindow(validTo: DateLike, now: Date, options: RenewalWindowOptions = {}): boolean {
  const { opensOn, closesOn } = renewalWindow(validTo, options);
  const today = dayNumber(now, options, "now");
  return today >= dayNumber(opensOn, options, "opensOn") && today <= dayNumber(closesOn, options, "closesOn");
}
