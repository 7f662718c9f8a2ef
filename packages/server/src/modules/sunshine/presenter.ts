import type { Static } from "@sinclair/typebox";
import type { FeedRow } from "./repository.js";
import type { FeedView } from "./schema.js";

export function presentFeed(feed: FeedRow): Static<typeof FeedView> {
  return {
    id: feed.id,
    storeId: feed.storeId,
    storeName: feed.storeName,
    name: feed.name,
    hlsUrl: feed.hlsUrl,
    createdAt: feed.createdAt.toISOString(),
    screenPath: feed.safetyCode ? `/screen/${feed.safetyCode}` : null,
  };
}
