import { describe, expect, it } from "vitest";
import { formatDateZh } from "./format-date.js";

describe("formatDateZh", () => {
  it("writes a calendar date the Chinese way, without leading zeros", () => {
    expect(formatDateZh("2030-06-30")).toBe("2030年6月30日");
    expect(formatDateZh("2025-01-05")).toBe("2025年1月5日");
  });

  it("prints a timestamp as the day in China (UTC+8)", () => {
    expect(formatDateZh("2025-07-01T17:30:00Z")).toBe("2025年7月2日");
    expect(formatDateZh("2025-07-01T10:20:00+08:00")).toBe("2025年7月1日");
  });

  it("refuses what is not a date", () => {
    expect(() => formatDateZh("next Tuesday")).toThrow(RangeError);
  });
});
