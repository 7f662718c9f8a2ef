import type { Database } from "../../db/client.js";
import { SYSTEM_CONTEXT } from "../accounts/actor.js";
import { recordAudit } from "../audit/service.js";
import * as repo from "./repository.js";

const BATCH = 500;

/**
 * Marks open complaints past their acknowledge or close deadline as escalated (督办), once each, with an audit
 * row per complaint in the same transaction. Returns how many were escalated.
 */
export async function escalateOverdueComplaints(db: Database, now: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const escalated = await db.transaction(async (tx) => {
      const rows = await repo.lockOverdueUnescalated(tx, now, BATCH);
      for (const complaint of rows) {
        await repo.updateComplaint(tx, complaint.id, { escalatedAt: now });
        const reason = complaint.closeBy.getTime() < now.getTime() ? "close_overdue" : "acknowledge_overdue";
        await recordAudit(tx, SYSTEM_CONTEXT, {
          action: "complaint.escalate",
          subjectType: "complaint",
          subjectId: complaint.id,
          regionCode: complaint.regionCode,
          before: { status: complaint.status },
          after: { escalatedAt: now.toISOString(), reason },
        });
      }
      return rows.length;
    });
    total += escalated;
    if (escalated < BATCH) return total;
  }
}
