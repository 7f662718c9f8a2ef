import { LruCache } from "../public-cache/lru-cache.js";

/**
 * The verification answer of a licence number without its `checkedAt` (the time of each request), ready to send:
 * `json` is the JSON object with its closing brace left off, so a hit only appends `,"checkedAt":"…"}`.
 * `staleAt` is when the answer turns by itself (a valid licence expires after its last day, China time).
 */
export interface CachedVerification {
  licenseNo: string;
  /** 电子证照标识 of the cached (current) certificate: an identifier naming another version is looked up apart. */
  eLicenceId: string;
  json: string;
  etag: string;
  staleAt: number;
}

/**
 * At most 50 000 licences (≈ 700 B each: ≈ 35 MB). Licence and certificate changes drop the entry at once here
 * and on other nodes by NOTIFY (modules/public-cache); the 30 s TTL bounds staleness when a NOTIFY is missed.
 */
export const verificationCache = new LruCache<CachedVerification>(50_000, 30_000);

export function dropVerification(licenseNo: string): void {
  verificationCache.delete(licenseNo);
}
