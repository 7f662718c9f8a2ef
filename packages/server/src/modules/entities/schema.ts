import { Type } from "@sinclair/typebox";
import { RegionCode, StrictObject, Uuid } from "../../http/schema-helpers.js";

export const StoreListQuery = StrictObject({
  cursor: Type.Optional(Uuid),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});

export const StoreView = Type.Object({
  id: Type.String(),
  businessId: Type.String(),
  name: Type.String(),
  address: Type.String(),
  regionCode: Type.String(),
  lat: Type.Union([Type.Number(), Type.Null()]),
  lng: Type.Union([Type.Number(), Type.Null()]),
  businessForm: Type.String(),
  subtype: Type.String(),
  areaM2: Type.Union([Type.Number(), Type.Null()]),
  processingAreaM2: Type.Union([Type.Number(), Type.Null()]),
  storageSites: Type.Array(
    Type.Object({ address: Type.String(), areaM2: Type.Number(), equipment: Type.Optional(Type.String()) }),
  ),
});

const Area = Type.Number({ minimum: 0, maximum: 1_000_000 });

export const CreateStoreBody = StrictObject({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  address: Type.String({ minLength: 4, maxLength: 200 }),
  regionCode: RegionCode,
  lat: Type.Optional(Type.Number({ minimum: 3, maximum: 54 })),
  lng: Type.Optional(Type.Number({ minimum: 73, maximum: 136 })),
  businessForm: Type.String({ minLength: 1, maxLength: 40 }),
  subtype: Type.String({ minLength: 1, maxLength: 40 }),
  areaM2: Type.Optional(Area),
  processingAreaM2: Type.Optional(Area),
  storageSites: Type.Optional(
    Type.Array(
      StrictObject({
        address: Type.String({ minLength: 4, maxLength: 200 }),
        areaM2: Area,
        equipment: Type.Optional(Type.String({ maxLength: 200 })),
      }),
      { maxItems: 20 },
    ),
  ),
});

export const CreateStaffBody = StrictObject({
  name: Type.String({ minLength: 1, maxLength: 50 }),
  position: Type.Optional(Type.String({ maxLength: 50 })),
  healthCertificateNo: Type.String({ minLength: 1, maxLength: 50 }),
  healthCertificateIssuer: Type.String({ minLength: 1, maxLength: 100 }),
  healthCertificateValidTo: Type.String({ format: "date" }),
});

export const StaffView = Type.Object({
  id: Type.String(),
  storeId: Type.String(),
  name: Type.String(),
  position: Type.Union([Type.String(), Type.Null()]),
  /** PIPL art. 28, 51: the number is sealed at rest; replies carry its first and last two characters only. */
  healthCertificateNoMasked: Type.Union([Type.String(), Type.Null()]),
  healthCertificateIssuer: Type.String(),
  healthCertificateValidTo: Type.String(),
  healthCertificateExpired: Type.Boolean(),
});

export const StoreList = Type.Object({
  items: Type.Array(StoreView),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const BusinessView = Type.Object({
  id: Type.String(),
  uscc: Type.String(),
  name: Type.String(),
  legalRepresentative: Type.String(),
  phoneMasked: Type.Union([Type.String(), Type.Null()]),
  regionCode: Type.String(),
  registrationAuthority: Type.Union([Type.String(), Type.Null()]),
  registeredOn: Type.Union([Type.String(), Type.Null()]),
  businessScope: Type.Union([Type.String(), Type.Null()]),
  registrationStatus: Type.String(),
});

export { IdParams } from "../../http/schema-helpers.js";
