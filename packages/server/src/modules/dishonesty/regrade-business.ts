import type { Queryable } from "../../db/client.js";
import { regradeStore } from "../credit/grading.js";
import { listStores } from "../entities/repository.js";

/**
 * The serious-dishonesty list is the business's (a veto in Rizhao's and Zhenhai's models): a listing or a removal
 * re-grades every store of the business at once, in the caller's transaction.
 */
export async function regradeBusiness(tx: Queryable, businessId: string, today: string): Promise<void> {
  const stores = await listStores(tx, { regionPrefix: null, businessId, limit: 1000 });
  for (const store of stores) await regradeStore(tx, store.id, today);
}
