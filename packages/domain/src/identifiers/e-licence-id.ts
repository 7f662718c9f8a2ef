// 电子证照标识 (e-licence identifier), GB/T 36904-2018 电子证照 标识规范: six dot-separated parts =
// 电子证照根代码 (root OID 1.2.156.3005.2) . 证照类型代码 (certificate type code, GB/T 36902: the defining
// authority's 18-character USCC + a 3-digit sequence) . 证照颁发机构代码 (issuing authority code) . 流水号
// (serial number, unique per type and issuer) . 版本号 (3-digit version) . 校验位 (check character).
// The check character is ISO/IEC 7064 (= GB/T 17710-2008) hybrid MOD 37,36 over the type code, issuer code, serial
// and version concatenated without dots and without the root code (see docs/e-licence-identifier.md).
//
// ISO/IEC 7064 hybrid system MOD 37,36 (M = 36, alphabet 0-9 → 0…9, A-Z → 10…35):
//   P = 36; for each character a: S = (P + a) mod 36, S = 36 if S = 0; P = (2 × S) mod 37
//   check value = (37 − P) mod 36, so that the same loop over the string and its check character ends with S = 1.
//
// Worked example 1 (short): check character of "A1B2".
//   A = 10: S = (36 + 10) mod 36 = 10, P = 20 mod 37 = 20
//   1 =  1: S = (20 + 1)  mod 36 = 21, P = 42 mod 37 = 5
//   B = 11: S = (5 + 11)  mod 36 = 16, P = 32 mod 37 = 32
//   2 =  2: S = (32 + 2)  mod 36 = 34, P = 68 mod 37 = 31
//   check value = (37 − 31) mod 36 = 6 → "6"; the identifier body "A1B26" verifies: S = (31 + 6) mod 36 = 1.
//
// Worked example 2 (a platform identifier): 食品经营许可证 JY14401060000010, version 1, issued in 440106:
//   body = "11100000000013338W901" + "440106" + "JY14401060000010" + "001" (46 characters; W = 32, J = 19, Y = 34).
//   P after each character (S = (P + a) mod 36 with 0 → 36, then P = 2S mod 37), starting from P = 36:
//   1 1 1 0 0 0 0 0 0 0 0 0 1 3 3 3 8 → P = 2 6 14 28 19 1 2 4 8 16 32 27 19 7 20 9 34
//   W 9 0 1 (end of the type code) → S 30 32 27 18 → P 23 27 17 36
//   4 4 0 1 0 6 (issuer) → P 8 24 11 24 11 34
//   J Y 1 4 4 0 1 0 6 0 0 0 0 0 1 0 (serial) → P 34 27 19 9 26 15 32 27 29 21 5 10 20 3 8 16
//   0 0 1 (version) → P 32 27 19
//   check value = (37 − 19) mod 36 = 18 → "I".
//   Identifier: 1.2.156.3005.2.11100000000013338W901.440106.JY14401060000010.001.I

/** ISO/IEC 7064 alphanumeric alphabet of the hybrid MOD 37,36 system: 0-9 then A-Z (values 0…35). */
export const MOD_37_36_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** 电子证照根代码: the OID arc GB/T 36904-2018 gives every e-licence identifier. */
export const E_LICENCE_ROOT = "1.2.156.3005.2";

/**
 * 证照类型代码 of the two licences this platform issues (GB/T 36902: defining authority USCC + 3-digit sequence).
 * The national catalogue assigns the real codes; these are this platform's placeholders under the State Council
 * General Office's USCC (the prefix the national catalogue uses), replaced by an operator through `typeCodes`.
 */
export const E_LICENCE_TYPE_CODES = {
  /** 食品经营许可证 */
  JY: "11100000000013338W901",
  /** 食品生产许可证 */
  SC: "11100000000013338W902",
} as const;

export type ELicenceLicenseType = keyof typeof E_LICENCE_TYPE_CODES;

export interface ELicenceIdParts {
  /** 证照类型代码, 21 characters. */
  typeCode: string;
  /** 证照颁发机构代码: an 18-character USCC, or (this platform) the issuing bureau's 6-digit GB/T 2260 region code. */
  issuerCode: string;
  /** 流水号: here the licence number (JY/SC + 14 digits). */
  serial: string;
  /** 版本号, 1…999. */
  version: number;
}

export type ELicenceIdInvalidReason = "format" | "check_character" | "type_code";

export type ELicenceIdParse =
  | ({ valid: true; licenseType: ELicenceLicenseType; licenseNo: string } & ELicenceIdParts)
  | { valid: false; reason: ELicenceIdInvalidReason };

const TYPE_CODE_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{18}[0-9]{3}$/;
const ISSUER_CODE_PATTERN = /^(?:[0-9]{6}|[0-9A-HJ-NPQRTUWXY]{18})$/;
const SERIAL_PATTERN = /^[0-9A-Z]{1,40}$/;
const LICENSE_NO_PATTERN = /^(JY|SC)[0-9]{14}$/;
const IDENTIFIER_PATTERN =
  /^1\.2\.156\.3005\.2\.([0-9A-Z]{21})\.([0-9A-Z]{6,18})\.([0-9A-Z]{1,40})\.([0-9]{3})\.([0-9A-Z])$/;

/** Quick test whether a string is meant as an identifier (it starts with the root code) rather than a number. */
export function looksLikeELicenceId(value: string): boolean {
  return value.startsWith(`${E_LICENCE_ROOT}.`);
}

/** ISO/IEC 7064 hybrid MOD 37,36: the check character of a string over 0-9A-Z. */
export function mod3736CheckCharacter(body: string): string {
  if (body.length === 0) throw new RangeError("a MOD 37,36 check character needs at least one character");
  const p = mod3736Run(body);
  return MOD_37_36_ALPHABET.charAt((37 - p) % 36);
}

/** True when the last character of `withCheck` is the MOD 37,36 check character of the rest. */
export function isValidMod3736(withCheck: string): boolean {
  if (withCheck.length < 2 || !/^[0-9A-Z]+$/.test(withCheck)) return false;
  return mod3736CheckCharacter(withCheck.slice(0, -1)) === withCheck.charAt(withCheck.length - 1);
}

/** The intermediate P after each character (for the worked examples in the tests and the docs). */
export function mod3736Steps(body: string): number[] {
  const steps: number[] = [];
  mod3736Run(body, steps);
  return steps;
}

function mod3736Run(body: string, steps?: number[]): number {
  let p = 36;
  for (const character of body) {
    const value = MOD_37_36_ALPHABET.indexOf(character);
    if (value < 0) throw new RangeError(`"${character}" is not a MOD 37,36 character (0-9, A-Z)`);
    const s = (p + value) % 36 || 36;
    p = (2 * s) % 37;
    steps?.push(p);
  }
  return p;
}

/** The characters the check character covers: type code, issuer, serial and version, without dots or root. */
function checkedBody(parts: ELicenceIdParts): string {
  return `${parts.typeCode}${parts.issuerCode}${parts.serial}${formatVersion(parts.version)}`;
}

function formatVersion(version: number): string {
  if (!Number.isInteger(version) || version < 1 || version > 999)
    throw new RangeError("an e-licence version is 1…999");
  return String(version).padStart(3, "0");
}

/** Builds an identifier from its parts (GB/T 36904-2018 layout, MOD 37,36 check character). */
export function buildELicenceId(parts: ELicenceIdParts): string {
  if (!TYPE_CODE_PATTERN.test(parts.typeCode)) throw new RangeError("a type code is a USCC + 3 digits");
  if (!ISSUER_CODE_PATTERN.test(parts.issuerCode))
    throw new RangeError("an issuer code is a USCC or a 6-digit region code");
  if (!SERIAL_PATTERN.test(parts.serial)) throw new RangeError("a serial is 1…40 digits or capitals");
  const version = formatVersion(parts.version);
  const check = mod3736CheckCharacter(checkedBody(parts));
  return [E_LICENCE_ROOT, parts.typeCode, parts.issuerCode, parts.serial, version, check].join(".");
}

export interface CertificateIdentity {
  licenseNo: string;
  version: number;
  /** The issuing bureau's GB/T 2260 region code (a certificate's `issuerRegion`). */
  issuerRegion: string;
}

export interface ELicenceIdOptions {
  /** Type codes from the national catalogue; the placeholders of E_LICENCE_TYPE_CODES otherwise. */
  typeCodes?: Record<ELicenceLicenseType, string>;
}

/**
 * The identifier of a certificate, derived from what it already states: licence type (the number's prefix),
 * issuing region, licence number as the serial, and version. Nothing needs storing.
 */
export function eLicenceIdOf(certificate: CertificateIdentity, options: ELicenceIdOptions = {}): string {
  const match = LICENSE_NO_PATTERN.exec(certificate.licenseNo);
  if (!match) throw new RangeError(`"${certificate.licenseNo}" is not a JY or SC licence number`);
  const typeCodes = options.typeCodes ?? E_LICENCE_TYPE_CODES;
  return buildELicenceId({
    typeCode: typeCodes[match[1] as ELicenceLicenseType],
    issuerCode: certificate.issuerRegion,
    serial: certificate.licenseNo,
    version: certificate.version,
  });
}

/**
 * Parses an identifier back to the licence number and version it names. The reason names the first check that
 * failed: layout, check character, then whether the type code is one of this platform's licences and matches the
 * number's prefix.
 */
export function parseELicenceId(identifier: string, options: ELicenceIdOptions = {}): ELicenceIdParse {
  const match = IDENTIFIER_PATTERN.exec(identifier);
  if (!match) return { valid: false, reason: "format" };
  const [, typeCode, issuerCode, serial, versionText, check] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (!ISSUER_CODE_PATTERN.test(issuerCode) || !TYPE_CODE_PATTERN.test(typeCode))
    return { valid: false, reason: "format" };
  const version = Number(versionText);
  if (version < 1) return { valid: false, reason: "format" };
  if (mod3736CheckCharacter(`${typeCode}${issuerCode}${serial}${versionText}`) !== check)
    return { valid: false, reason: "check_character" };
  const typeCodes = options.typeCodes ?? E_LICENCE_TYPE_CODES;
  const licenseType = (Object.keys(typeCodes) as ELicenceLicenseType[]).find(
    (type) => typeCodes[type] === typeCode,
  );
  if (!licenseType || !serial.startsWith(licenseType) || !LICENSE_NO_PATTERN.test(serial))
    return { valid: false, reason: "type_code" };
  return { valid: true, typeCode, issuerCode, serial, version, licenseType, licenseNo: serial };
}
