// LIVES (Local Inspector Value-Entry Specification, Yelp with San Francisco and New York, v1.0 2013): a zip of
// comma-separated files with fixed field names. Pure functions: rows in, file texts and zip bytes out.
// Field lists: the spec's businesses / inspections / violations / legend / feed_info formats; optional fields
// that would carry personal data (phone_number, owner_name, owner_address, owner_city, owner_state, owner_zip)
// and those we do not hold (tax_code, application_date, contact_email) are left out, as the spec allows.

import { DEFAULT_SCORING_CONFIG } from "@shian/domain";
import { strToU8, zipSync } from "fflate";

export const LIVES_VERSION = "1.0";

export const LIVES_HEADERS = {
  "businesses.csv": [
    "business_id",
    "name",
    "address",
    "city",
    "state",
    "postal_code",
    "latitude",
    "longitude",
    "business_certificate",
  ],
  "inspections.csv": ["business_id", "score", "date", "description", "type"],
  "violations.csv": ["business_id", "date", "code", "description"],
  "legend.csv": ["minimum_score", "maximum_score", "description"],
  "feed_info.csv": ["feed_date", "feed_version", "municipality_name", "municipality_url"],
} as const;

export type LivesFileName = keyof typeof LIVES_HEADERS;
export const LIVES_FILES = Object.keys(LIVES_HEADERS) as LivesFileName[];

type Cell = string | number | null;

/**
 * One CSV field as the spec wants it: no tabs or line breaks inside a value (replaced by a space), and a value
 * holding a comma or a quotation mark enclosed in quotes with inner quotes doubled (the Excel convention).
 */
export function csvField(value: Cell): string {
  if (value === null) return "";
  const text = String(value).replace(/[\t\r\n]+/g, " ");
  return /[",]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvText(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/** YYYYMMDD, the spec's date format, from a YYYY-MM-DD day. */
export function livesDate(day: string): string {
  return day.replace(/-/g, "");
}

/** The spec's inspection types are initial, routine, followup and complaint. */
export function livesInspectionType(kind: string): "routine" | "followup" | "complaint" {
  if (kind === "complaint") return "complaint";
  if (kind === "alert_follow_up" || kind === "commitment_follow_up") return "followup";
  return "routine";
}

/**
 * legend.csv: the checklist score (0–100) in the three colours of the 食安码 (seed 001: 良好 / 一般 / 较差).
 * 100 means every answered item passed (合格); below the fail threshold (60) the inspection fails (不合格);
 * in between some items are to be rectified (限期整改). A critical item failed also fails an inspection
 * whatever its score: inspections.csv's description states the outcome exactly.
 */
export function legendRows(): Cell[][] {
  const failBelow = DEFAULT_SCORING_CONFIG.failBelow;
  return [
    [0, failBelow - 1, `红 red · 较差 poor: 不合格 fail (score below ${failBelow})`],
    [failBelow, 99, "黄 yellow · 一般 fair: 限期整改 items to rectify"],
    [100, 100, "绿 green · 良好 good: 合格 all items passed"],
  ];
}

export interface LivesBusiness {
  businessId: string;
  name: string;
  address: string;
  city: string;
  state: string;
  latitude: number | null;
  longitude: number | null;
  /** The food business licence number (食品经营许可证编号). */
  licenceNumber: string | null;
}

export interface LivesInspection {
  businessId: string;
  score: number | null;
  /** YYYY-MM-DD, China time. */
  day: string;
  description: string;
  kind: string;
}

export interface LivesViolation {
  businessId: string;
  day: string;
  code: string;
  description: string;
}

export interface LivesFeed {
  businesses: LivesBusiness[];
  inspections: LivesInspection[];
  violations: LivesViolation[];
  feedDay: string;
  municipalityName: string;
  municipalityUrl: string;
}

/** The text of every file of a feed. */
export function livesFiles(feed: LivesFeed): Record<LivesFileName, string> {
  return {
    "businesses.csv": csvText(
      LIVES_HEADERS["businesses.csv"],
      feed.businesses.map((b) => [
        b.businessId,
        b.name,
        b.address,
        b.city,
        b.state,
        // Required by the spec, not held by the register: present and empty.
        "",
        b.latitude,
        b.longitude,
        b.licenceNumber,
      ]),
    ),
    "inspections.csv": csvText(
      LIVES_HEADERS["inspections.csv"],
      feed.inspections.map((i) => [
        i.businessId,
        i.score,
        livesDate(i.day),
        i.description,
        livesInspectionType(i.kind),
      ]),
    ),
    "violations.csv": csvText(
      LIVES_HEADERS["violations.csv"],
      feed.violations.map((v) => [v.businessId, livesDate(v.day), v.code, v.description]),
    ),
    "legend.csv": csvText(LIVES_HEADERS["legend.csv"], legendRows()),
    "feed_info.csv": csvText(LIVES_HEADERS["feed_info.csv"], [
      [livesDate(feed.feedDay), LIVES_VERSION, feed.municipalityName, feed.municipalityUrl],
    ]),
  };
}

/** The zip of a feed, UTF-8 files without BOM (a BOM would become part of the first field name). */
export function livesZip(feed: LivesFeed, builtAt: Date): Uint8Array {
  const texts = livesFiles(feed);
  return zipSync(Object.fromEntries(LIVES_FILES.map((name) => [name, strToU8(texts[name])])), {
    level: 6,
    mtime: builtAt,
  });
}
