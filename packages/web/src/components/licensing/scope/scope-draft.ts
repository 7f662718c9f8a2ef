import { BUSINESS_FORMS, isSubtypeOfForm, type BusinessForm, type BusinessSubtype } from "@shian/domain";
import type { Facts, ItemInput, Scope } from "../../../api/licensing";
import type { Store } from "../../../api/stores";
import { FACT_FIELDS } from "../facts";

/** The scope while the applicant is still choosing it. */
export interface ScopeDraft extends Facts {
  businessForm?: BusinessForm;
  subtype?: BusinessSubtype;
  items: ItemInput[];
}

/** The scope to assess and apply for, or null while the form, subtype or items are still missing. */
export function completeScope(draft: ScopeDraft): Scope | null {
  const { businessForm, subtype, items } = draft;
  if (!businessForm || !subtype || items.length === 0) return null;
  const scope: Scope = {
    businessForm,
    subtype,
    // An empty variety is left out: the API then says that it is required (an empty string is malformed).
    items: items.map(({ variety, ...item }) =>
      variety?.trim() ? { ...item, variety: variety.trim() } : item,
    ),
  };
  for (const field of FACT_FIELDS) {
    const value = draft[field.name];
    if (value !== undefined && field.asks(businessForm, subtype))
      Object.assign(scope, { [field.name]: value });
  }
  return scope;
}

/** A first draft from what the register knows of the store: its form, subtype and processing area. */
export function draftFromStore(store: Store): ScopeDraft {
  const form = BUSINESS_FORMS.find((known) => known === store.businessForm);
  if (!form || !isSubtypeOfForm(form, store.subtype)) return { items: [] };
  return {
    businessForm: form,
    subtype: store.subtype as BusinessSubtype,
    items: [],
    ...(store.processingAreaM2 === null ? {} : { processingAreaM2: store.processingAreaM2 }),
  };
}
