import type { FastifyInstance } from "fastify";
import { Type } from "@sinclair/typebox";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { AppError } from "../../http/errors.js";
import { PUBLIC } from "../../http/route-policy.js";
import { ProblemSchema } from "../../http/schema-helpers.js";

const Status = Type.Object({ status: Type.String() });

export function healthRoutes(db: Database) {
  return async function routes(app: FastifyInstance) {
    app.get(
      "/healthz",
      { config: { policy: PUBLIC }, schema: { tags: ["health"], response: { 200: Status } } },
      async () => ({ status: "ok" }),
    );
    app.get(
      "/readyz",
      {
        config: { policy: PUBLIC },
        schema: { tags: ["health"], response: { 200: Status, 503: ProblemSchema } },
      },
      async (request) => {
        try {
          await db.execute(sql`select 1`);
        } catch (error) {
          request.log.warn({ err: error }, "database not ready");
          throw new AppError("not_ready");
        }
        return { status: "ready" };
      },
    );
  };
}
