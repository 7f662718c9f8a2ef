import type { Static } from "@sinclair/typebox";
import type { BusinessRow, StaffRow, StoreRow } from "./repository.js";
import type { BusinessView, StaffView, StoreView } from "./schema.js";

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
    processingAreaM2: store.processingAreaM2 === null ? null : Number(store.processingAreaM2),
    storageSites: store.storageSites,
  };
}

export function presentBusiness(business: BusinessRow): Static<typeof BusinessView> {
  return {
    id: business.id,
    uscc: business.uscc,
    name: business.name,
    legalRepresentative: business.legalRepresentative,
    phoneMasked: business.phoneMasked,
    regionCode: business.regionCode,
    registrationAuthority: business.registrationAuthority,
    registeredOn: business.registeredOn,
    businessScope: business.businessScope,
    registrationStatus: business.registrationStatus,
  };
}

export function presentStaff(member: StaffRow, today: string): Static<typeof StaffView> {
  return {
    id: member.id,
    storeId: member.storeId,
    name: member.name,
    position: member.position,
    healthCertificateNoMasked: member.healthCertificateNoMasked,
    healthCertificateIssuer: member.healthCertificateIssuer,
    healthCertificateValidTo: member.healthCertificateValidTo,
    healthCertificateExpired: member.healthCertificateValidTo < today,
  };
}
