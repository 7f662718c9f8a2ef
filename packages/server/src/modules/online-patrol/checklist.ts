// 线上巡查表: the items of the routine checklist (日常监督检查表) an inspector can judge from a kitchen's live video
// and snapshots (明厨亮灶). Papers (licences, health certificates, purchase records, disinfection logs, samples,
// the safety manager) and signs in the dining room cannot be read from a kitchen camera, so they stay for
// on-site visits. The subset is our assumption (docs/online-patrol.md); the items keep their routine codes,
// weights and red-line flags, so rectification orders and reports read them like any routine item.

import type { InspectionTemplate } from "@shian/domain";
import { templateOf } from "../inspections/checklist.js";

export const ONLINE_PATROL_ITEM_CODES = [
  "staff_hygiene",
  "premises_clean",
  "facilities_working",
  "raw_cooked_separated",
  "storage_off_floor",
  "waste_sorting",
] as const;

/** The template an online patrol's results are stored under: its items all come from it. */
export const ONLINE_PATROL_SOURCE_TEMPLATE = "routine" as const;

/** The online-patrol checklist: the routine template restricted to what video shows. */
export function onlinePatrolTemplate(): InspectionTemplate {
  const routine = templateOf(ONLINE_PATROL_SOURCE_TEMPLATE);
  const codes = new Set<string>(ONLINE_PATROL_ITEM_CODES);
  return {
    code: routine.code,
    title: { zh: "线上巡查表（明厨亮灶）", en: "Online patrol checklist (kitchen video)" },
    items: routine.items.filter((item) => codes.has(item.code)),
  };
}
