import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { Database } from "../../db/client.js";
import { context, requireUser } from "../../http/auth.js";
import { allowRoles } from "../../http/route-policy.js";
import { ProblemSchema, problemResponses } from "../../http/schema-helpers.js";
import { BUSINESS_ROLES, OFFICER_ROLES, ROLES } from "../accounts/roles.js";
import { INSPECTING_ROLES } from "./policy.js";
import { presentInspection } from "./presenter.js";
import {
  InspectionList,
  InspectionListQuery,
  InspectionView,
  RecordInspectionBody,
  TemplateList,
} from "./schema.js";
import * as inspections from "./service.js";

const errors = { ...problemResponses, 409: ProblemSchema };

export function inspectionRoutes(db: Database) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      "/api/v1/inspection-templates",
      {
        config: { policy: allowRoles(...ROLES) },
        schema: {
          tags: ["inspections"],
          description: "Checklist templates (patrol, routine) with their items, weights and red-line items.",
          response: { 200: TemplateList, ...problemResponses },
        },
      },
      async () => ({
        items: inspections.listTemplates().map((template) => ({
          code: template.code,
          title: template.title,
          items: template.items.map((item) => ({
            code: item.code,
            text: item.text,
            weight: item.weight,
            critical: item.critical ?? false,
          })),
        })),
      }),
    );

    app.post(
      "/api/v1/inspections",
      {
        config: { policy: allowRoles(...INSPECTING_ROLES), idempotent: true },
        schema: {
          tags: ["inspections"],
          description:
            "Records a done inspection with its GPS fix; failed items open rectification orders; a linked task is marked done.",
          body: RecordInspectionBody,
          response: { 201: InspectionView, ...errors },
        },
      },
      async (request, reply) => {
        const actor = requireUser(request);
        const recorded = await inspections.recordInspection(db, context(request), actor, request.body);
        return reply.code(201).send(
          presentInspection(recorded.inspection, {
            storeName: recorded.storeName,
            viewer: actor,
            rectificationIds: recorded.rectificationIds,
          }),
        );
      },
    );

    app.get(
      "/api/v1/inspections",
      {
        config: { policy: allowRoles(...OFFICER_ROLES, ...BUSINESS_ROLES) },
        schema: {
          tags: ["inspections"],
          querystring: InspectionListQuery,
          response: { 200: InspectionList, ...errors },
        },
      },
      async (request) => {
        const actor = requireUser(request);
        const rows = await inspections.listInspections(db, actor, request.query);
        return {
          items: rows.map((row) =>
            presentInspection(row.inspection, { storeName: row.storeName, viewer: actor }),
          ),
        };
      },
    );
  };
}
