import { incentivesFor } from "@shian/domain";
import type { Database } from "../../db/client.js";
import type { UserActor } from "../accounts/actor.js";
import { listStoreGradesOfBusiness } from "./referrals-repository.js";

/** 守信激励: for each of the business's stores, what its current grade qualifies for (seed 004 Zhenhai). */
export async function listIncentives(db: Database, actor: UserActor) {
  if (!actor.businessId) return [];
  const stores = await listStoreGradesOfBusiness(db, actor.businessId);
  return stores.map((store) => {
    const grade =
      store.model && store.grade
        ? { model: store.model, grade: store.grade, riskColour: store.riskColour, period: store.period }
        : null;
    return {
      storeId: store.storeId,
      storeName: store.storeName,
      grade,
      incentives: grade
        ? incentivesFor(grade).map(({ code, label, maxYuan, source }) => ({ code, label, maxYuan, source }))
        : [],
    };
  });
}
