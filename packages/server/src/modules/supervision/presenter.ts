import type { Static } from "@sinclair/typebox";
import { maskName } from "../../http/masking.js";
import { drawSeed, type DrawEvidence } from "./draw-record.js";
import type { CommitmentRow, ConflictRow, DrawRow, PlanItemRow, PlanRow } from "./repository.js";
import type { CommitmentView, ConflictView, PlanItemView, PlanView, PublicDraw } from "./schema.js";

export function presentCommitment(row: CommitmentRow): Static<typeof CommitmentView> {
  return {
    id: row.id,
    regionCode: row.regionCode,
    period: row.period,
    commitment: row.commitment,
    createdAt: row.createdAt.toISOString(),
  };
}

type CompletionRow = {
  grade: string;
  mode: "online" | "offline";
  items: number;
  itemsDone: number;
  visitsRequired: number;
  visitsDone: number;
};

export function presentPlan({
  plan,
  completion,
}: {
  plan: PlanRow & { drawId: string | null };
  completion: CompletionRow[];
}): Static<typeof PlanView> {
  const total = (key: "items" | "itemsDone" | "visitsRequired" | "visitsDone") =>
    completion.reduce((sum, row) => sum + row[key], 0);
  return {
    id: plan.id,
    regionCode: plan.regionCode,
    period: plan.period,
    model: plan.model,
    modelVersion: plan.modelVersion,
    drawId: plan.drawId,
    createdAt: plan.createdAt.toISOString(),
    completion: {
      items: total("items"),
      itemsDone: total("itemsDone"),
      visitsRequired: total("visitsRequired"),
      visitsDone: total("visitsDone"),
    },
    grades: completion.map((row) => ({
      grade: row.grade,
      mode: row.mode,
      items: row.items,
      itemsDone: row.itemsDone,
      visitsRequired: row.visitsRequired,
      visitsDone: row.visitsDone,
    })),
  };
}

export function presentPlanItem(
  { item, storeName }: { item: PlanItemRow; storeName: string },
  names: ReadonlyMap<string, string>,
): Static<typeof PlanItemView> {
  return {
    id: item.id,
    storeId: item.storeId,
    storeName,
    grade: item.grade,
    mode: item.mode,
    visitsRequired: item.visitsRequired,
    visitsDone: item.visitsDone,
    done: item.visitsDone >= item.visitsRequired,
    inspectors: (item.inspectorIds ?? []).map((id) => ({ id, displayName: names.get(id) ?? "" })),
  };
}

export function presentConflict(row: ConflictRow): Static<typeof ConflictView> {
  return {
    userId: row.userId,
    businessId: row.businessId,
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Everything needed to re-compute the draw; inspectors' names masked (PIPL art. 51), their ids kept. */
export function presentPublicDraw({
  draw,
  plan,
  commitment,
  names,
}: {
  draw: DrawRow;
  plan: PlanRow | undefined;
  commitment: CommitmentRow | undefined;
  names: ReadonlyMap<string, string>;
}): Static<typeof PublicDraw> {
  const pool = draw.inspectorPool as DrawEvidence["draw"]["pool"];
  return {
    id: draw.id,
    planId: draw.planId,
    regionCode: draw.regionCode,
    period: draw.period,
    model: plan?.model ?? null,
    modelVersion: plan?.modelVersion ?? null,
    algorithm: draw.algorithm,
    declaredSeed: draw.declaredSeed,
    revealedSecret: draw.revealedSecret,
    seed: drawSeed(draw.declaredSeed, draw.revealedSecret),
    commitment: commitment
      ? { id: commitment.id, sha256: commitment.commitment, createdAt: commitment.createdAt.toISOString() }
      : null,
    populationHash: draw.populationHash,
    strata: draw.population as DrawEvidence["draw"]["strata"],
    inspectorPool: {
      hash: pool.hash,
      perInspection: pool.perInspection,
      inspectors: pool.inspectorIds.map((id) => ({ id, name: maskName(names.get(id) ?? "") })),
      exclusions: pool.exclusions,
    },
    selection: draw.selection as DrawEvidence["draw"]["selection"],
    createdAt: draw.createdAt.toISOString(),
  };
}
