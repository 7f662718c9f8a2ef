import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  USCC_CHARSET,
  isValidUscc,
  makeUscc,
  organizationCodeCheckCharacter,
  usccCheckCharacter,
  validateUscc,
} from "./uscc.js";

// Published codes of real organizations.
const HUAWEI = "914403001922038216"; // 华为技术有限公司
const TENCENT = "9144030071526726XG"; // 深圳市腾讯计算机系统有限公司
const XIAOMI = "91110108551385082Q"; // 小米科技有限责任公司
const TEXTBOOK_EXAMPLE = "91350100M000100Y43"; // the example used in explanations of GB 32100-2015

describe("GB 32100-2015 统一社会信用代码", () => {
  it.each([HUAWEI, TENCENT, XIAOMI, TEXTBOOK_EXAMPLE])("accepts the published code %s", (code) => {
    expect(isValidUscc(code)).toBe(true);
    expect(usccCheckCharacter(code.slice(0, 17))).toBe(code.charAt(17));
  });

  it("splits a valid code into its parts", () => {
    expect(validateUscc(TENCENT)).toEqual({
      valid: true,
      registrationAuthority: "9",
      organizationType: "1",
      regionCode: "440300",
      organizationCode: "71526726X",
    });
  });

  it("maps a weighted sum divisible by 31 to the check character 0", () => {
    expect(usccCheckCharacter("00000000000000000")).toBe("0");
  });

  it("rejects a check character request that is not 17 USCC characters", () => {
    expect(() => usccCheckCharacter("9144030071526726")).toThrow(RangeError);
    expect(() => usccCheckCharacter("9144030071526726I")).toThrow(RangeError);
  });

  it.each([
    ["too short", HUAWEI.slice(0, 17)],
    ["too long", HUAWEI + "0"],
    ["empty", ""],
  ])("rejects a code that is %s", (_label, code) => {
    expect(validateUscc(code)).toEqual({ valid: false, reason: "length" });
  });

  it.each([
    ["lowercase", "9144030071526726xg"],
    ["letter I", "91350100M000100I43"],
    ["letter O", "91350100M000100O43"],
    ["letter Z", "91350100M000100Z43"],
    ["letter S", "91350100M000100S43"],
    ["letter V", "91350100M000100V43"],
    ["a letter in the region code", "9135A100M000100Y43"],
    ["a space", "91440300 192203821"],
  ])("rejects a code with %s", (_label, code) => {
    expect(validateUscc(code)).toEqual({ valid: false, reason: "charset" });
  });

  it("rejects a code whose organization code fails its own check", () => {
    expect(validateUscc("914403001922038316")).toEqual({ valid: false, reason: "organization_code" });
  });

  it("rejects a changed check character or a changed region digit", () => {
    expect(validateUscc("914403001922038217")).toEqual({ valid: false, reason: "check_character" });
    expect(validateUscc("914403011922038216")).toEqual({ valid: false, reason: "check_character" });
  });

  it("detects every single-character substitution", () => {
    const codes = fc.constantFrom(HUAWEI, TENCENT, XIAOMI, TEXTBOOK_EXAMPLE);
    fc.assert(
      fc.property(codes, fc.nat(17), fc.constantFrom(...USCC_CHARSET), (code, position, replacement) => {
        fc.pre(code.charAt(position) !== replacement);
        const changed = code.slice(0, position) + replacement + code.slice(position + 1);
        expect(isValidUscc(changed)).toBe(false);
      }),
    );
  });
});

describe("GB 11714 组织机构代码 check character", () => {
  it.each([
    ["19220382", "1"],
    ["71526726", "X"],
    ["M000100Y", "4"],
    ["00000000", "0"],
  ])("computes %s → %s", (body, check) => {
    expect(organizationCodeCheckCharacter(body)).toBe(check);
  });

  it("rejects a body that is not 8 digits or capitals", () => {
    expect(() => organizationCodeCheckCharacter("1922038")).toThrow(RangeError);
    expect(() => organizationCodeCheckCharacter("1922038a")).toThrow(RangeError);
  });
});

describe("makeUscc", () => {
  it("rebuilds published codes from their parts", () => {
    expect(makeUscc({ regionCode: "440300", organizationBody8: "19220382" })).toBe(HUAWEI);
    expect(makeUscc({ regionCode: "350100", organizationBody8: "M000100Y" })).toBe(TEXTBOOK_EXAMPLE);
  });

  it("builds an individual business (个体工商户) code", () => {
    const code = makeUscc({ organizationType: "2", regionCode: "440106", organizationBody8: "MA59XQ3K" });
    expect(code.startsWith("92440106MA59XQ3K")).toBe(true);
    expect(isValidUscc(code)).toBe(true);
  });

  it("always builds a valid code from valid parts", () => {
    const body = fc.string({ unit: fc.constantFrom(...USCC_CHARSET), minLength: 8, maxLength: 8 });
    const region = fc.integer({ min: 110000, max: 829999 }).map(String);
    fc.assert(
      fc.property(region, body, (regionCode, organizationBody8) => {
        const validation = validateUscc(makeUscc({ regionCode, organizationBody8 }));
        expect(validation).toMatchObject({ valid: true, regionCode });
      }),
    );
  });

  it.each([
    ["a short region code", { regionCode: "44030", organizationBody8: "19220382" }],
    ["a letter in the region code", { regionCode: "44030A", organizationBody8: "19220382" }],
    ["a forbidden letter in the body", { regionCode: "440300", organizationBody8: "1922038I" }],
    [
      "a long authority code",
      { registrationAuthority: "91", regionCode: "440300", organizationBody8: "19220382" },
    ],
  ])("refuses %s", (_label, options) => {
    expect(() => makeUscc(options)).toThrow(RangeError);
  });
});
