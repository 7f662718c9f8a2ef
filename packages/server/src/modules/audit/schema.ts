import { Type } from "@sinclair/typebox";
import { StrictObject } from "../../http/schema-helpers.js";

/** The form is checked here; whether the days exist and from ≤ to, in the service (400 naming the problem). */
const DAY_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

export const AuditExportQuery = StrictObject({
  from: Type.String({ pattern: DAY_PATTERN, description: "first China day of the period, YYYY-MM-DD" }),
  to: Type.String({
    pattern: DAY_PATTERN,
    description: "last China day of the period (inclusive), YYYY-MM-DD",
  }),
});
