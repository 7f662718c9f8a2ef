// Secrets at rest (signing keys, webhook secrets): AES-256-GCM under a key derived from SIGNING_KEY_PASSPHRASE
// (SECURITY.md #18; ASVS 6.2.2, 6.4.1).
//
//   master key  = scrypt(passphrase, APP_SALT, 32 bytes, N = 2^15, r = 8, p = 1)   — once per keyring
//   record key  = HKDF-SHA256(master key, salt = 16 random bytes of the record, info = "shian secret-box v1")
//   sealed text = "v1." salt "." iv (12 random bytes) "." ciphertext "." tag (16 bytes), each base64url
//
// The optional context string (e.g. "signing_keys:<kid>") is authenticated data: a sealed value copied into
// another row does not open. Error messages never contain the secret, the passphrase or the sealed text.

import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, scryptSync } from "node:crypto";

/** What unlocks the secrets: the passphrase from SIGNING_KEY_PASSPHRASE (or the demo file). */
export interface Keyring {
  passphrase: string;
}

const VERSION = "v1";
const APP_SALT = "shian/secret-box/v1/0b6f1c7e";
const HKDF_INFO = "shian secret-box v1";
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
export const MIN_PASSPHRASE_LENGTH = 16;

export class SecretBoxError extends Error {}

/**
 * Names a passphrase in in-process caches without keeping another copy of it: equal passphrases, equal ids.
 * (A digest, not the passphrase; it is never stored or logged.)
 */
export function keyringId(keyring: Keyring): string {
  return createHash("sha256").update(`shian keyring id\u0000${keyring.passphrase}`).digest("base64url");
}

// Derived master keys by keyring id: scrypt is deliberately slow (≈ 0.1 s), so it runs once per passphrase.
const masterKeys = new Map<string, Buffer>();
const MASTER_KEY_CACHE_LIMIT = 16;

function masterKey(keyring: Keyring): Buffer {
  const id = keyringId(keyring);
  let key = masterKeys.get(id);
  if (!key) {
    if (keyring.passphrase.length < MIN_PASSPHRASE_LENGTH)
      throw new SecretBoxError(`the passphrase must have at least ${MIN_PASSPHRASE_LENGTH} characters`);
    key = scryptSync(keyring.passphrase.normalize("NFC"), APP_SALT, 32, SCRYPT);
    if (masterKeys.size >= MASTER_KEY_CACHE_LIMIT) masterKeys.clear();
    masterKeys.set(id, key);
  }
  return key;
}

function recordKey(keyring: Keyring, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync("sha256", masterKey(keyring), salt, HKDF_INFO, 32));
}

function aad(context: string): Buffer {
  return Buffer.from(`${VERSION}\u0000${context}`, "utf8");
}

/** Encrypts a secret; `context` binds it to where it is stored. */
export function sealSecret(keyring: Keyring, secret: Uint8Array | string, context = ""): string {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = recordKey(keyring, salt);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(aad(context));
  const plaintext = typeof secret === "string" ? Buffer.from(secret, "utf8") : secret;
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const tag = cipher.getAuthTag();
  key.fill(0);
  return [VERSION, salt, iv, ciphertext, tag]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

/** Decrypts a sealed secret; throws SecretBoxError for a wrong passphrase, context or a damaged value. */
export function openSecret(keyring: Keyring, sealed: string, context = ""): Buffer {
  const parts = sealed.split(".");
  if (parts.length !== 5 || parts[0] !== VERSION)
    throw new SecretBoxError("not a sealed secret of a known version");
  const [salt, iv, ciphertext, tag] = parts.slice(1).map((part) => Buffer.from(part, "base64url"));
  if (!salt || salt.length !== 16 || !iv || iv.length !== 12 || !ciphertext || !tag || tag.length !== 16)
    throw new SecretBoxError("damaged sealed secret");
  const key = recordKey(keyring, salt);
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv);
    decipher.setAAD(aad(context));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    throw new SecretBoxError("cannot decrypt: wrong passphrase, or the sealed secret was altered");
  } finally {
    key.fill(0);
  }
}
