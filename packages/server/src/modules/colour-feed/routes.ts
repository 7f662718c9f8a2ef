import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { Config } from "../../config.js";
import type { Database } from "../../db/client.js";
import { context } from "../../http/auth.js";
import { AppError } from "../../http/errors.js";
import { allowRoles } from "../../http/route-policy.js";
import { problemResponses } from "../../http/schema-helpers.js";
import { runColourFeed } from "./job.js";
import { ColourFeedRunView, ColourParams, PartnerColourView } from "./schema.js";
import { partnerStoreColour } from "./service.js";

export function colourFeedRoutes(db: Database, config: Pick<Config, "defaultSafetyColour">) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      "/api/v1/partner/stores/:safetyCode/colour",
      {
        config: { policy: { apiScopes: ["certificates:read"] } },
        schema: {
          tags: ["partner API"],
          description:
            "A store's 食安码 colour and grade, only while its business authorises this client (else 404).",
          params: ColourParams,
          response: { 200: PartnerColourView, ...problemResponses },
        },
      },
      async (request) => {
        if (request.actor?.kind !== "api_client") throw new AppError("unauthenticated");
        return partnerStoreColour(
          db,
          config.defaultSafetyColour,
          context(request),
          request.actor,
          request.params.safetyCode,
        );
      },
    );

    app.post(
      "/api/v1/colour-feed/run",
      {
        config: { policy: allowRoles("admin") },
        schema: {
          tags: ["partner API"],
          description:
            "Runs the colour-change detection now (it also runs every COLOUR_FEED_INTERVAL_SECONDS).",
          response: { 200: ColourFeedRunView, ...problemResponses },
        },
      },
      async (request) => runColourFeed(db, config.defaultSafetyColour, context(request)),
    );
  };
}
