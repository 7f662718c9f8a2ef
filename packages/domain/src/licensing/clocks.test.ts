import { describe, expect, it } from "vitest";
import {
  DEFAULT_STAGE_LIMITS,
  addWorkingDays,
  isInRenewalWindow,
  isOverdue,
  isWorkingDay,
  licenseValidity,
  renewalWindow,
  stageDeadline,
} from "./clocks.js";

// 2024-06-14 is a Friday.
const FRIDAY = "2024-06-14";
/** An instant given in Beijing time. */
const beijing = (local: string) => new Date(`${local}+08:00`);

describe("working days (Mon–Fri, holidays ignored)", () => {
  it("knows weekdays from weekends", () => {
    expect(isWorkingDay(FRIDAY)).toBe(true);
    expect(isWorkingDay("2024-06-15")).toBe(false);
    expect(isWorkingDay("2024-06-16")).toBe(false);
    expect(isWorkingDay("2024-06-17")).toBe(true);
  });

  it("adds one working day over a weekend: Friday + 1 is Monday", () => {
    expect(addWorkingDays(FRIDAY, 1)).toBe("2024-06-17");
  });

  it("counts from a Saturday or a Sunday to the next Monday", () => {
    expect(addWorkingDays("2024-06-15", 1)).toBe("2024-06-17");
    expect(addWorkingDays("2024-06-16", 1)).toBe("2024-06-17");
  });

  it("adds five and ten working days across weekends", () => {
    expect(addWorkingDays("2024-06-12", 5)).toBe("2024-06-19"); // Wednesday → next Wednesday
    expect(addWorkingDays(FRIDAY, 10)).toBe("2024-06-28");
  });

  it("returns the same day for zero working days", () => {
    expect(addWorkingDays("2024-06-15", 0)).toBe("2024-06-15");
  });

  it("uses the Beijing calendar for instants, whatever the server's zone", () => {
    // 23:30 on Friday in Beijing is 15:30 UTC on Friday; 00:30 on Saturday in Beijing is still Friday in UTC.
    expect(addWorkingDays(beijing("2024-06-14T23:30:00"), 1).toISOString()).toBe(
      beijing("2024-06-17T23:30:00").toISOString(),
    );
    expect(isWorkingDay(beijing("2024-06-15T00:30:00"))).toBe(false);
    expect(isWorkingDay(beijing("2024-06-15T00:30:00"), { utcOffsetMinutes: 0 })).toBe(true);
  });

  it("refuses negative or fractional counts and malformed dates", () => {
    expect(() => addWorkingDays(FRIDAY, -1)).toThrow(RangeError);
    expect(() => addWorkingDays(FRIDAY, 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays("2024-02-30", 1)).toThrow(RangeError);
    expect(() => addWorkingDays("14/06/2024", 1)).toThrow(RangeError);
    expect(() => addWorkingDays(new Date(Number.NaN), 1)).toThrow(RangeError);
  });
});

describe("stage deadlines", () => {
  it("uses 5, 10, 5 working days and the same day on commitment (art. 13)", () => {
    expect(DEFAULT_STAGE_LIMITS).toEqual({ acceptance: 5, review: 10, decision: 5, commitment: 0 });
    expect(stageDeadline("acceptance", FRIDAY)).toBe("2024-06-21");
    expect(stageDeadline("review", FRIDAY)).toBe("2024-06-28");
    expect(stageDeadline("commitment", FRIDAY)).toBe(FRIDAY);
    expect(stageDeadline("review", FRIDAY, { ...DEFAULT_STAGE_LIMITS, review: 20 })).toBe("2024-07-12");
  });

  it("is overdue only from the day after the deadline", () => {
    const deadline = "2024-06-21";
    expect(isOverdue(deadline, beijing("2024-06-21T23:59:59"))).toBe(false);
    expect(isOverdue(deadline, beijing("2024-06-22T00:00:00"))).toBe(true);
    expect(isOverdue(beijing("2024-06-21T09:00:00"), beijing("2024-06-21T18:00:00"))).toBe(false);
    expect(isOverdue(beijing("2024-06-21T09:00:00"), beijing("2024-06-22T08:00:00"))).toBe(true);
  });
});

describe("licence validity and renewal", () => {
  it("is valid five years minus a day", () => {
    expect(licenseValidity("2024-03-15")).toEqual({ validFrom: "2024-03-15", validTo: "2029-03-14" });
    expect(licenseValidity("2025-01-01")).toEqual({ validFrom: "2025-01-01", validTo: "2029-12-31" });
  });

  it("runs to 28 February when issued on 29 February", () => {
    expect(licenseValidity("2024-02-29").validTo).toBe("2029-02-28");
  });

  it("keeps Dates as Dates in the Beijing calendar", () => {
    const issued = beijing("2024-03-15T10:00:00");
    const { validFrom, validTo } = licenseValidity(issued);
    expect(validFrom.toISOString()).toBe(issued.toISOString());
    expect(validTo.toISOString()).toBe(beijing("2029-03-14T10:00:00").toISOString());
  });

  it("opens the renewal window 90 days before expiry and closes it at expiry", () => {
    expect(renewalWindow("2029-03-14")).toEqual({ opensOn: "2028-12-14", closesOn: "2029-03-14" });
    expect(renewalWindow("2029-03-14", { daysBefore: 30 }).opensOn).toBe("2029-02-12");
    expect(() => renewalWindow("2029-03-14", { daysBefore: -1 })).toThrow(RangeError);
  });

  it("tells whether a day is inside the renewal window", () => {
    expect(isInRenewalWindow("2029-03-14", beijing("2028-12-13T23:00:00"))).toBe(false);
    expect(isInRenewalWindow("2029-03-14", beijing("2028-12-14T00:00:00"))).toBe(true);
    expect(isInRenewalWindow("2029-03-14", beijing("2029-03-14T23:59:00"))).toBe(true);
    expect(isInRenewalWindow("2029-03-14", beijing("2029-03-15T00:00:00"))).toBe(false);
  });
});
