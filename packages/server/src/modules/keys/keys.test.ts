import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeTokenClaims, verifyToken, type CertificatePayload } from "@shian/domain";
import { auditLog, signingKeys } from "../../db/schema.js";
import { createTestDatabase, type TestDatabase } from "../../test/test-database.js";
import { sm2 } from "sm-crypto-v2";
import { SM2_OPTIONS, sm2PublicKeyPem } from "./key-material.js";
import { isStrictSm2Der } from "./signer.js";
import {
  SigningKeyError,
  ensureAuthorityKeys,
  listKeys,
  loadSigner,
  publishedJwks,
  rotateAuthorityKeys,
  verifyCertificateSignatures,
  type SignedCertificate,
} from "./service.js";

let database: TestDatabase;
let workDir: string;
const keyring = { passphrase: "correct horse battery staple 食安" };
const AUTHORITY = "440106";

beforeAll(async () => {
  database = await createTestDatabase();
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "shian-keys-"));
});
afterAll(async () => {
  await database.close();
  fs.rmSync(workDir, { recursive: true, force: true });
});

function payload(overrides: Partial<CertificatePayload> = {}): CertificatePayload {
  return {
    licenseNo: "JY14401060000010",
    licenseType: "JY",
    version: 1,
    holderName: "广州市天河区好味道餐饮管理有限公司",
    uscc: "91440106MA59C0XK2B",
    legalRepresentative: "陈小明",
    storeAddress: "广州市天河区天河路 385 号",
    businessForm: "catering",
    subtype: "restaurant_small",
    items: ["热食类食品制售"],
    issuer: "广州市天河区市场监督管理局",
    issuerRegion: AUTHORITY,
    validFrom: "2025-06-01",
    validTo: "2030-05-31",
    issuedAt: "2025-06-01T09:30:00+08:00",
    status: { listId: "revocation-1", index: 7 },
    ...overrides,
  };
}

function openssl(...args: string[]) {
  return spawnSync("openssl", args, { cwd: workDir, encoding: "utf8" });
}

function write(name: string, content: string | Buffer): string {
  fs.writeFileSync(path.join(workDir, name), content);
  return name;
}

async function publicKeyRow(kid: string) {
  const [row] = await database.db.select().from(signingKeys).where(eq(signingKeys.kid, kid));
  if (!row) throw new Error(`no key ${kid}`);
  return row;
}

/** Flips the low bit of one byte of a base64url string's decoded bytes. */
function flipBase64urlByte(text: string, at: number): string {
  const bytes = Buffer.from(text, "base64url");
  bytes[at] = bytes[at]! ^ 0x01;
  return bytes.toString("base64url");
}

function flipHexByte(hex: string, at: number): string {
  const bytes = Buffer.from(hex, "hex");
  bytes[at] = bytes[at]! ^ 0x01;
  return bytes.toString("hex");
}

describe("signing keys", () => {
  let signed: SignedCertificate;

  beforeAll(async () => {
    const signer = await loadSigner(database.db, keyring, AUTHORITY);
    signed = signer.signCertificate(payload());
  });

  it("an authority gets one active Ed25519 and one active SM2 key, created once and audited", async () => {
    const again = await ensureAuthorityKeys(database.db, keyring, AUTHORITY);
    expect(again.created).toEqual([]);
    const keys = await listKeys(database.db, { authority: AUTHORITY });
    expect(keys.map((k) => [k.algorithm, k.status])).toEqual([
      ["EdDSA", "active"],
      ["SM2", "active"],
    ]);
    expect(keys[0]!.kid).toMatch(/^440106-ed-[0-9a-f]{8}$/);
    expect(keys[1]!.kid).toMatch(/^440106-sm2-[0-9a-f]{8}$/);
    const audits = await database.db.select().from(auditLog).where(eq(auditLog.action, "keys.create"));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      subjectType: "signing_key",
      subjectId: AUTHORITY,
      regionCode: AUTHORITY,
    });
    expect(JSON.stringify(audits[0])).not.toMatch(/PRIVATE|v1\./);
  });

  it("refuses an unknown region and keeps root keys away from certificates", async () => {
    await expect(ensureAuthorityKeys(database.db, keyring, "999999")).rejects.toThrow();
    await expect(ensureAuthorityKeys(database.db, keyring, "44010'")).rejects.toThrow();
    await expect(loadSigner(database.db, keyring, "root")).rejects.toMatchObject({
      code: "validation_failed",
      detail: { en: expect.stringMatching(/trust list/) },
    });
  });

  it("a signed certificate carries the canonical JSON, an attached EdDSA JWS over it, the SM2 signature and the token", async () => {
    const [header, body] = signed.jws.split(".") as [string, string, string];
    expect(JSON.parse(Buffer.from(header, "base64url").toString())).toEqual({
      alg: "EdDSA",
      kid: expect.stringMatching(/^440106-ed-/),
    });
    expect(Buffer.from(body, "base64url").toString("utf8")).toBe(signed.payload);
    expect(signed.sm2Kid).toMatch(/^440106-sm2-/);
    expect(signed.sm2Signature).toMatch(/^30[0-9a-f]+$/);
    expect(decodeTokenClaims(signed.token)).toMatchObject({
      n: "JY14401060000010",
      v: 1,
      x: 7,
      l: "revocation-1",
    });
    expect(await verifyCertificateSignatures(database.db, signed)).toEqual({ ed25519: true, sm2: true });
  });

  it("SECURITY #18: an Ed25519 signature verifies with the OpenSSL CLI", async () => {
    const [header, body, signature] = signed.jws.split(".") as [string, string, string];
    const key = await publicKeyRow(JSON.parse(Buffer.from(header, "base64url").toString()).kid);
    write("ed.pem", key.publicKey.pem!);
    write("signing_input", `${header}.${body}`);
    write("sig.bin", Buffer.from(signature, "base64url"));
    const ok = openssl(
      "pkeyutl",
      "-verify",
      "-pubin",
      "-inkey",
      "ed.pem",
      "-rawin",
      "-in",
      "signing_input",
      "-sigfile",
      "sig.bin",
    );
    expect(ok.stdout).toContain("Signature Verified Successfully");
    expect(ok.status).toBe(0);
    write("signing_input", `${header}.${flipBase64urlByte(body, 20)}`);
    const tampered = openssl(
      "pkeyutl",
      "-verify",
      "-pubin",
      "-inkey",
      "ed.pem",
      "-rawin",
      "-in",
      "signing_input",
      "-sigfile",
      "sig.bin",
    );
    expect(tampered.status).not.toBe(0);
  });

  it("SECURITY #18: the QR token's Ed25519 signature verifies with the OpenSSL CLI", async () => {
    const [header, body, signature] = signed.token.split(".") as [string, string, string];
    const key = await publicKeyRow(JSON.parse(Buffer.from(header, "base64url").toString()).kid);
    write("ed.pem", key.publicKey.pem!);
    write("token_input", `${header}.${body}`);
    write("token_sig.bin", Buffer.from(signature, "base64url"));
    const ok = openssl(
      "pkeyutl",
      "-verify",
      "-pubin",
      "-inkey",
      "ed.pem",
      "-rawin",
      "-in",
      "token_input",
      "-sigfile",
      "token_sig.bin",
    );
    expect(ok.status).toBe(0);
  });

  it("SECURITY #18: an SM2 signature verifies with the OpenSSL CLI (pkeyutl and dgst, distid 1234567812345678)", async () => {
    const key = await publicKeyRow(signed.sm2Kid);
    expect(key.publicKey.pem).toBe(sm2PublicKeyPem(key.publicKey.publicKeyHex!));
    write("sm2pub.pem", key.publicKey.pem!);
    write("payload", signed.payload);
    write("sig.der", Buffer.from(signed.sm2Signature, "hex"));
    const pkeyutl = openssl(
      "pkeyutl",
      "-verify",
      "-pubin",
      "-inkey",
      "sm2pub.pem",
      "-rawin",
      "-in",
      "payload",
      "-sigfile",
      "sig.der",
      "-digest",
      "sm3",
      "-pkeyopt",
      "distid:1234567812345678",
    );
    expect(pkeyutl.stdout).toContain("Signature Verified Successfully");
    expect(pkeyutl.status).toBe(0);
    const dgst = openssl(
      "dgst",
      "-sm3",
      "-verify",
      "sm2pub.pem",
      "-sigopt",
      "distid:1234567812345678",
      "-signature",
      "sig.der",
      "payload",
    );
    expect(dgst.stdout).toContain("Verified OK");
    expect(dgst.status).toBe(0);
    // One changed byte of the signed JSON: OpenSSL refuses it too.
    write("payload", signed.payload.replace("陈小明", "陈大明"));
    const tampered = openssl(
      "dgst",
      "-sm3",
      "-verify",
      "sm2pub.pem",
      "-sigopt",
      "distid:1234567812345678",
      "-signature",
      "sig.der",
      "payload",
    );
    expect(tampered.status).not.toBe(0);
  });

  it("SECURITY #18: one changed byte in the signed JSON fails both signatures", async () => {
    const bytes = Buffer.from(signed.payload, "utf8");
    for (const at of [0, Math.floor(bytes.length / 2), bytes.length - 1]) {
      const changed = Buffer.from(bytes);
      changed[at] = changed[at]! ^ 0x01;
      const verdict = await verifyCertificateSignatures(database.db, {
        ...signed,
        payload: changed.toString("utf8"),
      });
      expect(verdict).toEqual({ ed25519: false, sm2: false });
    }
  });

  it("SECURITY #18: one changed byte in either signature fails that signature only", async () => {
    const [header, body, signature] = signed.jws.split(".") as [string, string, string];
    for (const at of [0, 32, 63]) {
      const jws = `${header}.${body}.${flipBase64urlByte(signature, at)}`;
      expect(await verifyCertificateSignatures(database.db, { ...signed, jws })).toEqual({
        ed25519: false,
        sm2: true,
      });
    }
    const derLength = signed.sm2Signature.length / 2;
    for (let at = 0; at < derLength; at += 1) {
      const sm2Signature = flipHexByte(signed.sm2Signature, at);
      expect({
        at,
        ...(await verifyCertificateSignatures(database.db, { ...signed, sm2Signature })),
      }).toEqual({
        at,
        ed25519: true,
        sm2: false,
      });
    }
  });

  it("SECURITY #18: a second DER spelling of the same SM2 signature is refused, though sm-crypto-v2 alone accepts it", async () => {
    const key = await publicKeyRow(signed.sm2Kid);
    const der = Buffer.from(signed.sm2Signature, "hex");
    // The SEQUENCE length byte changed: sm-crypto-v2 reads r and s anyway.
    const looseLength = Buffer.from(der);
    looseLength[1] = looseLength[1]! + 1;
    expect(
      sm2.doVerifySignature(
        signed.payload,
        looseLength.toString("hex"),
        key.publicKey.publicKeyHex!,
        SM2_OPTIONS,
      ),
    ).toBe(true);
    // s + n: the same point multiple, out of range.
    const rLength = der[3]!;
    const s = BigInt(`0x${der.subarray(6 + rLength).toString("hex")}`);
    const n = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;
    const sPlusN = Buffer.concat([
      Buffer.from([0]),
      Buffer.from((s + n).toString(16).padStart(66, "0"), "hex"),
    ]);
    const trimmed =
      sPlusN[1] === 0 && (sPlusN[2]! & 0x80) === 0
        ? sPlusN.subarray(2)
        : sPlusN[1]! & 0x80
          ? sPlusN
          : sPlusN.subarray(1);
    const body = Buffer.concat([der.subarray(2, 4 + rLength), Buffer.from([2, trimmed.length]), trimmed]);
    const outOfRange = Buffer.concat([Buffer.from([0x30, body.length]), body]);
    for (const variant of [looseLength, outOfRange]) {
      expect(isStrictSm2Der(variant.toString("hex"))).toBe(false);
      expect(
        await verifyCertificateSignatures(database.db, { ...signed, sm2Signature: variant.toString("hex") }),
      ).toEqual({
        ed25519: true,
        sm2: false,
      });
    }
    expect(isStrictSm2Der(signed.sm2Signature)).toBe(true);
  });

  it("a JWS whose payload is not the signed JSON, or keys of another authority, do not verify", async () => {
    const other = (await loadSigner(database.db, keyring, "440105")).signCertificate(
      payload({ issuerRegion: "440105" }),
    );
    // Another authority's valid signatures over a payload that names 440106 as issuer.
    const impostor = (await loadSigner(database.db, keyring, "440105")).signCertificate(
      payload({ issuerRegion: "440105" }),
    );
    const relabelled = {
      ...impostor,
      payload: impostor.payload.replace('"issuerRegion":"440105"', '"issuerRegion":"440106"'),
    };
    expect(await verifyCertificateSignatures(database.db, relabelled)).toEqual({
      ed25519: false,
      sm2: false,
    });
    expect(await verifyCertificateSignatures(database.db, { ...signed, jws: other.jws })).toEqual({
      ed25519: false,
      sm2: true,
    });
    expect(await verifyCertificateSignatures(database.db, { ...signed, sm2Kid: other.sm2Kid })).toEqual({
      ed25519: true,
      sm2: false,
    });
    const signer = await loadSigner(database.db, keyring, AUTHORITY);
    expect(() => signer.signCertificate(payload({ issuerRegion: "440105" }))).toThrow(/440105/);
  });

  it("the token verifies offline with only the published JWKS, which holds no private material and no root key", async () => {
    const jwks = await publishedJwks(database.db);
    expect(await verifyToken(signed.token, jwks, { now: new Date("2026-01-01T00:00:00Z") })).toMatchObject({
      valid: true,
    });
    expect(
      await verifyToken(signed.token, jwks, { now: new Date("2030-06-01T00:00:00+08:00") }),
    ).toMatchObject({ valid: false, reason: "expired" });
    for (const key of jwks.keys) {
      expect(Object.keys(key).sort()).toEqual(
        key.kty === "OKP"
          ? ["alg", "crv", "kid", "kty", "use", "x"]
          : ["alg", "crv", "kid", "kty", "use", "x", "y"],
      );
      expect(key.kid.startsWith("root")).toBe(false);
    }
  });

  it("private keys at rest are sealed: no PEM, hex or base64 of them in the row", async () => {
    const signer = await loadSigner(database.db, keyring, AUTHORITY);
    const rows = await database.db.select().from(signingKeys).where(eq(signingKeys.authority, AUTHORITY));
    // Recover the real private keys through the signer's closures is not possible; decrypt them the way loadSigner does.
    const { openSecret } = await import("./secret-box.js");
    const { privateKeyContext } = await import("./key-material.js");
    for (const row of rows) {
      const secret = openSecret(keyring, row.privateKeyEncrypted, privateKeyContext(row.kid));
      const dump = JSON.stringify(row);
      const raw = row.algorithm === "EdDSA" ? secret.subarray(-32) : secret;
      for (const spelling of [
        raw.toString("hex"),
        raw.toString("base64"),
        raw.toString("base64url"),
        secret.toString("base64"),
      ])
        expect(dump).not.toContain(spelling.slice(0, 24));
      expect(dump).not.toContain("PRIVATE KEY");
      expect(row.privateKeyEncrypted).toMatch(
        /^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/,
      );
    }
    expect(JSON.stringify(signer)).not.toMatch(/[0-9a-f]{64}/);
  });

  it("private keys decrypt only with the right passphrase", async () => {
    await expect(
      loadSigner(database.db, { passphrase: "the wrong passphrase, 16+" }, AUTHORITY),
    ).rejects.toThrow(SigningKeyError);
    await expect(
      loadSigner(database.db, { passphrase: "the wrong passphrase, 16+" }, AUTHORITY),
    ).rejects.toThrow(/SIGNING_KEY_PASSPHRASE/);
    expect((await loadSigner(database.db, keyring, AUTHORITY)).edKid).toMatch(/^440106-ed-/);
  });

  it("a wrong passphrase can neither rotate nor add keys that the server could not decrypt", async () => {
    const wrong = { passphrase: "the wrong passphrase, 16+" };
    const before = await listKeys(database.db);
    await expect(rotateAuthorityKeys(database.db, wrong, AUTHORITY)).rejects.toThrow(
      /does not open the existing/,
    );
    await expect(ensureAuthorityKeys(database.db, wrong, "440103")).rejects.toThrow(SigningKeyError);
    expect(await listKeys(database.db)).toEqual(before);
  });

  it("a sealed key copied into another row does not open (the kid is authenticated data)", async () => {
    const [ed, sm] = await listKeys(database.db, { authority: AUTHORITY });
    const edRow = await publicKeyRow(ed!.kid);
    await database.db.execute(
      sql`update signing_keys set private_key_encrypted = ${edRow.privateKeyEncrypted} where kid = ${sm!.kid}`,
    );
    await rotateAuthorityKeys(database.db, keyring, "440105"); // unrelated authority: no effect here
    const fresh = { passphrase: keyring.passphrase + " " }; // a new cache entry: forces decryption
    await expect(loadSigner(database.db, { passphrase: fresh.passphrase }, AUTHORITY)).rejects.toThrow(
      SigningKeyError,
    );
    // Put the keys back in order for the rotation test.
    await rotateAuthorityKeys(database.db, keyring, AUTHORITY);
  });

  it("rotation: new active keys sign; tokens and certificates signed before still verify with the published keys", async () => {
    const before = await loadSigner(database.db, keyring, AUTHORITY);
    const old = before.signCertificate(payload({ version: 2 }));
    const rotated = await rotateAuthorityKeys(database.db, keyring, AUTHORITY);
    expect(rotated.retired.map((k) => k.kid).sort()).toEqual([before.edKid, before.sm2Kid].sort());
    const after = await loadSigner(database.db, keyring, AUTHORITY);
    expect(after.edKid).not.toBe(before.edKid);
    expect(after.sm2Kid).not.toBe(before.sm2Kid);
    const fresh = after.signCertificate(payload({ version: 3 }));
    const jwks = await publishedJwks(database.db);
    const now = { now: new Date("2026-01-01T00:00:00Z") };
    expect(await verifyToken(old.token, jwks, now)).toMatchObject({ valid: true, kid: before.edKid });
    expect(await verifyToken(fresh.token, jwks, now)).toMatchObject({ valid: true, kid: after.edKid });
    expect(await verifyCertificateSignatures(database.db, old)).toEqual({ ed25519: true, sm2: true });
    expect(await verifyCertificateSignatures(database.db, fresh)).toEqual({ ed25519: true, sm2: true });
    const statuses = (await listKeys(database.db, { authority: AUTHORITY })).map(
      (k) => `${k.kid}:${k.status}`,
    );
    expect(statuses).toContain(`${before.edKid}:retired`);
    expect(statuses).toContain(`${after.edKid}:active`);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.action, "keys.rotate"));
    expect(audit.length).toBeGreaterThanOrEqual(1);
  });

  it("a signer cached before a rotation elsewhere is not reused (the active kids are checked)", async () => {
    const first = await loadSigner(database.db, keyring, "440104");
    // Another node rotates: simulate by retiring through SQL and creating keys with a second keyring object.
    await database.db.execute(
      sql`update signing_keys set status = 'retired', retired_at = now() where authority = '440104'`,
    );
    await ensureAuthorityKeys(database.db, { passphrase: keyring.passphrase }, "440104");
    const second = await loadSigner(database.db, keyring, "440104");
    expect(second.edKid).not.toBe(first.edKid);
  });
});
