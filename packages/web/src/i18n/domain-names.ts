import {
  BUSINESS_FORM_NAMES,
  BUSINESS_SUBTYPE_NAMES,
  isItemCode,
  itemWording,
  type ItemRequest,
} from "@shian/domain";
import { useI18n } from "./language";

const has = <K extends string>(names: Record<K, unknown>, code: string): code is K =>
  Object.hasOwn(names, code);

/** Names of the domain's codes (business forms, subtypes, items) in the current language; unknown codes as is. */
export function useDomainNames() {
  const { pick } = useI18n();
  return {
    form: (code: string) => (has(BUSINESS_FORM_NAMES, code) ? pick(BUSINESS_FORM_NAMES[code]) : code),
    subtype: (code: string) =>
      has(BUSINESS_SUBTYPE_NAMES, code) ? pick(BUSINESS_SUBTYPE_NAMES[code]) : code,
    /** 经营项目 as the licence prints it, qualifiers included. */
    item: (item: { code: string }) =>
      isItemCode(item.code) ? pick(itemWording(item as ItemRequest)) : item.code,
  };
}
