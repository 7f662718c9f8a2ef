import { gzipSync } from "node:zlib";

/** W3C Bitstring Status List: at least 131 072 entries (16 KiB) so one bit reveals nothing about a holder. */
export const STATUS_LIST_SIZE = 131_072;

export type StatusPurpose = "revocation" | "suspension";

export function emptyBitstring(size = STATUS_LIST_SIZE): Buffer {
  return Buffer.alloc(size / 8);
}

/**
 * A certificate's status entry is one global index: list serial = ⌊index / size⌋ + 1, entry = index mod size.
 * It has the same entry in the revocation list and in the suspension list of that serial.
 */
export function locateStatusEntry(globalIndex: number): { serial: number; entry: number } {
  return { serial: Math.floor(globalIndex / STATUS_LIST_SIZE) + 1, entry: globalIndex % STATUS_LIST_SIZE };
}

export function statusListId(purpose: StatusPurpose, serial: number): string {
  return `${purpose}-${serial}`;
}

/** PostgreSQL's get_bit/set_bit count from the least significant bit of each byte; the W3C list from the most. */
export function postgresBitPosition(entry: number): number {
  return (entry & ~7) + (7 - (entry & 7));
}

/** The `encodedList` of the spec: GZIP, then base64url, with the multibase prefix "u". */
export function encodeBitstring(bits: Buffer): string {
  return `u${gzipSync(bits).toString("base64url")}`;
}
