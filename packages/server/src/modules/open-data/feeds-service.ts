import type { Queryable } from "../../db/client.js";
import type { FileStore } from "../files/file-store.js";
import * as repo from "./repository.js";

export function livesZipUrl(publicBaseUrl: string, regionCode: string): string {
  return `${publicBaseUrl}/api/v1/open/lives/${regionCode}.zip`;
}

/** Every built LIVES feed with its download URL. */
export async function listLivesFeeds(db: Queryable, publicBaseUrl: string) {
  const rows = await repo.listFeeds(db);
  return {
    items: rows.map((row) => ({
      regionCode: row.regionCode,
      regionName: row.regionName,
      builtAt: row.builtAt.toISOString(),
      counts: row.counts,
      url: livesZipUrl(publicBaseUrl, row.regionCode),
    })),
  };
}

/** The zip of a region, or null when none was built (or its bytes are missing from the file store). */
export async function readLivesZip(db: Queryable, fileStore: FileStore, regionCode: string) {
  const feed = await repo.findFeedFile(db, regionCode);
  if (!feed) return null;
  const bytes = await fileStore.get(feed.sha256);
  return bytes ? { bytes, sha256: feed.sha256, builtAt: feed.builtAt } : null;
}
