import { randomBytes } from "node:crypto";
import { chinaDate } from "@shian/domain";
import type { Database, Queryable } from "../../db/client.js";
import type { inspections } from "../../db/schema.js";
import { AppError } from "../../http/errors.js";
import { queryRegionPrefix } from "../../http/region-query.js";
import type { RequestContext, UserActor } from "../accounts/actor.js";
import { isInJurisdiction, jurisdictionPrefix } from "../accounts/jurisdiction.js";
import { findUserById } from "../accounts/repository.js";
import { recordAudit } from "../audit/service.js";
import { findBusinessById, isCountyCode } from "../entities/repository.js";
import { sealSecret, type Keyring } from "../keys/secret-box.js";
import { findDrawDifferences, secretContext, sha256Hex, type DrawEvidence } from "./draw-record.js";
import { assignedInspectorFilter, authorizeDistrict, authorizePlan } from "./policy.js";
import * as repo from "./repository.js";

/**
 * Before the month's draws, the district commits a bureau secret: 32 random bytes, sealed at rest; only their
 * SHA-256 is published until a draw reveals them (docs/draws.md). One per district and month (409 after).
 */
export async function commitDrawSecret(
  deps: { db: Database; keyring: Keyring },
  context: RequestContext,
  actor: UserActor,
  input: { regionCode: string; period: string },
  now = new Date(),
) {
  authorizeDistrict(actor, input.regionCode, await isCountyCode(deps.db, input.regionCode));
  if (input.period < chinaDate(now).slice(0, 7)) {
    throw new AppError(
      "validation_failed",
      { "zh-CN": "只能为本月或以后的月份提交承诺", en: "Commit for this month or a later one" },
      [{ pointer: "/body/period", message: "in the past" }],
    );
  }
  const secret = randomBytes(32);
  try {
    return await deps.db.transaction(async (tx) => {
      const commitment = await repo.insertCommitment(tx, {
        regionCode: input.regionCode,
        period: input.period,
        commitment: sha256Hex(secret),
        secretSealed: sealSecret(deps.keyring, secret, secretContext(input)),
        createdBy: actor.id,
      });
      if (!commitment) {
        throw new AppError("conflict", {
          "zh-CN": "该区县本月已提交承诺",
          en: "The district has already committed a secret for this month",
        });
      }
      await recordAudit(tx, context, {
        action: "draw_commitment.create",
        subjectType: "draw_commitment",
        subjectId: commitment.id,
        regionCode: commitment.regionCode,
        after: { period: commitment.period, commitment: commitment.commitment },
      });
      return commitment;
    });
  } finally {
    secret.fill(0);
  }
}

export async function listPublicCommitments(
  db: Database,
  query: { region?: string | undefined; period?: string | undefined },
) {
  return repo.listCommitments(db, {
    regionPrefix: queryRegionPrefix(query.region),
    period: query.period,
  });
}

/** Plans of the jurisdiction (optionally one region and month), with completion per grade and mode. */
export async function listPlans(
  db: Database,
  actor: UserActor,
  query: { period?: string | undefined; region?: string | undefined },
) {
  const prefixes = [jurisdictionPrefix(actor), queryRegionPrefix(query.region)];
  const plans = await repo.listPlans(db, {
    regionPrefixes: prefixes.filter((prefix): prefix is string => prefix !== null),
    period: query.period,
  });
  const completion = await repo.planCompletion(
    db,
    plans.map((plan) => plan.id),
  );
  return plans.map((plan) => ({ plan, completion: completion.filter((row) => row.planId === plan.id) }));
}

export async function withCompletion(db: Database, plan: repo.PlanRow & { drawId: string | null }) {
  return { plan, completion: await repo.planCompletion(db, [plan.id]) };
}

/** One plan's items, keyset-paged by id; an inspector gets only the offline items he was drawn for. */
export async function listPlanItems(
  db: Database,
  actor: UserActor,
  planId: string,
  query: {
    mode?: "online" | "offline" | undefined;
    grade?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  authorizePlan(actor, await repo.findPlanById(db, planId));
  const rows = await repo.listPlanItems(db, {
    planId,
    mode: query.mode,
    grade: query.grade,
    inspectorId: assignedInspectorFilter(actor),
    afterId: query.cursor,
    limit: query.limit,
  });
  const inspectorIds = [...new Set(rows.flatMap((row) => row.item.inspectorIds ?? []))];
  const names = new Map((await repo.displayNamesOf(db, inspectorIds)).map((u) => [u.id, u.displayName]));
  return {
    rows,
    names,
    nextCursor: rows.length === query.limit ? (rows.at(-1)?.item.id ?? null) : null,
  };
}

/** 回避: an inspector who must never be drawn for a business's stores (kinship, former employment…). */
export async function declareConflict(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  input: { userId: string; businessId: string; reason: string },
) {
  const business = await findBusinessById(db, input.businessId);
  if (!business || !isInJurisdiction(actor, business.regionCode)) throw new AppError("not_found");
  const user = await findUserById(db, input.userId);
  if (!user || user.role !== "inspector") throw new AppError("not_found");
  return db.transaction(async (tx) => {
    const conflict = await repo.insertConflict(tx, {
      userId: user.id,
      businessId: business.id,
      reason: input.reason.trim(),
    });
    if (!conflict) {
      throw new AppError("conflict", {
        "zh-CN": "已登记该回避关系",
        en: "This conflict is already recorded",
      });
    }
    await recordAudit(tx, context, {
      action: "inspector_conflict.create",
      subjectType: "inspector_conflict",
      subjectId: `${user.id}:${business.id}`,
      regionCode: business.regionCode,
      after: { userId: user.id, businessId: business.id },
    });
    return conflict;
  });
}

/** A draw with its plan, commitment and the inspectors' names (the presenter masks them). */
export async function findPublicDraw(db: Database, id: string) {
  const draw = await repo.findDrawById(db, id);
  if (!draw) throw new AppError("not_found");
  const plan = draw.planId ? await repo.findPlanById(db, draw.planId) : undefined;
  const commitment = draw.commitmentId ? await repo.findCommitmentById(db, draw.commitmentId) : undefined;
  const pool = draw.inspectorPool as DrawEvidence["draw"]["pool"];
  const names = new Map((await repo.displayNamesOf(db, pool.inspectorIds)).map((u) => [u.id, u.displayName]));
  return { draw, plan, commitment, names };
}

/** Re-computes a stored draw; undefined when there is no such draw, else what differs (empty: it matches). */
export async function verifyDraw(db: Queryable, id: string): Promise<string[] | undefined> {
  const draw = await repo.findDrawById(db, id);
  if (!draw) return undefined;
  const commitment = draw.commitmentId ? await repo.findCommitmentById(db, draw.commitmentId) : undefined;
  const plan = draw.planId ? await repo.findPlanById(db, draw.planId) : undefined;
  const items = await repo.offlineItemsOfDraw(db, draw.id);
  return findDrawDifferences({
    draw: {
      declaredSeed: draw.declaredSeed,
      revealedSecret: draw.revealedSecret,
      populationHash: draw.populationHash,
      strata: draw.population as DrawEvidence["draw"]["strata"],
      pool: draw.inspectorPool as DrawEvidence["draw"]["pool"],
      selection: draw.selection as DrawEvidence["draw"]["selection"],
    },
    commitment: commitment?.commitment ?? null,
    plan: plan ?? null,
    items: items.map((item) => ({ storeId: item.storeId, inspectorIds: item.inspectorIds ?? [] })),
  });
}

type InspectionKind = (typeof inspections.$inferSelect)["kind"];

/** Officers' on-site inspections count as offline visits; an online patrol as the online one; volunteers' not. */
function planModeOf(kind: InspectionKind): "online" | "offline" | null {
  if (kind === "online_patrol") return "online";
  if (kind === "volunteer_patrol") return null;
  return "offline";
}

/**
 * A finished inspection counts towards the store's open plan item of the month (China date) and mode: one more
 * visit done. Returns the item's id for inspections.plan_item_id, or null when no plan item is open.
 */
export async function countTowardsPlan(
  tx: Queryable,
  inspection: { storeId: string; kind: InspectionKind; at: Date },
): Promise<string | null> {
  const mode = planModeOf(inspection.kind);
  if (!mode) return null;
  const item = await repo.findOpenItemForUpdate(tx, {
    storeId: inspection.storeId,
    period: chinaDate(inspection.at).slice(0, 7),
    mode,
  });
  if (!item) return null;
  await repo.addVisit(tx, item.id);
  return item.id;
}
