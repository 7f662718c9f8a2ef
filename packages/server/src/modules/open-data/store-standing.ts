// A store's public standing for the in-shop board (亮照亮证 / e-photo-frame): its 食安码 colour, decided by
// the scan page's own rule (safety-code/colour.ts#safetyColour over the same facts), and its last inspection.

import { chinaDate } from "@shian/domain";
import type { SafetyColour } from "../../config.js";
import type { Queryable } from "../../db/client.js";
import { safetyColour, type ColourReason } from "../safety-code/colour.js";
import {
  findGrade,
  hasOpenRedAlert,
  hasValidLicence,
  listInspectionHistory,
} from "../safety-code/repository.js";

export interface StoreStanding {
  colour: SafetyColour;
  colourReason: ColourReason;
  grade: string | null;
  lastInspection: { date: string; kind: string; outcome: string | null } | null;
}

export async function loadStoreStanding(
  db: Queryable,
  storeId: string,
  defaultColour: SafetyColour,
  today = chinaDate(new Date()),
): Promise<StoreStanding> {
  const [valid, redAlert, grade, [last]] = await Promise.all([
    hasValidLicence(db, storeId, today),
    hasOpenRedAlert(db, storeId),
    findGrade(db, storeId),
    listInspectionHistory(db, storeId, 1),
  ]);
  const { colour, reason } = safetyColour({
    hasValidLicence: valid,
    openRedAlert: redAlert,
    grade: grade ? { colour: grade.colour } : null,
    defaultColour,
  });
  return {
    colour,
    colourReason: reason,
    grade: grade?.grade ?? null,
    lastInspection: last?.inspectedAt
      ? { date: chinaDate(last.inspectedAt), kind: last.kind, outcome: last.outcome }
      : null,
  };
}
