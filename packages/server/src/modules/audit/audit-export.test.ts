import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import canonicalize from "canonicalize";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_CONTEXT } from "../accounts/actor.js";
import { TEST_PASSWORD, makeUser } from "../../test/factories.js";
import { createTestApp, loginAs, type Session, type TestApp } from "../../test/test-app.js";
import { loadRootDocumentSigner, verifyRootSignedDocument } from "../keys/service.js";
import { rootJwkSignatureCheck } from "./cli-commands.js";
import { verifyAuditExport, type AuditExportManifest, type SignatureCheck } from "./export.js";
import { recordAudit } from "./service.js";

// Signed audit export (SECURITY.md #13–14; ASVS 7.3.3; 等保 8.1.4.3c 审计记录的保护, 8.1.4.3d 审计记录的导出).
const PASSPHRASE = "audit export test passphrase";
const KEYRING = { passphrase: PASSPHRASE };
let t: TestApp;
let closed = false;
let admin: Session;
let gzLeader: Session;
let inspector: Session;
const chinaDay = (offsetDays = 0) =>
  new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
const FROM = chinaDay(-1);
const TO = chinaDay(0);

const bothRootSignatures: SignatureCheck = async (signed) => {
  const verdict = await verifyRootSignedDocument(t.database.db, signed);
  return verdict.ed25519 && verdict.sm2;
};

beforeAll(async () => {
  t = await createTestApp({ SIGNING_KEY_PASSPHRASE: PASSPHRASE });
  const db = t.database.db;
  await makeUser(db, { role: "admin", regionCode: null, username: "aud-admin" });
  await makeUser(db, { role: "leader", regionCode: "440100", username: "aud-gz-leader" });
  await makeUser(db, { role: "inspector", regionCode: null, username: "aud-inspector" });
  for (const [i, regionCode] of ["440106", "330212", null, "440104", "330212"].entries()) {
    await db.transaction((tx) =>
      recordAudit(tx, SYSTEM_CONTEXT, {
        action: "test.write",
        subjectType: "thing",
        subjectId: String(i),
        regionCode,
        after: { i, 名称: "测试" },
      }),
    );
  }
  admin = await loginAs(t.app, "aud-admin", TEST_PASSWORD);
  gzLeader = await loginAs(t.app, "aud-gz-leader", TEST_PASSWORD);
  inspector = await loginAs(t.app, "aud-inspector", TEST_PASSWORD);
});
afterAll(async () => {
  if (!closed) await t.close();
});

async function exportAs(session: Session, from = FROM, to = TO) {
  return session.inject({
    method: "GET",
    url: `/api/v1/audit/export?from=${from}&to=${to}`,
    headers: { "accept-language": "en" },
  });
}

function manifestOf(text: string): AuditExportManifest {
  const lines = text.trimEnd().split("\n");
  return JSON.parse((JSON.parse(lines.at(-1)!) as { payload: string }).payload) as AuditExportManifest;
}

describe("signed audit export", () => {
  let text: string;

  it("an admin exports the whole chain of the period; it verifies with both root signatures", async () => {
    const response = await exportAs(admin);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("application/x-ndjson");
    expect(response.headers["content-disposition"]).toBe(`attachment; filename="audit-${FROM}_${TO}.jsonl"`);
    text = response.body;
    const verdict = await verifyAuditExport(text, bothRootSignatures);
    expect(verdict).toMatchObject({ ok: true });
    const manifest = manifestOf(text);
    const [count] = (
      (await t.database.db
        .execute(sql`select count(*)::int as n, min(seq)::int as first, max(seq)::int as last from audit_log
            where action <> 'audit.export'`)) as unknown as {
        rows: { n: number; first: number; last: number }[];
      }
    ).rows;
    expect(manifest).toMatchObject({
      type: "shian-audit-export",
      period: { from: FROM, to: TO },
      jurisdiction: null,
      complete: true,
      rowCount: count!.n,
      firstSeq: count!.first,
      lastSeq: count!.last,
      exportedBy: "user:aud-admin",
    });
    expect(manifest.chain.startPrevHash).toBe("0".repeat(64));
    expect(text).toContain('"名称":"测试"');
  });

  it("the export itself is audited: who exported which period", async () => {
    const rows = (
      (await t.database.db.execute(
        sql`select actor_label, subject_id, after from audit_log where action = 'audit.export' order by seq`,
      )) as unknown as { rows: { actor_label: string; subject_id: string; after: { rowCount: number } }[] }
    ).rows;
    expect(rows[0]).toMatchObject({
      actor_label: "user:aud-admin",
      subject_id: `${FROM}..${TO}`,
      after: { rowCount: manifestOf(text).rowCount },
    });
  });

  it("verifies offline against the published root JWK (GET /api/v1/trust-list/root.jwk)", async () => {
    const jwk = await t.app.inject({ method: "GET", url: "/api/v1/trust-list/root.jwk" });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "shian-audit-")), "root.jwk");
    fs.writeFileSync(file, jwk.body);
    expect(await verifyAuditExport(text, rootJwkSignatureCheck(file))).toMatchObject({ ok: true });
    fs.rmSync(path.dirname(file), { recursive: true });
  });

  it("one changed byte in a row is rejected", async () => {
    const changed = text.replace('"subjectId":"2"', '"subjectId":"3"');
    expect(changed).not.toBe(text);
    expect(await verifyAuditExport(changed, bothRootSignatures)).toEqual({
      ok: false,
      reason: "the SHA-256 of the rows differs from the manifest",
    });
  });

  it("a removed row is rejected", async () => {
    const lines = text.split("\n");
    lines.splice(1, 1);
    expect(await verifyAuditExport(lines.join("\n"), bothRootSignatures)).toMatchObject({ ok: false });
  });

  it("a truncated file (signature line cut) is rejected", async () => {
    expect(await verifyAuditExport(text.slice(0, -40), bothRootSignatures)).toMatchObject({ ok: false });
  });

  it("a changed manifest is rejected by its signature", async () => {
    const lines = text.trimEnd().split("\n");
    const signature = JSON.parse(lines.at(-1)!) as { payload: string };
    const manifest = JSON.parse(signature.payload) as AuditExportManifest;
    signature.payload = canonicalize({ ...manifest, rowCount: manifest.rowCount - 1 })!;
    lines[lines.length - 1] = canonicalize(signature)!;
    expect(await verifyAuditExport(`${lines.join("\n")}\n`, bothRootSignatures)).toMatchObject({
      ok: false,
      reason: "the manifest's signature does not verify",
    });
  });

  it("even re-signed with the root key, an edited row fails its own hash and a dropped row the chain", async () => {
    // A holder of the root key can sign any manifest; the row hashes still tie the rows to the live chain.
    const signer = await loadRootDocumentSigner(t.database.db, KEYRING);
    const { createHash } = await import("node:crypto");
    const resign = (rowLines: string[]) => {
      const manifest = manifestOf(text);
      const body = rowLines.map((line) => `${line}\n`).join("");
      const payload = canonicalize({
        ...manifest,
        rowCount: rowLines.length,
        rowsSha256: createHash("sha256").update(body).digest("hex"),
      })!;
      return `${body}${canonicalize({ type: "shian-audit-export-signature", ...signer.signDocument(payload) })}\n`;
    };
    const rows = text.trimEnd().split("\n").slice(0, -1);
    expect(await verifyAuditExport(resign(rows), bothRootSignatures)).toMatchObject({ ok: true });
    const edited = rows.map((line) => line.replace('"subjectId":"2"', '"subjectId":"3"'));
    expect(await verifyAuditExport(resign(edited), bothRootSignatures)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^row seq=\d+ does not match its hash$/),
    });
    const dropped = rows.filter((_, i) => i !== 2);
    expect(await verifyAuditExport(resign(dropped), bothRootSignatures)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^row seq=\d+ (does not link|missing)|^rows missing before seq=\d+$/),
    });
  });

  it("a leader of 440100 gets the rows of the jurisdiction only, and they verify", async () => {
    const response = await exportAs(gzLeader);
    expect(response.statusCode).toBe(200);
    expect(await verifyAuditExport(response.body, bothRootSignatures)).toMatchObject({ ok: true });
    const manifest = manifestOf(response.body);
    expect(manifest).toMatchObject({ jurisdiction: "440100", complete: false });
    const rows = response.body
      .trimEnd()
      .split("\n")
      .slice(0, -1)
      .map((line) => JSON.parse(line) as { regionCode: string | null; subjectId: string | null });
    expect(manifest.rowCount).toBe(rows.length);
    // Guangzhou rows only: not Ningbo (330212), not the national rows without a region.
    expect(rows.every((row) => row.regionCode?.startsWith("4401"))).toBe(true);
    expect(
      rows.filter((row) => row.subjectId === "0" || row.subjectId === "3").map((r) => r.regionCode),
    ).toEqual(["440106", "440104"]);
  });

  it("policy: inspector 403, anonymous 401 (SECURITY.md #1)", async () => {
    expect((await exportAs(inspector)).statusCode).toBe(403);
    const anonymous = await t.app.inject({
      method: "GET",
      url: `/api/v1/audit/export?from=${FROM}&to=${TO}`,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it.each([
    ["2026-02-30", "2026-03-01", "from and to must be dates YYYY-MM-DD"],
    ["2026-03-02", "2026-03-01", "from must not be after to"],
    ["2025-01-01", "2026-01-02", "A period covers at most 366 days (got 367)"],
    ["2026-1-1", "2026-01-02", undefined],
  ])("a bad period %s..%s is a 400", async (from, to, detail) => {
    const response = await exportAs(admin, from, to);
    expect(response.statusCode).toBe(400);
    if (detail) expect(response.json()).toMatchObject({ detail });
  });

  it("TestApp.close() verifies the audit chain and names the broken seq (SECURITY.md #13)", async () => {
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger audit_log_no_change`);
      await tx.execute(sql`update audit_log set action = 'tampered' where seq = 3`);
      await tx.execute(sql`alter table audit_log enable trigger audit_log_no_change`);
    });
    closed = true;
    await expect(t.close()).rejects.toThrow(
      /Audit chain of the test database broken at row seq=3 \(hash_mismatch\)/,
    );
  });
});
