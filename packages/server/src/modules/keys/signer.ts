// Signing with decrypted keys: synchronous, so that it can run inside the database transaction that issues a
// certificate. Private keys live only in these closures (never as properties, so logging a signer shows none).

import { sign, verify, type KeyObject } from "node:crypto";
import {
  assembleToken,
  canonicalPayload,
  tokenClaimsFor,
  tokenSigningInput,
  type CertificatePayload,
} from "@shian/domain";
import { sm2 } from "sm-crypto-v2";
import { SM2_OPTIONS, type PublicVerifier } from "./key-material.js";

/** Both signatures over one canonical JSON document. */
export interface SignedDocument {
  /** The canonical JSON (RFC 8785) that both signatures cover. */
  payload: string;
  /** Compact JWS, header { alg: "EdDSA", kid }, whose payload is `payload` (attached, base64url). */
  jws: string;
  sm2Kid: string;
  /** DER SM2 signature over the UTF-8 payload (SM3, user ID 1234567812345678), hex. */
  sm2Signature: string;
}

export interface SignedCertificate extends SignedDocument {
  /** The QR token (compact JWS over the short claims), ≤ 400 bytes. */
  token: string;
}

export interface CertificateSigner {
  authority: string;
  edKid: string;
  sm2Kid: string;
  /** Signs synchronously; throws if the payload names another issuing authority. */
  signCertificate(payload: CertificatePayload): SignedCertificate;
}

/** Signs any canonical JSON document (the trust list) with an authority's two keys. */
export interface DocumentSigner {
  authority: string;
  edKid: string;
  sm2Kid: string;
  signDocument(payload: string): SignedDocument;
}

export interface DecryptedKeys {
  authority: string;
  ed: { kid: string; privateKey: KeyObject };
  sm2: { kid: string; privateKeyHex: string; publicKeyHex: string };
}

const b64url = (input: string | Uint8Array) => Buffer.from(input).toString("base64url");

/** `header.payload` of a JWS with header { alg: "EdDSA", kid }. */
export function jwsSigningInput(kid: string, payload: string): string {
  return `${b64url(JSON.stringify({ alg: "EdDSA", kid }))}.${b64url(payload)}`;
}

export function createDocumentSigner(keys: DecryptedKeys): DocumentSigner {
  const { ed, sm2: sm } = keys;
  return {
    authority: keys.authority,
    edKid: ed.kid,
    sm2Kid: sm.kid,
    signDocument(payload) {
      const input = jwsSigningInput(ed.kid, payload);
      const jws = `${input}.${b64url(sign(null, Buffer.from(input), ed.privateKey))}`;
      const sm2Signature = sm2.doSignature(payload, sm.privateKeyHex, {
        ...SM2_OPTIONS,
        publicKey: sm.publicKeyHex,
      });
      return { payload, jws, sm2Kid: sm.kid, sm2Signature };
    },
  };
}

export function createCertificateSigner(keys: DecryptedKeys): CertificateSigner {
  const documents = createDocumentSigner(keys);
  return {
    authority: keys.authority,
    edKid: keys.ed.kid,
    sm2Kid: keys.sm2.kid,
    signCertificate(payload) {
      if (payload.issuerRegion !== keys.authority) {
        throw new Error(
          `certificate of issuing authority ${payload.issuerRegion} cannot be signed with the keys of ${keys.authority}`,
        );
      }
      const signed = documents.signDocument(canonicalPayload(payload));
      const input = tokenSigningInput(tokenClaimsFor(payload), keys.ed.kid);
      const token = assembleToken(input, sign(null, Buffer.from(input), keys.ed.privateKey));
      return { ...signed, token };
    },
  };
}

export interface SignatureVerdict {
  ed25519: boolean;
  sm2: boolean;
}

function jwsKid(jws: string): string | undefined {
  const [header] = jws.split(".");
  try {
    const parsed: unknown = JSON.parse(Buffer.from(header ?? "", "base64url").toString("utf8"));
    if (typeof parsed !== "object" || parsed === null) return undefined;
    const { alg, kid } = parsed as Record<string, unknown>;
    return alg === "EdDSA" && typeof kid === "string" ? kid : undefined;
  } catch {
    return undefined;
  }
}

/** The kids a signed document names: the Ed25519 one from the JWS header and the SM2 one. */
export function signedDocumentKids(signed: SignedDocument): { edKid: string | undefined; sm2Kid: string } {
  return { edKid: jwsKid(signed.jws), sm2Kid: signed.sm2Kid };
}

/**
 * Checks both signatures of a document against the given public keys. The JWS must carry exactly `payload`;
 * each key must have the right algorithm and, when `authority` is given, belong to that issuing authority.
 */
export function verifySignedDocument(
  signed: SignedDocument,
  keys: { ed: PublicVerifier | undefined; sm2: PublicVerifier | undefined },
  authority?: string,
): SignatureVerdict {
  return { ed25519: verifyEd25519(signed, keys.ed, authority), sm2: verifySm2(signed, keys.sm2, authority) };
}

function verifyEd25519(signed: SignedDocument, key: PublicVerifier | undefined, authority?: string): boolean {
  if (key?.algorithm !== "EdDSA" || (authority !== undefined && key.authority !== authority)) return false;
  const parts = signed.jws.split(".");
  if (parts.length !== 3 || jwsKid(signed.jws) !== key.kid) return false;
  const [header, payload, signature] = parts as [string, string, string];
  const signatureBytes = Buffer.from(signature, "base64url");
  // One spelling only: Buffer ignores unused trailing bits, so a changed last character could decode the same.
  if (
    payload !== b64url(signed.payload) ||
    signatureBytes.length !== 64 ||
    b64url(signatureBytes) !== signature
  )
    return false;
  return verify(null, Buffer.from(`${header}.${payload}`), key.key, signatureBytes);
}

/** The order n of the SM2 curve (GB/T 32918.5). */
const SM2_N = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;

function derInteger(bytes: Buffer, at: number): { value: bigint; next: number } | undefined {
  if (bytes[at] !== 0x02) return undefined;
  const length = bytes[at + 1] ?? 0;
  const body = bytes.subarray(at + 2, at + 2 + length);
  if (length < 1 || length > 33 || body.length !== length) return undefined;
  // Positive and minimal: no high bit on the first byte, a leading zero only before a high bit.
  if ((body[0]! & 0x80) !== 0 || (body[0] === 0 && (length === 1 || (body[1]! & 0x80) === 0)))
    return undefined;
  return { value: BigInt(`0x${body.toString("hex")}`), next: at + 2 + length };
}

/**
 * Strict DER `SEQUENCE { INTEGER r, INTEGER s }` with 1 ≤ r, s < n. sm-crypto-v2 reads lengths loosely and does
 * not bound s, so without this a changed length byte or s + n would still verify (a second form of one signature).
 */
export function isStrictSm2Der(hex: string): boolean {
  if (!/^30(?:[0-9a-f]{2}){7,72}$/.test(hex)) return false;
  const bytes = Buffer.from(hex, "hex");
  if (bytes[1] !== bytes.length - 2) return false;
  const r = derInteger(bytes, 2);
  const s = r && derInteger(bytes, r.next);
  if (!r || !s || s.next !== bytes.length) return false;
  return r.value >= 1n && r.value < SM2_N && s.value >= 1n && s.value < SM2_N;
}

function verifySm2(signed: SignedDocument, key: PublicVerifier | undefined, authority?: string): boolean {
  if (key?.algorithm !== "SM2" || key.kid !== signed.sm2Kid) return false;
  if (authority !== undefined && key.authority !== authority) return false;
  if (!isStrictSm2Der(signed.sm2Signature)) return false;
  try {
    return sm2.doVerifySignature(signed.payload, signed.sm2Signature, key.point, SM2_OPTIONS);
  } catch {
    return false;
  }
}
