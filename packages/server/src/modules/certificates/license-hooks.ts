import type { Queryable } from "../../db/client.js";
import { findBusinessById } from "../entities/repository.js";
import type { LicenseHooks } from "../licensing/hooks.js";
import { queueIssuanceNotices } from "../outbox/notifications.js";
import { queueLicenseWebhooks } from "../partners/service.js";
import { invalidateLicense } from "../public-cache/invalidation.js";
import { issueCertificate, updateCertificateStatus, type CertificateDeps } from "./service.js";

/**
 * A new licence version is signed, announced (三即时) and pushed to partners; a status change reaches the lists.
 * Either way the licence's verification answer and the store's scan pages are dropped from this process's caches,
 * and other nodes drop them when the transaction commits (NOTIFY, modules/public-cache).
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
        phoneSealed: business.phoneSealed,
        phoneMasked: business.phoneMasked,
        reason,
      });
      await queueLicenseWebhooks(tx, license, "license.version_issued");
      await invalidateLicense(tx, license);
    },
    async statusChanged(tx: Queryable, license) {
      await updateCertificateStatus(tx, license.id, license.status);
      await queueLicenseWebhooks(tx, license, "license.status_changed");
      await invalidateLicense(tx, license);
    },
  };
}
