import { chinaDate } from "@shian/domain";
import type { SafetyColour } from "../../config.js";
import type { Database } from "../../db/client.js";
import { SYSTEM_CONTEXT, type RequestContext } from "../accounts/actor.js";
import { recordAudit } from "../audit/service.js";
import { queueStoreColourWebhooks } from "../partners/service.js";
import { recordColourChanges } from "./repository.js";

export interface ColourFeedSummary {
  /** Stores whose colour changed since the last run (webhooks queued). */
  changed: number;
  /** Stores seen for the first time (colour recorded, no webhook). */
  firstSeen: number;
}

/**
 * Detects 食安码 colour changes and, in the same transaction, records them and queues one signed
 * "store.colour_changed" webhook per authorised partner webhook through the outbox.
 */
export async function runColourFeed(
  db: Database,
  defaultColour: SafetyColour,
  context: RequestContext = SYSTEM_CONTEXT,
  now = new Date(),
): Promise<ColourFeedSummary> {
  return db.transaction(async (tx) => {
    const rows = await recordColourChanges(tx, chinaDate(now), defaultColour, now);
    const at = now.toISOString();
    let changed = 0;
    for (const row of rows) {
      if (row.previousColour === null) continue;
      changed += 1;
      await queueStoreColourWebhooks(tx, { ...row, previousColour: row.previousColour }, at);
    }
    const summary = { changed, firstSeen: rows.length - changed };
    if (rows.length > 0) {
      await recordAudit(tx, context, { action: "colour_feed.run", subjectType: "store", after: summary });
    }
    return summary;
  });
}
