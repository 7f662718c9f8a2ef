import { describe, expect, it } from "vitest";
import { assembleTraceCode, encodeTracePayload, extractTraceCode, parseTraceCode } from "./trace-code.js";

const payload = {
  d: "0b7f3c1e-2a4d-4e6f-8a9b-1c2d3e4f5a6b",
  n: 42,
  b: "XS-20250501-01",
  p: "卤猪耳",
  w: 356,
  t: "2025-05-01T02:42:00.000Z",
};
const signature = new Uint8Array(64).fill(7);

describe("trace code format", () => {
  it("round-trips: the parsed payload bytes are exactly the signed bytes", () => {
    const bytes = encodeTracePayload(payload);
    const parsed = parseTraceCode(assembleTraceCode(bytes, signature))!;
    expect(parsed.payload).toEqual(payload);
    expect(parsed.payloadBytes).toEqual(bytes);
    expect(parsed.signature).toEqual(signature);
    expect(new TextDecoder().decode(bytes)).toBe(
      '{"d":"0b7f3c1e-2a4d-4e6f-8a9b-1c2d3e4f5a6b","n":42,"b":"XS-20250501-01","p":"卤猪耳","w":356,"t":"2025-05-01T02:42:00.000Z"}',
    );
  });

  it("refuses malformed codes: wrong shape, unknown members, short signature, non-canonical base64url", () => {
    const bytes = encodeTracePayload(payload);
    const token = assembleTraceCode(bytes, signature);
    expect(parseTraceCode("abc")).toBeNull();
    expect(parseTraceCode(`${token}.x`)).toBeNull();
    expect(parseTraceCode(assembleTraceCode(bytes, signature.slice(0, 63)))).toBeNull();
    const extra = new TextEncoder().encode(JSON.stringify({ ...payload, x: 1 }));
    expect(parseTraceCode(assembleTraceCode(extra, signature))).toBeNull();
    const negative = encodeTracePayload({ ...payload, w: -1 });
    expect(parseTraceCode(assembleTraceCode(negative, signature))).toBeNull();
    // The signature's last character carries 4 unused bits: another spelling of the same bytes is refused.
    expect(token.at(-1)).toBe("w");
    expect(parseTraceCode(`${token.slice(0, -1)}x`)).toBeNull();
  });

  it("finds the token in a scanned URL", () => {
    expect(extractTraceCode(" https://shian.example.gov.cn/t/abc.def?x=1#y ")).toBe("abc.def");
    expect(extractTraceCode("abc.def")).toBe("abc.def");
  });
});
