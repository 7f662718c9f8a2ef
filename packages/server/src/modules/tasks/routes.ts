import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { Database } from "../../db/client.js";
import { requireUser } from "../../http/auth.js";
import { allowRoles } from "../../http/route-policy.js";
import { StrictObject, Uuid, problemResponses } from "../../http/schema-helpers.js";
import { OFFICER_ROLES } from "../accounts/roles.js";
import { listTasks } from "./service.js";

const TaskView = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  status: Type.String(),
  regionCode: Type.String(),
  storeId: Type.Union([Type.String(), Type.Null()]),
  storeName: Type.Union([Type.String(), Type.Null()]),
  applicationId: Type.Union([Type.String(), Type.Null()]),
  licenseId: Type.Union([Type.String(), Type.Null()]),
  dueAt: Type.String(),
  overdue: Type.Boolean(),
});

export function taskRoutes(db: Database) {
  return async function routes(fastify: FastifyInstance) {
    fastify.withTypeProvider<TypeBoxTypeProvider>().get(
      "/api/v1/tasks",
      {
        config: { policy: allowRoles(...OFFICER_ROLES) },
        schema: {
          tags: ["tasks"],
          querystring: StrictObject({
            status: Type.Optional(Type.Union([Type.Literal("open"), Type.Literal("done")])),
            cursor: Type.Optional(Uuid),
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
          }),
          response: {
            200: Type.Object({
              items: Type.Array(TaskView),
              nextCursor: Type.Union([Type.String(), Type.Null()]),
            }),
            ...problemResponses,
          },
        },
      },
      async (request) => {
        const { rows, nextCursor } = await listTasks(db, requireUser(request), request.query);
        const now = Date.now();
        return {
          items: rows.map(({ task, storeName }) => ({
            id: task.id,
            kind: task.kind,
            status: task.status,
            regionCode: task.regionCode,
            storeId: task.storeId,
            storeName,
            applicationId: task.applicationId,
            licenseId: task.licenseId,
            dueAt: task.dueAt.toISOString(),
            overdue: task.status === "open" && task.dueAt.getTime() < now,
          })),
          nextCursor,
        };
      },
    );
  };
}
