import type { SafetyColour } from "../../config.js";

export interface ColourFacts {
  /** The store holds a licence with status valid whose validity has not ended. */
  hasValidLicence: boolean;
  /** The store has an open red alert (预警, seed 004 Xiangshan): red until an officer closes it. */
  openRedAlert: boolean;
  /** The store's current grade (store_grades), if step 5 has graded it. */
  grade: { colour: SafetyColour } | null;
  /** DEFAULT_SAFETY_COLOUR: the colour of a licensed store not graded yet. */
  defaultColour: SafetyColour;
}

export type ColourReason = "no_valid_licence" | "red_alert" | "grade" | "default";

/**
 * 三色动态码 (seed 001: green 良好, yellow 一般, red 较差). An open red flag wins over everything: a store
 * without a valid licence (missing, suspended, revoked, cancelled or expired) is red, and so is a store with an
 * open red alert (seed 004 Xiangshan 红色预警, until closed). Otherwise the current
 * grade's colour, else the configured default. repository.ts#colourSql states the same rule in SQL for search.
 */
export function safetyColour(facts: ColourFacts): { colour: SafetyColour; reason: ColourReason } {
  if (!facts.hasValidLicence) return { colour: "red", reason: "no_valid_licence" };
  if (facts.openRedAlert) return { colour: "red", reason: "red_alert" };
  if (facts.grade) return { colour: facts.grade.colour, reason: "grade" };
  return { colour: facts.defaultColour, reason: "default" };
}

/** Whether a licence row counts as valid on a day (YYYY-MM-DD, China time). */
export function isLicenceValid(licence: { status: string; validTo: string }, today: string): boolean {
  return licence.status === "valid" && licence.validTo >= today;
}
