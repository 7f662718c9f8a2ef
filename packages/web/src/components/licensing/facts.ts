import type { Facts } from "../../api/licensing";
import type { MessageKey } from "../../i18n/messages";

export interface FactField {
  name: keyof Facts;
  type: "number" | "boolean";
  label: MessageKey;
  /** Whether the rules ask this of an applicant of this form and subtype (the article is in the domain's rule). */
  asks: (form: string, subtype: string) => boolean;
}

/** The facts of the premises a new application states, and who is asked each. */
export const FACT_FIELDS: readonly FactField[] = [
  {
    name: "processingAreaM2",
    type: "number",
    label: "fact.processingAreaM2",
    asks: (form) => form === "catering" || form === "unit_canteen",
  },
  { name: "diners", type: "number", label: "fact.diners", asks: (form) => form === "unit_canteen" },
  {
    name: "fullTimeSafetyManagers",
    type: "number",
    label: "fact.fullTimeSafetyManagers",
    asks: (_, subtype) => subtype === "central_kitchen" || subtype === "group_meal_delivery",
  },
  {
    name: "contractedCanteen",
    type: "boolean",
    label: "fact.contractedCanteen",
    asks: (form) => form === "unit_canteen",
  },
  {
    name: "hasPhysicalStore",
    type: "boolean",
    label: "fact.hasPhysicalStore",
    asks: (_, subtype) => subtype === "online_seller",
  },
  {
    name: "separateStorage",
    type: "boolean",
    label: "fact.separateStorage",
    asks: (form) => form === "food_sales",
  },
];
