// Deterministic demo businesses (经营者) and their stores (经营场所) for six demo districts.
// Names, people and numbers are made up; districts, roads and coordinates are real (approximate).

import { USCC_CHARSET, makeUscc } from "../identifiers/uscc.js";
import type { SeededRandom } from "../random.js";
import type { BusinessForm, BusinessSubtype } from "../taxonomy/business-forms.js";

export interface DemoDistrict {
  /** GB/T 2260 county-level code. */
  code: string;
  name: string;
  cityName: string;
  provinceName: string;
  roads: readonly string[];
  centre: { lat: number; lng: number };
}

export interface DemoStore {
  name: string;
  address: string;
  lat: number;
  lng: number;
  businessForm: BusinessForm;
  subtype: BusinessSubtype;
  areaM2: number;
}

export interface DemoBusiness {
  uscc: string;
  name: string;
  /** 法定代表人, or 经营者 for an individual business. */
  legalRepresentative: string;
  phone: string;
  store: DemoStore;
}

// prettier-ignore
export const DEMO_DISTRICTS: readonly DemoDistrict[] = [
  { code: "310104", name: "徐汇区", cityName: "上海市", provinceName: "上海市", centre: { lat: 31.1886, lng: 121.4368 },
    roads: ["漕溪北路", "衡山路", "天钥桥路", "肇嘉浜路", "虹桥路", "宜山路", "田林路", "龙华中路", "斜土路", "东安路", "桂林路", "钦州路"] },
  { code: "330213", name: "奉化区", cityName: "宁波市", provinceName: "浙江省", centre: { lat: 29.6555, lng: 121.4105 },
    roads: ["中山路", "南山路", "大成东路", "岳林东路", "长汀路", "河头路", "玉兰路", "聚潮路", "武岭西路"] },
  { code: "330211", name: "镇海区", cityName: "宁波市", provinceName: "浙江省", centre: { lat: 29.9495, lng: 121.7155 },
    roads: ["胜利路", "车站路", "后大街", "东信路", "庄市大道", "兴庄路", "陈倪路", "镇骆西路"] },
  { code: "330225", name: "象山县", cityName: "宁波市", provinceName: "浙江省", centre: { lat: 29.4765, lng: 121.8695 },
    roads: ["天安路", "丹峰东路", "汇振路", "靖南大街", "象山港路"] },
  { code: "371102", name: "东港区", cityName: "日照市", provinceName: "山东省", centre: { lat: 35.418, lng: 119.515 },
    roads: ["海曲东路", "烟台路", "威海路", "青岛路", "泰安路", "济南路", "北京路", "兖州路", "文登路", "日照南路"] },
  { code: "440106", name: "天河区", cityName: "广州市", provinceName: "广东省", centre: { lat: 23.132, lng: 113.345 },
    roads: ["天河路", "体育西路", "体育东路", "天河北路", "黄埔大道西", "花城大道", "中山大道西", "林和西路", "华夏路", "冼村路", "五山路", "天河东路"] },
];

/** A kind of shop or restaurant: the 行业 part of its name and what it is licensed as. */
interface Trade<F extends "food_sales" | "catering"> {
  /** 行业 in a shop name, e.g. 面馆 in 老王面馆. */
  industry: string;
  /** 行业 in a company name, e.g. 餐饮管理 in 上海鸿福餐饮管理有限公司. */
  companyIndustry: string;
  subtype: BusinessSubtype<F>;
  areaM2: readonly [number, number];
  /** Too large to be run as an individual business (个体工商户). */
  companyOnly?: true;
}

// prettier-ignore
const FOOD_SALES_TRADES: readonly Trade<"food_sales">[] = [
  { industry: "超市",     companyIndustry: "超市",     subtype: "supermarket",       areaM2: [200, 3000] },
  { industry: "便利店",   companyIndustry: "商贸",     subtype: "convenience_store", areaM2: [30, 150] },
  { industry: "食品店",   companyIndustry: "食品",     subtype: "grocery",           areaM2: [20, 100] },
  { industry: "粮油店",   companyIndustry: "粮油",     subtype: "grocery",           areaM2: [20, 80] },
  { industry: "食品商行", companyIndustry: "食品贸易", subtype: "food_trader",       areaM2: [30, 300] },
];

// prettier-ignore
const CATERING_TRADES: readonly Trade<"catering">[] = [
  { industry: "面馆",     companyIndustry: "餐饮",     subtype: "restaurant_small",  areaM2: [40, 150] },
  { industry: "饺子馆",   companyIndustry: "餐饮",     subtype: "small_catering",    areaM2: [15, 50] },
  { industry: "小吃店",   companyIndustry: "餐饮",     subtype: "small_catering",    areaM2: [10, 50] },
  { industry: "快餐店",   companyIndustry: "餐饮管理", subtype: "restaurant_small",  areaM2: [50, 150] },
  { industry: "烧烤店",   companyIndustry: "餐饮",     subtype: "restaurant_small",  areaM2: [60, 150] },
  { industry: "火锅店",   companyIndustry: "餐饮管理", subtype: "restaurant_medium", areaM2: [150, 500] },
  { industry: "餐厅",     companyIndustry: "餐饮管理", subtype: "restaurant_medium", areaM2: [150, 500] },
  { industry: "海鲜酒家", companyIndustry: "餐饮",     subtype: "restaurant_large",  areaM2: [500, 2000], companyOnly: true },
  { industry: "茶饮店",   companyIndustry: "餐饮",     subtype: "beverage_shop",     areaM2: [15, 60] },
  { industry: "咖啡馆",   companyIndustry: "餐饮管理", subtype: "beverage_shop",     areaM2: [30, 120] },
  { industry: "烘焙坊",   companyIndustry: "食品",     subtype: "bakery",            areaM2: [20, 100] },
  { industry: "中央厨房", companyIndustry: "餐饮管理", subtype: "central_kitchen",   areaM2: [300, 3000], companyOnly: true },
  { industry: "集体用餐配送中心", companyIndustry: "餐饮管理", subtype: "group_meal_delivery", areaM2: [300, 2000], companyOnly: true },
];

/** A unit running its own canteen: the unit's name part, how it is registered and what its canteen is called. */
interface CanteenUnit {
  unit: string;
  subtype: BusinessSubtype<"unit_canteen">;
  areaM2: readonly [number, number];
  /** company: a market-regulated company ("91"); private_non_enterprise: 民办非企业单位 registered by civil affairs ("52"). */
  registration: "company" | "private_non_enterprise";
  canteen: string;
}

// prettier-ignore
const CANTEEN_UNITS: readonly CanteenUnit[] = [
  { unit: "幼儿园",   subtype: "kindergarten",      areaM2: [60, 200],  registration: "private_non_enterprise", canteen: "食堂" },
  { unit: "实验学校", subtype: "school",            areaM2: [150, 800], registration: "private_non_enterprise", canteen: "食堂" },
  { unit: "养老院",   subtype: "elderly_care",      areaM2: [80, 300],  registration: "private_non_enterprise", canteen: "食堂" },
  { unit: "科技",     subtype: "staff_canteen",     areaM2: [100, 600], registration: "company",                canteen: "职工食堂" },
  { unit: "建设工程", subtype: "construction_site", areaM2: [50, 300],  registration: "company",                canteen: "项目部食堂" },
];

/** 字号 (trade names); individual shops may instead use the owner's surname (老王, 陈记). */
// prettier-ignore
const SHOP_NAMES = "鸿福 兴隆 福源 聚香 味香 和顺 佳禾 嘉和 百味 德润 宏达 瑞丰 同福 顺心 好客 惠民 乐家 锦绣 春晖 阳光 海晨 悦来 万家 金桥 东升 永安 祥和 一品 常乐 晨曦 知味 禾丰 青禾 满堂 三江 新时代".split(" ");

/** 字号 of schools, kindergartens and care homes. */
// prettier-ignore
const INSTITUTION_NAMES = "阳光 春晖 晨曦 育才 启明 博雅 明德 康乐 安康 和美 同心 青苗".split(" ");

// prettier-ignore
const SURNAMES = "王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 林 罗 高 郑 梁 谢 宋 唐 许 韩 冯 邓 曹".split(" ");

// prettier-ignore
const GIVEN_NAMES = "伟 芳 敏 静 丽 强 磊 军 洋 勇 艳 杰 涛 明 超 秀英 桂英 建华 志强 海燕 晓东 丽华 国庆 建国 文博 子涵 浩然 雨婷 佳怡 思远 俊杰 欣怡 春梅 红霞 立新 美玲".split(" ");

const FORM_SHARES = { foodSales: 0.2, catering: 0.7 } as const;
const COMPANY_SHARE = 0.35;
const DISTRICT_IN_COMPANY_NAME_SHARE = 0.5;
const SURNAME_SHOP_SHARE = 0.3;
const MAX_OFFSET_KM = 2;
const KM_PER_DEGREE_LAT = 111.32;
/** The last 5 organization-code characters number the business: 31^5 demo businesses per district and kind. */
const SERIAL_SPACE = 31 ** 5;

/** Generates the index-th demo business of a district; the same random state and index give the same business. */
export function generateDemoBusiness(
  random: SeededRandom,
  district: DemoDistrict,
  index: number,
): DemoBusiness {
  if (!Number.isInteger(index) || index < 0 || index >= SERIAL_SPACE) {
    throw new RangeError(`demo business index must be an integer in [0, ${SERIAL_SPACE})`);
  }
  const share = random.next();
  if (share < FORM_SHARES.foodSales) {
    return generateShopBusiness(random, district, index, "food_sales", FOOD_SALES_TRADES);
  }
  if (share < FORM_SHARES.foodSales + FORM_SHARES.catering) {
    return generateShopBusiness(random, district, index, "catering", CATERING_TRADES);
  }
  return generateCanteenBusiness(random, district, index);
}

function generateShopBusiness<F extends "food_sales" | "catering">(
  random: SeededRandom,
  district: DemoDistrict,
  index: number,
  businessForm: F,
  trades: readonly Trade<F>[],
): DemoBusiness {
  const trade = random.pick(trades);
  const surname = random.pick(SURNAMES);
  const isCompany = trade.companyOnly === true || random.next() < COMPANY_SHARE;
  const shop =
    random.next() < SURNAME_SHOP_SHARE
      ? random.pick([`老${surname}`, `${surname}记`])
      : random.pick(SHOP_NAMES);
  const road = random.pick(district.roads);
  return {
    uscc: makeDemoUscc(random, district, index, isCompany ? "91" : "92"),
    name: isCompany
      ? `${pickCompanyRegionPrefix(random, district)}${shop}${trade.companyIndustry}有限公司`
      : `${district.cityName}${district.name}${shop}${trade.industry}`,
    legalRepresentative: surname + random.pick(GIVEN_NAMES),
    phone: generateMobileNumber(random),
    store: {
      name: `${shop}${trade.industry}(${road}店)`,
      address: formatAddress(random, district, road),
      ...generateLocation(random, district),
      businessForm,
      subtype: trade.subtype,
      areaM2: random.int(trade.areaM2[0], trade.areaM2[1]),
    },
  };
}

function generateCanteenBusiness(random: SeededRandom, district: DemoDistrict, index: number): DemoBusiness {
  const unit = random.pick(CANTEEN_UNITS);
  const isCompany = unit.registration === "company";
  const shop = random.pick(isCompany ? SHOP_NAMES : INSTITUTION_NAMES);
  const road = random.pick(district.roads);
  return {
    uscc: makeDemoUscc(random, district, index, isCompany ? "91" : "52"),
    name: isCompany
      ? `${pickCompanyRegionPrefix(random, district)}${shop}${unit.unit}有限公司`
      : `${district.cityName}${district.name}${shop}${unit.unit}`,
    legalRepresentative: random.pick(SURNAMES) + random.pick(GIVEN_NAMES),
    phone: generateMobileNumber(random),
    store: {
      name: `${shop}${unit.unit}${unit.subtype === "construction_site" ? road : ""}${unit.canteen}`,
      address: formatAddress(random, district, road),
      ...generateLocation(random, district),
      businessForm: "unit_canteen",
      subtype: unit.subtype,
      areaM2: random.int(unit.areaM2[0], unit.areaM2[1]),
    },
  };
}

/**
 * A valid USCC whose organization code starts "MA" (market regulation) or "MJ" (civil affairs), as codes
 * issued since 2015 commonly do. The last five characters encode the index through a bijection on
 * [0, 31^5) (shift by the district code, multiply by a number prime to 31), so different indexes in one
 * district always give different codes, and the codes do not look sequential.
 */
function makeDemoUscc(
  random: SeededRandom,
  district: DemoDistrict,
  index: number,
  kind: "91" | "92" | "52",
): string {
  const serial = ((index + Number(district.code)) * 7_368_787) % SERIAL_SPACE;
  let serialChars = "";
  for (let rest = serial, i = 0; i < 5; i++, rest = Math.floor(rest / 31)) {
    serialChars = USCC_CHARSET.charAt(rest % 31) + serialChars;
  }
  return makeUscc({
    registrationAuthority: kind.charAt(0),
    organizationType: kind.charAt(1),
    regionCode: district.code,
    organizationBody8: (kind === "52" ? "MJ" : "MA") + USCC_CHARSET.charAt(random.int(0, 30)) + serialChars,
  });
}

/** "上海" or "上海徐汇": the region part of a company name. */
function pickCompanyRegionPrefix(random: SeededRandom, district: DemoDistrict): string {
  const city = district.cityName.replace(/市$/, "");
  return random.next() < DISTRICT_IN_COMPANY_NAME_SHARE ? city : city + district.name.replace(/[区县]$/, "");
}

/** e.g. 浙江省宁波市奉化区南山路12号; a municipality (上海市) is named once. */
function formatAddress(random: SeededRandom, district: DemoDistrict, road: string): string {
  const city = district.cityName === district.provinceName ? "" : district.cityName;
  return `${district.provinceName}${city}${district.name}${road}${random.int(1, 999)}号`;
}

/** A point in a square of ±MAX_OFFSET_KM around the district centre (at most ~2.8 km away). */
function generateLocation(random: SeededRandom, district: DemoDistrict): { lat: number; lng: number } {
  const northKm = (random.next() * 2 - 1) * MAX_OFFSET_KM;
  const eastKm = (random.next() * 2 - 1) * MAX_OFFSET_KM;
  const kmPerDegreeLng = KM_PER_DEGREE_LAT * Math.cos((district.centre.lat * Math.PI) / 180);
  return {
    lat: roundTo6(district.centre.lat + northKm / KM_PER_DEGREE_LAT),
    lng: roundTo6(district.centre.lng + eastKm / kmPerDegreeLng),
  };
}

/** 1[3-9] followed by nine digits, the shape of a mainland mobile number. */
function generateMobileNumber(random: SeededRandom): string {
  return `1${random.int(3, 9)}${String(random.int(0, 999_999_999)).padStart(9, "0")}`;
}

function roundTo6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
