// 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters =
// 登记管理部门码 (1) + 机构类别码 (1) + 登记管理机关行政区划码 (6) + 主体标识码 (9, the GB 11714 organization code) + 校验码 (1).

/** The 31 characters a USCC may use (GB 32100-2015: digits and capitals without I, O, Z, S, V). */
export const USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** Weight of position i is 3^i mod 31 (GB 32100-2015). */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** Weights of the 8 body characters of an organization code (GB 11714-1997). */
const ORGANIZATION_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** Authority and type from the charset, six region digits, nine organization-code characters; the check character follows. */
const USCC_FIRST17_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{9}$/;

export interface UsccParts {
  /** 登记管理部门码, e.g. "9" for market regulation (工商). */
  registrationAuthority: string;
  /** 机构类别码, e.g. "1" company, "2" individual business (个体工商户) under authority "9". */
  organizationType: string;
  /** 登记管理机关行政区划码, a GB/T 2260 code. */
  regionCode: string;
  /** 主体标识码 (组织机构代码), 9 characters including its own check character. */
  organizationCode: string;
}

export type UsccInvalidReason = "length" | "charset" | "organization_code" | "check_character";

export type UsccValidation = ({ valid: true } & UsccParts) | { valid: false; reason: UsccInvalidReason };

export interface MakeUsccOptions {
  registrationAuthority?: string;
  organizationType?: string;
  regionCode: string;
  /** The first 8 characters of the organization code; its check character is computed. */
  organizationBody8: string;
}

/** Computes the 18th character of a USCC from its first 17 characters. */
export function usccCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new RangeError("a USCC check character needs exactly 17 characters");
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += valueOfUsccCharacter(first17.charAt(i)) * USCC_WEIGHTS[i]!;
  }
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** Computes the 9th character of a GB 11714 organization code (组织机构代码) from its first 8 characters. */
export function organizationCodeCheckCharacter(first8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(first8))
    throw new RangeError("an organization code body is 8 digits or capitals");
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    sum += Number.parseInt(first8.charAt(i), 36) * ORGANIZATION_CODE_WEIGHTS[i]!;
  }
  const check = 11 - (sum % 11);
  if (check === 10) return "X";
  if (check === 11) return "0";
  return String(check);
}

/** Checks a USCC and splits it into its parts; the reason names the first check that failed. */
export function validateUscc(code: string): UsccValidation {
  if (code.length !== 18) return { valid: false, reason: "length" };
  if (!USCC_FIRST17_PATTERN.test(code.slice(0, 17)) || !USCC_CHARSET.includes(code.charAt(17))) {
    return { valid: false, reason: "charset" };
  }
  const organizationCode = code.slice(8, 17);
  if (organizationCodeCheckCharacter(organizationCode.slice(0, 8)) !== organizationCode.charAt(8)) {
    return { valid: false, reason: "organization_code" };
  }
  if (usccCheckCharacter(code.slice(0, 17)) !== code.charAt(17)) {
    return { valid: false, reason: "check_character" };
  }
  return {
    valid: true,
    registrationAuthority: code.charAt(0),
    organizationType: code.charAt(1),
    regionCode: code.slice(2, 8),
    organizationCode,
  };
}

export function isValidUscc(code: string): boolean {
  return validateUscc(code).valid;
}

/** Builds a valid USCC; defaults to a company (企业) registered by market regulation ("91"). */
export function makeUscc({
  registrationAuthority = "9",
  organizationType = "1",
  regionCode,
  organizationBody8,
}: MakeUsccOptions): string {
  const body = organizationBody8 + organizationCodeCheckCharacter(organizationBody8);
  const first17 = registrationAuthority + organizationType + regionCode + body;
  if (!USCC_FIRST17_PATTERN.test(first17)) {
    throw new RangeError(`cannot build a USCC from "${first17}": bad length or character`);
  }
  return first17 + usccCheckCharacter(first17);
}

function valueOfUsccCharacter(character: string): number {
  const value = USCC_CHARSET.indexOf(character);
  if (value < 0) throw new RangeError(`"${character}" is not a USCC character`);
  return value;
}
