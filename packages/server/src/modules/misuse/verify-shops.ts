import {
  buildGazetteer,
  chinaDate,
  compareAddresses,
  namesMatch,
  normalizeShopName,
  parseAddress,
  type Gazetteer,
  type ParsedAddress,
} from "@shian/domain";
import type { Database } from "../../db/client.js";
import type { misuseFlags } from "../../db/schema.js";
import { AppError } from "../../http/errors.js";
import type { ApiClientActor, RequestContext } from "../accounts/actor.js";
import { recordAudit } from "../audit/service.js";
import { readDivisions } from "../regions/division-data.js";
import * as repo from "./repository.js";
import type { LicenceForMisuse, MisuseFlagKind } from "./repository.js";

/** Where no licence and no parsable district give a region, the flag lands in the national queue. */
export const NATIONAL_QUEUE = "000000";

let gazetteer: Gazetteer | undefined;
/** The GB/T 2260 divisions, indexed once per process (reference data, same as the regions table). */
export function divisionGazetteer(): Gazetteer {
  gazetteer ??= buildGazetteer(readDivisions());
  return gazetteer;
}

export interface PlatformShopInput {
  licenseNo: string;
  shopName: string;
  shopAddress: string;
  platformShopId: string;
}

export interface ShopFlag {
  kind: MisuseFlagKind;
  reason: string;
}

export interface ShopVerification {
  platformShopId: string;
  licenseNo: string;
  found: boolean;
  status: string | null;
  holderName: string | null;
  validTo: string | null;
  flags: ShopFlag[];
}

function licenceStatus(licence: LicenceForMisuse, today: string): string {
  if (licence.status !== "valid") return licence.status;
  return licence.validTo < today ? "expired" : "valid";
}

function addressView(parsed: ParsedAddress) {
  return {
    cleaned: parsed.cleaned,
    districtCode: parsed.districtCode,
    districtName: parsed.districtName,
    road: parsed.road,
    number: parsed.number,
  };
}

/**
 * Misuse detection in partner verification (issue 13): checks each platform shop against the licence it
 * shows — not valid, name mismatch, address mismatch, licence shared by more than `maxShopsPerLicence` of
 * this partner's shops, shop outside the licence's region — records the shops and opens one flag per finding
 * with its evidence, all in one transaction with one audit row. Set-based: a fixed number of queries per
 * 500 shops, whatever the batch size.
 */
export async function verifyPlatformShops(options: {
  db: Database;
  context: RequestContext;
  client: ApiClientActor;
  shops: readonly PlatformShopInput[];
  maxShopsPerLicence: number;
  today?: string;
}): Promise<ShopVerification[]> {
  const { db, context, client, shops, maxShopsPerLicence } = options;
  const today = options.today ?? chinaDate(new Date());
  const seen = new Set<string>();
  for (const [index, shop] of shops.entries()) {
    if (seen.has(shop.platformShopId)) {
      throw new AppError("validation_failed", {
        "zh-CN": `第 ${index + 1} 家店铺的平台店铺编号重复：${shop.platformShopId}`,
        en: `shops/${index}: platformShopId ${shop.platformShopId} appears twice in the batch`,
      });
    }
    seen.add(shop.platformShopId);
  }
  const places = divisionGazetteer();
  const numbers = [...new Set(shops.map((shop) => shop.licenseNo))];
  const licences = new Map((await repo.findLicencesByNumbers(db, numbers)).map((row) => [row.number, row]));
  const premises = new Map<string, ParsedAddress>();
  for (const licence of licences.values())
    premises.set(licence.number, parseAddress(licence.storeAddress, places));

  return db.transaction(async (tx) => {
    const rows = await repo.upsertPlatformShops(
      tx,
      client.id,
      shops.map((shop) => ({
        platformShopId: shop.platformShopId,
        shopName: shop.shopName,
        shopAddress: shop.shopAddress,
        licenseNumber: shop.licenseNo,
      })),
    );
    const rowIds = new Map(rows.map((row) => [row.platformShopId, row.id]));
    const sharing = new Map<string, Set<string>>();
    for (const row of await repo.platformShopsOfLicences(tx, client.id, numbers)) {
      const set = sharing.get(row.licenseNumber) ?? new Set<string>();
      set.add(row.platformShopId);
      sharing.set(row.licenseNumber, set);
    }

    const flagRows: (typeof misuseFlags.$inferInsert)[] = [];
    const results: ShopVerification[] = [];
    const counts: Partial<Record<MisuseFlagKind, number>> = {};
    for (const shop of shops) {
      const licence = licences.get(shop.licenseNo);
      const shopAddress = parseAddress(shop.shopAddress, places);
      const shopEvidence = {
        platformShopId: shop.platformShopId,
        name: shop.shopName,
        normalisedName: normalizeShopName(shop.shopName, places),
        address: shop.shopAddress,
        normalisedAddress: addressView(shopAddress),
      };
      const licensedEvidence = licence && {
        licenseNo: licence.number,
        holderName: licence.holderName,
        storeName: licence.storeName,
        normalisedNames: [
          normalizeShopName(licence.storeName, places),
          normalizeShopName(licence.holderName, places),
        ],
        address: licence.storeAddress,
        normalisedAddress: addressView(premises.get(licence.number)!),
        regionCode: licence.regionCode,
      };
      const flags: (ShopFlag & { extra?: Record<string, unknown> })[] = [];
      const status = licence ? licenceStatus(licence, today) : null;
      if (!licence) flags.push({ kind: "licence_not_valid", reason: "not_found" });
      else if (status !== "valid") flags.push({ kind: "licence_not_valid", reason: status! });
      if (licence) {
        if (!namesMatch(shop.shopName, [licence.storeName, licence.holderName], places)) {
          flags.push({ kind: "name_mismatch", reason: "names_differ" });
        }
        const comparison = compareAddresses(premises.get(licence.number)!, shopAddress);
        if (!comparison.same) flags.push({ kind: "address_mismatch", reason: comparison.reason });
        const shopRegion = shopAddress.districtCode ?? shopAddress.cityCode ?? shopAddress.provinceCode;
        if (shopRegion && !licence.regionCode.startsWith(shopRegion.replace(/(00)+$/, ""))) {
          flags.push({ kind: "region_mismatch", reason: "outside_licence_region", extra: { shopRegion } });
        }
      }
      const sharedBy = [...(sharing.get(shop.licenseNo) ?? [])].sort();
      if (sharedBy.length > maxShopsPerLicence) {
        flags.push({
          kind: "licence_shared",
          reason: "too_many_shops",
          extra: { platformShopIds: sharedBy, maxShopsPerLicence },
        });
      }
      for (const flag of flags) {
        counts[flag.kind] = (counts[flag.kind] ?? 0) + 1;
        flagRows.push({
          apiClientId: client.id,
          platformShopRowId: rowIds.get(shop.platformShopId)!,
          licenseNumber: shop.licenseNo,
          storeId: licence?.storeId ?? null,
          regionCode:
            licence?.regionCode ?? shopAddress.districtCode ?? shopAddress.cityCode ?? NATIONAL_QUEUE,
          kind: flag.kind,
          status: "open",
          evidence: {
            reason: flag.reason,
            shop: shopEvidence,
            licence: licensedEvidence ?? null,
            ...flag.extra,
          },
        });
      }
      results.push({
        platformShopId: shop.platformShopId,
        licenseNo: shop.licenseNo,
        found: Boolean(licence),
        status,
        holderName: licence?.holderName ?? null,
        validTo: licence?.validTo ?? null,
        flags: flags.map(({ kind, reason }) => ({ kind, reason })),
      });
    }
    const created = await repo.insertOpenFlags(tx, flagRows);
    await recordAudit(tx, context, {
      action: "partner.verify_shops",
      subjectType: "platform_shop",
      after: { client: client.name, shops: shops.length, flags: counts, newFlags: created.length },
    });
    return results;
  });
}
