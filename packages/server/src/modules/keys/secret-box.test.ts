import { describe, expect, it } from "vitest";
import { SecretBoxError, keyringId, openSecret, sealSecret } from "./secret-box.js";

const keyring = { passphrase: "a passphrase of some length" };

describe("secret box (AES-256-GCM under a scrypt-derived key)", () => {
  it("round-trips bytes and text in a versioned format with a fresh salt and IV each time", () => {
    const secret = Buffer.from("00112233445566778899aabbccddeeff", "hex");
    const a = sealSecret(keyring, secret, "signing_keys:k1");
    const b = sealSecret(keyring, secret, "signing_keys:k1");
    expect(a).toMatch(/^v1\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(a).not.toBe(b);
    expect(openSecret(keyring, a, "signing_keys:k1")).toEqual(secret);
    expect(openSecret(keyring, sealSecret(keyring, "webhook secret 密钥")).toString("utf8")).toBe(
      "webhook secret 密钥",
    );
  });

  it("SECURITY #18: opens only with the right passphrase and context, and never echoes secrets in errors", () => {
    const sealed = sealSecret(keyring, "top secret value", "ctx");
    const attempts = [
      () => openSecret({ passphrase: "another passphrase, long enough" }, sealed, "ctx"),
      () => openSecret(keyring, sealed, "other ctx"),
      () => openSecret(keyring, sealed),
    ];
    for (const attempt of attempts) {
      expect(attempt).toThrow(SecretBoxError);
      try {
        attempt();
      } catch (error) {
        const message = (error as Error).message;
        expect(message).not.toContain(keyring.passphrase);
        expect(message).not.toContain(sealed.split(".")[3]!);
      }
    }
  });

  it("SECURITY #18: one changed byte of the sealed value fails authentication", () => {
    const sealed = sealSecret(keyring, "top secret value");
    const parts = sealed.split(".");
    for (const index of [1, 2, 3, 4]) {
      const bytes = Buffer.from(parts[index]!, "base64url");
      bytes[0] = bytes[0]! ^ 0x01;
      const tampered = [
        ...parts.slice(0, index),
        bytes.toString("base64url"),
        ...parts.slice(index + 1),
      ].join(".");
      expect(() => openSecret(keyring, tampered)).toThrow(SecretBoxError);
    }
    expect(() => openSecret(keyring, sealed.replace(/^v1/, "v2"))).toThrow(/version/);
    expect(() => openSecret(keyring, "garbage")).toThrow(SecretBoxError);
  });

  it("refuses a passphrase shorter than 16 characters", () => {
    expect(() => sealSecret({ passphrase: "short" }, "x")).toThrow(/16 characters/);
  });

  it("names a passphrase in caches by a digest, not by the passphrase", () => {
    expect(keyringId(keyring)).toBe(keyringId({ passphrase: keyring.passphrase }));
    expect(keyringId(keyring)).not.toContain(keyring.passphrase);
    expect(keyringId(keyring)).not.toBe(keyringId({ passphrase: `${keyring.passphrase}!` }));
  });
});
