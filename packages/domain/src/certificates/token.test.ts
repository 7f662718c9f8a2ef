import { readFileSync } from "node:fs";
import { base64url, exportJWK, generateKeyPair, type JWK } from "jose";
import { describe, expect, it } from "vitest";
import type { CertificatePayload } from "./payload.js";
import {
  MAX_TOKEN_BYTES,
  assembleToken,
  chinaDate,
  decodeTokenClaims,
  extractToken,
  tokenClaimsFor,
  tokenSigningInput,
  verifyToken,
} from "./token.js";

const samplePayload: CertificatePayload = {
  licenseNo: "JY14401060000010",
  licenseType: "JY",
  version: 1,
  holderName: "广州市天河区好味道餐饮管理有限公司",
  uscc: "91440106MA59C0XK2B",
  legalRepresentative: "陈小明",
  storeAddress: "广州市天河区天河路 385 号",
  items: ["热食类食品制售"],
  issuer: "广州市天河区市场监督管理局",
  issuerRegion: "440106",
  validFrom: "2025-06-01",
  validTo: "2030-05-31",
  issuedAt: "2025-06-01T09:30:00+08:00",
  status: { listId: "rev-1", index: 42 },
};

// Browser-style signing (WebCrypto through jose), as the web app would verify: no node:crypto here.
const KID = "440106-ed-1a2b3c4d";
const { privateKey, publicKey } = await generateKeyPair("EdDSA", { crv: "Ed25519", extractable: true });
const jwks: { keys: JWK[] } = {
  keys: [{ ...(await exportJWK(publicKey)), kid: KID, alg: "EdDSA", use: "sig" }],
};

async function signToken(payload: CertificatePayload, kid = KID): Promise<string> {
  const input = tokenSigningInput(tokenClaimsFor(payload), kid);
  const signature = await crypto.subtle.sign(
    "Ed25519",
    privateKey as CryptoKey,
    new TextEncoder().encode(input),
  );
  return assembleToken(input, new Uint8Array(signature));
}

/** A name of 30 Chinese characters, the longest realistic holder name we size the token for. */
const NAME_30 = "广州市天河区珠江新城好味道餐饮管理有限公司第一百零八分店食堂";
const NOW = new Date("2026-01-15T12:00:00+08:00");

function replaceChar(text: string, at: number): string {
  const c = text[at] === "A" ? "B" : "A";
  return text.slice(0, at) + c + text.slice(at + 1);
}

describe("QR token", () => {
  it(`fits in ${MAX_TOKEN_BYTES} bytes with a 30-character Chinese holder name`, async () => {
    expect(Array.from(NAME_30)).toHaveLength(30);
    // Worst realistic other claims: version 2, list "revocation-12", the last entry of a 131 072-bit list.
    const token = await signToken({
      ...samplePayload,
      version: 2,
      holderName: NAME_30,
      status: { listId: "revocation-12", index: 131_071 },
    });
    expect(new TextEncoder().encode(token).length).toBeLessThanOrEqual(MAX_TOKEN_BYTES);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{86}$/);
    expect(decodeTokenClaims(token)?.h).toBe(NAME_30);
  });

  it("shortens only a name that would not fit, ending in …, and stays within the limit", async () => {
    const long = "某".repeat(120);
    const token = await signToken({ ...samplePayload, holderName: long });
    expect(token.length).toBeLessThanOrEqual(MAX_TOKEN_BYTES);
    const claims = (await verifyToken(token, jwks, { now: NOW })).claims;
    expect(claims?.h.endsWith("…")).toBe(true);
    expect(long.startsWith(claims!.h.slice(0, -1))).toBe(true);
  });

  it("carries the compact claims n, v, h, e, i, l, x; the issued date is the date in China", () => {
    const claims = tokenClaimsFor({ ...samplePayload, issuedAt: "2025-05-31T17:30:00Z" });
    expect(claims).toEqual({
      n: "JY14401060000010",
      v: 1,
      h: samplePayload.holderName,
      e: "2030-05-31",
      i: "2025-06-01",
      l: "rev-1",
      x: 42,
    });
    expect(chinaDate("2025-05-31T15:59:59Z")).toBe("2025-05-31");
  });

  it("verifies offline with only the JWKS", async () => {
    const token = await signToken(samplePayload);
    const verdict = await verifyToken(token, jwks, { now: NOW });
    expect(verdict).toEqual({ valid: true, claims: tokenClaimsFor(samplePayload), kid: KID });
  });

  it("is expired once the whole validTo day has passed in China, not before", async () => {
    const token = await signToken(samplePayload);
    const lastMoment = new Date("2030-05-31T23:59:59.999+08:00");
    expect((await verifyToken(token, jwks, { now: lastMoment })).valid).toBe(true);
    const verdict = await verifyToken(token, jwks, { now: new Date("2030-06-01T00:00:00+08:00") });
    expect(verdict).toMatchObject({ valid: false, reason: "expired", claims: { n: "JY14401060000010" } });
  });

  it("SECURITY #18: one changed character of the claims → bad_signature, and no claims are vouched for", async () => {
    const token = await signToken(samplePayload);
    const [header, payload, signature] = token.split(".") as [string, string, string];
    for (const at of [0, 10, Math.floor(payload.length / 2), payload.length - 2]) {
      const tampered = `${header}.${replaceChar(payload, at)}.${signature}`;
      const verdict = await verifyToken(tampered, jwks, { now: NOW });
      expect(verdict.valid).toBe(false);
      expect(["bad_signature", "malformed"]).toContain(verdict.reason);
      expect(verdict.claims).toBeUndefined();
    }
    // A realistic forgery: change the validity and re-encode properly.
    const claims = { ...tokenClaimsFor(samplePayload), e: "2099-12-31" };
    const forged = `${header}.${base64url.encode(JSON.stringify(claims))}.${signature}`;
    expect(await verifyToken(forged, jwks, { now: NOW })).toEqual({ valid: false, reason: "bad_signature" });
  });

  it("SECURITY #18: one changed byte of the signature → bad_signature", async () => {
    const token = await signToken(samplePayload);
    const [header, payload, signature] = token.split(".") as [string, string, string];
    const bytes = base64url.decode(signature);
    for (const at of [0, 31, 63]) {
      const changed = bytes.slice();
      changed[at] = changed[at]! ^ 0x01;
      const tampered = `${header}.${payload}.${base64url.encode(changed)}`;
      expect(await verifyToken(tampered, jwks, { now: NOW })).toEqual({
        valid: false,
        reason: "bad_signature",
      });
    }
  });

  it("refuses a second spelling of the same signature (unused trailing bits set) as malformed", async () => {
    const token = await signToken(samplePayload);
    const last = token.at(-1)!;
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    // 64 bytes → 86 characters; the last carries 4 bits and 2 unused ones.
    const sibling = alphabet[alphabet.indexOf(last) ^ 1]!;
    const verdict = await verifyToken(token.slice(0, -1) + sibling, jwks, { now: NOW });
    expect(verdict.valid).toBe(false);
  });

  it("names the reason: unknown key, malformed token", async () => {
    const other = await signToken(samplePayload, "440106-ed-ffffffff");
    expect(await verifyToken(other, jwks, { now: NOW })).toEqual({ valid: false, reason: "unknown_key" });
    for (const bad of ["", "abc", "a.b", "a.b.c.d", "ey.ey.ey", `${"A".repeat(2000)}.A.A`]) {
      expect(await verifyToken(bad, jwks, { now: NOW })).toEqual({ valid: false, reason: "malformed" });
    }
    expect(await verifyToken(await signToken(samplePayload), { keys: [] })).toEqual({
      valid: false,
      reason: "unknown_key",
    });
  });

  it("is URL-safe and comes back out of a /v/ URL or scanned text", async () => {
    const token = await signToken(samplePayload);
    expect(encodeURIComponent(token)).toBe(token);
    expect(extractToken(`https://shian.example.gov.cn/v/${token}`)).toBe(token);
    expect(extractToken(`  https://x/v/${token}?utm=1#top\n`)).toBe(token);
    expect(extractToken(token)).toBe(token);
  });

  it("decodeTokenClaims reads claims without verifying; null for garbage", async () => {
    const token = await signToken(samplePayload);
    expect(decodeTokenClaims(token)).toEqual(tokenClaimsFor(samplePayload));
    expect(decodeTokenClaims("not a token")).toBeNull();
  });

  it("runs in the browser: the token module imports jose and its own payload types only", () => {
    const source = readFileSync(new URL("./token.ts", import.meta.url), "utf8");
    const imports = [...source.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]);
    expect(imports).toEqual(["jose", "./payload.js"]);
  });
});
