import { compactVerify, importJWK, type JWK } from "jose";
import { sm2 } from "sm-crypto-v2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyToken } from "@shian/domain";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { SM2_OPTIONS } from "./key-material.js";
import { loadSigner, rotateAuthorityKeys } from "./service.js";

const PASSPHRASE = "routes test passphrase 0123456789";
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ SIGNING_KEY_PASSPHRASE: PASSPHRASE });
});
afterAll(() => t.close());

interface TrustListPayload {
  type: string;
  root: { keys: { kid: string; algorithm: string; publicKey: JWK }[] };
  authorities: {
    authority: string;
    regionName: string | null;
    status: string;
    keys: { kid: string; status: string; createdAt: string; retiredAt: string | null }[];
  }[];
}

describe("published keys and trust list (public routes)", () => {
  it("GET /.well-known/jwks.json is public and cacheable, and a token verifies with it alone", async () => {
    const signer = await loadSigner(t.database.db, { passphrase: PASSPHRASE }, "440106");
    const signed = signer.signCertificate({
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
      status: { listId: "revocation-1", index: 1 },
    });
    const response = await t.app.inject({ method: "GET", url: "/.well-known/jwks.json" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toContain("public");
    const jwks = response.json() as { keys: JWK[] };
    expect(jwks.keys.map((k) => k.kid)).toEqual([signer.edKid, signer.sm2Kid]);
    expect(jwks.keys[1]).toMatchObject({ kty: "EC", crv: "SM2", alg: "SM2-SM3", use: "sig" });
    expect(response.body).not.toMatch(/PRIVATE|"d"|pem|v1\./);
    expect(await verifyToken(signed.token, jwks, { now: new Date("2026-01-01") })).toMatchObject({
      valid: true,
    });
    const again = await t.app.inject({
      method: "GET",
      url: "/.well-known/jwks.json",
      headers: { "if-none-match": String(response.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
  });

  it("GET /api/v1/trust-list is signed by the root key of root.jwk and lists every authority with its keys", async () => {
    await rotateAuthorityKeys(t.database.db, { passphrase: PASSPHRASE }, "440106");
    const rootResponse = await t.app.inject({ method: "GET", url: "/api/v1/trust-list/root.jwk" });
    expect(rootResponse.statusCode).toBe(200);
    const rootJwk = rootResponse.json() as JWK;
    expect(rootJwk).toMatchObject({
      kty: "OKP",
      crv: "Ed25519",
      alg: "EdDSA",
      use: "sig",
      kid: expect.stringMatching(/^root-ed-/),
    });
    expect(Object.keys(rootJwk).sort()).toEqual(["alg", "crv", "kid", "kty", "use", "x"]);

    const response = await t.app.inject({ method: "GET", url: "/api/v1/trust-list" });
    expect(response.statusCode).toBe(200);
    const { jws, sm2Kid, sm2Signature } = response.json() as {
      jws: string;
      sm2Kid: string;
      sm2Signature: string;
    };
    const { payload, protectedHeader } = await compactVerify(jws, await importJWK(rootJwk, "EdDSA"));
    expect(protectedHeader.kid).toBe(rootJwk.kid);
    const text = new TextDecoder().decode(payload);
    const list = JSON.parse(text) as TrustListPayload;
    expect(list.type).toBe("shian-trust-list");
    const tianhe = list.authorities.find((a) => a.authority === "440106");
    expect(tianhe).toMatchObject({ regionName: "天河区", status: "active" });
    expect(tianhe!.keys.map((k) => k.status).sort()).toEqual(["active", "active", "retired", "retired"]);
    expect(
      tianhe!.keys.every((k) => (k.status === "active" ? k.retiredAt === null : k.retiredAt !== null)),
    ).toBe(true);
    expect(list.authorities.some((a) => a.authority === "root")).toBe(false);
    // The SM2 signature covers the same bytes, with the root SM2 key that the signed list names.
    const rootSm2 = list.root.keys.find((k) => k.kid === sm2Kid)!.publicKey;
    const point = `04${Buffer.from(rootSm2.x!, "base64url").toString("hex")}${Buffer.from(rootSm2.y!, "base64url").toString("hex")}`;
    expect(sm2.doVerifySignature(text, sm2Signature, point, SM2_OPTIONS)).toBe(true);
    expect(response.body).not.toMatch(/PRIVATE|v1\./);
  });

  it("the key routes are marked public and declare response schemas", () => {
    const urls = ["/.well-known/jwks.json", "/api/v1/trust-list", "/api/v1/trust-list/root.jwk"];
    const routes = t.app.routeTable.filter((r) => r.method === "GET" && urls.includes(r.url));
    expect(routes).toHaveLength(3);
    for (const route of routes) {
      expect(route.config?.policy).toEqual({ public: true });
      expect(Object.keys((route.schema as { response: object }).response)).toContain("200");
    }
  });
});
