import type { Queryable } from "../../db/client.js";
import { findBusinessById } from "../entities/repository.js";
import type { LicenseHooks } from "../licensing/hooks.js";
import { queueIssuanceNotices } from "../outbox/notifications.js";
import { queueLicenseWebhooks } from "../partners/service.js";
import { invalidateStore } from "../safety-code/cache.js";
import { issueCertificate, updateCertificateStatus, type CertificateDeps } from "./service.js";

/**
 * A new licence version is signed, announced (三即时) and pushed to partners; a status change reaches the lists.
 * Either way this process's cached scan pages of the store are dropped (other nodes: within the 30 s TTL).
 */
export function createLicenseHooks(deps: CertificateDeps): LicenseHooks {
  return {
    async versionIssued(tx: Queryable, license, reason) {
      await issueCertificate(tx, deps, license.id, license.currentVersion);
      const business = (await findBusinessById(tx, license.businessId))!;
      await queueIssuanceNotices(tx, {
        licenseId: license.id,
        number: license.number,
        version: license.currentVersion,
        regionCode: license.regionCode,
        businessId: license.businessId,
        holderName: business.name,
        phone: business.phone,
        reason,
      });
      await queueLicenseWebhooks(tx, license, "license.version_issued");
      invalidateStore(license.storeId);
    },
    async statusChanged(tx: Queryable, license) {
      await updateCertificateStatus(tx, license.id, license.status);
      await queueLicenseWebhooks(tx, license, "license.status_changed");
      invalidateStore(license.storeId);
    },
  };
}
