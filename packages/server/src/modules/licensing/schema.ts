import { Type, type Static } from "@sinclair/typebox";
import { StrictObject, Uuid } from "../../http/schema-helpers.js";

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });

export const ItemInput = StrictObject({
  code: Text(40),
  coldChain: Type.Optional(Type.Boolean()),
  cookedFood: Type.Optional(Type.Boolean()),
  bulkLiquor: Type.Optional(Type.Boolean()),
  braisedMeat: Type.Optional(Type.Boolean()),
  decorated: Type.Optional(Type.Boolean()),
  homeBrewedLiquor: Type.Optional(Type.Boolean()),
  kinds: Type.Optional(Type.Array(Text(40), { maxItems: 4, uniqueItems: true })),
  variety: Type.Optional(Text(200)),
});

/** Facts of the premises that the rules need (areas, diners, safety managers…). */
const Facts = {
  hasPhysicalStore: Type.Optional(Type.Boolean()),
  premisesChanged: Type.Optional(Type.Boolean()),
  processingAreaM2: Type.Optional(Type.Number({ minimum: 0, maximum: 1_000_000 })),
  diners: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  fullTimeSafetyManagers: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
  contractedCanteen: Type.Optional(Type.Boolean()),
  separateStorage: Type.Optional(Type.Boolean()),
};

export const AssessmentBody = StrictObject({
  ruleset: Type.Optional(Text(40)),
  kind: Type.Union([
    Type.Literal("new"),
    Type.Literal("change"),
    Type.Literal("renewal"),
    Type.Literal("reissue"),
  ]),
  businessForm: Text(40),
  subtype: Text(40),
  items: Type.Array(ItemInput, { minItems: 1, maxItems: 20 }),
  ...Facts,
});
export type AssessmentBodyType = Static<typeof AssessmentBody>;

export const AssessmentView = Type.Object({
  ruleset: Type.String(),
  category: Type.Integer(),
  onsiteInspectionRequired: Type.Boolean(),
  commitmentEligible: Type.Boolean(),
  allowed: Type.Boolean(),
  violations: Type.Array(
    Type.Object({ rule: Type.String(), article: Type.String(), message: Type.String() }),
  ),
  requiredMaterials: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
});

const ApplicationKind = Type.Union([
  Type.Literal("new"),
  Type.Literal("change"),
  Type.Literal("renewal"),
  Type.Literal("reissue"),
  Type.Literal("cancellation"),
]);

export const CreateApplicationBody = StrictObject({
  kind: ApplicationKind,
  licenseType: Type.Union([Type.Literal("JY"), Type.Literal("SC")]),
  storeId: Uuid,
  /** The licence changed, renewed, reissued or cancelled. */
  licenseId: Type.Optional(Uuid),
  ruleset: Type.Optional(Text(40)),
  /** JY: what is applied for. */
  businessForm: Type.Optional(Text(40)),
  subtype: Type.Optional(Text(40)),
  items: Type.Optional(Type.Array(ItemInput, { minItems: 1, maxItems: 20 })),
  ...Facts,
  /** SC: food categories (3-digit codes) and production sites. */
  foodCategories: Type.Optional(
    Type.Array(Type.String({ pattern: "^[0-9]{3}$" }), { minItems: 1, maxItems: 40 }),
  ),
  productionSites: Type.Optional(
    Type.Array(StrictObject({ address: Text(200) }), { minItems: 1, maxItems: 20 }),
  ),
  reason: Type.Optional(Text(500)),
});
export type CreateApplicationBodyType = Static<typeof CreateApplicationBody>;

export const AttachMaterialBody = StrictObject({ code: Text(40), fileId: Uuid });

export const SubmitBody = StrictObject({
  /** 告知承诺: the applicant's typed name, signing the commitment (art. 13). */
  commitmentSigner: Type.Optional(Text(50)),
});

export const ReturnBody = StrictObject({ reasons: Text(2000) });
export const ScheduleOnsiteBody = StrictObject({ scheduledAt: Type.String({ format: "date-time" }) });
export const RecordOnsiteBody = StrictObject({
  results: Type.Array(
    StrictObject({
      code: Text(60),
      result: Type.Union([Type.Literal("pass"), Type.Literal("fail"), Type.Literal("na")]),
      note: Type.Optional(Type.String({ maxLength: 500 })),
    }),
    { minItems: 1, maxItems: 100 },
  ),
  photoFileIds: Type.Array(Uuid, { maxItems: 30 }),
  applicantSigned: Type.Boolean(),
  notes: Type.Optional(Type.String({ maxLength: 2000 })),
});
export const ReviewBody = StrictObject({
  outcome: Type.Union([Type.Literal("pass"), Type.Literal("fail")]),
  opinion: Text(2000),
});
export const DecideBody = StrictObject({
  decision: Type.Union([Type.Literal("approve"), Type.Literal("reject")]),
  reasons: Type.Optional(Text(2000)),
  /** 日常监督管理人员 assigned on approval (step 11); the approver when not given, or the licence's current one. */
  supervisionOfficer: Type.Optional(Text(50)),
});

export const ApplicationListQuery = StrictObject({
  queue: Type.Optional(
    Type.Union([Type.Literal("acceptance"), Type.Literal("review"), Type.Literal("decision")]),
  ),
  status: Type.Optional(Text(30)),
  /** Opaque: the nextCursor of the previous page. */
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});

export const ApplicationSummary = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  licenseType: Type.String(),
  status: Type.String(),
  storeId: Type.String(),
  storeName: Type.String(),
  storeAddress: Type.String(),
  businessName: Type.String(),
  regionCode: Type.String(),
  commitment: Type.Boolean(),
  submittedAt: Type.Union([Type.String(), Type.Null()]),
  stageDeadline: Type.Union([Type.String(), Type.Null()]),
  overdue: Type.Boolean(),
  licenseId: Type.Union([Type.String(), Type.Null()]),
});

export const ApplicationDetail = Type.Intersect([
  ApplicationSummary,
  Type.Object({
    request: Type.Record(Type.String(), Type.Unknown()),
    assessment: Type.Record(Type.String(), Type.Unknown()),
    materials: Type.Array(Type.Object({ code: Type.String(), fileId: Type.String() })),
    missingMaterials: Type.Array(Type.String()),
    onsite: Type.Union([
      Type.Null(),
      Type.Object({
        scheduledAt: Type.String(),
        inspectedAt: Type.Union([Type.String(), Type.Null()]),
        outcome: Type.Union([Type.String(), Type.Null()]),
        results: Type.Array(
          Type.Object({ code: Type.String(), result: Type.String(), note: Type.Optional(Type.String()) }),
        ),
        photoFileIds: Type.Array(Type.String()),
        applicantSigned: Type.Union([Type.Boolean(), Type.Null()]),
        notes: Type.Union([Type.String(), Type.Null()]),
      }),
    ]),
    checklist: Type.Array(Type.Object({ code: Type.String(), level: Type.String(), text: Type.String() })),
    review: Type.Union([
      Type.Null(),
      Type.Object({ outcome: Type.String(), opinion: Type.String(), at: Type.String() }),
    ]),
    decision: Type.Union([Type.Null(), Type.Object({ decision: Type.String(), at: Type.String() })]),
    reasons: Type.Union([Type.String(), Type.Null()]),
    timeline: Type.Array(Type.Object({ at: Type.String(), action: Type.String(), actor: Type.String() })),
  }),
]);

export const ApplicationList = Type.Object({
  items: Type.Array(ApplicationSummary),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const LicenseView = Type.Object({
  id: Type.String(),
  number: Type.String(),
  type: Type.String(),
  status: Type.String(),
  storeId: Type.String(),
  storeName: Type.String(),
  businessName: Type.String(),
  regionCode: Type.String(),
  version: Type.Integer(),
  validFrom: Type.String(),
  validTo: Type.String(),
  content: Type.Record(Type.String(), Type.Unknown()),
});

export const LicenseList = Type.Object({
  items: Type.Array(LicenseView),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
