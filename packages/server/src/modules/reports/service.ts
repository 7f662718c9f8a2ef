import { chinaDate } from "@shian/domain";
import type { Database } from "../../db/client.js";
import { AppError } from "../../http/errors.js";
import type { RequestContext, UserActor } from "../accounts/actor.js";
import { jurisdictionPrefix } from "../accounts/jurisdiction.js";
import { recordAudit } from "../audit/service.js";
import type { FileStore } from "../files/file-store.js";
import { computeReportFigures } from "./figures.js";
import { parsePeriod, type ReportKind } from "./period.js";
import { renderReportPdf } from "./pdf.js";
import { authorizeReport } from "./policy.js";
import * as repo from "./repository.js";
import { reportTitle } from "./sections.js";
import { renderReportXlsx } from "./xlsx.js";

export interface ReportDeps {
  db: Database;
  fileStore: FileStore;
}

export interface ReportRequest {
  kind: ReportKind;
  period: string;
  regionCode: string;
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function invalidPeriod(kind: ReportKind): AppError {
  const expected = kind === "monthly" ? "YYYY-MM" : "YYYY";
  return new AppError("report_period_invalid", undefined, [
    {
      pointer: "/body/period",
      message: `${kind} reports need a period of the form ${expected}, not in the future`,
    },
  ]);
}

/** The period of a request, refusing a malformed one or one that has not started yet (China calendar). */
function checkedPeriod(request: ReportRequest, now: Date) {
  const period = parsePeriod(request.kind, request.period);
  if (!period || period.fromDay > chinaDate(now)) throw invalidPeriod(request.kind);
  return period;
}

/** The region name shown in the title: a county with its city ("广州市海珠区"). */
async function regionTitle(
  deps: ReportDeps,
  region: { code: string; name: string; level: string; parentCode: string | null },
) {
  if (region.level !== "county" || !region.parentCode) return region.name;
  const parent = await repo.findRegion(deps.db, region.parentCode);
  return parent && !parent.name.endsWith("辖区") ? `${parent.name}${region.name}` : region.name;
}

/**
 * Computes the figures, renders the xlsx and the PDF, stores both in the file store and writes (or replaces)
 * the report row with its audit entry in one transaction. No policy: callers (the route, the job, the CLI) check.
 */
export async function generateReport(
  deps: ReportDeps,
  context: RequestContext,
  request: ReportRequest,
  now = new Date(),
): Promise<repo.ReportRow> {
  const period = checkedPeriod(request, now);
  const region = await repo.findRegion(deps.db, request.regionCode);
  if (!region) throw new AppError("not_found");
  const figures = await computeReportFigures(
    deps.db,
    { code: region.code, name: await regionTitle(deps, region) },
    period,
  );
  const xlsx = await renderReportXlsx(figures, now);
  const pdf = await renderReportPdf(figures, now);
  const [xlsxSha, pdfSha] = [await deps.fileStore.put(xlsx), await deps.fileStore.put(pdf)];
  const generatedBy = context.actor?.kind === "user" ? context.actor.id : null;
  return deps.db.transaction(async (tx) => {
    const file = (sha256: string, contentType: string, size: number) =>
      repo.insertReportFile(tx, {
        sha256,
        contentType,
        size,
        uploadedBy: generatedBy,
        regionCode: region.code,
      });
    const before = await repo.findReport(tx, request);
    const report = await repo.upsertReport(tx, {
      kind: request.kind,
      period: request.period,
      regionCode: region.code,
      figures: figures as unknown as Record<string, unknown>,
      xlsxFileId: await file(xlsxSha, XLSX, xlsx.length),
      pdfFileId: await file(pdfSha, "application/pdf", pdf.length),
      generatedAt: now,
      generatedBy,
    });
    await recordAudit(tx, context, {
      action: before ? "report.regenerate" : "report.generate",
      subjectType: "statistics_report",
      subjectId: report.id,
      regionCode: region.code,
      after: { kind: request.kind, period: request.period, xlsxSha256: xlsxSha, pdfSha256: pdfSha },
    });
    return report;
  });
}

/** A leader or admin generates (or regenerates) a report of a region in their jurisdiction now. */
export async function requestReport(
  deps: ReportDeps,
  context: RequestContext,
  actor: UserActor,
  request: ReportRequest,
) {
  authorizeReport(actor, "generate", request.regionCode);
  checkedPeriod(request, new Date());
  const report = await generateReport(deps, context, request);
  const region = await repo.findRegion(deps.db, report.regionCode);
  return { report, regionName: region?.name ?? report.regionCode };
}

export async function listReportsFor(
  db: Database,
  actor: UserActor,
  query: { kind?: ReportKind | undefined; period?: string | undefined; limit?: number | undefined },
) {
  authorizeReport(actor, "read", actor.regionCode ?? "000000");
  return repo.listReports(db, {
    prefix: jurisdictionPrefix(actor),
    kind: query.kind,
    period: query.period,
    limit: query.limit ?? 200,
  });
}

/** The bytes of a report's xlsx or PDF, with a Chinese download name. */
export async function readReportFile(deps: ReportDeps, actor: UserActor, id: string, format: "xlsx" | "pdf") {
  const report = await repo.findReportById(deps.db, id);
  authorizeReport(actor, "read", report?.regionCode);
  const fileId = format === "xlsx" ? report!.xlsxFileId : report!.pdfFileId;
  const [file] = await repo.findFiles(deps.db, [fileId]);
  const bytes = file ? await deps.fileStore.get(file.sha256) : null;
  if (!file || !bytes) throw new AppError("not_found");
  const region = await repo.findRegion(deps.db, report!.regionCode);
  const title = reportTitle({
    kind: report!.kind,
    period: report!.period,
    regionName: region?.name ?? report!.regionCode,
  });
  return {
    bytes,
    contentType: file.contentType,
    fileName: `${title.zh}.${format}`,
    asciiName: `report-${report!.kind}-${report!.period}-${report!.regionCode}.${format}`,
  };
}
