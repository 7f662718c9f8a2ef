import type { ReportFigures } from "./figures.js";
import type { ReportRow } from "./repository.js";

/** The console's view of a report: where to download it and a few headline figures, nothing else of the row. */
export function presentReport(report: ReportRow, regionName: string) {
  const figures = report.figures as unknown as ReportFigures;
  return {
    id: report.id,
    kind: report.kind,
    period: report.period,
    regionCode: report.regionCode,
    regionName,
    generatedAt: report.generatedAt.toISOString(),
    generatedBy: report.generatedBy,
    headline: {
      licencesIssued: figures.licences?.issued ?? 0,
      licencesCancelled: figures.licences?.cancelled ?? 0,
      verifications: figures.certificates?.verificationTotal ?? 0,
      downloads: figures.certificates?.downloadTotal ?? 0,
      inspectionsDone: figures.inspections?.done ?? 0,
      complaintsReceived: figures.complaints?.received ?? 0,
    },
    xlsxUrl: `/api/v1/reports/${report.id}/report.xlsx`,
    pdfUrl: `/api/v1/reports/${report.id}/report.pdf`,
  };
}
