// 主体业态 (business form) and 具体业态 (subtype), as listed in DESIGN.md §4.

export const BUSINESS_SUBTYPES = {
  // 食品销售经营者
  food_sales: [
    "supermarket",
    "convenience_store",
    "grocery",
    "food_trader",
    "vending",
    "online_seller",
    "sales_chain_hq",
  ],
  // 餐饮服务经营者
  catering: [
    "restaurant_large",
    "restaurant_medium",
    "restaurant_small",
    "central_kitchen",
    "group_meal_delivery",
    "beverage_shop",
    "bakery",
    "small_catering",
    "catering_chain_hq",
    "catering_management",
  ],
  // 单位食堂
  unit_canteen: [
    "school",
    "university",
    "kindergarten",
    "staff_canteen",
    "elderly_care",
    "construction_site",
  ],
} as const;

export type BusinessForm = keyof typeof BUSINESS_SUBTYPES;

export type BusinessSubtype<F extends BusinessForm = BusinessForm> = (typeof BUSINESS_SUBTYPES)[F][number];

export function isSubtypeOfForm(form: BusinessForm, subtype: string): boolean {
  return (BUSINESS_SUBTYPES[form] as readonly string[]).includes(subtype);
}
