// 行政区划代码 (administrative division codes), GB/T 2260: six digits, two each for
// province (省级), city (地级) and county (县级); a level's trailing pairs are "00".

export type RegionLevel = "province" | "city" | "county";

/** Where no region is given, or the national code, a jurisdiction covers the whole country (全国). */
export const NATIONAL_REGION_CODE = "000000";

const REGION_CODE_PATTERN = /^[0-9]{6}$/;
const REGION_PREFIX_PATTERN = /^(?:[0-9]{2}){1,3}$/;

/** True for six digits whose province part is 11 (北京) to 82 (澳门). */
export function isRegionCode(s: string): boolean {
  if (!REGION_CODE_PATTERN.test(s)) return false;
  const province = Number(s.slice(0, 2));
  return province >= 11 && province <= 82;
}

export function regionLevel(code: string): RegionLevel {
  assertRegionCode(code);
  if (code.endsWith("0000")) return "province";
  if (code.endsWith("00")) return "city";
  return "county";
}

/** The code one level up, or null for a province. */
export function parentRegionCode(code: string): string | null {
  switch (regionLevel(code)) {
    case "province":
      return null;
    case "city":
      return code.slice(0, 2) + "0000";
    case "county":
      return code.slice(0, 4) + "00";
  }
}

/** The prefix every code inside the region starts with: "440000" → "44", "440100" → "4401". */
export function regionScopePrefix(code: string): string {
  switch (regionLevel(code)) {
    case "province":
      return code.slice(0, 2);
    case "city":
      return code.slice(0, 4);
    case "county":
      return code;
  }
}

/** True when `code` lies inside the jurisdiction; a null or national jurisdiction contains every code. */
export function isWithinRegion(code: string, jurisdictionCode: string | null): boolean {
  if (!isRegionCode(code)) return false;
  if (jurisdictionCode === null || jurisdictionCode === NATIONAL_REGION_CODE) return true;
  return code.startsWith(regionScopePrefix(jurisdictionCode));
}

/** Pads a 2-, 4- or 6-digit prefix to a full code: "44" → "440000", "4401" → "440100". */
export function normalizeRegionCode(s: string): string {
  const trimmed = s.trim();
  if (!REGION_PREFIX_PATTERN.test(trimmed)) throw new RangeError(`"${s}" is not a region code or prefix`);
  const code = trimmed.padEnd(6, "0");
  assertRegionCode(code);
  return code;
}

function assertRegionCode(code: string): void {
  if (!isRegionCode(code)) throw new RangeError(`"${code}" is not a GB/T 2260 region code`);
}
