import type { Queryable } from "../../db/client.js";
import type { LicenseRow } from "./repository.js";

/**
 * What else happens, in the same transaction, when the licence register changes: certificates, notices,
 * partner webhooks. Licensing defines the port; the certificates module implements it.
 */
export interface LicenseHooks {
  versionIssued(tx: Queryable, license: LicenseRow, reason: string): Promise<void>;
  statusChanged(tx: Queryable, license: LicenseRow): Promise<void>;
}
