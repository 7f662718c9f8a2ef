// Offline token verification: the domain's verifyToken (packages/domain dist; jose over WebCrypto, JWKS look-up,
// claim parsing, expiry) against raw node:crypto.verify Ed25519 over the same signing input — the floor.
//   node bench/verify-token.mjs   (alone; BENCH_QUICK=1 applies)
import crypto from "node:crypto";
import { fileURLToPath } from "node:url";
import { dist, entry, log, quick } from "./common.mjs";

/** A token shaped like the certificates' QR tokens (docs/certificates.md), signed with a fresh key. */
function benchToken() {
  const { publicKey, privateKey } = crypto.generateKeyPairSync("ed25519");
  const jwk = { ...publicKey.export({ format: "jwk" }), kid: "bench-ed", alg: "EdDSA", use: "sig" };
  const b64 = (value) => Buffer.from(value).toString("base64url");
  const claims = {
    n: "JY14401060000010",
    v: 1,
    h: "广州市天河区鸿福餐饮管理有限公司",
    e: "2030-01-01",
    i: "2025-01-01",
    l: "revocation-1",
    x: 1,
  };
  const input = `${b64(JSON.stringify({ alg: "EdDSA", kid: "bench-ed" }))}.${b64(JSON.stringify(claims))}`;
  const signature = crypto.sign(null, Buffer.from(input), privateKey);
  return { token: `${input}.${b64(signature)}`, input, signature, publicKey, jwks: { keys: [jwk] } };
}

/** Operations per second of `operation` over `iterations` calls (awaited one after the other). */
async function rate(iterations, operation) {
  const started = performance.now();
  for (let i = 0; i < iterations; i++) await operation();
  return iterations / ((performance.now() - started) / 1000);
}

export async function benchVerifyToken() {
  const { verifyToken } = await import(dist("packages/domain/dist/index.js"));
  const { token, input, signature, publicKey, jwks } = benchToken();
  const now = new Date("2026-01-01");
  const raw = () => {
    if (!crypto.verify(null, Buffer.from(input), publicKey, signature)) throw new Error("raw verify failed");
  };
  const domain = async () => {
    const verdict = await verifyToken(token, jwks, { now });
    if (!verdict.valid) throw new Error(`bench token not valid: ${verdict.reason}`);
  };
  const iterations = quick ? 2_000 : 10_000;
  // Warm both (JIT, the key import cache), then alternate rounds and keep each side's best.
  await rate(1_000, raw);
  await rate(1_000, domain);
  let best = { raw: 0, domain: 0 };
  for (let round = 0; round < 3; round++) {
    best = {
      raw: Math.max(best.raw, await rate(iterations, raw)),
      domain: Math.max(best.domain, await rate(iterations, domain)),
    };
  }
  log(`verifyToken: ${Math.round(best.domain)} ops/s vs crypto.verify ${Math.round(best.raw)} ops/s`);
  return [
    entry(
      "verifyToken vs crypto.verify (Ed25519)",
      best.domain,
      best.raw,
      best.domain / best.raw,
      "ops/s, one core, best of 3 rounds (goal: ratio ≥ 0.8)",
    ),
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await benchVerifyToken(), null, 2));
}
