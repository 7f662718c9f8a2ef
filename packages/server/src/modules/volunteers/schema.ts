import { Type } from "@sinclair/typebox";
import { StrictObject, Uuid } from "../../http/schema-helpers.js";
import { Latitude, Longitude, Results } from "../inspections/schema.js";

export const VolunteerView = Type.Object({
  userId: Type.String(),
  status: Type.Union([Type.Literal("pending"), Type.Literal("approved"), Type.Literal("suspended")]),
  approvedAt: Type.Union([Type.String(), Type.Null()]),
});
export const OwnVolunteerView = Type.Object({ volunteer: Type.Union([VolunteerView, Type.Null()]) });

export const UserIdParams = StrictObject({ userId: Uuid });

export const AssignBody = StrictObject({
  storeIds: Type.Array(Uuid, { minItems: 1, maxItems: 50, uniqueItems: true }),
});

export const PatrolView = Type.Object({
  id: Type.String(),
  status: Type.String(),
  storeId: Type.String(),
  storeName: Type.String(),
  storeAddress: Type.String(),
  storeLat: Type.Union([Type.Number(), Type.Null()]),
  storeLng: Type.Union([Type.Number(), Type.Null()]),
  template: Type.String(),
  taskId: Type.Union([Type.String(), Type.Null()]),
  plannedFor: Type.Union([Type.String(), Type.Null()]),
  inspectedAt: Type.Union([Type.String(), Type.Null()]),
  distanceM: Type.Union([Type.Integer(), Type.Null()]),
  farFromStore: Type.Union([Type.Boolean(), Type.Null()]),
  failedItems: Type.Array(Type.String()),
});
export const PatrolList = Type.Object({ items: Type.Array(PatrolView) });

export const PatrolListQuery = StrictObject({
  status: Type.Union([Type.Literal("planned"), Type.Literal("done")], { default: "planned" }),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});

export const SubmitPatrolBody = StrictObject({
  storeId: Uuid,
  results: Results,
  lat: Latitude,
  lng: Longitude,
  /** General photos of the visit; they also serve as evidence of failed items without photos of their own. */
  photoFileIds: Type.Array(Uuid, { maxItems: 10, uniqueItems: true, default: [] }),
});

export const SubmittedPatrol = Type.Object({
  id: Type.String(),
  storeId: Type.String(),
  storeName: Type.String(),
  inspectedAt: Type.Union([Type.String(), Type.Null()]),
  distanceM: Type.Union([Type.Integer(), Type.Null()]),
  farFromStore: Type.Union([Type.Boolean(), Type.Null()]),
  score: Type.Union([Type.Integer(), Type.Null()]),
  failedItems: Type.Array(Type.String()),
  findingTaskId: Type.Union([Type.String(), Type.Null()]),
});
