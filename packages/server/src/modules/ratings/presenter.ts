import type { RatingRow } from "./repository.js";

/** A rating as officers see it: the comment in full (they moderate it), never the device hash. */
export function presentRating(row: RatingRow) {
  return {
    id: row.id,
    storeId: row.storeId,
    storeName: row.storeName,
    regionCode: row.regionCode,
    stars: row.stars,
    comment: row.comment,
    ratedOn: row.ratedOn,
    moderation: row.moderation,
    createdAt: row.createdAt.toISOString(),
  };
}
