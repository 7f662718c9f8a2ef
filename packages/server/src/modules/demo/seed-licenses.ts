import { randomUUID } from "node:crypto";
import {
  DEMO_LICENSE_ITEMS,
  formatJyNumber,
  licenseValidity,
  type BusinessSubtype,
  type SeededRandom,
} from "@shian/domain";
import type { Transaction } from "../../db/client.js";
import type { licenseVersions, licenses } from "../../db/schema.js";
import type { StoreRow } from "../entities/repository.js";
import { issueCertificates, type CertificateDeps } from "../certificates/service.js";
import { buildLicenseContent } from "../licensing/license-issuer.js";
import { insertLicensesWithVersions } from "../licensing/repository.js";

interface DemoLicenseOptions {
  random: SeededRandom;
  stores: StoreRow[];
  businesses: Map<string, { name: string; uscc: string; legalRepresentative: string; residence?: string }>;
  regionNames: Map<string, string>;
  today: Date;
  /** Share of stores that hold a licence. */
  share: number;
  /** The first store always gets one (the demo owner's shop). */
  alwaysFirst: boolean;
  certificates: CertificateDeps;
}

const DAY = 86_400_000;

/** 日常监督管理人员 of demo licences, by store index (no random draw: the demo data stays as it was). */
const DEMO_SUPERVISION_OFFICERS = ["李明", "王芳", "张伟", "陈静", "刘洋"];

/**
 * Licences of most demo stores, issued on random days of the last four and a half years (so all still valid),
 * numbered by the same rules as issued ones; the sequence table continues after them.
 */
export async function seedDemoLicenses(tx: Transaction, options: DemoLicenseOptions): Promise<number> {
  const sequences = new Map<string, number>();
  const rows: { license: typeof licenses.$inferInsert; version: typeof licenseVersions.$inferInsert }[] = [];
  for (const [index, store] of options.stores.entries()) {
    const licensed = options.random.next() < options.share || (index === 0 && options.alwaysFirst);
    if (!licensed) continue;
    const issuedAt = new Date(options.today.getTime() - options.random.int(30, 1640) * DAY);
    const validity = licenseValidity(issuedAt.toISOString().slice(0, 10));
    const probe = formatJyNumber({
      businessForm: store.businessForm as never,
      regionCode: store.regionCode,
      sequence: 1,
    });
    const prefix = probe.slice(0, 9);
    const sequence = (sequences.get(prefix) ?? 0) + 1;
    sequences.set(prefix, sequence);
    const number = formatJyNumber({
      businessForm: store.businessForm as never,
      regionCode: store.regionCode,
      sequence,
    });
    const id = randomUUID();
    const request = {
      businessForm: store.businessForm,
      subtype: store.subtype,
      items: DEMO_LICENSE_ITEMS[store.subtype as BusinessSubtype],
    };
    const license = {
      id,
      number,
      type: "JY",
      businessId: store.businessId,
      storeId: store.id,
      regionCode: store.regionCode,
      status: "valid",
      currentVersion: 1,
      validFrom: validity.validFrom,
      validTo: validity.validTo,
      issuedAt,
    };
    const content = buildLicenseContent({
      business: options.businesses.get(store.businessId)!,
      store,
      authorityRegionName: options.regionNames.get(store.regionCode) ?? null,
      request,
      // — step 11: statutory fields —
      supervision: { officer: DEMO_SUPERVISION_OFFICERS[index % DEMO_SUPERVISION_OFFICERS.length] },
    });
    Object.assign(license, {
      supervisionAgency: String(content.supervisionAgency),
      supervisionOfficer: String(content.supervisionOfficer),
    });
    rows.push({
      license,
      version: {
        licenseId: id,
        version: 1,
        reason: "new",
        content: { ...content, number, signer: "许可签发人" },
        validFrom: validity.validFrom,
        validTo: validity.validTo,
        issuedAt,
      },
    });
  }
  await insertLicensesWithVersions(tx, rows, sequences);
  await issueCertificates(
    tx,
    options.certificates,
    rows.map(({ license }) => ({ licenseId: license.id!, version: 1 })),
  );
  return rows.length;
}
