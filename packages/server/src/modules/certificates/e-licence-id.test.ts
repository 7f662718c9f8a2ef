import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { mod3736CheckCharacter, parseELicenceId, verifyToken } from "@shian/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Session, type TestApp } from "../../test/test-app.js";
import { addBeverage, issueRestaurantLicence, type Officers } from "../../test/licensing-flow.js";
import { licensingCast } from "../../test/officers.js";

// Step 11: the 电子证照标识 (GB/T 36904-2018, check character ISO/IEC 7064 MOD 37,36) on the certificate and as an
// alternative key of the verify API.
let t: TestApp;
let owner: Session;
let officers: Officers;
let storeId: string;
let licenseId: string;
let licenseNo: string;
let identifier: string;

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_BASE_URL: "https://shian.example.gov.cn" });
  ({
    owner,
    officers,
    store: { id: storeId },
  } = await licensingCast(t.app, t.database.db, "440106", "elid"));
  let certificate: { eLicenceId: string };
  ({ licenseId, licenseNo, certificate } = await issueRestaurantLicence(owner, officers, storeId));
  identifier = certificate.eLicenceId;
});
afterAll(() => t.close());

const verify = (key: string, language = "zh-CN") =>
  t.app.inject({ url: `/api/v1/verify/${key}`, headers: { "accept-language": language } });

/** The identifier with its character at `position` replaced by another of 0-9A-Z. */
function changeOne(value: string, position: number): string {
  const old = value.charAt(position);
  const replacement = old === "7" ? "8" : "7";
  return value.slice(0, position) + replacement + value.slice(position + 1);
}

describe("电子证照标识 (GB/T 36904-2018) of a certificate", () => {
  it("the certificate API states it, derived from the licence: type JY, issuer 440106, the number, version 1", async () => {
    expect(identifier).toMatch(/^1\.2\.156\.3005\.2\.[0-9A-Z]{21}\.440106\.JY[0-9]{14}\.001\.[0-9A-Z]$/);
    expect(parseELicenceId(identifier)).toMatchObject({ valid: true, licenseNo, version: 1 });
  });

  it("is not in the signed payload: the certificate's signatures and token are those of before step 11", async () => {
    const certificate = (await owner.inject({ url: `/api/v1/certificates/${licenseNo}` })).json();
    expect(certificate.payload).not.toContain("1.2.156.3005.2");
    const jwks = (await t.app.inject({ url: "/.well-known/jwks.json" })).json();
    expect(await verifyToken(certificate.token, jwks)).toMatchObject({ valid: true });
  });

  it("verify by identifier returns the same certificate as by number", async () => {
    const byNumber = (await verify(licenseNo)).json();
    const byIdentifier = await verify(identifier);
    expect(byIdentifier.statusCode).toBe(200);
    const { checkedAt: _a, ...sameA } = byNumber;
    const { checkedAt: _b, ...sameB } = byIdentifier.json();
    expect(sameB).toEqual(sameA);
    expect(sameB).toMatchObject({ licenseNo, eLicenceId: identifier, status: "valid", version: 1 });
  });

  it("a one-character change anywhere after the root code is a 400 naming the identifier, never a miss", async () => {
    const root = "1.2.156.3005.2.".length;
    // in the type code, the issuer code, the licence number, the version and the check character
    const positions = [root + 3, root + 23, root + 33, identifier.length - 3, identifier.length - 1];
    for (const position of positions) {
      const changed = changeOne(identifier, position);
      const response = await verify(changed);
      expect(response.statusCode, changed).toBe(400);
      expect(response.json()).toMatchObject({ type: "urn:shian:problem:e_licence_id_invalid", status: 400 });
      expect(response.json().detail).toContain(changed);
    }
    const english = (await verify(changeOne(identifier, identifier.length - 1), "en")).json();
    expect(english.detail).toMatch(/^The e-licence identifier 1\.2\.156\.3005\.2\..* is not valid/);
  });

  it("the verification page and the PDF show it", async () => {
    const token = (await owner.inject({ url: `/api/v1/certificates/${licenseNo}` })).json().token;
    const zh = await t.app.inject({ url: `/v/${token}` });
    expect(zh.body).toContain("电子证照标识");
    expect(zh.body).toContain(identifier);
    expect((await t.app.inject({ url: `/v/${token}?lang=en` })).body).toContain("E-licence identifier");
    const pdf = await owner.inject({ url: `/api/v1/certificates/${licenseNo}/certificate.pdf` });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "shian-elid-")), "c.pdf");
    fs.writeFileSync(file, pdf.rawPayload);
    // -raw keeps the drawing order: the identifier's wrapped lines stay together (the seal's text comes after).
    const text = execFileSync("pdftotext", ["-raw", file, "-"], { encoding: "utf8" });
    expect(text).toContain("电子证照标识");
    expect(text.replace(/\s/g, "")).toContain(identifier);
  });

  it("after a change, the old identifier verifies as superseded and the new one (version 002) as valid", async () => {
    await addBeverage(owner, officers, storeId, licenseId);
    const current = (await owner.inject({ url: `/api/v1/certificates/${licenseNo}` })).json();
    expect(current.eLicenceId).toContain(".002.");
    expect((await verify(current.eLicenceId)).json()).toMatchObject({ status: "valid", version: 2 });
    expect((await verify(identifier)).json()).toMatchObject({
      status: "superseded",
      version: 1,
      eLicenceId: identifier,
    });
    // a well-formed identifier of a version never issued, or of another issuer, is simply not found
    const unknown = identifier.replace(".001.", ".009.");
    const rebuilt = unknown.slice(0, -1) + mod3736CheckCharacter(unknown.split(".").slice(5, -1).join(""));
    expect((await verify(rebuilt)).statusCode).toBe(404);
  });
});
