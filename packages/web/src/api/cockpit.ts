// 驾驶舱: one document per region (the jurisdiction by default) with everything the wall screen shows.

import { apiRequest } from "./client";
import type { Bilingual } from "../i18n/messages";

export type SafetyColour = "green" | "yellow" | "red";
export type RegionLevel = "national" | "province" | "city" | "county";

export interface RegionRef {
  code: string;
  name: string;
  level: RegionLevel;
}

export interface ColourCounts {
  green: number;
  yellow: number;
  red: number;
}

export interface ApplicationClock {
  id: string;
  kind: string;
  licenseType: string;
  status: string;
  regionCode: string;
  storeName: string;
  submittedAt: string | null;
  stageDeadline: string | null;
  /** Whole days to the deadline, rounded up; negative once overdue. */
  daysLeft: number | null;
  overdue: boolean;
}

export interface CockpitChild extends ColourCounts {
  kind: "region" | "store";
  /** A region code, or a store id. */
  code: string;
  name: string;
  stores: number;
  openAlerts: number;
  safetyCode: string | null;
}

export interface StorePoint {
  storeId: string;
  name: string;
  regionCode: string;
  lat: number;
  lng: number;
  colour: SafetyColour;
  safetyCode: string | null;
}

export interface Cockpit {
  generatedAt: string;
  region: RegionRef;
  breadcrumbs: RegionRef[];
  licences: { total: number; byFormAndStatus: { businessForm: string; status: string; count: number }[] };
  applications: {
    inProgress: number;
    overdue: number;
    byStage: { status: string; count: number; overdue: number }[];
    clocks: ApplicationClock[];
  };
  colours: {
    current: ColourCounts;
    byMonth: (ColourCounts & { period: string })[];
    gradesByMonth: { period: string; counts: Record<string, number> }[];
  };
  inspections: { period: string; planned: number; planDone: number; done: number }[];
  complaints: { category: string; label: Bilingual; onTime: number; overdue: number; open: number }[];
  alerts: { open: { red: number; yellow: number }; closed24h: { red: number; yellow: number } };
  children: { kind: "region" | "store"; items: CockpitChild[]; total: number; capped: boolean };
  map: { points: StorePoint[]; total: number; capped: boolean };
}

/** The cockpit of a region inside the caller's jurisdiction; without one, the jurisdiction itself. */
export function loadCockpit(region?: string): Promise<Cockpit> {
  return apiRequest<Cockpit>("GET", region ? `/cockpit?region=${encodeURIComponent(region)}` : "/cockpit");
}
