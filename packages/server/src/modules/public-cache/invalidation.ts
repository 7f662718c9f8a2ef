import type { Queryable } from "../../db/client.js";
import { dropVerification, verificationCache } from "../certificates/verify-cache.js";
import { dropStorePages, scanPageCache } from "../safety-code/cache.js";
import { publishInTransaction, type Invalidation } from "./notify.js";

/** Applies one invalidation to this process's caches (our own change, or a NOTIFY from any node). */
export function applyInvalidation({ kind, key }: Invalidation): void {
  if (kind === "store") dropStorePages(key);
  else if (kind === "license") dropVerification(key);
  else scanPageCache.clear();
}

/** Drops every public cache entry of this process: after (re)connecting the listener, messages may be lost. */
export function dropAllPublicCaches(): void {
  scanPageCache.clear();
  verificationCache.clear();
}

/**
 * A licence or its certificate changed inside `tx`: its verification answer and its store's scan pages are
 * dropped here at once (so the next request here reads the new state), and every node hears a NOTIFY when the
 * transaction commits (which also repairs anything this process cached between the drop and the commit).
 */
export async function invalidateLicense(
  tx: Queryable,
  license: { number: string; storeId: string },
): Promise<void> {
  const messages: Invalidation[] = [
    { kind: "license", key: license.number },
    { kind: "store", key: license.storeId },
  ];
  for (const message of messages) applyInvalidation(message);
  await publishInTransaction(tx, messages);
}
