// Key generation, public-key formats and raw signing/verification for certificates (DESIGN.md §2, §6, §10).
// Ed25519 through node:crypto; SM2 (GM/T 0003, SM3 digest, GM/T 0009 user ID) through sm-crypto-v2, whose
// { der: true, hash: true } output the OpenSSL CLI verifies. No database here.

import { createHash, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { sm2 } from "sm-crypto-v2";
import { sealSecret, type Keyring } from "./secret-box.js";

export type KeyAlgorithm = "EdDSA" | "SM2";

/** GM/T 0009-2012 default signer ID, the one OpenSSL needs spelled out as distid. */
export const SM2_USER_ID = "1234567812345678";
export const SM2_OPTIONS = { der: true, hash: true, userId: SM2_USER_ID } as const;

/** SPKI DER of an SM2 public key = this prefix + the 65-byte uncompressed point (DESIGN.md §10). */
const SM2_SPKI_PREFIX = "3059301306072a8648ce3d020106082a811ccf5501822d034200";

export interface Ed25519PublicJwk {
  kty: "OKP";
  crv: "Ed25519";
  x: string;
  kid: string;
  alg: "EdDSA";
  use: "sig";
}

/** SM2 has no registered JWK form; this mirrors an EC JWK (x, y base64url, 32 bytes each). */
export interface Sm2PublicJwk {
  kty: "EC";
  crv: "SM2";
  x: string;
  y: string;
  kid: string;
  alg: "SM2-SM3";
  use: "sig";
}

export type PublishedJwk = Ed25519PublicJwk | Sm2PublicJwk;

/** A new key, ready to insert into signing_keys; the private key is already sealed. */
export interface GeneratedKey {
  kid: string;
  authority: string;
  algorithm: KeyAlgorithm;
  publicKey: Record<string, string>;
  privateKeyEncrypted: string;
}

function pem(der: Buffer): string {
  const lines = der.toString("base64").match(/.{1,64}/g) ?? [];
  return `-----BEGIN PUBLIC KEY-----\n${lines.join("\n")}\n-----END PUBLIC KEY-----\n`;
}

/** A short stable id: authority, algorithm, first 8 hex of SHA-256 of the public key bytes. */
export function keyId(authority: string, algorithm: KeyAlgorithm, publicKeyBytes: Uint8Array): string {
  const hash = createHash("sha256").update(publicKeyBytes).digest("hex").slice(0, 8);
  return `${authority}-${algorithm === "EdDSA" ? "ed" : "sm2"}-${hash}`;
}

/** The context a private key is sealed under: a sealed key copied into another row does not open. */
export function privateKeyContext(kid: string): string {
  return `signing_keys:${kid}`;
}

export function generateEd25519Key(keyring: Keyring, authority: string): GeneratedKey {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const jwk = publicKey.export({ format: "jwk" });
  const x = jwk.x ?? "";
  const kid = keyId(authority, "EdDSA", Buffer.from(x, "base64url"));
  const pkcs8 = privateKey.export({ format: "der", type: "pkcs8" });
  try {
    return {
      kid,
      authority,
      algorithm: "EdDSA",
      publicKey: {
        kty: "OKP",
        crv: "Ed25519",
        x,
        kid,
        alg: "EdDSA",
        use: "sig",
        pem: publicKey.export({ format: "pem", type: "spki" }).toString(),
      },
      privateKeyEncrypted: sealSecret(keyring, pkcs8, privateKeyContext(kid)),
    };
  } finally {
    pkcs8.fill(0);
  }
}

/** SM2 SPKI PEM of an uncompressed public key `04…`. */
export function sm2PublicKeyPem(publicKeyHex: string): string {
  return pem(Buffer.from(SM2_SPKI_PREFIX + publicKeyHex, "hex"));
}

export function generateSm2Key(keyring: Keyring, authority: string): GeneratedKey {
  const pair = sm2.generateKeyPairHex();
  const publicKeyHex = pair.publicKey.toLowerCase();
  if (!/^04[0-9a-f]{128}$/.test(publicKeyHex))
    throw new Error("sm-crypto-v2 returned an unexpected public key");
  const kid = keyId(authority, "SM2", Buffer.from(publicKeyHex, "hex"));
  const privateBytes = Buffer.from(pair.privateKey.padStart(64, "0"), "hex");
  try {
    return {
      kid,
      authority,
      algorithm: "SM2",
      publicKey: {
        x: publicKeyHex.slice(2, 66),
        y: publicKeyHex.slice(66),
        publicKeyHex,
        pem: sm2PublicKeyPem(publicKeyHex),
      },
      privateKeyEncrypted: sealSecret(keyring, privateBytes, privateKeyContext(kid)),
    };
  } finally {
    privateBytes.fill(0);
  }
}

/** The published JWK of a stored public key (explicit fields: the PEM and hex stay out). */
export function publishedJwk(
  kid: string,
  algorithm: KeyAlgorithm,
  publicKey: Record<string, string>,
): PublishedJwk {
  if (algorithm === "EdDSA") {
    return { kty: "OKP", crv: "Ed25519", x: publicKey.x ?? "", kid, alg: "EdDSA", use: "sig" };
  }
  return {
    kty: "EC",
    crv: "SM2",
    x: Buffer.from(publicKey.x ?? "", "hex").toString("base64url"),
    y: Buffer.from(publicKey.y ?? "", "hex").toString("base64url"),
    kid,
    alg: "SM2-SM3",
    use: "sig",
  };
}

/** Public verification material of one key, prepared once (SM2 verification needs a precomputed point). */
export type PublicVerifier =
  | { algorithm: "EdDSA"; kid: string; authority: string; key: KeyObject }
  | {
      algorithm: "SM2";
      kid: string;
      authority: string;
      point: ReturnType<typeof sm2.precomputePublicKey>;
    };

export function publicVerifier(row: {
  kid: string;
  authority: string;
  algorithm: KeyAlgorithm;
  publicKey: Record<string, string>;
}): PublicVerifier {
  if (row.algorithm === "EdDSA") {
    const key = createPublicKey({
      key: { kty: "OKP", crv: "Ed25519", x: row.publicKey.x ?? "" },
      format: "jwk",
    });
    return { algorithm: "EdDSA", kid: row.kid, authority: row.authority, key };
  }
  return {
    algorithm: "SM2",
    kid: row.kid,
    authority: row.authority,
    point: sm2.precomputePublicKey(row.publicKey.publicKeyHex ?? ""),
  };
}
