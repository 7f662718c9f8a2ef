// The nightly LIVES rebuild, in the server process like the grading schedule: every hour it checks whether
// today's build (China time) is due — after 02:00, when the night's jobs (grading, alerts) have settled and
// traffic is lowest — and builds every region once. The date of the newest built_at is the "done" mark, so a
// restart, or a second node, does not build twice in a day (a race between nodes costs one extra build, harmless).

import { chinaDate } from "@shian/domain";
import type { FastifyBaseLogger } from "fastify";
import type { Database } from "../../db/client.js";
import { buildLivesFeeds, type BuildDeps } from "./build-feeds.js";
import { latestBuildTime } from "./repository.js";

export const OPEN_DATA_CHECK_INTERVAL_MS = 3_600_000;
/** Builds start from this hour, China time. */
export const OPEN_DATA_BUILD_HOUR = 2;

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** Whether the build of `now`'s China day is due: past 02:00 there, and nothing built yet that day. */
export function isBuildDue(now: Date, lastBuiltAt: Date | null): boolean {
  const chinaHour = new Date(now.getTime() + CHINA_OFFSET_MS).getUTCHours();
  if (chinaHour < OPEN_DATA_BUILD_HOUR) return false;
  return !lastBuiltAt || lastBuiltAt.getTime() < dayBuildStart(now);
}

/** 02:00 China time of `now`'s China day, as epoch ms. */
function dayBuildStart(now: Date): number {
  const day = chinaDate(now);
  return Date.parse(`${day}T0${OPEN_DATA_BUILD_HOUR}:00:00+08:00`);
}

/** Runs the nightly build when it is due; returns the number of regions built (0 when not due). */
export async function rebuildIfDue(
  db: Database,
  deps: BuildDeps,
  log: FastifyBaseLogger,
  now = new Date(),
): Promise<number> {
  if (!isBuildDue(now, await latestBuildTime(db))) return 0;
  const built = await buildLivesFeeds(db, deps, {
    now,
    onError: (regionCode, error) => log.error({ err: error, regionCode }, "LIVES feed build failed"),
  });
  log.info({ regions: built.length }, "LIVES open-data feeds rebuilt");
  return built.length;
}
