// Chinese address normalisation (地址标准化) for misuse detection: is a delivery-platform shop at the licensed
// premises (经营场所)? Parses province / city / district against the GB/T 2260 divisions passed in (no I/O here),
// then the road (路/街/大道/巷) and the house number (号, tolerant of 號/弄/室 variants). Rules: docs/misuse-detection.md.

export type DivisionLevel = "province" | "city" | "county";

/** One GB/T 2260 division (行政区划), as the regions table holds it. */
export interface Division {
  code: string;
  name: string;
  parentCode: string | null;
  level: DivisionLevel;
}

interface GazetteerEntry extends Division {
  /** The name without its level suffix (省/市/区/县/自治区…), when at least two characters remain. */
  shortName: string | null;
}

/** The divisions indexed for parsing: build once, reuse for every address. */
export interface Gazetteer {
  byCode: Map<string, GazetteerEntry>;
  provinces: GazetteerEntry[];
  childrenOf: Map<string, GazetteerEntry[]>;
  counties: GazetteerEntry[];
  cities: GazetteerEntry[];
  /** Entries by the first character of their name (full and short names share it): the only ones to try. */
  byFirstChar: Map<string, GazetteerEntry[]>;
}

const PROVINCE_SUFFIXES = ["壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区", "自治区", "省", "市"];
const CITY_SUFFIXES = ["自治州", "地区", "市", "盟"];
const COUNTY_SUFFIXES = ["自治县", "自治旗", "新区", "区", "县", "市", "旗"];
/** Names that are placeholders in the division tree, never written in an address. */
const PLACEHOLDERS = new Set(["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"]);

function shortNameOf(name: string, level: DivisionLevel): string | null {
  const suffixes =
    level === "province" ? PROVINCE_SUFFIXES : level === "city" ? CITY_SUFFIXES : COUNTY_SUFFIXES;
  for (const suffix of suffixes) {
    if (name.endsWith(suffix) && name.length - suffix.length >= 2) return name.slice(0, -suffix.length);
  }
  return null;
}

export function buildGazetteer(divisions: readonly Division[]): Gazetteer {
  const gazetteer: Gazetteer = {
    byCode: new Map(),
    provinces: [],
    childrenOf: new Map(),
    counties: [],
    cities: [],
    byFirstChar: new Map(),
  };
  for (const division of divisions) {
    if (PLACEHOLDERS.has(division.name)) continue;
    const entry: GazetteerEntry = { ...division, shortName: shortNameOf(division.name, division.level) };
    gazetteer.byCode.set(entry.code, entry);
    if (entry.level === "province") gazetteer.provinces.push(entry);
    if (entry.level === "city") gazetteer.cities.push(entry);
    if (entry.level === "county") gazetteer.counties.push(entry);
    const first = gazetteer.byFirstChar.get(entry.name[0]!) ?? [];
    first.push(entry);
    gazetteer.byFirstChar.set(entry.name[0]!, first);
    if (entry.parentCode) {
      const siblings = gazetteer.childrenOf.get(entry.parentCode) ?? [];
      siblings.push(entry);
      gazetteer.childrenOf.set(entry.parentCode, siblings);
    }
  }
  return gazetteer;
}

/** A parsed address: every part null when not found. */
export interface ParsedAddress {
  /** The input after NFKC, punctuation and whitespace removal and numeral conversion. */
  cleaned: string;
  provinceCode: string | null;
  cityCode: string | null;
  /** The county-level division (区/县/县级市). */
  districtCode: string | null;
  /** The district as written, even when its code is ambiguous without a city (鼓楼区). */
  districtName: string | null;
  road: string | null;
  /** The house number (门牌号): the first integer after the road, whether written 号, 號 or 弄. */
  number: string | null;
  /** What follows the number (栋/室/楼层…): kept, not compared. */
  detail: string;
}

const CHINESE_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 一百二十三 → 123, 三八五 → 385 (digit by digit), 十五 → 15; null for what it cannot read. */
export function chineseNumeralToNumber(text: string): number | null {
  if (!/^[零〇一二两三四五六七八九十百千]+$/.test(text)) return null;
  if (!/[十百千]/.test(text)) {
    return Number([...text].map((c) => CHINESE_DIGITS[c]).join(""));
  }
  let total = 0;
  let digit = 0;
  for (const c of text) {
    if (c in CHINESE_DIGITS) digit = CHINESE_DIGITS[c]!;
    else {
      const unit = c === "十" ? 10 : c === "百" ? 100 : 1000;
      total += (digit === 0 && unit === 10 ? 1 : digit) * unit;
      digit = 0;
    }
  }
  return total + digit;
}

const UNIT_CHARS = "号號弄室栋幢座楼层单元铺";
const PUNCTUATION = /[\s\p{P}\p{S}]/gu;

/** NFKC (full-width digits and letters), no whitespace or punctuation, 號 → 号, Chinese house numbers → digits. */
export function cleanAddress(text: string): string {
  return text
    .normalize("NFKC")
    .replace(PUNCTUATION, "")
    .replace(/號/g, "号")
    .replace(new RegExp(`[零〇一二两三四五六七八九十百千]+(?=[${UNIT_CHARS}])`, "g"), (numeral) => {
      const value = chineseNumeralToNumber(numeral);
      return value === null ? numeral : String(value);
    });
}

/** Entries whose full name, else short name, starts `text` and that `accept` takes: longest first. */
function matchAt(
  text: string,
  gazetteer: Gazetteer,
  accept: (entry: GazetteerEntry) => boolean,
): { entry: GazetteerEntry; length: number }[] {
  const found: { entry: GazetteerEntry; length: number }[] = [];
  for (const entry of gazetteer.byFirstChar.get(text[0] ?? "") ?? []) {
    if (!accept(entry)) continue;
    if (text.startsWith(entry.name)) found.push({ entry, length: entry.name.length });
    else if (entry.shortName && text.startsWith(entry.shortName)) {
      // A short name followed by a road suffix is a road (天河路), not a district.
      const next = text.slice(entry.shortName.length, entry.shortName.length + 2);
      if (!/^(路|街|大道|巷|大街)/.test(next)) found.push({ entry, length: entry.shortName.length });
    }
  }
  return found.sort((a, b) => b.length - a.length);
}

const ROAD_PATTERN = /^(.*?(?:大道|大街|路|街|巷|道))([东西南北中]段?)?(?=\d|$)/;
/** A town or sub-district (街道/镇/乡) before the road: skipped. */
const TOWN_PATTERN = /^.*?(?:街道|镇|乡)(?=.+(?:大道|大街|路|街|巷))/;

export function parseAddress(text: string, gazetteer: Gazetteer): ParsedAddress {
  const cleaned = cleanAddress(text);
  let rest = cleaned;
  let province: GazetteerEntry | null = null;
  let city: GazetteerEntry | null = null;
  let district: GazetteerEntry | null = null;
  let districtName: string | null = null;

  const [provinceMatch] = matchAt(rest, gazetteer, (e) => e.level === "province");
  if (provinceMatch) {
    province = provinceMatch.entry;
    rest = rest.slice(provinceMatch.length);
  }
  const inProvince = (e: GazetteerEntry) => !province || e.code.startsWith(province.code.slice(0, 2));
  const cityMatches = matchAt(rest, gazetteer, (e) => e.level === "city" && inProvince(e));
  if (cityMatches[0] && cityMatches.filter((m) => m.length === cityMatches[0]!.length).length === 1) {
    city = cityMatches[0].entry;
    rest = rest.slice(cityMatches[0].length);
    province ??= gazetteer.byCode.get(city.parentCode ?? "") ?? null;
  }
  // Municipalities (直辖市) write no city: their districts hang under the placeholder 市辖区 (xx01xx).
  const cityCode = city?.code;
  const countyMatches = matchAt(
    rest,
    gazetteer,
    (e) => e.level === "county" && (cityCode ? e.parentCode === cityCode : inProvince(e)),
  );
  if (countyMatches[0]) {
    const best = countyMatches.filter((m) => m.length === countyMatches[0]!.length);
    districtName = rest.slice(0, countyMatches[0].length);
    rest = rest.slice(countyMatches[0].length);
    if (best.length === 1) {
      district = best[0]!.entry;
      province ??= gazetteer.byCode.get(district.code.slice(0, 2) + "0000") ?? null;
      city ??= gazetteer.byCode.get(district.code.slice(0, 4) + "00") ?? null;
    }
  }

  rest = rest.replace(TOWN_PATTERN, "");
  const roadMatch = ROAD_PATTERN.exec(rest);
  let road: string | null = null;
  if (roadMatch && roadMatch[1]!.length >= 2) {
    road = roadMatch[1]! + (roadMatch[2] ?? "");
    rest = rest.slice(roadMatch[0].length);
  }
  const numberMatch = road ? /^(\d+)(?:号|弄|-\d+号?)?/.exec(rest) : null;
  const number = numberMatch ? String(Number(numberMatch[1])) : null;
  const detail = numberMatch ? rest.slice(numberMatch[0].length) : rest;

  return {
    cleaned,
    provinceCode: province?.code ?? null,
    cityCode: city?.code ?? null,
    districtCode: district?.code ?? null,
    districtName,
    road,
    number,
    detail,
  };
}

export type AddressComparison =
  | { same: true; reason: "same_premises" }
  | {
      same: false;
      reason:
        | "different_province"
        | "different_city"
        | "different_district"
        | "different_road"
        | "different_number"
        | "incomplete";
    };

/** The road without a trailing direction written or omitted (黄埔大道西 ~ 黄埔大道): compared loosely. */
function roadKey(road: string): string {
  return road.replace(/[东西南北中]段?$/, "").replace(/大街$/, "街");
}

/**
 * Same premises when every administrative level both addresses name agrees, and road and house number are
 * equal. A level one address omits is not a difference (广州市天河区… ~ 天河区…); a missing road or number is
 * "incomplete" (the premises cannot be confirmed). Units after the number (室/栋/楼) are not compared.
 */
export function compareAddresses(a: ParsedAddress, b: ParsedAddress): AddressComparison {
  const differ = (x: string | null, y: string | null) => x !== null && y !== null && x !== y;
  if (differ(a.provinceCode, b.provinceCode)) return { same: false, reason: "different_province" };
  if (differ(a.cityCode, b.cityCode)) return { same: false, reason: "different_city" };
  if (differ(a.districtCode, b.districtCode)) return { same: false, reason: "different_district" };
  if (a.districtCode === null && b.districtCode === null && differ(a.districtName, b.districtName)) {
    return { same: false, reason: "different_district" };
  }
  if (!a.road || !b.road || !a.number || !b.number) return { same: false, reason: "incomplete" };
  if (roadKey(a.road) !== roadKey(b.road)) return { same: false, reason: "different_road" };
  if (a.number !== b.number) return { same: false, reason: "different_number" };
  return { same: true, reason: "same_premises" };
}

// — shop names —

/** Company forms and branch words stripped before names are compared. */
const COMPANY_FORMS = /(股份有限公司|有限责任公司|有限公司|个体工商户|公司|商行|经营部)$/;
const BRANCH_SUFFIX = /(分店|总店|旗舰店|门店|分部|店)$/;

/**
 * A name for comparison: NFKC, bracketed parts removed (（体育西路店）), punctuation and whitespace removed,
 * the company form and a trailing 店/分店/总店/旗舰店/门店 removed, a leading province/city/district name removed.
 * A branch written without brackets (老王面馆天河分店 → 老王面馆天河) is left to the containment rule of namesMatch.
 */
export function normalizeShopName(name: string, gazetteer?: Gazetteer): string {
  let text = name
    .normalize("NFKC")
    .replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】|〔[^〕]*〕/g, "")
    .replace(PUNCTUATION, "");
  text = text.replace(COMPANY_FORMS, "");
  if (gazetteer) {
    for (const level of ["province", "city", "county"] as const) {
      const [match] = matchAt(text, gazetteer, (e) => e.level === level);
      if (match && text.length - match.length >= 2) text = text.slice(match.length);
    }
  }
  const withoutBranch = text.replace(BRANCH_SUFFIX, "");
  return withoutBranch.length >= 2 ? withoutBranch : text;
}

/**
 * Tolerant name match: the normalised shop name equals, contains or is contained in one of the normalised
 * licensed names (store name, licensee name), with at least two characters in common that way.
 */
export function namesMatch(
  shopName: string,
  licensedNames: readonly string[],
  gazetteer?: Gazetteer,
): boolean {
  const shop = normalizeShopName(shopName, gazetteer);
  if (shop.length < 2) return false;
  return licensedNames.some((licensed) => {
    const name = normalizeShopName(licensed, gazetteer);
    return name.length >= 2 && (shop.includes(name) || name.includes(shop));
  });
}
