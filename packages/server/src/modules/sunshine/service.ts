import { chinaDate } from "@shian/domain";
import type { Queryable } from "../../db/client.js";
import { loadScanView, scanUrl, type SafetyCodeDeps, type ScanView } from "../safety-code/service.js";
import * as repo from "./repository.js";

export interface ScreenView {
  scan: ScanView;
  scanUrl: string;
  today: string;
  feed: { name: string; hlsUrl: string } | null;
  rapidTests: { item: string; result: "pass" | "fail"; value: string | null; testedAt: Date }[];
}

/** Everything the 阳光电子屏 shows: the scan page's public view plus today's 快检 and the kitchen feed. */
export async function loadScreen(
  db: Queryable,
  deps: SafetyCodeDeps,
  code: string,
  now = new Date(),
): Promise<ScreenView | null> {
  const today = chinaDate(now);
  const scan = await loadScanView(db, deps, code, today);
  if (!scan) return null;
  const [feed, rapidTests] = await Promise.all([
    repo.findScreenFeed(db, scan.storeId),
    repo.listRapidTestsOn(db, scan.storeId, today),
  ]);
  return { scan, scanUrl: scanUrl(deps, scan.code), today, feed: feed ?? null, rapidTests };
}
