import { createPublicKey, verify, type KeyObject } from "node:crypto";

/** A device's Ed25519 public key from its raw 32 bytes (base64url); null if it is not a usable key. */
export function devicePublicKey(rawBase64url: string): KeyObject | null {
  try {
    if (Buffer.from(rawBase64url, "base64url").length !== 32) return null;
    return createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: rawBase64url }, format: "jwk" });
  } catch {
    return null;
  }
}

/** Whether `signature` is the device's Ed25519 signature over exactly `payloadBytes`. */
export function verifyDeviceSignature(
  publicKey: string,
  payloadBytes: Uint8Array,
  signature: Uint8Array,
): boolean {
  const key = devicePublicKey(publicKey);
  return key !== null && verify(null, payloadBytes, key, signature);
}
