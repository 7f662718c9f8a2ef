import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { Database } from "../../db/client.js";
import { context, requireUser } from "../../http/auth.js";
import { allowRoles } from "../../http/route-policy.js";
import { problemResponses } from "../../http/schema-helpers.js";
import { parseSamplingCsv } from "./csv.js";
import { RECORDING_ROLES } from "./policy.js";
import { IncidentBody, IncidentView, SamplingImportBody, SamplingImportView } from "./schema.js";
import * as sampling from "./service.js";

const CSV_LIMIT = 2 * 1024 * 1024;

export function samplingRoutes(db: Database) {
  return async function routes(fastify: FastifyInstance) {
    // Scoped to this plugin: a CSV upload becomes the same array of rows as the JSON body, then validated.
    fastify.addContentTypeParser(
      "text/csv",
      { parseAs: "string", bodyLimit: CSV_LIMIT },
      (_request, body, done) => {
        try {
          done(null, parseSamplingCsv(body as string));
        } catch (error) {
          done(error as Error, undefined);
        }
      },
    );
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.post(
      "/api/v1/sampling-results",
      {
        config: { policy: allowRoles(...RECORDING_ROLES) },
        bodyLimit: CSV_LIMIT,
        schema: {
          tags: ["sampling"],
          description:
            "抽检结果导入: a JSON array of rows, or text/csv with the same columns (reportNumber, storeId, sampledOn, " +
            "product, item, result). All or nothing; known report numbers are skipped and listed.",
          body: SamplingImportBody,
          response: { 200: SamplingImportView, ...problemResponses },
        },
      },
      async (request) =>
        sampling.importSamplingResults(db, context(request), requireUser(request), request.body),
    );

    app.post(
      "/api/v1/food-safety-incidents",
      {
        config: { policy: allowRoles(...RECORDING_ROLES), idempotent: true },
        schema: {
          tags: ["sampling"],
          body: IncidentBody,
          response: { 201: IncidentView, ...problemResponses },
        },
      },
      async (request, reply) => {
        const incident = await sampling.recordIncident(
          db,
          context(request),
          requireUser(request),
          request.body,
        );
        return reply.code(201).send({
          id: incident.id,
          storeId: incident.storeId,
          regionCode: incident.regionCode,
          occurredOn: incident.occurredOn,
          description: incident.description,
          createdAt: incident.createdAt.toISOString(),
        });
      },
    );
  };
}
