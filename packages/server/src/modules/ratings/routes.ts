import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { Database } from "../../db/client.js";
import { isSecureDeployment, type Config } from "../../config.js";
import { context, requireUser } from "../../http/auth.js";
import { PUBLIC, allowRoles } from "../../http/route-policy.js";
import { ProblemSchema, StrictObject, Uuid, problemResponses } from "../../http/schema-helpers.js";
import { deviceId, hashDevice } from "./device.js";
import { MODERATOR_ROLES } from "./policy.js";
import { presentRating } from "./presenter.js";
import {
  ModerateBody,
  RatingBody,
  RatingCreated,
  RatingList,
  RatingListQuery,
  RatingView,
} from "./schema.js";
import * as ratings from "./service.js";

/** Ratings from one IP per minute, on top of the global public limit (the form on /s/{code}/rate too). */
export const RATING_RATE_LIMIT = { max: 10, timeWindow: "1 minute" } as const;

export function ratingRoutes(db: Database, config: Config) {
  const secure = isSecureDeployment(config);
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.post(
      "/api/v1/public/ratings",
      {
        config: { policy: PUBLIC, rateLimit: RATING_RATE_LIMIT },
        schema: {
          tags: ["ratings"],
          description:
            "A consumer rates a store by its 食安码: one per device (cookie shian_device) per store per day; " +
            "comments are public only after moderation.",
          body: RatingBody,
          response: {
            201: RatingCreated,
            400: ProblemSchema,
            404: ProblemSchema,
            409: ProblemSchema,
            429: ProblemSchema,
          },
        },
      },
      async (request, reply) => {
        const device = deviceId(request, reply, secure);
        const created = await ratings.submitRating(db, {
          safetyCode: request.body.safetyCode,
          stars: request.body.stars,
          comment: request.body.comment,
          deviceHash: hashDevice(device),
        });
        return reply.code(201).send(created);
      },
    );

    const moderators = allowRoles(...MODERATOR_ROLES);

    app.get(
      "/api/v1/ratings",
      {
        config: { policy: moderators },
        schema: {
          tags: ["ratings"],
          description:
            "Ratings of stores in the officer's jurisdiction, oldest first (e.g. moderation=pending).",
          querystring: RatingListQuery,
          response: { 200: RatingList, ...problemResponses },
        },
      },
      async (request) => {
        const page = await ratings.listRatings(db, requireUser(request), request.query);
        return { items: page.items.map(presentRating), nextCursor: page.nextCursor };
      },
    );

    app.post(
      "/api/v1/ratings/:id/moderate",
      {
        config: { policy: moderators },
        schema: {
          tags: ["ratings"],
          description: "Approve or reject a rating's comment (404 outside the jurisdiction); audited.",
          params: StrictObject({ id: Uuid }),
          body: ModerateBody,
          response: { 200: RatingView, ...problemResponses },
        },
      },
      async (request) => {
        const updated = await ratings.moderateRating(db, context(request), requireUser(request), {
          ratingId: request.params.id,
          decision: request.body.decision,
        });
        return presentRating(updated);
      },
    );
  };
}
