import { addWorkingDays, chinaDate, isWorkingDay } from "@shian/domain";
import type { Static } from "@sinclair/typebox";
import type { RepairWithPenalty } from "./repository.js";
import type { RepairView } from "./schema.js";

/** 当日结 (seed 004, Rizhao): decided on the day of the application, or the next working day when it is not one. */
export function repairDueOn(appliedAt: Date): string {
  const day = chinaDate(appliedAt);
  return isWorkingDay(day) ? day : addWorkingDays(day, 1);
}

export function presentRepair(row: RepairWithPenalty, today: string): Static<typeof RepairView> {
  const { repair } = row;
  const dueOn = repairDueOn(repair.createdAt);
  const pending = repair.status === "pending";
  return {
    id: repair.id,
    penaltyId: repair.penaltyId,
    decisionNumber: row.decisionNumber,
    businessId: repair.businessId,
    businessName: row.businessName,
    storeId: row.storeId,
    storeName: row.storeName,
    regionCode: repair.regionCode,
    status: repair.status,
    statement: repair.statement,
    evidenceFileIds: repair.evidenceFileIds,
    createdAt: repair.createdAt.toISOString(),
    dueOn,
    dueToday: pending && dueOn === today,
    overdue: pending && dueOn < today,
    decidedAt: repair.decidedAt?.toISOString() ?? null,
    decisionNote: repair.decisionNote,
  };
}
