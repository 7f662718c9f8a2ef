import { createHash } from "node:crypto";
import { chinaDate, regionScopePrefix } from "@shian/domain";
import type { Queryable } from "../../db/client.js";
import type { SafetyColour } from "../../config.js";
import { AppError } from "../../http/errors.js";
import type { Language } from "../../http/language.js";
import { maskAddress } from "./address.js";
import { maskName } from "../../http/masking.js";
import { presentPublicLetter } from "../commitments/presenter.js";
import { findCurrentLetter } from "../commitments/repository.js";
// — step 11: recalls —
import { openRecallsOfStore } from "../recalls/repository.js";
import { invalidateStore, scanPageCache, type RenderedPage } from "./cache.js";
import { generateSafetyCode } from "./code.js";
import { isLicenceValid, safetyColour, type ColourReason } from "./colour.js";
import { renderScanPage } from "./pages.js";
import * as repo from "./repository.js";

export interface SafetyCodeDeps {
  publicBaseUrl: string;
  defaultColour: SafetyColour;
}

/** The URL a 食安码 QR code carries. */
export function scanUrl(deps: Pick<SafetyCodeDeps, "publicBaseUrl">, code: string): string {
  return `${deps.publicBaseUrl}/s/${code}`;
}

/**
 * Gives each store without a 食安码 a new one, in bulk (demo seed, imports, store creation). A collision of
 * two random codes (≈ n²/2^51) only makes that store wait for the next round.
 */
export async function createSafetyCodes(
  tx: Queryable,
  storeIds: readonly string[],
  generate: () => string = generateSafetyCode,
): Promise<void> {
  let pending = [...new Set(storeIds)];
  for (let round = 0; round < 5 && pending.length > 0; round += 1) {
    await repo.insertSafetyCodes(
      tx,
      pending.map((storeId) => ({ storeId, code: generate() })),
    );
    const done = await repo.storesWithCode(tx, pending);
    pending = pending.filter((id) => !done.has(id));
  }
  if (pending.length > 0) throw new Error(`Could not allocate safety codes for ${pending.length} stores`);
  for (const id of storeIds) invalidateStore(id);
}

export interface ScanView {
  code: string;
  storeId: string;
  name: string;
  addressMasked: string;
  businessForm: string;
  subtype: string;
  colour: SafetyColour;
  colourReason: ColourReason;
  grade: { grade: string; gradedOn: string } | null;
  licence: {
    number: string;
    status: "valid" | "expired" | string;
    validTo: string;
    certificateToken: string | null;
  } | null;
  inspections: { date: string | null; kind: string; outcome: string | null; rectifications: string[] }[];
  selfChecks: { checkedOn: string; pass: number; fail: number }[];
  /** Staff health certificates, names masked (PIPL). */
  healthCertificates: { nameMasked: string; validTo: string; expired: boolean }[];
  ratings: {
    average: number | null;
    count: number;
    latest: { stars: number; comment: string; ratedOn: string }[];
  };
  /** The 承诺书 in force, signer's name masked. */
  commitment: ReturnType<typeof presentPublicLetter> | null;
  /** — step 11: recalls — open recalls of batches this store produced (docs/recalls.md). */
  openRecalls: { product: string; batchNumber: string; reason: string; recalledOn: string }[];
}

/** Everything the scan page shows of one store, read fresh (the caller caches the rendering). */
export async function loadScanView(
  db: Queryable,
  deps: SafetyCodeDeps,
  code: string,
  today = chinaDate(new Date()),
): Promise<ScanView | null> {
  const store = await repo.findStoreByCode(db, code);
  if (!store) return null;
  const [licence, valid, redAlert, grade, history, checks, ratings, certificates, letter] = await Promise.all(
    [
      repo.findShownLicence(db, store.storeId, today),
      repo.hasValidLicence(db, store.storeId, today),
      repo.hasOpenRedAlert(db, store.storeId),
      repo.findGrade(db, store.storeId),
      repo.listInspectionHistory(db, store.storeId, 10),
      repo.listSelfChecks(db, store.storeId, 6),
      repo.ratingSummary(db, store.storeId, 5),
      repo.listHealthCertificates(db, store.storeId),
      findCurrentLetter(db, store.storeId),
    ],
  );
  const openRecalls = await openRecallsOfStore(db, store.storeId);
  const { colour, reason } = safetyColour({
    hasValidLicence: valid,
    openRedAlert: redAlert,
    grade: grade ? { colour: grade.colour } : null,
    defaultColour: deps.defaultColour,
  });
  return {
    code: store.code,
    storeId: store.storeId,
    name: store.name,
    addressMasked: maskAddress(store.address),
    businessForm: store.businessForm,
    subtype: store.subtype,
    colour,
    colourReason: reason,
    grade: grade ? { grade: grade.grade, gradedOn: grade.gradedOn } : null,
    licence: licence
      ? {
          number: licence.number,
          status: licence.status === "valid" && !isLicenceValid(licence, today) ? "expired" : licence.status,
          validTo: licence.validTo,
          certificateToken: licence.certificateToken,
        }
      : null,
    inspections: history.map((row) => ({
      date: row.inspectedAt ? chinaDate(row.inspectedAt) : null,
      kind: row.kind,
      outcome: row.outcome,
      rectifications: row.rectifications,
    })),
    selfChecks: checks.map((row) => ({
      checkedOn: row.checkedOn,
      pass: row.results.filter((r) => r.result === "pass").length,
      fail: row.results.filter((r) => r.result === "fail").length,
    })),
    healthCertificates: certificates.map((row) => ({
      nameMasked: maskName(row.name),
      validTo: row.validTo,
      expired: row.validTo < today,
    })),
    ratings,
    commitment: letter ? presentPublicLetter(letter) : null,
    openRecalls: openRecalls.map((r) => ({
      product: r.product,
      batchNumber: r.batchNumber,
      reason: r.reason,
      recalledOn: chinaDate(r.recalledAt),
    })),
  };
}

/**
 * The scan page of a code in a language, from the in-process cache (DESIGN.md §9) or rendered and cached.
 * Null for an unknown code (not cached: unknown codes are cheap to miss and must not fill the cache).
 */
export async function scanPage(
  db: Queryable,
  deps: SafetyCodeDeps,
  code: string,
  language: Language,
): Promise<RenderedPage | null> {
  const key = `${code}|${language}`;
  const cached = scanPageCache.get(key);
  if (cached) return cached;
  // An invalidation landing while we read may mean we read the old state: then serve it but do not keep it.
  const readAt = scanPageCache.generation;
  const view = await loadScanView(db, deps, code);
  if (!view) return null;
  const body = Buffer.from(renderScanPage(view, language));
  const rendered = { body, etag: `"${createHash("sha1").update(body).digest("base64url")}"` };
  scanPageCache.set(key, rendered, view.storeId, readAt);
  return rendered;
}

export async function findStoreIdByCode(db: Queryable, code: string): Promise<string | null> {
  return (await repo.findStoreByCode(db, code))?.storeId ?? null;
}

export interface PublicStoreQuery {
  region?: string | undefined;
  q?: string | undefined;
  colour?: SafetyColour | undefined;
  near?: string | undefined;
  radiusKm?: number | undefined;
  cursor?: string | undefined;
  limit: number;
}

interface Cursor {
  id: string;
  d?: number;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeCursor(raw: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Cursor;
    if (typeof parsed.id !== "string" || !/^[0-9a-f-]{36}$/.test(parsed.id)) throw new Error("id");
    if (parsed.d !== undefined && !Number.isFinite(parsed.d)) throw new Error("d");
    return parsed;
  } catch {
    throw new AppError("validation_failed", { "zh-CN": "cursor 无效", en: "cursor is not valid" });
  }
}

function parseNear(raw: string): { lat: number; lng: number } {
  const [lat, lng] = raw.split(",").map(Number);
  if (lat === undefined || lng === undefined || !(Math.abs(lat) <= 90) || !(Math.abs(lng) <= 180)) {
    throw new AppError("validation_failed", { "zh-CN": "near 须为 纬度,经度", en: "near must be lat,lng" });
  }
  return { lat, lng };
}

export function presentPublicStore(row: repo.SearchRow) {
  return {
    storeId: row.storeId,
    name: row.name,
    safetyCode: row.safetyCode,
    colour: row.colour,
    grade: row.grade,
    licenseNo: row.licenseNo,
    addressMasked: maskAddress(row.address),
    lat: row.lat,
    lng: row.lng,
    ...(row.distanceKm === null ? {} : { distanceKm: Math.round(Number(row.distanceKm) * 1000) / 1000 }),
  };
}

/** Public search by region, name, colour and distance, keyset-paginated. */
export async function searchPublicStores(db: Queryable, deps: SafetyCodeDeps, query: PublicStoreQuery) {
  let regionPrefix: string | null = null;
  if (query.region) {
    try {
      regionPrefix = regionScopePrefix(query.region);
    } catch {
      throw new AppError("validation_failed", { "zh-CN": "region 无效", en: "region is not valid" });
    }
  }
  const near = query.near ? { ...parseNear(query.near), radiusKm: query.radiusKm ?? 3 } : null;
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await repo.searchStores(db, {
    today: chinaDate(new Date()),
    defaultColour: deps.defaultColour,
    regionPrefix,
    q: query.q?.trim() || null,
    colour: query.colour ?? null,
    near,
    after: after ? { id: after.id, distanceKm: after.d } : null,
    limit: query.limit,
  });
  const last = rows.at(-1);
  const nextCursor =
    rows.length === query.limit && last
      ? encodeCursor(near ? { id: last.storeId, d: Number(last.distanceKm) } : { id: last.storeId })
      : null;
  return { items: rows.map(presentPublicStore), nextCursor };
}

export async function getPublicStore(db: Queryable, deps: SafetyCodeDeps, storeId: string) {
  const row = await repo.findPublicStore(db, storeId, chinaDate(new Date()), deps.defaultColour);
  if (!row) throw new AppError("not_found");
  return presentPublicStore(row);
}

export async function safetyCodeOfStore(db: Queryable, storeId: string): Promise<string | null> {
  return (await repo.findCodeOfStore(db, storeId)) ?? null;
}
