import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  E_LICENCE_TYPE_CODES,
  MOD_37_36_ALPHABET,
  buildELicenceId,
  eLicenceIdOf,
  isValidMod3736,
  looksLikeELicenceId,
  mod3736CheckCharacter,
  mod3736Steps,
  parseELicenceId,
} from "./e-licence-id.js";

// Identifiers published by provincial e-licence systems (GB/T 36904-2018 layout); their check characters were
// computed by those systems, so they test our MOD 37,36 independently of our own arithmetic.
const PUBLISHED = [
  // 建筑施工企业安全生产管理人员考核合格证书, Hunan (an interface document's format example)
  "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U",
  // an OFD file name on 浙江投资项目在线审批监管平台
  "1.2.156.3005.2.11100000000013338W009.11330105002500287C.2025052201.002.0",
  // a Hefei real-estate certificate (region code as the issuer code, as this platform does)
  "1.2.156.3005.2.11100000MB03271699022.340100.000000016.001.9",
];

const WORKED_EXAMPLE = "1.2.156.3005.2.11100000000013338W901.440106.JY14401060000010.001.I";

/** The running P of MOD 37,36 before position i of s (36 at the start). */
function pBefore(s: string, i: number): number {
  return i === 0 ? 36 : mod3736Steps(s.slice(0, i)).at(-1)!;
}

describe("ISO/IEC 7064 hybrid MOD 37,36 (GB/T 17710-2008), the check system GB/T 36904-2018 names", () => {
  it.each(PUBLISHED)("reproduces the check character of the published identifier %s", (identifier) => {
    const parts = identifier.split(".").slice(5);
    const check = parts.pop()!;
    expect(mod3736CheckCharacter(parts.join(""))).toBe(check);
  });

  it("worked example 1: A1B2 → P 20, 5, 32, 31 → check (37 − 31) mod 36 = 6", () => {
    expect(mod3736Steps("A1B2")).toEqual([20, 5, 32, 31]);
    expect(mod3736CheckCharacter("A1B2")).toBe("6");
    expect(isValidMod3736("A1B26")).toBe(true);
  });

  it("worked example 2: the identifier of JY14401060000010 v1 from 440106 ends in I", () => {
    const body = "11100000000013338W901" + "440106" + "JY14401060000010" + "001";
    // P after each character, as listed step by step in e-licence-id.ts
    expect(mod3736Steps(body)).toEqual([
      ...[2, 6, 14, 28, 19, 1, 2, 4, 8, 16, 32, 27, 19, 7, 20, 9, 34, 23, 27, 17, 36],
      ...[8, 24, 11, 24, 11, 34],
      ...[34, 27, 19, 9, 26, 15, 32, 27, 29, 21, 5, 10, 20, 3, 8, 16],
      ...[32, 27, 19],
    ]);
    expect(mod3736CheckCharacter(body)).toBe("I");
    expect(eLicenceIdOf({ licenseNo: "JY14401060000010", version: 1, issuerRegion: "440106" })).toBe(
      WORKED_EXAMPLE,
    );
  });

  it("refuses characters outside 0-9A-Z and an empty body", () => {
    expect(() => mod3736CheckCharacter("ab")).toThrow(RangeError);
    expect(() => mod3736CheckCharacter("")).toThrow(RangeError);
    expect(isValidMod3736("A1B2*")).toBe(false);
  });

  const withCheck = fc
    .string({ unit: fc.constantFrom(...MOD_37_36_ALPHABET), minLength: 1, maxLength: 50 })
    .map((body) => body + mod3736CheckCharacter(body));

  it("detects every single-character substitution (property, any position including the check)", () => {
    fc.assert(
      fc.property(withCheck, fc.nat(), fc.constantFrom(...MOD_37_36_ALPHABET), (code, at, replacement) => {
        const position = at % code.length;
        fc.pre(code.charAt(position) !== replacement);
        const changed = code.slice(0, position) + replacement + code.slice(position + 1);
        expect(isValidMod3736(changed)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  // A hybrid system misses one class of adjacent transpositions: the two characters whose running sums
  // S = (P + a) mod 36 are 18 and 19 (36 of the 36 × 1 260 (P, pair) cases, about 0.16 %). Every other one is found.
  it("detects every adjacent transposition except the pairs whose running sums are 18 and 19 (property)", () => {
    fc.assert(
      fc.property(
        withCheck.filter((code) => code.length >= 2),
        fc.nat(),
        (code, at) => {
          const i = at % (code.length - 1);
          const [a, b] = [code.charAt(i), code.charAt(i + 1)];
          fc.pre(a !== b);
          const swapped = code.slice(0, i) + b + a + code.slice(i + 2);
          const p = pBefore(code, i);
          const sums = [a, b].map((c) => (p + MOD_37_36_ALPHABET.indexOf(c)) % 36 || 36).sort();
          const blindSpot = sums[0] === 18 && sums[1] === 19;
          expect(isValidMod3736(swapped)).toBe(blindSpot);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it("names the blind spot: IJ and JI share their check character", () => {
    expect(mod3736CheckCharacter("IJ")).toBe(mod3736CheckCharacter("JI"));
  });
});

describe("GB/T 36904-2018 电子证照标识 of this platform's certificates", () => {
  it("builds root . type code . issuer . serial . version . check", () => {
    const identifier = eLicenceIdOf({ licenseNo: "SC10644030500015", version: 12, issuerRegion: "440305" });
    expect(identifier).toMatch(
      /^1\.2\.156\.3005\.2\.11100000000013338W902\.440305\.SC10644030500015\.012\.[0-9A-Z]$/,
    );
    expect(looksLikeELicenceId(identifier)).toBe(true);
    expect(looksLikeELicenceId("SC10644030500015")).toBe(false);
  });

  it("parses an identifier back to the licence number and version", () => {
    expect(parseELicenceId(WORKED_EXAMPLE)).toEqual({
      valid: true,
      typeCode: E_LICENCE_TYPE_CODES.JY,
      issuerCode: "440106",
      serial: "JY14401060000010",
      version: 1,
      licenseType: "JY",
      licenseNo: "JY14401060000010",
    });
  });

  it("round-trips any licence number, version and region (property)", () => {
    const licence = fc.record({
      licenseNo: fc
        .tuple(fc.constantFrom("JY", "SC"), fc.stringMatching(/^[0-9]{14}$/))
        .map(([p, d]) => p + d),
      version: fc.integer({ min: 1, max: 999 }),
      issuerRegion: fc.stringMatching(/^[1-8][0-9]{5}$/),
    });
    fc.assert(
      fc.property(licence, (certificate) => {
        expect(parseELicenceId(eLicenceIdOf(certificate))).toMatchObject({
          valid: true,
          licenseNo: certificate.licenseNo,
          version: certificate.version,
          issuerCode: certificate.issuerRegion,
        });
      }),
    );
  });

  it.each([
    [
      "a changed serial digit",
      WORKED_EXAMPLE.replace("JY14401060000010", "JY14401060000011"),
      "check_character",
    ],
    ["a changed check character", WORKED_EXAMPLE.replace(/I$/, "J"), "check_character"],
    ["a changed version", WORKED_EXAMPLE.replace(".001.", ".002."), "check_character"],
    ["lowercase", WORKED_EXAMPLE.toLowerCase(), "format"],
    ["a missing part", WORKED_EXAMPLE.replace(".440106", ""), "format"],
    [
      "version 000",
      buildELicenceId({
        typeCode: E_LICENCE_TYPE_CODES.JY,
        issuerCode: "440106",
        serial: "JY1",
        version: 1,
      }).replace(".001.", ".000."),
      "format",
    ],
  ])("rejects %s", (_label, identifier, reason) => {
    expect(parseELicenceId(identifier)).toEqual({ valid: false, reason });
  });

  it("rejects a well-formed identifier of another licence type or a type code that does not match the number", () => {
    const published = PUBLISHED[0]!;
    expect(parseELicenceId(published)).toEqual({ valid: false, reason: "type_code" });
    const mismatched = buildELicenceId({
      typeCode: E_LICENCE_TYPE_CODES.SC,
      issuerCode: "440106",
      serial: "JY14401060000010",
      version: 1,
    });
    expect(parseELicenceId(mismatched)).toEqual({ valid: false, reason: "type_code" });
  });

  it("uses the national catalogue's type codes when given", () => {
    const typeCodes = { JY: "11100000000013338W123", SC: "11100000000013338W124" };
    const identifier = eLicenceIdOf(
      { licenseNo: "JY14401060000010", version: 1, issuerRegion: "440106" },
      { typeCodes },
    );
    expect(identifier).toContain(".11100000000013338W123.");
    expect(parseELicenceId(identifier, { typeCodes })).toMatchObject({ valid: true });
    expect(parseELicenceId(identifier)).toEqual({ valid: false, reason: "type_code" });
  });

  it("refuses to build from parts outside the layout", () => {
    expect(() =>
      eLicenceIdOf({ licenseNo: "XX14401060000010", version: 1, issuerRegion: "440106" }),
    ).toThrow();
    expect(() =>
      eLicenceIdOf({ licenseNo: "JY14401060000010", version: 0, issuerRegion: "440106" }),
    ).toThrow();
    expect(() => eLicenceIdOf({ licenseNo: "JY14401060000010", version: 1, issuerRegion: "4401" })).toThrow();
  });
});
