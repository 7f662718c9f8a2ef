import { publishedJwk, type PublishedJwk } from "./key-material.js";
import type { PublicKeyRow } from "./repository.js";

/** A signing key as listed and published: public material and lifecycle only, never the sealed private key. */
export interface SigningKeyView {
  kid: string;
  authority: string;
  algorithm: "EdDSA" | "SM2";
  status: "active" | "retired";
  createdAt: string;
  retiredAt: string | null;
  publicKey: PublishedJwk;
}

export function presentKey(row: PublicKeyRow): SigningKeyView {
  return {
    kid: row.kid,
    authority: row.authority,
    algorithm: row.algorithm,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    retiredAt: row.retiredAt?.toISOString() ?? null,
    publicKey: publishedJwk(row.kid, row.algorithm, row.publicKey),
  };
}
