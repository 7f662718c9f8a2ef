import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { Config } from "../../config.js";
import type { Database } from "../../db/client.js";
import { AppError } from "../../http/errors.js";
import { PUBLIC } from "../../http/route-policy.js";
import { ProblemSchema } from "../../http/schema-helpers.js";
import { configuredFileStore } from "../files/file-store.js";
import { etagOf, replyNotModified } from "./http-cache.js";
import {
  LivesFeedList,
  LivesParams,
  OpenInspectionList,
  OpenInspectionQuery,
  OpenStoreList,
  OpenStoreQuery,
} from "./schema.js";
import { listLivesFeeds, readLivesZip } from "./feeds-service.js";
import { listOpenInspections, listOpenStores, type OpenDataDeps } from "./service.js";

/**
 * Per-IP budgets stricter than the app-wide public one (PUBLIC_RATE_LIMIT a minute): a page of 500 rows costs
 * more than a scan page, and a zip more again. Harvesters are expected to page slowly or take the zip.
 */
export function openDataRateLimits(publicRateLimit: number) {
  return {
    list: { max: Math.max(1, Math.floor(publicRateLimit / 5)), timeWindow: "1 minute" },
    zip: { max: Math.max(1, Math.floor(publicRateLimit / 20)), timeWindow: "1 minute" },
  };
}

export function openDataRoutes(readDb: Database, config: Config) {
  const deps: OpenDataDeps = { defaultColour: config.defaultSafetyColour };
  const fileStore = configuredFileStore(config);
  const limits = openDataRateLimits(config.publicRateLimit);
  const errors = { 400: ProblemSchema, 404: ProblemSchema, 429: ProblemSchema };
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      "/api/v1/open/stores",
      {
        config: { policy: PUBLIC, rateLimit: limits.list },
        schema: {
          tags: ["open-data"],
          description:
            "开放数据 Open data: stores with 食安码 colour, grade, licence and last inspection; cursor-paged, " +
            "filters region (a city covers its counties), colour, licensedSince. No personal data. docs/open-data.md",
          querystring: OpenStoreQuery,
          response: { 200: OpenStoreList, ...errors },
        },
      },
      async (request, reply) => {
        const body = await listOpenStores(readDb, deps, request.query);
        if (replyNotModified(request, reply, etagOf(JSON.stringify(body)))) return reply;
        return body;
      },
    );

    app.get(
      "/api/v1/open/inspections",
      {
        config: { policy: PUBLIC, rateLimit: limits.list },
        schema: {
          tags: ["open-data"],
          description:
            "开放数据 Open data: finished inspections with result, score and violations (checklist items), oldest " +
            "first; cursor-paged, filters region, colour (the store's current one), from/to (China dates).",
          querystring: OpenInspectionQuery,
          response: { 200: OpenInspectionList, ...errors },
        },
      },
      async (request, reply) => {
        const body = await listOpenInspections(readDb, deps, request.query);
        if (replyNotModified(request, reply, etagOf(JSON.stringify(body)))) return reply;
        return body;
      },
    );

    app.get(
      "/api/v1/open/lives",
      {
        config: { policy: PUBLIC, rateLimit: limits.list },
        schema: {
          tags: ["open-data"],
          description: "The LIVES zips built (one per county with stores and per city), rebuilt nightly.",
          querystring: Type.Object({}, { additionalProperties: false }),
          response: { 200: LivesFeedList, 429: ProblemSchema },
        },
      },
      async (request, reply) => {
        const body = await listLivesFeeds(readDb, config.publicBaseUrl);
        if (replyNotModified(request, reply, etagOf(JSON.stringify(body)))) return reply;
        return body;
      },
    );

    app.get(
      "/api/v1/open/lives/:regionCode.zip",
      {
        config: { policy: PUBLIC, rateLimit: limits.zip },
        schema: {
          tags: ["open-data"],
          description:
            "The LIVES zip of a region: businesses.csv, inspections.csv, violations.csv, legend.csv, feed_info.csv.",
          params: LivesParams,
          querystring: Type.Object({}, { additionalProperties: false }),
          response: { 200: Type.Unknown({ description: "application/zip" }), ...errors },
        },
      },
      async (request, reply) => {
        const feed = await readLivesZip(readDb, fileStore, request.params.regionCode);
        if (!feed) throw new AppError("open_data_not_built");
        // The content hash is the strongest validator there is.
        if (replyNotModified(request, reply, `"${feed.sha256}"`)) return reply;
        return reply
          .type("application/zip")
          .header("content-disposition", `attachment; filename="lives-${request.params.regionCode}.zip"`)
          .header("last-modified", feed.builtAt.toUTCString())
          .send(feed.bytes);
      },
    );
  };
}
