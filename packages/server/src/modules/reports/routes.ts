import type { FastifyInstance, FastifyReply } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import { context, requireUser } from "../../http/auth.js";
import { allowRoles } from "../../http/route-policy.js";
import { IdParams, ProblemSchema, problemResponses } from "../../http/schema-helpers.js";
import { REPORT_ROLES } from "./policy.js";
import { presentReport } from "./presenter.js";
import { GenerateReportBody, ReportList, ReportListQuery, ReportView } from "./schema.js";
import * as reports from "./service.js";

const errors = { ...problemResponses, 409: ProblemSchema };

/** RFC 6266 / RFC 5987: an ASCII fallback name and the Chinese name as UTF-8 `filename*`. */
function sendDownload(reply: FastifyReply, file: Awaited<ReturnType<typeof reports.readReportFile>>) {
  return reply
    .type(file.contentType)
    .header(
      "content-disposition",
      `attachment; filename="${file.asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .header("cache-control", "private, no-store")
    .header("x-content-type-options", "nosniff")
    .send(file.bytes);
}

export function reportRoutes(deps: reports.ReportDeps) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
    const readers = allowRoles(...REPORT_ROLES);

    app.get(
      "/api/v1/reports",
      {
        config: { policy: readers },
        schema: {
          tags: ["reports"],
          description: "Monthly and annual statistics reports of the jurisdiction (统计报表).",
          querystring: ReportListQuery,
          response: { 200: ReportList, ...errors },
        },
      },
      async (request) => ({
        items: (await reports.listReportsFor(deps.db, requireUser(request), request.query)).map(
          ({ report, regionName }) => presentReport(report, regionName),
        ),
      }),
    );

    app.post(
      "/api/v1/reports",
      {
        config: { policy: readers, idempotent: true },
        schema: {
          tags: ["reports"],
          description:
            "Generates a report now (monthly period YYYY-MM, annual YYYY); generating it again replaces its files.",
          body: GenerateReportBody,
          response: { 201: ReportView, ...errors },
        },
      },
      async (request, reply) => {
        const { report, regionName } = await reports.requestReport(
          deps,
          context(request),
          requireUser(request),
          request.body,
        );
        return reply.code(201).send(presentReport(report, regionName));
      },
    );

    for (const format of ["xlsx", "pdf"] as const) {
      app.get(
        `/api/v1/reports/:id/report.${format}`,
        {
          config: { policy: readers },
          schema: {
            tags: ["reports"],
            description: `The report as ${format === "xlsx" ? "an xlsx workbook" : "a printable A4 PDF"}.`,
            params: IdParams,
            response: { 200: Type.Unknown(), ...errors },
          },
        },
        async (request, reply) =>
          sendDownload(
            reply,
            await reports.readReportFile(deps, requireUser(request), request.params.id, format),
          ),
      );
    }
  };
}
