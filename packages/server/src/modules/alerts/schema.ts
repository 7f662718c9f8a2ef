import { Type } from "@sinclair/typebox";
import { StrictObject, Uuid } from "../../http/schema-helpers.js";

const Severity = Type.Union([Type.Literal("red"), Type.Literal("yellow")]);
const Status = Type.Union([Type.Literal("open"), Type.Literal("closed")]);

export const AlertListQuery = StrictObject({
  status: Type.Optional(Status),
  severity: Type.Optional(Severity),
  storeId: Type.Optional(Uuid),
  cursor: Type.Optional(Uuid),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});

export const CloseBody = StrictObject({ note: Type.String({ minLength: 1, maxLength: 2000 }) });

export const ResponseBody = StrictObject({
  text: Type.String({ minLength: 1, maxLength: 2000 }),
  evidenceFileIds: Type.Optional(Type.Array(Uuid, { maxItems: 10, uniqueItems: true })),
});

const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });

const AlertResponse = Type.Object({
  text: Type.String(),
  evidenceFileIds: Type.Array(Type.String()),
  at: Type.String(),
  by: Type.String(),
});

export const AlertView = Type.Object({
  id: Type.String(),
  rule: Type.String(),
  ruleLabel: Bilingual,
  severity: Severity,
  status: Status,
  storeId: Type.String(),
  storeName: Type.String(),
  regionCode: Type.String(),
  subjectKey: Type.String(),
  /** What the rule found (staff and expiry date, licence, report number, inspection…). */
  details: Type.Record(Type.String(), Type.Unknown()),
  responses: Type.Array(AlertResponse),
  taskId: Type.Union([Type.String(), Type.Null()]),
  openedAt: Type.String(),
  dueAt: Type.Union([Type.String(), Type.Null()]),
  overdue: Type.Boolean(),
  closedAt: Type.Union([Type.String(), Type.Null()]),
  closingNote: Type.Union([Type.String(), Type.Null()]),
});

export const AlertList = Type.Object({
  items: Type.Array(AlertView),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const RunSummaryView = Type.Object({
  items: Type.Array(Type.Object({ rule: Type.String(), severity: Type.String(), opened: Type.Integer() })),
});
