const ROAD_END = /(?:路|街|道|巷|弄|里|村|镇)/g;

/**
 * A store address for public lists (PIPL art. 51): province, city, district and road stay, the house number
 * and anything after it become "**号" — "广东省广州市天河区天河路385号201室" → "广东省广州市天河区天河路**号".
 * Without a number, everything after the last road word is hidden.
 */
export function maskAddress(address: string): string {
  const digit = address.search(/[0-9０-９]/);
  if (digit > 0) return `${address.slice(0, digit)}**号`;
  let end = -1;
  for (const match of address.matchAll(ROAD_END)) end = match.index + match[0].length;
  if (end > 0 && end < address.length) return `${address.slice(0, end)}**`;
  return address;
}
