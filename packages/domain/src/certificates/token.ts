// The QR token of an electronic certificate (DESIGN.md §6): a compact JWS (EdDSA) over a few short claims, small
// enough for a phone camera to read from a printed QR code and verifiable offline with the published JWKS.
// Runs in the browser as well as on the server: jose and Web APIs only, no node: imports.
//
//   token = BASE64URL({"alg":"EdDSA","kid":…}) "." BASE64URL(claims JSON) "." BASE64URL(Ed25519 signature)
//
// Only the signature and the validity end are checked offline; revocation is checked online (status list).

import { base64url, type JWK } from "jose";
import type { CertificatePayload } from "./payload.js";

/** The whole token, in bytes (it is ASCII), so that `{PUBLIC_BASE_URL}/v/{token}` stays a readable QR code. */
export const MAX_TOKEN_BYTES = 400;

export const TOKEN_ALGORITHM = "EdDSA";

/** Length of a base64url Ed25519 signature (64 bytes). */
const SIGNATURE_CHARS = 86;

/** The claims of a token, with one-letter names to keep the QR code small. */
export interface TokenClaims {
  /** Licence number. */
  n: string;
  /** Licence version. */
  v: number;
  /** Holder name (shortened with "…" only if the token would exceed MAX_TOKEN_BYTES). */
  h: string;
  /** Valid to, YYYY-MM-DD (inclusive, China Standard Time). */
  e: string;
  /** Issued date, YYYY-MM-DD in China Standard Time. */
  i: string;
  /** Status list id. */
  l: string;
  /** Index in the status list. */
  x: number;
}

export type TokenFailure = "malformed" | "unknown_key" | "bad_signature" | "expired";

export interface TokenVerification {
  valid: boolean;
  reason?: TokenFailure;
  /** Present when the signature verified (valid, or expired); never for a token whose signature failed. */
  claims?: TokenClaims;
  /** The key that signed it, when the signature verified. */
  kid?: string;
}

export interface PublicJwks {
  keys: JWK[];
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const CHINA_OFFSET_MS = 8 * 3_600_000;
const UTF8 = new TextDecoder("utf-8", { fatal: true });
const DAY_MS = 86_400_000;

/** The calendar date of an instant in China Standard Time (UTC+8, no daylight saving since 1991). */
export function chinaDate(instant: string | Date): string {
  const ms = typeof instant === "string" ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError("not a valid time");
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The token claims of a certificate payload. */
export function tokenClaimsFor(payload: CertificatePayload): TokenClaims {
  return {
    n: payload.licenseNo,
    v: payload.version,
    h: payload.holderName,
    e: payload.validTo,
    i: chinaDate(payload.issuedAt),
    l: payload.status.listId,
    x: payload.status.index,
  };
}

function claimsJson(c: TokenClaims): string {
  // Fixed member order; JSON.stringify leaves CJK characters as UTF-8 (3 bytes each), not \u escapes (6 bytes).
  return JSON.stringify({ n: c.n, v: c.v, h: c.h, e: c.e, i: c.i, l: c.l, x: c.x });
}

/**
 * The JWS signing input (`header.payload`) of a token. If the holder's name would push the token over
 * MAX_TOKEN_BYTES it is shortened (by whole characters, ending in "…"); the full name is in the signed
 * certificate. Sign its ASCII bytes with Ed25519 and pass the signature to `assembleToken`.
 */
export function tokenSigningInput(claims: TokenClaims, kid: string): string {
  const header = base64url.encode(JSON.stringify({ alg: TOKEN_ALGORITHM, kid }));
  const name = Array.from(claims.h);
  for (let keep = name.length; keep >= 0; keep -= 1) {
    const h = keep === name.length ? claims.h : `${name.slice(0, keep).join("")}…`;
    const input = `${header}.${base64url.encode(claimsJson({ ...claims, h }))}`;
    if (input.length + 1 + SIGNATURE_CHARS <= MAX_TOKEN_BYTES) return input;
  }
  throw new RangeError(`token claims other than the name exceed ${MAX_TOKEN_BYTES} bytes`);
}

/** Appends the base64url signature to a signing input. */
export function assembleToken(signingInput: string, signature: Uint8Array): string {
  return `${signingInput}.${base64url.encode(signature)}`;
}

/** The token inside scanned text: a bare token, or a `…/v/{token}` URL (query and fragment ignored). */
export function extractToken(text: string): string {
  const trimmed = text.trim();
  const at = trimmed.lastIndexOf("/v/");
  const tail = at === -1 ? trimmed : trimmed.slice(at + 3);
  return tail.split(/[?#]/, 1)[0] ?? "";
}

function isTokenClaims(value: unknown): value is TokenClaims {
  if (typeof value !== "object" || value === null) return false;
  const c = value as Record<string, unknown>;
  return (
    typeof c.n === "string" &&
    c.n.length > 0 &&
    Number.isInteger(c.v) &&
    typeof c.h === "string" &&
    typeof c.e === "string" &&
    DATE.test(c.e) &&
    typeof c.i === "string" &&
    DATE.test(c.i) &&
    typeof c.l === "string" &&
    Number.isInteger(c.x) &&
    (c.x as number) >= 0
  );
}

function parseClaims(bytes: Uint8Array): TokenClaims | null {
  try {
    const value: unknown = JSON.parse(UTF8.decode(bytes));
    return isTokenClaims(value) ? value : null;
  } catch {
    return null;
  }
}

function parseHeader(part: string): { alg: string; kid: string } | null {
  try {
    const value: unknown = JSON.parse(UTF8.decode(decodeBase64url(part)));
    if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
    const { alg, kid, crit, b64 } = value as Record<string, unknown>;
    // No extensions are understood: a critical one, or an unencoded payload (RFC 7797), is refused (as jose does).
    if (crit !== undefined || b64 !== undefined) return null;
    return typeof alg === "string" && typeof kid === "string" ? { alg, kid } : null;
  } catch {
    return null;
  }
}

const BASE64URL_VALUE = new Map(
  [..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"].map((c, i) => [c, i]),
);

/**
 * The part is the one spelling of its bytes: no length that cannot occur, and the bits of the last character
 * beyond the data are zero (else two tokens would carry the same signature). Same answer as decoding and
 * re-encoding, without either.
 */
function isCanonicalPart(part: string): boolean {
  const rest = part.length % 4;
  if (rest === 1) return false;
  if (rest === 0) return true;
  const last = BASE64URL_VALUE.get(part[part.length - 1] ?? "") ?? 1;
  return (last & (rest === 2 ? 0b1111 : 0b11)) === 0;
}

/** The claims of a token without verifying anything (to show what a tampered token claims); null if unreadable. */
export function decodeTokenClaims(token: string): TokenClaims | null {
  if (!COMPACT_JWS.test(token)) return null;
  const [, payload] = token.split(".");
  try {
    return parseClaims(base64url.decode(payload ?? ""));
  } catch {
    return null;
  }
}

/** True once the whole of the `validTo` day (China Standard Time) has passed. */
export function isPastValidTo(validTo: string, now: Date): boolean {
  const end = Date.parse(`${validTo}T00:00:00+08:00`) + DAY_MS;
  return now.getTime() >= end;
}

/** Checks an Ed25519 signature over bytes with one public key. */
type SignatureCheck = (
  signature: Uint8Array<ArrayBuffer>,
  data: Uint8Array<ArrayBuffer>,
) => boolean | Promise<boolean>;

interface NodeCryptoSubset {
  createPublicKey(options: { key: { kty: string; crv: string; x: string }; format: "jwk" }): unknown;
  verify(algorithm: null, data: Uint8Array, key: unknown, signature: Uint8Array): boolean;
}

// On Node, its own crypto (reached at run time, so this module still loads in a browser with no node: import):
// WebCrypto's verify is an asynchronous job costing about a third more than the synchronous call for a 64-byte
// signature. Elsewhere, WebCrypto.
const nodeCrypto = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
).process?.getBuiltinModule?.("node:crypto") as NodeCryptoSubset | undefined;

// Node's Buffer decodes base64url natively; jose's decoder goes through atob, written in JS on Node 20.
const NodeBuffer = (
  globalThis as { Buffer?: { from(text: string, encoding: "base64url"): Uint8Array<ArrayBuffer> } }
).Buffer;

function decodeBase64url(part: string): Uint8Array<ArrayBuffer> {
  return NodeBuffer
    ? NodeBuffer.from(part, "base64url")
    : (base64url.decode(part) as Uint8Array<ArrayBuffer>);
}

const ED25519 = { name: "Ed25519" } as const;
const ED25519_SIGNATURE_BYTES = 64;
const ASCII = new TextEncoder();

async function importSignatureCheck(x: string): Promise<SignatureCheck> {
  const jwk = { kty: "OKP", crv: "Ed25519", x };
  if (nodeCrypto) {
    const key = nodeCrypto.createPublicKey({ key: jwk, format: "jwk" });
    return (signature, data) => nodeCrypto.verify(null, data, key, signature);
  }
  const key = await crypto.subtle.importKey("jwk", jwk, ED25519, false, ["verify"]);
  return (signature, data) => crypto.subtle.verify(ED25519, key, signature, data);
}

// Imported keys by kid and public key bytes: a JWKS read afresh (a new object each time) still hits. A handful
// of keys exist (one per rotation), so the map is only cleared if something floods it.
const importedKeys = new Map<string, Promise<SignatureCheck>>();
const readyKeys = new Map<string, SignatureCheck>();

/** The check of a JWK, without a turn of the event loop once imported. */
function importEd25519(jwk: JWK): SignatureCheck | Promise<SignatureCheck> {
  const id = `${jwk.kid ?? ""}|${jwk.x ?? ""}`;
  const ready = readyKeys.get(id);
  if (ready) return ready;
  let check = importedKeys.get(id);
  if (!check) {
    if (importedKeys.size >= 64) {
      importedKeys.clear();
      readyKeys.clear();
    }
    check = importSignatureCheck(jwk.x ?? "");
    check.then(
      (imported) => readyKeys.set(id, imported),
      () => importedKeys.delete(id),
    );
    importedKeys.set(id, check);
  }
  return check;
}

/**
 * Verifies a token offline: the Ed25519 signature against the JWKS (the key named by `kid`), then that `validTo`
 * has not passed. Revocation is not checked here (the server checks the status list online).
 */
export async function verifyToken(
  token: string,
  jwks: PublicJwks,
  options: { now?: Date } = {},
): Promise<TokenVerification> {
  // Not jose's compactVerify, which parses the header and decodes every part again: the header is parsed once
  // here and the signature checked over the signing input's ASCII bytes (Node's crypto, or WebCrypto).
  if (token.length > 4 * MAX_TOKEN_BYTES || !COMPACT_JWS.test(token))
    return { valid: false, reason: "malformed" };
  const [headerPart = "", payloadPart = "", signaturePart = ""] = token.split(".");
  if (!isCanonicalPart(headerPart) || !isCanonicalPart(payloadPart) || !isCanonicalPart(signaturePart))
    return { valid: false, reason: "malformed" };
  const header = parseHeader(headerPart);
  if (!header || header.alg !== TOKEN_ALGORITHM) return { valid: false, reason: "malformed" };
  const jwk = jwks.keys.find((k) => k.kid === header.kid && k.kty === "OKP" && k.crv === "Ed25519");
  if (!jwk) return { valid: false, reason: "unknown_key" };
  let check: SignatureCheck;
  try {
    const imported = importEd25519(jwk);
    check = imported instanceof Promise ? await imported : imported;
  } catch {
    return { valid: false, reason: "unknown_key" };
  }
  let payload: Uint8Array<ArrayBuffer>;
  let signature: Uint8Array<ArrayBuffer>;
  try {
    payload = decodeBase64url(payloadPart);
    signature = decodeBase64url(signaturePart);
  } catch {
    return { valid: false, reason: "malformed" };
  }
  const signingInput = ASCII.encode(`${headerPart}.${payloadPart}`);
  let verified: boolean;
  try {
    const result = signature.length === ED25519_SIGNATURE_BYTES && check(signature, signingInput);
    verified = typeof result === "boolean" ? result : await result;
  } catch {
    verified = false;
  }
  if (!verified) return { valid: false, reason: "bad_signature" };
  const claims = parseClaims(payload);
  if (!claims) return { valid: false, reason: "malformed" };
  if (isPastValidTo(claims.e, options.now ?? new Date()))
    return { valid: false, reason: "expired", claims, kid: header.kid };
  return { valid: true, claims, kid: header.kid };
}
