// 溯源码: the code an electronic scale or till prints for each sale (docs/traceability.md). The device signs it
// with its own Ed25519 key, so it can print offline and upload later. Pure encoding and decoding, no node:
// imports; the signature is verified by the server against the device's registered public key.
//
//   token = BASE64URL(payload JSON bytes) "." BASE64URL(Ed25519 signature over those exact bytes)
//
// The QR code carries `${PUBLIC_BASE_URL}/t/${token}`.

import { base64url } from "jose";

/** A sale as the device signs it; one-letter names keep the QR code small. */
export interface TracePayload {
  /** Device id (as registered). */
  d: string;
  /** The device's own sequence number of the sale, unique per device. */
  n: number;
  /** Store id (optional: the device's store is known from its registration). */
  s?: string;
  /** Batch number (生产批次号) of what was sold, if any. */
  b?: string;
  /** Product name. */
  p: string;
  /** Weight in grams. */
  w: number;
  /** Time of sale, ISO 8601. */
  t: string;
}

export interface ParsedTraceCode {
  payload: TracePayload;
  /** The exact bytes the signature covers. */
  payloadBytes: Uint8Array;
  signature: Uint8Array;
}

/** Longest token accepted (a product name of 100 CJK characters still fits). */
export const MAX_TRACE_CODE_CHARS = 900;
const SIGNATURE_BYTES = 64;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TOKEN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** The bytes to sign: UTF-8 JSON with a fixed member order, optional members left out when absent. */
export function encodeTracePayload(payload: TracePayload): Uint8Array {
  const ordered = {
    d: payload.d,
    n: payload.n,
    ...(payload.s === undefined ? {} : { s: payload.s }),
    ...(payload.b === undefined ? {} : { b: payload.b }),
    p: payload.p,
    w: payload.w,
    t: payload.t,
  };
  return new TextEncoder().encode(JSON.stringify(ordered));
}

/** The printed token from the signed bytes and their signature. */
export function assembleTraceCode(payloadBytes: Uint8Array, signature: Uint8Array): string {
  return `${base64url.encode(payloadBytes)}.${base64url.encode(signature)}`;
}

function isTracePayload(value: unknown): value is TracePayload {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  const known = new Set(["d", "n", "s", "b", "p", "w", "t"]);
  return (
    Object.keys(v).every((key) => known.has(key)) &&
    typeof v.d === "string" &&
    UUID.test(v.d) &&
    Number.isSafeInteger(v.n) &&
    (v.n as number) >= 0 &&
    (v.s === undefined || (typeof v.s === "string" && UUID.test(v.s))) &&
    (v.b === undefined || (typeof v.b === "string" && v.b.length >= 1 && v.b.length <= 64)) &&
    typeof v.p === "string" &&
    v.p.length >= 1 &&
    v.p.length <= 100 &&
    Number.isSafeInteger(v.w) &&
    (v.w as number) >= 0 &&
    (v.w as number) <= 10_000_000 &&
    typeof v.t === "string" &&
    !Number.isNaN(Date.parse(v.t))
  );
}

/** Decodes a part, refusing a second spelling of the same bytes (unused trailing bits set). */
function decodeCanonical(part: string): Uint8Array | null {
  try {
    const bytes = base64url.decode(part);
    return base64url.encode(bytes) === part ? bytes : null;
  } catch {
    return null;
  }
}

/**
 * Splits and decodes a token without verifying the signature; null when it is not a well-formed trace code.
 * The caller verifies `signature` over `payloadBytes` with the key of device `payload.d`.
 */
export function parseTraceCode(token: string): ParsedTraceCode | null {
  if (token.length > MAX_TRACE_CODE_CHARS || !TOKEN.test(token)) return null;
  const [payloadPart, signaturePart] = token.split(".") as [string, string];
  const payloadBytes = decodeCanonical(payloadPart);
  const signature = decodeCanonical(signaturePart);
  if (!payloadBytes || !signature || signature.length !== SIGNATURE_BYTES) return null;
  try {
    const value: unknown = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(payloadBytes));
    return isTracePayload(value) ? { payload: value, payloadBytes, signature } : null;
  } catch {
    return null;
  }
}

/** The token inside scanned text: a bare token, or a `…/t/{token}` URL (query and fragment ignored). */
export function extractTraceCode(text: string): string {
  const trimmed = text.trim();
  const at = trimmed.lastIndexOf("/t/");
  const tail = at === -1 ? trimmed : trimmed.slice(at + 3);
  return tail.split(/[?#]/, 1)[0] ?? "";
}
