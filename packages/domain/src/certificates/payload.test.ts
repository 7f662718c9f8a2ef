import { describe, expect, it } from "vitest";
import {
  CertificatePayloadError,
  canonicalJson,
  canonicalPayload,
  type CertificatePayload,
} from "./payload.js";

const samplePayload: CertificatePayload = {
  licenseNo: "JY14401060000010",
  licenseType: "JY",
  version: 1,
  holderName: "广州市天河区好味道餐饮管理有限公司",
  uscc: "91440106MA59C0XK2B",
  legalRepresentative: "陈小明",
  storeAddress: "广州市天河区天河路 385 号",
  businessForm: "catering",
  subtype: "restaurant_small",
  items: ["热食类食品制售", "冷食类食品制售（不含生食）"],
  issuer: "广州市天河区市场监督管理局",
  issuerRegion: "440106",
  validFrom: "2025-06-01",
  validTo: "2030-05-31",
  issuedAt: "2025-06-01T09:30:00+08:00",
  status: { listId: "rev-1", index: 42 },
};

describe("certificate payload (RFC 8785 canonical JSON)", () => {
  it("sorts keys, leaves no whitespace and keeps CJK characters as UTF-8", () => {
    const json = canonicalPayload(samplePayload);
    expect(json.startsWith('{"businessForm":"catering","holderName":"广州市天河区')).toBe(true);
    expect(json).not.toMatch(/\s"|":\s|\\u/);
    expect(JSON.parse(json)).toEqual(samplePayload);
  });

  it("is the same whatever the order of the fields given", () => {
    const reversed = Object.fromEntries(
      Object.entries(samplePayload).reverse(),
    ) as unknown as CertificatePayload;
    expect(canonicalPayload(reversed)).toBe(canonicalPayload(samplePayload));
  });

  it("leaves out absent optional fields and signs no field beyond the listed ones", () => {
    const { businessForm: _b, subtype: _s, ...sc } = samplePayload;
    const withExtra = { ...sc, licenseNo: "SC10144010600011", licenseType: "SC" as const, passwordHash: "x" };
    const json = canonicalPayload({ ...withExtra, foodCategories: ["101"] });
    expect(json).not.toContain("businessForm");
    expect(json).not.toContain("passwordHash");
    expect(json).toContain('"foodCategories":["101"]');
  });

  it.each([
    [{ validTo: "2030-5-31" }, "validTo"],
    [{ validTo: "2020-01-01" }, "validTo"],
    [{ issuedAt: "2025-06-01 09:30" }, "issuedAt"],
    [{ version: 0 }, "version"],
    [{ licenseNo: "SC14401060000010" }, "licenseNo"],
    [{ status: { listId: "rev-1", index: -1 } }, "status"],
  ])("refuses %o (field %s)", (change, field) => {
    const attempt = () => canonicalPayload({ ...samplePayload, ...change } as CertificatePayload);
    expect(attempt).toThrow(CertificatePayloadError);
    expect(attempt).toThrow(field);
  });

  it("canonicalJson orders keys by UTF-16 code units as RFC 8785 §3.2.3 requires", () => {
    expect(canonicalJson({ b: 1, a: [true, null], "\u20ac": 2, "\r": 3 })).toBe(
      '{"\\r":3,"a":[true,null],"b":1,"€":2}',
    );
  });
});
