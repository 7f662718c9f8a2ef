import { chinaDate } from "@shian/domain";
import type { Database, Queryable } from "../../db/client.js";
import { AppError } from "../../http/errors.js";
import type { RequestContext, UserActor } from "../accounts/actor.js";
import { recordAudit } from "../audit/service.js";
import { authorizeOwnStore } from "../commitments/policy.js";
import { findStoreById } from "../entities/repository.js";
import { loadScanView, scanUrl, type SafetyCodeDeps, type ScanView } from "../safety-code/service.js";
import * as repo from "./repository.js";

/** An https URL whose path is an HLS playlist; anything else is refused (400). */
export function parseHlsUrl(text: string): URL {
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    url = null;
  }
  if (!url || url.protocol !== "https:" || !url.pathname.endsWith(".m3u8") || url.username || url.password) {
    throw new AppError(
      "validation_failed",
      {
        "zh-CN": "视频地址须为 https 开头、以 .m3u8 结尾的 HLS 地址",
        en: "The feed must be an https HLS (.m3u8) URL",
      },
      [{ pointer: "/body/hlsUrl", message: "must be an https URL ending in .m3u8" }],
    );
  }
  return url;
}

/** 明厨亮灶: the business owner registers a kitchen video feed for one of its stores. */
export async function addFeed(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  input: { storeId: string; name: string; hlsUrl: string },
) {
  const store = await findStoreById(db, input.storeId);
  authorizeOwnStore(actor, store);
  const hlsUrl = parseHlsUrl(input.hlsUrl).href;
  return db.transaction(async (tx) => {
    const feed = await repo.insertFeed(tx, { storeId: store.id, name: input.name.trim(), hlsUrl });
    await recordAudit(tx, context, {
      action: "kitchen_feed.create",
      subjectType: "kitchen_feed",
      subjectId: feed.id,
      regionCode: store.regionCode,
      after: { storeId: store.id, name: feed.name, hlsUrl },
    });
    return (await repo.findFeed(tx, feed.id))!;
  });
}

export function listFeeds(db: Queryable, actor: UserActor, storeId?: string) {
  if (!actor.businessId) return Promise.resolve([]);
  return repo.listFeedsOfBusiness(db, actor.businessId, storeId);
}

export async function removeFeed(db: Database, context: RequestContext, actor: UserActor, id: string) {
  const feed = await repo.findFeed(db, id);
  authorizeOwnStore(actor, feed);
  await db.transaction(async (tx) => {
    await repo.deleteFeed(tx, id);
    await recordAudit(tx, context, {
      action: "kitchen_feed.delete",
      subjectType: "kitchen_feed",
      subjectId: id,
      regionCode: feed.regionCode,
      before: { storeId: feed.storeId, name: feed.name, hlsUrl: feed.hlsUrl },
    });
  });
}

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
