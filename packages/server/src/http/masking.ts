/** PIPL art. 51 / GB/T 35273 §6.2: personal data is masked in public and list replies. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  if (digits.length < 7) return "*".repeat(digits.length);
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** A person's name on a public page: the surname and one star per other character (王*明 → 王**). */
export function maskName(name: string): string {
  const characters = [...name.trim()];
  return characters.length <= 1 ? "*" : `${characters[0]}${"*".repeat(characters.length - 1)}`;
}
