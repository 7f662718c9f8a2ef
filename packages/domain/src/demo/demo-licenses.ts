import type { BusinessSubtype } from "../taxonomy/business-forms.js";
import type { ItemRequest } from "../licensing/taxonomy.js";

const sales: ItemRequest[] = [{ code: "prepackaged_sales", coldChain: true }, { code: "bulk_sales" }];
const restaurant: ItemRequest[] = [{ code: "hot_food" }, { code: "cold_food" }];
const hotFood: ItemRequest[] = [{ code: "hot_food" }];
const management: ItemRequest[] = [{ code: "food_management" }];

/** The items a demo store of each subtype is licensed for: the usual licence of such a shop. */
export const DEMO_LICENSE_ITEMS: Record<BusinessSubtype, ItemRequest[]> = {
  supermarket: sales,
  convenience_store: sales,
  grocery: sales,
  food_trader: [{ code: "prepackaged_sales" }],
  vending: [{ code: "prepackaged_sales" }],
  online_seller: [{ code: "prepackaged_sales" }],
  sales_chain_hq: [...management, { code: "prepackaged_sales" }],
  restaurant_large: restaurant,
  restaurant_medium: restaurant,
  restaurant_small: hotFood,
  central_kitchen: hotFood,
  group_meal_delivery: hotFood,
  beverage_shop: [{ code: "beverage" }],
  bakery: [{ code: "pastry" }],
  small_catering: hotFood,
  catering_chain_hq: management,
  catering_management: management,
  school: hotFood,
  university: restaurant,
  kindergarten: hotFood,
  staff_canteen: hotFood,
  elderly_care: hotFood,
  construction_site: hotFood,
};
