import { randomBytes } from "node:crypto";

/** Crockford base32: no I, L, O, U, so a code read aloud or typed from a sticker is hard to get wrong. */
export const CROCKFORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const SAFETY_CODE_LENGTH = 10;
export const SAFETY_CODE_PATTERN = "^[0-9A-Za-z-]{10,14}$";
const CANONICAL = /^[0-9A-HJKMNP-TV-Z]{10}$/;

/**
 * A new 食安码: 10 Crockford base32 characters, 50 bits from the CSPRNG (each byte's low 5 bits; 256 is a
 * multiple of 32, so every character is uniform). Unguessable: ~10^15 codes for at most ~10^7 stores.
 */
export function generateSafetyCode(random: (size: number) => Buffer = randomBytes): string {
  const bytes = random(SAFETY_CODE_LENGTH);
  let code = "";
  for (const byte of bytes) code += CROCKFORD_ALPHABET[byte & 31];
  return code;
}

/**
 * The canonical form of a typed or scanned code, or null when it cannot be one: case-insensitive, hyphens
 * ignored, and the Crockford look-alikes I/L → 1 and O → 0.
 */
export function normalizeSafetyCode(input: string): string | null {
  const code = input.toUpperCase().replace(/-/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");
  return CANONICAL.test(code) ? code : null;
}
