import { Type } from "@sinclair/typebox";
import { RegionCode, StrictObject } from "../../http/schema-helpers.js";

export const ReportKindSchema = Type.Union([Type.Literal("monthly"), Type.Literal("annual")]);
/** The form is checked against the kind in the service, so the 400 names the field and the expected form. */
const PeriodSchema = Type.String({
  minLength: 1,
  maxLength: 20,
  description: 'monthly "YYYY-MM", annual "YYYY"',
});

export const ReportListQuery = StrictObject({
  kind: Type.Optional(ReportKindSchema),
  period: Type.Optional(Type.String({ pattern: "^[0-9]{4}(-[0-9]{2})?$" })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 200 })),
});

export const GenerateReportBody = StrictObject({
  kind: ReportKindSchema,
  period: PeriodSchema,
  regionCode: RegionCode,
});

export const ReportView = Type.Object({
  id: Type.String(),
  kind: ReportKindSchema,
  period: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  generatedAt: Type.String(),
  generatedBy: Type.Union([Type.String(), Type.Null()]),
  headline: Type.Object({
    licencesIssued: Type.Integer(),
    licencesCancelled: Type.Integer(),
    verifications: Type.Integer(),
    downloads: Type.Integer(),
    inspectionsDone: Type.Integer(),
    complaintsReceived: Type.Integer(),
  }),
  xlsxUrl: Type.String(),
  pdfUrl: Type.String(),
});

export const ReportList = Type.Object({ items: Type.Array(ReportView) });
