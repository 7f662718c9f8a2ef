// 监管计划: one month's supervision of a district's stores under one credit model, from their current grades and
// the model's rules (seed 004) — online patrol items, and offline items for the stores of a 双随机 draw.

import {
  DRAW_ALGORITHM,
  DrawError,
  INSPECTORS_PER_INSPECTION,
  drawSelection,
  findModel,
  parentRegionCode,
  planCounts,
  type CreditModel,
  type DrawStratum,
  type DrawnStore,
} from "@shian/domain";
import type { Database, Transaction } from "../../db/client.js";
import { AppError } from "../../http/errors.js";
import type { RequestContext, UserActor } from "../accounts/actor.js";
import { recordAudit } from "../audit/service.js";
import { isCountyCode } from "../entities/repository.js";
import { openSecret, type Keyring } from "../keys/secret-box.js";
import {
  drawSeed,
  hashIds,
  populationHashOf,
  secretContext,
  type StoredInspectorPool,
} from "./draw-record.js";
import { authorizeDistrict } from "./policy.js";
import * as repo from "./repository.js";

export interface CreatePlanInput {
  regionCode: string;
  period: string;
  model: string;
  declaredSeed: string;
}

type GradedStore = { storeId: string; grade: string };

/**
 * Generates the plan in one transaction: an online item per store whose grade gets online patrol; a draw over
 * the grades with an offline share (share 1 = every store), each drawn store an offline item with its two drawn
 * inspectors and the grade's visits per month. 409 when the district already has the plan.
 */
export async function createPlan(
  deps: { db: Database; keyring: Keyring },
  context: RequestContext,
  actor: UserActor,
  input: CreatePlanInput,
) {
  const model = findModel(input.model);
  if (!model) throw new AppError("validation_failed");
  authorizeDistrict(actor, input.regionCode, await isCountyCode(deps.db, input.regionCode));
  return deps.db.transaction(async (tx) => {
    const plan = await repo.insertPlan(tx, {
      regionCode: input.regionCode,
      period: input.period,
      model: model.id,
      modelVersion: model.version,
      createdBy: actor.id,
    });
    if (!plan) {
      throw new AppError("conflict", {
        "zh-CN": "该区县本月已有此模型的监管计划",
        en: "The district already has a plan for this month and model",
      });
    }
    const graded = await repo.gradedStoresOfDistrict(tx, input.regionCode, model.id);
    const strata = offlineStrata(model, graded);
    const draw = strata.some((s) => s.storeIds.length > 0)
      ? await makeDraw(tx, deps.keyring, actor, { ...input, planId: plan.id, strata })
      : null;
    await repo.insertPlanItems(tx, [
      ...graded
        .filter((store) => model.supervision[store.grade]?.online)
        .map((store) => ({
          planId: plan.id,
          storeId: store.storeId,
          grade: store.grade,
          mode: "online" as const,
          visitsRequired: 1,
        })),
      ...(draw
        ? draw.selection.map((drawn) => ({
            planId: plan.id,
            storeId: drawn.storeId,
            grade: drawn.stratum,
            mode: "offline" as const,
            visitsRequired: model.supervision[drawn.stratum]!.visitsPerMonth,
            drawId: draw.id,
            inspectorIds: drawn.inspectorIds,
          }))
        : []),
    ]);
    await recordAudit(tx, context, {
      action: "supervision_plan.create",
      subjectType: "supervision_plan",
      subjectId: plan.id,
      regionCode: plan.regionCode,
      after: {
        period: plan.period,
        model: plan.model,
        modelVersion: plan.modelVersion,
        drawId: draw?.id ?? null,
        counts: planCounts(model, countByGrade(graded)),
      },
    });
    return { ...plan, drawId: draw?.id ?? null };
  });
}

/** The grades with an offline share, best first, each with its stores' sorted ids. */
function offlineStrata(model: CreditModel, graded: GradedStore[]): DrawStratum[] {
  const unknown = graded.find((store) => !model.supervision[store.grade]);
  if (unknown) throw new Error(`store ${unknown.storeId} has grade ${unknown.grade}, unknown to ${model.id}`);
  return model.bands
    .filter(({ grade }) => model.supervision[grade]!.offlineShare > 0)
    .map(({ grade }) => ({
      stratum: grade,
      share: model.supervision[grade]!.offlineShare,
      storeIds: graded
        .filter((store) => store.grade === grade)
        .map((store) => store.storeId)
        .sort(),
    }));
}

function countByGrade(graded: GradedStore[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { grade } of graded) counts[grade] = (counts[grade] ?? 0) + 1;
  return counts;
}

/** The regions whose inspectors cover a district: the district and the regions above it. */
function coveringRegions(regionCode: string): string[] {
  const codes = [regionCode];
  for (let parent = parentRegionCode(regionCode); parent; parent = parentRegionCode(parent))
    codes.push(parent);
  return codes;
}

/** Reveals the period's committed secret and draws stores and inspectors; stores the draw's full record. */
async function makeDraw(
  tx: Transaction,
  keyring: Keyring,
  actor: UserActor,
  input: CreatePlanInput & { planId: string; strata: DrawStratum[] },
): Promise<{ id: string; selection: DrawnStore[] }> {
  const commitment = await repo.findCommitment(tx, input.regionCode, input.period);
  if (!commitment) throw new AppError("draw_commitment_missing");
  const secret = openSecret(keyring, commitment.secretSealed, secretContext(commitment)).toString("hex");
  const inspectorIds = (await repo.inspectorsCovering(tx, coveringRegions(input.regionCode))).map(
    (u) => u.id,
  );
  const excluded = new Map<string, string[]>();
  const exclude = (storeId: string, ids: readonly string[]) =>
    excluded.set(storeId, [...new Set([...(excluded.get(storeId) ?? []), ...ids])].sort());
  for (const { storeId, userId } of await repo.conflictsInDistrict(tx, input.regionCode))
    exclude(storeId, [userId]);
  for (const { storeId, inspectorIds: ids } of await repo.previousDrawnPairs(tx, input))
    exclude(storeId, ids ?? []);
  const selection = drawOrRefuse({
    seed: drawSeed(input.declaredSeed, secret),
    strata: input.strata,
    inspectors: inspectorIds,
    perInspection: INSPECTORS_PER_INSPECTION,
    exclusions: (storeId) => excluded.get(storeId) ?? [],
  });
  const pool: StoredInspectorPool = {
    inspectorIds,
    hash: hashIds(inspectorIds),
    perInspection: INSPECTORS_PER_INSPECTION,
    exclusions: selection
      .filter((drawn) => excluded.has(drawn.storeId))
      .map((drawn) => ({ storeId: drawn.storeId, inspectorIds: excluded.get(drawn.storeId)! })),
  };
  const draw = await repo.insertDraw(tx, {
    planId: input.planId,
    regionCode: input.regionCode,
    period: input.period,
    algorithm: DRAW_ALGORITHM,
    declaredSeed: input.declaredSeed,
    commitmentId: commitment.id,
    revealedSecret: secret,
    populationHash: populationHashOf(input.strata),
    population: input.strata,
    inspectorPool: pool,
    selection,
    createdBy: actor.id,
  });
  return { id: draw.id, selection };
}

function drawOrRefuse(input: Parameters<typeof drawSelection>[0]): DrawnStore[] {
  try {
    return drawSelection(input);
  } catch (error) {
    if (error instanceof DrawError && error.code === "too_few_inspectors") {
      throw new AppError("too_few_inspectors", {
        "zh-CN": `门店 ${error.storeId} 可选执法人员不足两名（已排除回避人员和上期检查人员）`,
        en: error.message,
      });
    }
    throw error;
  }
}
