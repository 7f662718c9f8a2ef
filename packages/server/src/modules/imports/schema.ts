import { Type } from "@sinclair/typebox";
import { StrictObject, Uuid } from "../../http/schema-helpers.js";

export const JobParams = StrictObject({ jobId: Uuid });

export const ImportAccepted = Type.Object({ jobId: Type.String({ format: "uuid" }) });

export const ImportJobView = Type.Object({
  id: Type.String(),
  fileName: Type.String(),
  status: Type.Union([Type.Literal("running"), Type.Literal("done"), Type.Literal("failed")]),
  totalRows: Type.Integer(),
  processedRows: Type.Integer(),
  importedRows: Type.Integer(),
  /** Rows whose licence number was in the register already (idempotent re-imports). */
  skippedRows: Type.Integer(),
  errorRows: Type.Integer(),
  createdAt: Type.String({ format: "date-time" }),
  finishedAt: Type.Union([Type.String({ format: "date-time" }), Type.Null()]),
});

export const ErrorListQuery = StrictObject({
  /** The last row number of the previous page. */
  cursor: Type.Optional(Type.String({ pattern: "^[0-9]{1,9}$" })),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
});

export const ImportErrorList = Type.Object({
  items: Type.Array(
    Type.Object({
      rowNumber: Type.Integer(),
      errors: Type.Array(Type.Object({ field: Type.String(), message: Type.String() })),
    }),
  ),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
