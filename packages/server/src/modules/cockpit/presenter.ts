import type { Static } from "@sinclair/typebox";
import type { SafetyColour } from "../../config.js";
import { COMPLAINT_CATEGORIES, isComplaintCategory } from "../complaints/categories.js";
import type * as repo from "./repository.js";
import type { CockpitView } from "./schema.js";

type View = Static<typeof CockpitView>;
const DAY_MS = 86_400_000;

export function colourCounts(rows: { colour: SafetyColour; count: number }[]) {
  const counts = { green: 0, yellow: 0, red: 0 };
  for (const row of rows) counts[row.colour] += row.count;
  return counts;
}

function iso(value: string | Date | null): string | null {
  if (value === null) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

/** An application's clock: whole days to the deadline (rounded up, negative once past). */
export function presentClock(
  row: Awaited<ReturnType<typeof repo.applicationClocks>>[number],
  now: Date,
): View["applications"]["clocks"][number] {
  const deadline = iso(row.stageDeadline);
  const left = deadline === null ? null : new Date(deadline).getTime() - now.getTime();
  return {
    id: row.id,
    kind: row.kind,
    licenseType: row.licenseType,
    status: row.status,
    regionCode: row.regionCode,
    storeName: row.storeName,
    submittedAt: iso(row.submittedAt),
    stageDeadline: deadline,
    daysLeft: left === null ? null : Math.ceil(left / DAY_MS) || 0,
    overdue: left !== null && left < 0,
  };
}

export function presentComplaint(
  row: Awaited<ReturnType<typeof repo.complaintsByCategory>>[number],
): View["complaints"][number] {
  const names = isComplaintCategory(row.category) ? COMPLAINT_CATEGORIES[row.category] : null;
  return {
    category: row.category,
    label: { zh: names?.["zh-CN"] ?? row.category, en: names?.en ?? row.category },
    onTime: row.onTime,
    overdue: row.overdue,
    open: row.open,
  };
}

export function presentPoint(row: repo.StoreSummaryRow): View["map"]["points"][number] {
  return {
    storeId: row.id,
    name: row.name,
    regionCode: row.regionCode,
    lat: row.lat ?? 0,
    lng: row.lng ?? 0,
    colour: row.colour,
    safetyCode: row.safetyCode,
  };
}

export function presentStoreChild(row: repo.StoreSummaryRow): View["children"]["items"][number] {
  return {
    kind: "store",
    code: row.id,
    name: row.name,
    stores: 1,
    green: row.colour === "green" ? 1 : 0,
    yellow: row.colour === "yellow" ? 1 : 0,
    red: row.colour === "red" ? 1 : 0,
    openAlerts: row.openAlerts,
    safetyCode: row.safetyCode,
  };
}
