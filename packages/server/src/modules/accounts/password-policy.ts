// ASVS 2.1.1 (≥ 12 characters) and 2.1.7 (refuse common passwords). Composition rules are not
// required: ASVS discourages them; 等保 complexity can be added here by configuration (see docs/security.md).
const MIN_LENGTH = 12;
const MAX_LENGTH = 128;

const COMMON_PASSWORDS = new Set([
  "123456789012",
  "1234567890ab",
  "password1234",
  "password123456",
  "qwertyuiop12",
  "qwertyuiopasdf",
  "1q2w3e4r5t6y",
  "aaaaaaaaaaaa",
  "abcdefghijkl",
  "abc123456789",
  "iloveyou1234",
  "admin1234567",
  "administrator",
  "woaini1314520",
  "woaini123456",
  "shian-demo-password",
  "000000000000",
  "111111111111",
  "123123123123",
  "1234qwer1234",
  "qwer1234qwer",
  "p@ssw0rd1234",
  "passw0rd1234",
  "zaq12wsxcde3",
  "1qaz2wsx3edc",
]);

export type PasswordProblem = "too_short" | "too_long" | "common" | "contains_username";

export function checkPassword(password: string, username: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < MIN_LENGTH) return "too_short";
  if (length > MAX_LENGTH) return "too_long";
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower) || /^(.)\1+$/.test(password)) return "common";
  if (username.length >= 3 && lower.includes(username.toLowerCase())) return "contains_username";
  return null;
}
