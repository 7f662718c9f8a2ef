import { describe, expect, it } from "vitest";
import { validateUscc } from "../identifiers/uscc.js";
import { createRandom } from "../random.js";
import { regionLevel } from "../regions.js";
import { isSubtypeOfForm } from "../taxonomy/business-forms.js";
import {
  DEMO_DISTRICTS,
  generateDemoBusiness,
  type DemoBusiness,
  type DemoDistrict,
} from "./demo-businesses.js";

function generateAll(
  seed: string,
  perDistrict: number,
): Array<{ district: DemoDistrict; business: DemoBusiness }> {
  const random = createRandom(seed);
  return DEMO_DISTRICTS.flatMap((district) =>
    Array.from({ length: perDistrict }, (_, index) => ({
      district,
      business: generateDemoBusiness(random, district, index),
    })),
  );
}

function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const northKm = (a.lat - b.lat) * 111.32;
  const eastKm = (a.lng - b.lng) * 111.32 * Math.cos((b.lat * Math.PI) / 180);
  return Math.hypot(northKm, eastKm);
}

const SAMPLE = generateAll("demo-test", Math.ceil(500 / DEMO_DISTRICTS.length)).slice(0, 500);

describe("DEMO_DISTRICTS", () => {
  it("lists six county-level districts with roads", () => {
    expect(DEMO_DISTRICTS.map((district) => district.code)).toEqual([
      "310104",
      "330213",
      "330211",
      "330225",
      "371102",
      "440106",
    ]);
    for (const district of DEMO_DISTRICTS) {
      expect(regionLevel(district.code)).toBe("county");
      expect(district.roads.length).toBeGreaterThanOrEqual(5);
      expect(new Set(district.roads).size).toBe(district.roads.length);
    }
  });
});

describe("generateDemoBusiness", () => {
  it("is deterministic for the same seed and index", () => {
    expect(generateAll("same", 20)).toEqual(generateAll("same", 20));
    expect(generateAll("same", 20)).not.toEqual(generateAll("other", 20));
  });

  it("gives 500 businesses valid, distinct USCCs registered in their district", () => {
    expect(SAMPLE).toHaveLength(500);
    for (const { district, business } of SAMPLE) {
      const validation = validateUscc(business.uscc);
      expect(validation).toMatchObject({ valid: true, regionCode: district.code });
    }
    expect(new Set(SAMPLE.map(({ business }) => business.uscc)).size).toBe(500);
  });

  it("matches the USCC kind to the name: 91 company, 92 个体工商户, 52 民办非企业单位", () => {
    for (const { district, business } of SAMPLE) {
      const kind = business.uscc.slice(0, 2);
      expect(["91", "92", "52"]).toContain(kind);
      if (kind === "91") expect(business.name).toMatch(/有限公司$/);
      else expect(business.name.startsWith(district.cityName + district.name)).toBe(true);
      if (kind === "52") expect(business.store.businessForm).toBe("unit_canteen");
    }
  });

  it("gives each store a subtype of its business form", () => {
    for (const { business } of SAMPLE) {
      expect(isSubtypeOfForm(business.store.businessForm, business.store.subtype)).toBe(true);
    }
  });

  it("names canteens as canteens and other stores after their industry and road", () => {
    for (const { business } of SAMPLE) {
      if (business.store.businessForm === "unit_canteen") expect(business.store.name).toMatch(/食堂$/);
      else expect(business.store.name).toMatch(/\(.+店\)$/);
    }
  });

  it("addresses stores in their province, city and district, on one of its roads", () => {
    for (const { district, business } of SAMPLE) {
      const city = district.cityName === district.provinceName ? "" : district.cityName;
      const prefix = district.provinceName + city + district.name;
      expect(business.store.address.startsWith(prefix)).toBe(true);
      const rest = business.store.address.slice(prefix.length);
      expect(district.roads.some((road) => new RegExp(`^${road}[1-9][0-9]{0,2}号$`).test(rest))).toBe(true);
    }
    expect(SAMPLE[0]!.business.store.address.startsWith("上海市徐汇区")).toBe(true);
  });

  it("places stores within 3 km of the district centre", () => {
    for (const { district, business } of SAMPLE) {
      expect(distanceKm(business.store, district.centre)).toBeLessThan(3);
    }
  });

  it("gives mobile-looking phone numbers, Chinese names and realistic areas", () => {
    for (const { business } of SAMPLE) {
      expect(business.phone).toMatch(/^1[3-9][0-9]{9}$/);
      expect(business.legalRepresentative).toMatch(/^\p{Script=Han}{2,3}$/u);
      expect(business.store.areaM2).toBeGreaterThanOrEqual(10);
      expect(business.store.areaM2).toBeLessThanOrEqual(3000);
    }
  });

  it("mixes about 20% food sales, 70% catering and 10% unit canteens", () => {
    const all = generateAll("mix", 500);
    const share = (form: string): number =>
      all.filter(({ business }) => business.store.businessForm === form).length / all.length;
    expect(share("food_sales")).toBeCloseTo(0.2, 1);
    expect(share("catering")).toBeCloseTo(0.7, 1);
    expect(share("unit_canteen")).toBeCloseTo(0.1, 1);
  });

  it("varies names", () => {
    const names = new Set(SAMPLE.map(({ business }) => business.name));
    const storeNames = new Set(SAMPLE.map(({ business }) => business.store.name));
    expect(names.size).toBeGreaterThan(450);
    expect(storeNames.size).toBeGreaterThan(450);
  });

  it("refuses an index it cannot number", () => {
    const random = createRandom("index");
    const district = DEMO_DISTRICTS[0]!;
    expect(() => generateDemoBusiness(random, district, -1)).toThrow(RangeError);
    expect(() => generateDemoBusiness(random, district, 1.5)).toThrow(RangeError);
    expect(() => generateDemoBusiness(random, district, 31 ** 5)).toThrow(RangeError);
  });
});
