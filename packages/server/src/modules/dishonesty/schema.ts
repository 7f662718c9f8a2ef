import { Type } from "@sinclair/typebox";
import { RegionCode, StrictObject, Uuid } from "../../http/schema-helpers.js";

const NullableString = Type.Union([Type.String(), Type.Null()]);

// — serious-dishonesty list (严重违法失信名单) —

export const DishonestyQuery = StrictObject({
  /** Only entries in force today (not removed, not past their period). */
  active: Type.Optional(Type.Boolean()),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 200 }),
});

export const ListBusinessBody = StrictObject({
  businessId: Uuid,
  reason: Type.String({ minLength: 1, maxLength: 1000 }),
  legalBasis: Type.String({ minLength: 1, maxLength: 500 }),
  listedOn: Type.String({ format: "date" }),
  until: Type.String({ format: "date" }),
});

export const RemoveBody = StrictObject({ reason: Type.String({ minLength: 1, maxLength: 500 }) });

export const DishonestyView = Type.Object({
  id: Type.String(),
  businessId: Type.String(),
  businessName: Type.String(),
  uscc: Type.String(),
  regionCode: Type.String(),
  penaltyId: NullableString,
  reason: Type.String(),
  legalBasis: Type.String(),
  listedOn: Type.String(),
  until: Type.String(),
  removedAt: NullableString,
  removedReason: NullableString,
});

export const DishonestyList = Type.Object({ items: Type.Array(DishonestyView) });

// — red-list incentives (守信激励) —

const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });

export const StoreIncentives = Type.Object({
  storeId: Type.String(),
  storeName: Type.String(),
  grade: Type.Union([
    Type.Object({
      model: Type.String(),
      grade: Type.String(),
      riskColour: NullableString,
      period: NullableString,
    }),
    Type.Null(),
  ]),
  incentives: Type.Array(
    Type.Object({
      code: Type.String(),
      label: Bilingual,
      maxYuan: Type.Union([Type.Number(), Type.Null()]),
      source: Type.String(),
    }),
  ),
});

export const IncentiveList = Type.Object({ items: Type.Array(StoreIncentives) });

// — bank partners and referral consents (码上金融, seed 001) —

export const BankPartnerBody = StrictObject({
  name: Type.String({ minLength: 2, maxLength: 200 }),
  /** The region the bank serves: a district, a city or a province. */
  regionCode: RegionCode,
});

export const BankPartnerView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  regionCode: Type.String(),
  createdAt: Type.String(),
});

export const BankPartnerList = Type.Object({ items: Type.Array(BankPartnerView) });

export const PortalBankPartner = Type.Object({
  id: Type.String(),
  name: Type.String(),
  regionCode: Type.String(),
  /** When the business consented to referrals to this bank, null when it has not or withdrew. */
  consentedAt: NullableString,
});

export const PortalBankPartnerList = Type.Object({ items: Type.Array(PortalBankPartner) });

export const ConsentBody = StrictObject({ bankPartnerId: Uuid });

export const ConsentParams = StrictObject({ bankPartnerId: Uuid });
