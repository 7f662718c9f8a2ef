// 现场核查 (on-site inspection, Guangdong 2019 art. 12): a checklist per review category whose items are
// 关键项 (key), 重点项 (important) or 一般项 (general), and the overall judgement (综合判定) of the results.
// The province's own 现场核查表 are not in the source; the items below are derived from arts. 11 and 14–35.

import type { ReviewCategory } from "./ruleset.js";
import type { Bilingual, BooleanQualifier, ItemCode, ItemRequest, SpecialFoodKind } from "./taxonomy.js";

/** 关键项 / 重点项 / 一般项. */
export type ChecklistLevel = "key" | "important" | "general";

/** When an item is on the checklist; every condition given must hold, none given means always. */
export interface ChecklistCondition {
  /** Any of these items is applied for. */
  items?: readonly ItemCode[];
  /** This item is applied for with this qualifier set. */
  qualifier?: { item: ItemCode; name: BooleanQualifier };
  /** special_food_sales is applied for with any of these kinds. */
  kinds?: readonly SpecialFoodKind[];
}

export interface ChecklistItem {
  code: string;
  level: ChecklistLevel;
  /** The categories whose checklist holds the item. */
  categories: readonly ReviewCategory[];
  article: string;
  text: Bilingual;
  when?: ChecklistCondition;
}

const PREPARATION: readonly ItemCode[] = [
  "hot_food",
  "cold_food",
  "raw_food",
  "pastry",
  "beverage",
  "other_food_making",
];

export const CHECKLIST_ITEMS: readonly ChecklistItem[] = [
  // ---- category 1: food sales (arts. 15–23) ----
  {
    code: "sales_premises",
    level: "important",
    categories: [1],
    article: "art. 15",
    text: {
      zh: "经营场所和贮存场所与经营的食品品种、数量相适应",
      en: "Sales and storage premises fit the kinds and quantity of food sold",
    },
  },
  {
    code: "sales_storage_separation",
    level: "general",
    categories: [1],
    article: "art. 15",
    text: {
      zh: "食品与非食品分区存放，离地离墙，贮存场所整洁",
      en: "Food is stored apart from non-food, off the floor and away from walls; the store room is clean",
    },
  },
  {
    code: "sales_display",
    level: "general",
    categories: [1],
    article: "art. 15",
    text: {
      zh: "设有与经营相适应的陈列、货架设施，过期变质食品有专门存放区并标识",
      en: "Display and shelving fit the business; expired or spoiled food is kept in a marked area of its own",
    },
  },
  {
    code: "cold_storage",
    level: "key",
    categories: [1, 2, 3, 4],
    article: "art. 16",
    when: { qualifier: { item: "prepackaged_sales", name: "coldChain" } },
    text: {
      zh: "配备与经营品种、数量相适应的冷藏冷冻设备，能保证贮存所需温度",
      en: "Refrigeration and freezing equipment fits the food sold and keeps the required temperatures",
    },
  },
  {
    code: "cold_storage_bulk",
    level: "key",
    categories: [1, 2, 3, 4],
    article: "art. 16",
    when: { qualifier: { item: "bulk_sales", name: "coldChain" } },
    text: {
      zh: "散装冷藏冷冻食品配备相应的冷藏冷冻设备，能保证贮存所需温度",
      en: "Bulk refrigerated and frozen food has equipment that keeps the required temperatures",
    },
  },
  {
    code: "bulk_washing_disinfection",
    level: "key",
    categories: [1],
    article: "art. 17",
    when: { items: ["bulk_sales"] },
    text: {
      zh: "配备与经营的食品品种相适应的洗涤、消毒设施",
      en: "Washing and disinfection facilities fit the bulk food sold",
    },
  },
  {
    code: "bulk_separation",
    level: "important",
    categories: [1],
    article: "art. 17",
    when: { items: ["bulk_sales"] },
    text: {
      zh: "散装食品与其他商品区域划分明显，与生鲜禽畜、水产品物理隔离",
      en: "Bulk food is clearly apart from other goods and physically separated from fresh meat, poultry and seafood",
    },
  },
  {
    code: "bulk_dust_fly_protection",
    level: "important",
    categories: [1],
    article: "art. 17",
    when: { items: ["bulk_sales"] },
    text: {
      zh: "直接入口的散装食品有防尘、防蝇设施",
      en: "Ready-to-eat bulk food is protected from dust and flies",
    },
  },
  {
    code: "bulk_contact_materials",
    level: "general",
    categories: [1],
    article: "art. 17",
    when: { items: ["bulk_sales"] },
    text: {
      zh: "直接接触食品的工具、容器和包装材料有符合食品安全标准的合格证明",
      en: "Tools, containers and packaging touching food have certificates of conformity with food safety standards",
    },
  },
  {
    code: "cooked_food_area",
    level: "key",
    categories: [1],
    article: "art. 18",
    when: { qualifier: { item: "bulk_sales", name: "cookedFood" } },
    text: {
      zh: "销售散装熟食有专用操作区域",
      en: "Bulk cooked food is sold from a dedicated work area",
    },
  },
  {
    code: "cooked_food_cabinet",
    level: "key",
    categories: [1],
    article: "art. 18",
    when: { qualifier: { item: "bulk_sales", name: "cookedFood" } },
    text: {
      zh: "配备防蝇、防尘、防鼠及加热或冷藏功能的密闭熟食柜，设可开合的取物窗（门）",
      en: "A closed cooked-food cabinet, proof against flies, dust and rodents, heated or chilled, with a window that opens for serving",
    },
  },
  {
    code: "cooked_food_tools",
    level: "important",
    categories: [1],
    article: "art. 18",
    when: { qualifier: { item: "bulk_sales", name: "cookedFood" } },
    text: {
      zh: "配备专用工（用）具及容器夹取和售卖散装熟食",
      en: "Dedicated tools and containers for picking and selling bulk cooked food",
    },
  },
  {
    code: "special_food_area",
    level: "important",
    categories: [1],
    article: "art. 21",
    when: { items: ["special_food_sales"] },
    text: {
      zh: "特殊食品在专门区域或柜台、货架摆放销售，设绿底白字黑体“****销售专区（专柜）”提示牌",
      en: "Special food is sold from its own area, counter or shelf with a green sign in white bold letters",
    },
  },
  {
    code: "infant_formula_traceability",
    level: "important",
    categories: [1],
    article: "art. 21",
    when: { kinds: ["infant_formula"] },
    text: {
      zh: "销售婴幼儿配方乳粉的配备满足电子追溯的信息化设备",
      en: "Sellers of infant formula milk powder have the IT equipment for electronic traceability",
    },
  },
  {
    code: "purchase_inspection_records",
    level: "important",
    categories: [1, 2, 3, 4, 5],
    article: "art. 11(5)",
    text: {
      zh: "建立进货查验和查验记录制度",
      en: "Incoming goods are inspected and the inspections recorded",
    },
  },
  {
    code: "safety_manager",
    level: "important",
    categories: [1, 2, 4, 5],
    article: "art. 11(3)",
    text: {
      zh: "配备食品安全管理员",
      en: "A food safety manager is appointed",
    },
  },
  {
    code: "safety_management_rules",
    level: "important",
    categories: [1, 2, 3, 4],
    article: "art. 11(5)",
    text: {
      zh: "食品安全管理制度齐全（健康、培训、自查、清洗消毒、贮存、废弃物、应急处置等）",
      en: "Food safety management rules are complete (health, training, self-checks, cleaning, storage, waste, emergencies)",
    },
  },
  {
    code: "staff_health_certificates",
    level: "important",
    categories: [1, 2, 3, 4],
    article: "art. 17",
    text: {
      zh: "直接接触食品的从业人员持有有效健康证明",
      en: "Staff who touch food hold valid health certificates",
    },
  },

  // ---- categories 2–4: food preparation (arts. 25–30, 32) ----
  {
    code: "processing_layout",
    level: "key",
    categories: [2, 3, 4],
    article: "art. 25",
    text: {
      zh: "食品处理区布局合理，符合生进熟出的单一流向，面积与供应品种、数量相适应",
      en: "The processing area flows one way from raw to cooked and fits the food and quantities served",
    },
  },
  {
    code: "serving_area",
    level: "important",
    categories: [2, 3],
    article: "art. 25",
    text: {
      zh: "备餐场所按专间或专用操作场所要求设置（学校食堂按专间设置）",
      en: "The serving area is a special room or dedicated area (a special room in school canteens)",
    },
  },
  {
    code: "raw_material_sinks",
    level: "important",
    categories: [2, 3, 4],
    article: "art. 26",
    when: { items: ["hot_food", "cold_food", "raw_food", "other_food_making"] },
    text: {
      zh: "粗加工场所设置食品原料清洗水池，动物性、植物性、水产品原料分开清洗",
      en: "Washing sinks let animal, plant and aquatic raw materials be washed apart",
    },
  },
  {
    code: "utensil_sinks",
    level: "key",
    categories: [2, 3, 4],
    article: "art. 26",
    text: {
      zh: "设置专用餐用具清洗消毒水池，与原料、清洁用具等清洗水池分开（小型单位可用分开专用、标识明显的容器，并设固定给排水操作台和2个以上水龙头）",
      en: "Dedicated sinks for washing and disinfecting tableware, apart from other sinks (small outlets: labelled separate basins on a plumbed bench with two or more taps)",
    },
  },
  {
    code: "thermal_disinfection",
    level: "important",
    categories: [2, 3],
    article: "art. 26",
    text: {
      zh: "餐饮具消毒设施与规模相适应，大型餐馆和学校食堂采用热力消毒",
      en: "Tableware disinfection fits the scale; large restaurants and school canteens disinfect by heat",
    },
  },
  {
    code: "cold_food_room",
    level: "key",
    categories: [2, 3, 4],
    article: "art. 28",
    when: { items: ["cold_food"] },
    text: {
      zh: "冷食类食品制作设立专间",
      en: "Cold food is made in a special room",
    },
  },
  {
    code: "raw_food_room",
    level: "key",
    categories: [2, 4],
    article: "art. 28",
    when: { items: ["raw_food"] },
    text: {
      zh: "生食类食品制作设立专间，生食水产品设前处理专用场所及设施",
      en: "Raw food is made in its own special room; raw seafood has a dedicated pre-processing area",
    },
  },
  {
    code: "cold_raw_purified_water",
    level: "important",
    categories: [2, 3, 4],
    article: "art. 28",
    when: { items: ["cold_food", "raw_food"] },
    text: {
      zh: "直接接触冷食、生食的用水经水净化设施处理或使用直接饮用水",
      en: "Water touching cold or raw food is purified or of drinking quality",
    },
  },
  {
    code: "pastry_area",
    level: "important",
    categories: [2, 4],
    article: "art. 29",
    when: { items: ["pastry"] },
    text: {
      zh: "糕点制作设专用操作场所，成品存放区与半成品加工、加热熟制区相对分开",
      en: "Pastry is made in a dedicated area; finished goods are kept apart from semi-finished and cooking areas",
    },
  },
  {
    code: "decorating_room",
    level: "key",
    categories: [2, 4],
    article: "art. 29",
    when: { qualifier: { item: "pastry", name: "decorated" } },
    text: {
      zh: "制作裱花类糕点设立单独的裱花专间",
      en: "Decorated pastry is made in its own decorating room",
    },
  },
  {
    code: "beverage_area",
    level: "important",
    categories: [2, 4],
    article: "art. 30",
    when: { items: ["beverage"] },
    text: {
      zh: "自制饮品设专用操作场所",
      en: "Home-made beverages are made in a dedicated area",
    },
  },
  {
    code: "beverage_purified_water",
    level: "important",
    categories: [2, 4],
    article: "art. 30",
    when: { items: ["beverage"] },
    text: {
      zh: "直接接触成品的用水经水净化设施处理或使用直接饮用水",
      en: "Water touching the finished drink is purified or of drinking quality",
    },
  },
  {
    code: "home_brewed_liquor",
    level: "key",
    categories: [2, 4],
    article: "art. 30",
    when: { qualifier: { item: "beverage", name: "homeBrewedLiquor" } },
    text: {
      zh: "自酿酒有成品检验合格报告，制酒不使用压力容器，不用酒精勾兑",
      en: "Home-brewed liquor has a passing test report; no pressure vessels and no blending with alcohol",
    },
  },
  {
    code: "pest_control",
    level: "general",
    categories: [1, 2, 3, 4],
    article: "arts. 17, 25",
    text: {
      zh: "设有防尘、防蝇、防鼠、防虫设施",
      en: "Protection against dust, flies, rodents and insects is in place",
    },
  },
  {
    code: "ventilation",
    level: "general",
    categories: [2, 3, 4],
    article: "art. 25",
    when: { items: PREPARATION },
    text: {
      zh: "烹调场所排烟、排气设施良好",
      en: "Cooking areas have working smoke and fume extraction",
    },
  },
  {
    code: "waste_containers",
    level: "general",
    categories: [2, 3, 4],
    article: "art. 11(5)",
    text: {
      zh: "废弃物存放容器密闭、标识明显，与食品加工设施易于区分",
      en: "Waste containers are closed, labelled and easily told apart from food equipment",
    },
  },

  // ---- category 3: central kitchens and group-meal delivery (arts. 31–34) ----
  {
    code: "safety_department",
    level: "key",
    categories: [3],
    article: "art. 31",
    text: {
      zh: "设置独立的食品安全管理部门，配备1名以上专职食品安全管理员",
      en: "An independent food safety department with at least one full-time food safety manager",
    },
  },
  {
    code: "processing_area_300",
    level: "key",
    categories: [3],
    article: "art. 32",
    text: {
      zh: "食品处理区面积不小于300m²",
      en: "The food processing area is at least 300 m²",
    },
  },
  {
    code: "cooling_and_sampling",
    level: "important",
    categories: [3],
    article: "art. 32",
    text: {
      zh: "配备熟制食品冷却设施和留样设施",
      en: "Equipment for cooling cooked food and for keeping samples",
    },
  },
  {
    code: "testing_room",
    level: "important",
    categories: [3],
    article: "art. 32",
    text: {
      zh: "设置与加工品种和规模相适应的检验室",
      en: "A testing room fitting the products and scale",
    },
  },
  {
    code: "delivery_restrictions",
    level: "key",
    categories: [3],
    article: "art. 33",
    text: {
      zh: "不配送冷食类、生食类食品、自制冷冻饮品、裱花蛋糕及其他冷加工糕点（中央厨房门店现场改刀的烧卤熟肉等除外）",
      en: "No cold or raw food, home-made frozen drinks or decorated or cold-made pastry is delivered (braised meat cut at a central kitchen's outlet excepted)",
    },
  },
  {
    code: "container_labels",
    level: "important",
    categories: [3],
    article: "art. 34",
    text: {
      zh: "配送容器（包装）标注加工单位、生产日期或批号及时间、保质期、保存条件、食用或加工方法",
      en: "Delivery containers show the maker, production date or batch and time, shelf life, storage and use",
    },
  },
  {
    code: "traceability_system",
    level: "important",
    categories: [3, 5],
    article: "art. 34",
    text: {
      zh: "建立食品追溯系统，采购、配送台账信息化管理",
      en: "A traceability system; purchase and delivery ledgers are kept electronically",
    },
  },
  {
    code: "delivery_list",
    level: "general",
    categories: [3],
    article: "art. 34",
    text: {
      zh: "配送清单（出货单）一式两联以上，项目齐全（单位、对象、日期、品种、数量、批号、发货人、收货人）",
      en: "Delivery notes in two or more copies with every field (unit, recipient, date, product, quantity, batch, sender, receiver)",
    },
  },
  {
    code: "delivery_vehicles",
    level: "important",
    categories: [3],
    article: "art. 32",
    text: {
      zh: "配送车辆、容器专用、密闭，具备保温或冷藏条件",
      en: "Delivery vehicles and containers are dedicated, closed and insulated or chilled",
    },
  },

  // ---- category 5: chain headquarters and catering management (art. 7; art. 11(5)) ----
  {
    code: "hq_office",
    level: "important",
    categories: [5],
    article: "art. 11(4)",
    text: {
      zh: "有固定的办公场所和与管理规模相适应的设施",
      en: "A fixed office and facilities fitting the scale of management",
    },
  },
  {
    code: "hq_safety_organisation",
    level: "key",
    categories: [5],
    article: "art. 11(5)",
    text: {
      zh: "设置食品安全管理机构，明确对门店的食品安全管理职责",
      en: "A food safety organisation with clear duties towards the outlets",
    },
  },
  {
    code: "hq_store_inspection",
    level: "important",
    categories: [5],
    article: "art. 11(5)",
    text: {
      zh: "建立对门店的食品安全检查和考核制度",
      en: "Rules for inspecting and assessing the outlets' food safety",
    },
  },
  {
    code: "hq_unified_purchasing",
    level: "important",
    categories: [5],
    article: "art. 11(5)",
    text: {
      zh: "统一采购、统一配送的，建立供应商审核和进货查验制度",
      en: "Central purchasing and delivery come with supplier vetting and incoming-goods inspection",
    },
  },
  {
    code: "hq_incident_response",
    level: "general",
    categories: [5],
    article: "art. 11(5)",
    text: {
      zh: "制定食品安全突发事件应急处置方案及召回制度",
      en: "An emergency plan for food safety incidents and a recall procedure",
    },
  },
  {
    code: "hq_training",
    level: "general",
    categories: [5],
    article: "art. 11(5)",
    text: {
      zh: "建立门店从业人员培训管理制度",
      en: "Training rules for outlet staff",
    },
  },
];

function conditionHolds(condition: ChecklistCondition | undefined, items: readonly ItemRequest[]): boolean {
  if (!condition) return true;
  if (condition.items && !items.some((item) => condition.items?.includes(item.code))) return false;
  if (condition.qualifier) {
    const { item: code, name } = condition.qualifier;
    if (!items.some((item) => item.code === code && item[name] === true)) return false;
  }
  if (condition.kinds) {
    const special = items.find((item) => item.code === "special_food_sales");
    if (!special?.kinds?.some((kind) => condition.kinds?.includes(kind))) return false;
  }
  return true;
}

/**
 * The checklist for one category, or for several (e.g. [1, 2] for a food seller that also cooks, art. 24),
 * narrowed to the items applied for; each item appears once, in the order of CHECKLIST_ITEMS.
 */
export function checklistFor(
  category: ReviewCategory | readonly ReviewCategory[],
  items: readonly ItemRequest[],
): ChecklistItem[] {
  const categories: readonly ReviewCategory[] = typeof category === "number" ? [category] : category;
  return CHECKLIST_ITEMS.filter(
    (item) => item.categories.some((c) => categories.includes(c)) && conditionHolds(item.when, items),
  );
}

export type CheckResult = "pass" | "fail" | "na";

export interface ChecklistResult {
  code: string;
  result: CheckResult;
}

/**
 * Thresholds of the overall judgement. Art. 12 says only that results are judged as a whole (综合判定); these
 * numbers are our assumption, chosen after common provincial practice, and can be passed in.
 */
export interface JudgementConfig {
  /** Any failed key item fails the inspection. */
  failOnAnyKeyFailure: boolean;
  /** This many failed important items fail the inspection. */
  importantFailuresToFail: number;
  /** This many failed important and general items together fail the inspection. */
  importantAndGeneralFailuresToFail: number;
}

export const DEFAULT_JUDGEMENT_CONFIG: JudgementConfig = {
  failOnAnyKeyFailure: true,
  importantFailuresToFail: 3,
  importantAndGeneralFailuresToFail: 8,
};

export type OnsiteOutcome = "pass" | "rectify" | "fail";

export interface OnsiteJudgement {
  /** pass 通过; rectify 限期整改 (re-inspected after rectification); fail 不通过. */
  outcome: OnsiteOutcome;
  keyFailures: string[];
  importantFailures: string[];
  generalFailures: string[];
}

/**
 * Judges a filled checklist as a whole (art. 12). Every checklist item needs a result and every result must
 * belong to the checklist, otherwise a RangeError names the codes; the caller validates the sheet first.
 */
export function judgeOnsiteInspection(
  results: readonly ChecklistResult[],
  checklist: readonly ChecklistItem[],
  config: JudgementConfig = DEFAULT_JUDGEMENT_CONFIG,
): OnsiteJudgement {
  const byCode = new Map(checklist.map((item) => [item.code, item]));
  const answered = new Map<string, CheckResult>();
  const unknown: string[] = [];
  for (const { code, result } of results) {
    if (!byCode.has(code)) unknown.push(code);
    else answered.set(code, result);
  }
  const missing = checklist.filter((item) => !answered.has(item.code)).map((item) => item.code);
  if (unknown.length > 0 || missing.length > 0) {
    throw new RangeError(
      `checklist results do not match the checklist: unknown [${unknown.join(", ")}], missing [${missing.join(", ")}]`,
    );
  }
  const failed = (level: ChecklistLevel) =>
    checklist
      .filter((item) => item.level === level && answered.get(item.code) === "fail")
      .map((item) => item.code);
  const keyFailures = failed("key");
  const importantFailures = failed("important");
  const generalFailures = failed("general");
  const judgement = (outcome: OnsiteOutcome): OnsiteJudgement => ({
    outcome,
    keyFailures,
    importantFailures,
    generalFailures,
  });
  if (config.failOnAnyKeyFailure && keyFailures.length > 0) return judgement("fail");
  if (importantFailures.length >= config.importantFailuresToFail) return judgement("fail");
  if (importantFailures.length + generalFailures.length >= config.importantAndGeneralFailuresToFail) {
    return judgement("fail");
  }
  const anyFailure = keyFailures.length + importantFailures.length + generalFailures.length > 0;
  return judgement(anyFailure ? "rectify" : "pass");
}
