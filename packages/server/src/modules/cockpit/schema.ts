import { Type } from "@sinclair/typebox";
import { RegionCode, StrictObject } from "../../http/schema-helpers.js";

export const CockpitQuery = StrictObject({
  region: Type.Optional(RegionCode),
});

const Colour = Type.Union([Type.Literal("green"), Type.Literal("yellow"), Type.Literal("red")]);
const Level = Type.Union([
  Type.Literal("national"),
  Type.Literal("province"),
  Type.Literal("city"),
  Type.Literal("county"),
]);
const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });
const Count = Type.Integer({ minimum: 0 });
const ColourCounts = Type.Object({ green: Count, yellow: Count, red: Count });

const RegionRef = Type.Object({ code: Type.String(), name: Type.String(), level: Level });

const ApplicationClock = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  licenseType: Type.String(),
  status: Type.String(),
  regionCode: Type.String(),
  storeName: Type.String(),
  submittedAt: Type.Union([Type.String(), Type.Null()]),
  /** The statutory deadline of the current stage (working days, licensing rules). */
  stageDeadline: Type.Union([Type.String(), Type.Null()]),
  /** Whole days until the deadline, rounded up; negative once overdue; null without a deadline. */
  daysLeft: Type.Union([Type.Integer(), Type.Null()]),
  overdue: Type.Boolean(),
});

const StorePoint = Type.Object({
  storeId: Type.String(),
  name: Type.String(),
  regionCode: Type.String(),
  lat: Type.Number(),
  lng: Type.Number(),
  colour: Colour,
  /** The store's 食安码: its public scan page is /s/{safetyCode}. */
  safetyCode: Type.Union([Type.String(), Type.Null()]),
});

const Child = Type.Object({
  kind: Type.Union([Type.Literal("region"), Type.Literal("store")]),
  /** A region code, or a store id. */
  code: Type.String(),
  name: Type.String(),
  stores: Count,
  green: Count,
  yellow: Count,
  red: Count,
  openAlerts: Count,
  safetyCode: Type.Union([Type.String(), Type.Null()]),
});

export const CockpitView = Type.Object({
  generatedAt: Type.String(),
  region: RegionRef,
  /** From the actor's own jurisdiction down to the region shown (drill-up). */
  breadcrumbs: Type.Array(RegionRef),
  licences: Type.Object({
    total: Count,
    byFormAndStatus: Type.Array(
      Type.Object({ businessForm: Type.String(), status: Type.String(), count: Count }),
    ),
  }),
  applications: Type.Object({
    inProgress: Count,
    overdue: Count,
    byStage: Type.Array(Type.Object({ status: Type.String(), count: Count, overdue: Count })),
    /** The 20 soonest deadlines, overdue first. */
    clocks: Type.Array(ApplicationClock),
  }),
  colours: Type.Object({
    current: ColourCounts,
    /** The last 12 months (oldest first): 食安码 colour of the month's grades. */
    byMonth: Type.Array(Type.Object({ period: Type.String(), green: Count, yellow: Count, red: Count })),
    /** The last 12 months: grades by the models' risk colour (green, blue, yellow, orange, red). */
    gradesByMonth: Type.Array(
      Type.Object({ period: Type.String(), counts: Type.Record(Type.String(), Count) }),
    ),
  }),
  inspections: Type.Array(
    Type.Object({ period: Type.String(), planned: Count, planDone: Count, done: Count }),
  ),
  complaints: Type.Array(
    Type.Object({ category: Type.String(), label: Bilingual, onTime: Count, overdue: Count, open: Count }),
  ),
  alerts: Type.Object({
    open: Type.Object({ red: Count, yellow: Count }),
    closed24h: Type.Object({ red: Count, yellow: Count }),
  }),
  children: Type.Object({
    kind: Type.Union([Type.Literal("region"), Type.Literal("store")]),
    items: Type.Array(Child),
    total: Count,
    capped: Type.Boolean(),
  }),
  map: Type.Object({
    points: Type.Array(StorePoint),
    /** Stores of the region with coordinates; more than `points` when capped. */
    total: Count,
    capped: Type.Boolean(),
  }),
});
