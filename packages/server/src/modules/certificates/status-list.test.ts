import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  STATUS_LIST_SIZE,
  encodeBitstring,
  emptyBitstring,
  locateStatusEntry,
  postgresBitPosition,
} from "./status-list.js";

describe("bitstring status list", () => {
  it("has at least 131 072 entries per list and spreads global indexes over lists", () => {
    expect(emptyBitstring().length * 8).toBe(STATUS_LIST_SIZE);
    expect(STATUS_LIST_SIZE).toBeGreaterThanOrEqual(131_072);
    expect(locateStatusEntry(5)).toEqual({ serial: 1, entry: 5 });
    expect(locateStatusEntry(STATUS_LIST_SIZE + 2)).toEqual({ serial: 2, entry: 2 });
  });

  it("maps W3C bit order (most significant first) onto PostgreSQL's set_bit numbering", () => {
    expect(postgresBitPosition(0)).toBe(7);
    expect(postgresBitPosition(9)).toBe(14);
  });

  it("encodes as multibase base64url of the GZIP of the bits", () => {
    const bits = emptyBitstring();
    bits[16_383] = 1;
    const encoded = encodeBitstring(bits);
    expect(encoded.startsWith("u")).toBe(true);
    expect(gunzipSync(Buffer.from(encoded.slice(1), "base64url")).equals(bits)).toBe(true);
  });
});
