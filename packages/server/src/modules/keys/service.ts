// Signing keys of the issuing authorities and of the trust-list root (DESIGN.md §6; SECURITY.md #18).
// Each authority has one active Ed25519 and one active SM2 key; rotation retires them (still published, so
// certificates signed before keep verifying) and creates new ones. Private keys are sealed at rest (secret-box)
// and decrypted once per process into signers cached per authority.

import { createPrivateKey, createPublicKey } from "node:crypto";
import { canonicalJson } from "@shian/domain";
import { sm2 } from "sm-crypto-v2";
import type { Queryable } from "../../db/client.js";
import { AppError } from "../../http/errors.js";
import { SYSTEM_CONTEXT, type RequestContext } from "../accounts/actor.js";
import { recordAudit } from "../audit/service.js";
import {
  generateEd25519Key,
  generateSm2Key,
  privateKeyContext,
  publicVerifier,
  publishedJwk,
  type Ed25519PublicJwk,
  type GeneratedKey,
  type PublicVerifier,
  type PublishedJwk,
} from "./key-material.js";
import { presentKey, type SigningKeyView } from "./presenter.js";
import * as repo from "./repository.js";
import { SecretBoxError, keyringId, openSecret, type Keyring } from "./secret-box.js";
import {
  createCertificateSigner,
  createDocumentSigner,
  signedDocumentKids,
  verifySignedDocument,
  type CertificateSigner,
  type DecryptedKeys,
  type DocumentSigner,
  type SignatureVerdict,
  type SignedDocument,
} from "./signer.js";

export type { Keyring } from "./secret-box.js";
export type { CertificateSigner, SignedCertificate, SignatureVerdict } from "./signer.js";
export type { SigningKeyView } from "./presenter.js";

/** The authority whose keys sign the trust list (and nothing else). */
export const ROOT_AUTHORITY = "root";
const AUTHORITY_PATTERN = /^(root|[1-8][0-9]{5})$/;
/** Published key sets are rebuilt at least this often, so that rotation on another node shows up. */
const PUBLIC_CACHE_MS = 60_000;

/** A key could not be used: wrong passphrase, or a row that does not match its own public key. */
export class SigningKeyError extends Error {}

function assertAuthorityFormat(authority: string): void {
  if (!AUTHORITY_PATTERN.test(authority)) {
    throw new AppError("validation_failed", {
      en: `The authority must be a GB/T 2260 region code or "root" (got "${authority.slice(0, 20)}")`,
      "zh-CN": `发证机关须为行政区划代码或 "root"`,
    });
  }
}

async function assertKnownAuthority(db: Queryable, authority: string): Promise<void> {
  assertAuthorityFormat(authority);
  if (authority !== ROOT_AUTHORITY && !(await repo.regionExists(db, authority))) {
    throw new AppError("not_found", {
      en: `No region with code ${authority}`,
      "zh-CN": `没有行政区划代码为 ${authority} 的地区`,
    });
  }
}

// ---- caches (per process) ----

interface CachedSigner {
  fingerprint: string;
  certificates: CertificateSigner;
  documents: DocumentSigner;
}

/** Decrypted signers per passphrase and authority; another passphrase never sees them. */
const signerCache = new Map<string, Map<string, CachedSigner>>();

interface PublicEntry {
  at: number;
  generation: number;
  jwks?: { keys: PublishedJwk[] };
  trustList?: SignedTrustList;
  rootJwk?: Ed25519PublicJwk;
}
/** Published JWKS, trust list and root key per database handle. */
const publicCache = new WeakMap<object, PublicEntry>();
/** Bumped on every key change in this process: keys created inside a caller's transaction invalidate too. */
let keyGeneration = 0;
/** Public keys prepared for verification, by kid (a kid names one public key: its hash is in the kid). */
const verifierCache = new Map<string, PublicVerifier>();
const VERIFIER_CACHE_LIMIT = 10_000;

/** After a change of keys: republish, and drop the decrypted keys (other keyrings see the new kids and reload). */
function invalidate(keyring: Keyring, authority: string): void {
  keyGeneration += 1;
  signerCache.get(keyringId(keyring))?.delete(authority);
}

function fingerprint(rows: { kid: string }[]): string {
  return rows
    .map((row) => row.kid)
    .sort()
    .join(",");
}

function hasBothAlgorithms(rows: { algorithm: string }[]): boolean {
  return rows.some((row) => row.algorithm === "EdDSA") && rows.some((row) => row.algorithm === "SM2");
}

function auditRegion(authority: string): string | null {
  return authority === ROOT_AUTHORITY ? null : authority;
}

/**
 * New keys are sealed only under the passphrase that opens the existing ones: an operator with a wrong
 * SIGNING_KEY_PASSPHRASE must not rotate in keys that the server cannot decrypt.
 */
async function assertKeyringOpensExistingKeys(tx: Queryable, keyring: Keyring): Promise<void> {
  const newest = await repo.findNewestSealedKey(tx);
  if (!newest) return;
  try {
    openSecret(keyring, newest.privateKeyEncrypted, privateKeyContext(newest.kid)).fill(0);
  } catch (error) {
    if (!(error instanceof SecretBoxError)) throw error;
    throw new SigningKeyError(
      "SIGNING_KEY_PASSPHRASE does not open the existing signing keys: no keys were created or retired",
    );
  }
}

function toInsert(key: GeneratedKey) {
  return { ...key, status: "active" as const };
}

// ---- use cases ----

export interface EnsureKeysResult {
  /** Keys created by this call (none if the authority already had both). */
  created: SigningKeyView[];
  active: SigningKeyView[];
}

/** Creates an Ed25519 and an SM2 key for an authority that has no active one of that algorithm. Audited. */
export async function ensureAuthorityKeys(
  db: Queryable,
  keyring: Keyring,
  authority: string,
  context: RequestContext = SYSTEM_CONTEXT,
): Promise<EnsureKeysResult> {
  await assertKnownAuthority(db, authority);
  const result = await db.transaction(async (tx) => {
    await repo.lockAuthorityKeys(tx, authority);
    const active = await repo.findActivePublicKeys(tx, authority);
    const needEd = !active.some((row) => row.algorithm === "EdDSA");
    const needSm2 = !active.some((row) => row.algorithm === "SM2");
    if (!needEd && !needSm2) return { created: [], active: active.map(presentKey) };
    await assertKeyringOpensExistingKeys(tx, keyring);
    const generated: GeneratedKey[] = [];
    if (needEd) generated.push(generateEd25519Key(keyring, authority));
    if (needSm2) generated.push(generateSm2Key(keyring, authority));
    await repo.insertSigningKeys(tx, generated.map(toInsert));
    await recordAudit(tx, context, {
      action: "keys.create",
      subjectType: "signing_key",
      subjectId: authority,
      regionCode: auditRegion(authority),
      after: { kids: generated.map((key) => key.kid) },
    });
    const now = await repo.findActivePublicKeys(tx, authority);
    const createdKids = new Set(generated.map((key) => key.kid));
    return {
      created: now.filter((row) => createdKids.has(row.kid)).map(presentKey),
      active: now.map(presentKey),
    };
  });
  if (result.created.length > 0) invalidate(keyring, authority);
  return result;
}

export interface RotateKeysResult {
  active: SigningKeyView[];
  retired: SigningKeyView[];
}

/**
 * New active Ed25519 and SM2 keys for an authority; the old ones become `retired` and stay published, so that
 * certificates and tokens signed before still verify. Audited.
 */
export async function rotateAuthorityKeys(
  db: Queryable,
  keyring: Keyring,
  authority: string,
  context: RequestContext = SYSTEM_CONTEXT,
): Promise<RotateKeysResult> {
  await assertKnownAuthority(db, authority);
  const result = await db.transaction(async (tx) => {
    await repo.lockAuthorityKeys(tx, authority);
    await assertKeyringOpensExistingKeys(tx, keyring);
    const retired = await repo.retireActiveKeys(tx, authority, new Date());
    const generated = [generateEd25519Key(keyring, authority), generateSm2Key(keyring, authority)];
    await repo.insertSigningKeys(tx, generated.map(toInsert));
    await recordAudit(tx, context, {
      action: "keys.rotate",
      subjectType: "signing_key",
      subjectId: authority,
      regionCode: auditRegion(authority),
      before: { kids: retired.map((row) => row.kid) },
      after: { kids: generated.map((key) => key.kid) },
    });
    return {
      active: (await repo.findActivePublicKeys(tx, authority)).map(presentKey),
      retired: retired.map(presentKey),
    };
  });
  invalidate(keyring, authority);
  return result;
}

/** Every key (or one authority's), oldest first per authority: public material and lifecycle only. */
export async function listKeys(
  db: Queryable,
  options: { authority?: string } = {},
): Promise<SigningKeyView[]> {
  if (options.authority !== undefined) assertAuthorityFormat(options.authority);
  return (await repo.listPublicKeys(db, options.authority)).map(presentKey);
}

function decryptKeys(keyring: Keyring, authority: string, rows: repo.SigningKeyRow[]): DecryptedKeys {
  const latest = (algorithm: "EdDSA" | "SM2") =>
    rows.filter((row) => row.algorithm === algorithm).sort((a, b) => +b.createdAt - +a.createdAt)[0];
  const edRow = latest("EdDSA");
  const sm2Row = latest("SM2");
  if (!edRow || !sm2Row)
    throw new SigningKeyError(`authority ${authority} has no active Ed25519 and SM2 keys`);
  let pkcs8: Buffer | undefined;
  let sm2Secret: Buffer | undefined;
  try {
    pkcs8 = openSecret(keyring, edRow.privateKeyEncrypted, privateKeyContext(edRow.kid));
    sm2Secret = openSecret(keyring, sm2Row.privateKeyEncrypted, privateKeyContext(sm2Row.kid));
    const edPrivate = createPrivateKey({ key: pkcs8, format: "der", type: "pkcs8" });
    const sm2PrivateHex = sm2Secret.toString("hex");
    const edPublicX = createPublicKey(edPrivate).export({ format: "jwk" }).x;
    const sm2PublicHex = sm2.getPublicKeyFromPrivateKey(sm2PrivateHex);
    // A row whose public key was swapped must not sign: certificates would verify against the wrong key.
    if (edPublicX !== edRow.publicKey.x || sm2PublicHex !== sm2Row.publicKey.publicKeyHex)
      throw new SigningKeyError(`the stored public keys of ${authority} do not match their private keys`);
    return {
      authority,
      ed: { kid: edRow.kid, privateKey: edPrivate },
      sm2: { kid: sm2Row.kid, privateKeyHex: sm2PrivateHex, publicKeyHex: sm2PublicHex },
    };
  } catch (error) {
    if (error instanceof SecretBoxError) {
      throw new SigningKeyError(
        `cannot decrypt the signing keys of ${authority}: SIGNING_KEY_PASSPHRASE is not the one they were created with, or the rows were altered`,
      );
    }
    throw error;
  } finally {
    pkcs8?.fill(0);
    sm2Secret?.fill(0);
  }
}

async function cachedSigner(db: Queryable, keyring: Keyring, authority: string): Promise<CachedSigner> {
  let active = await repo.findActivePublicKeys(db, authority);
  if (!hasBothAlgorithms(active)) {
    await ensureAuthorityKeys(db, keyring, authority);
    active = await repo.findActivePublicKeys(db, authority);
  }
  const id = keyringId(keyring);
  const perKeyring = signerCache.get(id) ?? new Map<string, CachedSigner>();
  const cached = perKeyring.get(authority);
  // Another node may have rotated: the active kids are the cache key, so a rotation anywhere is seen here.
  if (cached && cached.fingerprint === fingerprint(active)) return cached;
  const rows = await repo.findActiveKeysWithSecrets(db, authority);
  const keys = decryptKeys(keyring, authority, rows);
  const entry: CachedSigner = {
    fingerprint: fingerprint(rows),
    certificates: createCertificateSigner(keys),
    documents: createDocumentSigner(keys),
  };
  perKeyring.set(authority, entry);
  signerCache.set(id, perKeyring);
  return entry;
}

/**
 * The signer of an issuing authority (a region code), with its keys decrypted once and cached; creates the
 * authority's keys if it has none. `signCertificate` is synchronous, for use inside the issuing transaction.
 * `db` may be that transaction: the active kids are read through it, and a rotation anywhere (another node
 * included) changes them, so a cached signer is not used after its keys were retired.
 */
export async function loadSigner(
  db: Queryable,
  keyring: Keyring,
  authority: string,
): Promise<CertificateSigner> {
  assertAuthorityFormat(authority);
  if (authority === ROOT_AUTHORITY) {
    throw new AppError("validation_failed", {
      en: "The root key signs only the trust list, not certificates",
      "zh-CN": "根密钥仅用于签署信任列表，不签发证书",
    });
  }
  return (await cachedSigner(db, keyring, authority)).certificates;
}

async function verifiersFor(db: Queryable, kids: string[]): Promise<Map<string, PublicVerifier>> {
  const found = new Map<string, PublicVerifier>();
  const missing: string[] = [];
  for (const kid of kids) {
    const cached = verifierCache.get(kid);
    if (cached) found.set(kid, cached);
    else missing.push(kid);
  }
  for (const row of await repo.findPublicKeysByKid(db, missing)) {
    const verifier = publicVerifier(row);
    if (verifierCache.size >= VERIFIER_CACHE_LIMIT) verifierCache.clear();
    verifierCache.set(row.kid, verifier);
    found.set(row.kid, verifier);
  }
  return found;
}

function issuerRegionOf(payload: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(payload);
    if (typeof parsed !== "object" || parsed === null) return undefined;
    const region = (parsed as Record<string, unknown>).issuerRegion;
    return typeof region === "string" ? region : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Verifies both signatures of a stored certificate against the published keys (active or retired). For a
 * certificate payload each key must belong to the payload's `issuerRegion`: one authority cannot sign for another.
 */
export async function verifyCertificateSignatures(
  db: Queryable,
  signed: Pick<SignedDocument, "payload" | "jws" | "sm2Kid" | "sm2Signature">,
): Promise<SignatureVerdict> {
  const { edKid, sm2Kid } = signedDocumentKids(signed);
  const verifiers = await verifiersFor(db, edKid ? [edKid, sm2Kid] : [sm2Kid]);
  const issuerRegion = issuerRegionOf(signed.payload);
  return verifySignedDocument(
    signed,
    { ed: edKid ? verifiers.get(edKid) : undefined, sm2: verifiers.get(sm2Kid) },
    issuerRegion ?? "",
  );
}

// ---- publication: JWKS and trust list ----

function publicEntry(db: Queryable): PublicEntry {
  const entry = publicCache.get(db);
  if (entry && entry.generation === keyGeneration && Date.now() - entry.at < PUBLIC_CACHE_MS) return entry;
  const fresh = { at: Date.now(), generation: keyGeneration };
  publicCache.set(db, fresh);
  return fresh;
}

/**
 * The JWKS of certificate verification: every issuing authority's Ed25519 key and SM2 key, active and retired.
 * The root keys are left out (they sign the trust list only; see rootPublicJwk), so a token signed with a root
 * key never verifies as a certificate.
 */
export async function publishedJwks(db: Queryable): Promise<{ keys: PublishedJwk[] }> {
  const entry = publicEntry(db);
  if (!entry.jwks) {
    const rows = await repo.listPublicKeys(db);
    entry.jwks = {
      keys: rows
        .filter((row) => row.authority !== ROOT_AUTHORITY)
        .map((row) => publishedJwk(row.kid, row.algorithm, row.publicKey)),
    };
  }
  return entry.jwks;
}

/** The root's active Ed25519 public JWK, the anchor that verifies the trust list (created on first use). */
export async function rootPublicJwk(db: Queryable, keyring: Keyring): Promise<Ed25519PublicJwk> {
  const cached = publicEntry(db).rootJwk;
  if (cached) return cached;
  const signer = (await cachedSigner(db, keyring, ROOT_AUTHORITY)).documents;
  const [row] = await repo.findPublicKeysByKid(db, [signer.edKid]);
  if (!row) throw new SigningKeyError("the root key disappeared");
  const jwk = publishedJwk(row.kid, "EdDSA", row.publicKey) as Ed25519PublicJwk;
  publicEntry(db).rootJwk = jwk;
  return jwk;
}

export interface TrustListAuthority {
  authority: string;
  regionName: string | null;
  /** active while the authority has an active key. */
  status: "active" | "retired";
  keys: SigningKeyView[];
}

export interface TrustList {
  type: "shian-trust-list";
  version: 1;
  issuedAt: string;
  /** The root's keys (the Ed25519 one verifies this list; the SM2 one its SM2 signature). */
  root: { keys: SigningKeyView[] };
  authorities: TrustListAuthority[];
}

/** The trust list as served: a JWS by the root Ed25519 key and an SM2 signature by the root SM2 key. */
export interface SignedTrustList {
  jws: string;
  sm2Kid: string;
  sm2Signature: string;
}

/** Builds and signs the trust list: every authority, its keys, their status and dates. Cached for a minute. */
export async function signedTrustList(db: Queryable, keyring: Keyring): Promise<SignedTrustList> {
  const cached = publicEntry(db).trustList;
  if (cached) return cached;
  // May create the root keys, which resets the cache entry: take the entry after.
  const signer = (await cachedSigner(db, keyring, ROOT_AUTHORITY)).documents;
  const entry = publicEntry(db);
  const rows = await repo.listPublicKeys(db);
  const byAuthority = new Map<string, SigningKeyView[]>();
  for (const row of rows) {
    const list = byAuthority.get(row.authority) ?? [];
    list.push(presentKey(row));
    byAuthority.set(row.authority, list);
  }
  const rootKeys = byAuthority.get(ROOT_AUTHORITY) ?? [];
  byAuthority.delete(ROOT_AUTHORITY);
  const names = await repo.findRegionNames(db, [...byAuthority.keys()]);
  const list: TrustList = {
    type: "shian-trust-list",
    version: 1,
    issuedAt: new Date().toISOString(),
    root: { keys: rootKeys },
    authorities: [...byAuthority.entries()].map(([authority, keys]) => ({
      authority,
      regionName: names.get(authority) ?? null,
      status: keys.some((key) => key.status === "active") ? "active" : "retired",
      keys,
    })),
  };
  const signed = signer.signDocument(canonicalJson(list));
  entry.trustList = { jws: signed.jws, sm2Kid: signed.sm2Kid, sm2Signature: signed.sm2Signature };
  return entry.trustList;
}

// — step 8: audit export — platform documents signed by the root keys —

/**
 * The root's document signer, for platform documents other than the trust list (signed audit exports). Each
 * such document names its own `type`, so that it can never pass for a trust list or a certificate.
 */
export async function loadRootDocumentSigner(db: Queryable, keyring: Keyring): Promise<DocumentSigner> {
  return (await cachedSigner(db, keyring, ROOT_AUTHORITY)).documents;
}

/** Checks both signatures of a root-signed document against the root keys (active or retired) of this database. */
export async function verifyRootSignedDocument(
  db: Queryable,
  signed: Pick<SignedDocument, "payload" | "jws" | "sm2Kid" | "sm2Signature">,
): Promise<SignatureVerdict> {
  const { edKid, sm2Kid } = signedDocumentKids(signed);
  const verifiers = await verifiersFor(db, edKid ? [edKid, sm2Kid] : [sm2Kid]);
  return verifySignedDocument(
    signed,
    { ed: edKid ? verifiers.get(edKid) : undefined, sm2: verifiers.get(sm2Kid) },
    ROOT_AUTHORITY,
  );
}
