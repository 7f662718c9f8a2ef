import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { Database } from "../../db/client.js";
import { context, requireUser } from "../../http/auth.js";
import { allowRoles } from "../../http/route-policy.js";
import { problemResponses } from "../../http/schema-helpers.js";
import type { Keyring } from "../keys/service.js";
import { exportAuditPeriod } from "./export.js";
import { AUDIT_EXPORT_ROLES } from "./policy.js";
import { AuditExportQuery } from "./schema.js";

export function auditRoutes(db: Database, keyring: Keyring) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      "/api/v1/audit/export",
      {
        config: { policy: allowRoles(...AUDIT_EXPORT_ROLES) },
        schema: {
          tags: ["audit"],
          description:
            "Signed export of the audit log for a period of China days (JSON Lines: the rows, then the manifest " +
            "signed by the root keys; check it with `shian audit verify-export`). Limited to the jurisdiction " +
            "of a regional admin or leader. The export itself is audited.",
          querystring: AuditExportQuery,
          response: { 200: Type.Unknown({ description: "application/x-ndjson" }), ...problemResponses },
        },
      },
      async (request, reply) => {
        requireUser(request);
        const lines: string[] = [];
        const { period } = await exportAuditPeriod({
          db,
          keyring,
          context: context(request),
          ...request.query,
          write: (line) => {
            lines.push(line);
          },
        });
        return reply
          .type("application/x-ndjson; charset=utf-8")
          .header("content-disposition", `attachment; filename="audit-${period.from}_${period.to}.jsonl"`)
          .header("cache-control", "private, no-store")
          .header("x-content-type-options", "nosniff")
          .send(lines.join(""));
      },
    );
  };
}
