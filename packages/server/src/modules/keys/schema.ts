import { Type } from "@sinclair/typebox";

export const Ed25519JwkView = Type.Object(
  {
    kty: Type.Literal("OKP"),
    crv: Type.Literal("Ed25519"),
    x: Type.String({ description: "public key, base64url" }),
    kid: Type.String(),
    alg: Type.Literal("EdDSA"),
    use: Type.Literal("sig"),
  },
  { description: "Ed25519 public key (RFC 8037)" },
);

export const Sm2JwkView = Type.Object(
  {
    kty: Type.Literal("EC"),
    crv: Type.Literal("SM2"),
    x: Type.String({ description: "x coordinate, 32 bytes base64url" }),
    y: Type.String({ description: "y coordinate, 32 bytes base64url" }),
    kid: Type.String(),
    alg: Type.Literal("SM2-SM3"),
    use: Type.Literal("sig"),
  },
  {
    description:
      "SM2 public key in EC JWK form (no registered JWK curve; SM3 digest, user ID 1234567812345678)",
  },
);

export const JwksView = Type.Object({
  keys: Type.Array(Type.Union([Ed25519JwkView, Sm2JwkView]), {
    description: "every issuing authority's keys, active and retired",
  }),
});

export const TrustListView = Type.Object({
  jws: Type.String({
    description:
      "compact JWS (EdDSA) by the root key; its payload is the canonical JSON trust list (authorities, keys, status, dates)",
  }),
  sm2Kid: Type.String({ description: "the root SM2 key (listed in the trust list's root.keys)" }),
  sm2Signature: Type.String({
    description: "DER SM2 signature (SM3, user ID 1234567812345678), hex, over the JWS payload bytes",
  }),
});
