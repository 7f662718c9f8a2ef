import type { Static } from "@sinclair/typebox";
import { maskPhone } from "../../http/masking.js";
import type { BusinessRow, StoreRow } from "./repository.js";
import type { BusinessView, StoreView } from "./schema.js";

export function presentStore(store: StoreRow): Static<typeof StoreView> {
  return {
    id: store.id,
    businessId: store.businessId,
    name: store.name,
    address: store.address,
    regionCode: store.regionCode,
    lat: store.lat,
    lng: store.lng,
    businessForm: store.businessForm,
    subtype: store.subtype,
    areaM2: store.areaM2 === null ? null : Number(store.areaM2),
  };
}

export function presentBusiness(business: BusinessRow): Static<typeof BusinessView> {
  return {
    id: business.id,
    uscc: business.uscc,
    name: business.name,
    legalRepresentative: business.legalRepresentative,
    phoneMasked: business.phone === null ? null : maskPhone(business.phone),
    regionCode: business.regionCode,
  };
}
