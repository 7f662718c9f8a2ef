import { describe, expect, it } from "vitest";
import { STATUTORY_FIELDS, findMissingStatutoryField } from "./statutory.js";

// 《食品经营许可和备案管理办法》 art. 28 (JY) / 《食品生产许可管理办法》 art. 29 (SC): the fields a licence states.
const COMPLETE = {
  holderName: "广州市天河区老陈饭店",
  uscc: "92440106MA59XXXX1X",
  legalRepresentative: "陈喆",
  residence: "广州市天河区体育西路1号",
  premises: "广州市天河区体育西路1号首层",
  businessForm: "catering",
  items: [{ code: "hot_food" }],
  issuingAuthority: "天河区市场监督管理局",
  supervisionAgency: "天河区市场监督管理局",
  supervisionOfficer: "周监管",
  signer: "李签发",
};

describe("statutory field set (食品经营许可和备案管理办法 art. 28)", () => {
  it("accepts a complete JY content", () => {
    expect(findMissingStatutoryField(COMPLETE, "JY")).toBeNull();
  });

  it("names each missing or blank field, in the order of the form", () => {
    for (const field of STATUTORY_FIELDS) {
      const blank = Array.isArray(COMPLETE[field.key]) ? [] : "  ";
      expect(findMissingStatutoryField({ ...COMPLETE, [field.key]: blank }, "JY")).toEqual(field);
      const { [field.key]: _dropped, ...without } = COMPLETE;
      expect(findMissingStatutoryField(without, "JY")?.key).toBe(field.key);
    }
    expect(findMissingStatutoryField({ ...COMPLETE, residence: undefined, signer: "" }, "JY")?.zh).toBe(
      "住所",
    );
  });

  it("an SC licence states 食品类别 in place of 主体业态 and 经营项目 (食品生产许可管理办法 art. 29)", () => {
    const { businessForm: _f, items: _i, ...sc } = COMPLETE;
    expect(findMissingStatutoryField({ ...sc, foodCategories: ["1101"] }, "SC")).toBeNull();
    expect(findMissingStatutoryField(sc, "SC")?.key).toBe("businessForm");
  });
});
