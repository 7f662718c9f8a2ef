import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { Database } from "../../db/client.js";
import type { Config } from "../../config.js";
import { context, requireUser } from "../../http/auth.js";
import { PUBLIC, allowRoles } from "../../http/route-policy.js";
import { IdParams, problemResponses } from "../../http/schema-helpers.js";
import { BUSINESS_ROLES } from "../accounts/roles.js";
import { renderQrSvg } from "../certificates/documents/qr.js";
import { SIGNING_ROLES } from "../commitments/policy.js";
import { normalizeSafetyCode } from "../safety-code/code.js";
import { renderNotFoundPage } from "../safety-code/pages.js";
import type { SafetyCodeDeps } from "../safety-code/service.js";
import { renderScreenPage } from "./pages.js";
import { presentFeed } from "./presenter.js";
import { FeedBody, FeedList, FeedQuery, FeedView, ScreenParams, ScreenQuery } from "./schema.js";
import * as sunshine from "./service.js";

/**
 * The screen page's CSP: the app-wide policy plus `media-src` for the feed's origin only, so the <video> may
 * load the playlist and its segments from the camera vendor; nothing else is widened.
 */
function screenCsp(base: string, hlsUrl: string | undefined): string {
  const media = ["'self'", ...(hlsUrl ? [new URL(hlsUrl).origin] : [])].join(" ");
  return `${base};media-src ${media}`;
}

export function sunshineRoutes(db: Database, readDb: Database, config: Config) {
  const deps: SafetyCodeDeps = {
    publicBaseUrl: config.publicBaseUrl,
    defaultColour: config.defaultSafetyColour,
  };
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.post(
      "/api/v1/portal/kitchen-feeds",
      {
        config: { policy: allowRoles(...SIGNING_ROLES), idempotent: true },
        schema: {
          tags: ["sunshine"],
          description:
            "明厨亮灶: register an HTTPS HLS (.m3u8) kitchen video feed of one of the owner's stores.",
          body: FeedBody,
          response: { 201: FeedView, ...problemResponses },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            presentFeed(await sunshine.addFeed(db, context(request), requireUser(request), request.body)),
          ),
    );

    app.get(
      "/api/v1/portal/kitchen-feeds",
      {
        config: { policy: allowRoles(...BUSINESS_ROLES) },
        schema: {
          tags: ["sunshine"],
          description: "The business's kitchen feeds, newest first (optionally of one store).",
          querystring: FeedQuery,
          response: { 200: FeedList, ...problemResponses },
        },
      },
      async (request) => ({
        items: (await sunshine.listFeeds(db, requireUser(request), request.query.storeId)).map(presentFeed),
      }),
    );

    app.delete(
      "/api/v1/portal/kitchen-feeds/:id",
      {
        config: { policy: allowRoles(...SIGNING_ROLES) },
        schema: {
          tags: ["sunshine"],
          description: "Remove a kitchen feed; the screen stops showing it.",
          params: IdParams,
          response: { 204: Type.Null(), ...problemResponses },
        },
      },
      async (request, reply) => {
        await sunshine.removeFeed(db, context(request), requireUser(request), request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.get(
      "/screen/:safetyCode",
      {
        config: { policy: PUBLIC },
        schema: { hide: true, params: ScreenParams, querystring: ScreenQuery },
      },
      async (request, reply) => {
        const language = request.query.lang ?? "zh-CN";
        const code = normalizeSafetyCode(request.params.safetyCode);
        const view = code ? await sunshine.loadScreen(readDb, deps, code) : null;
        reply.header("cache-control", "no-store").type("text/html; charset=utf-8");
        if (!view) return reply.code(404).send(renderNotFoundPage(language));
        const base = String(reply.getHeader("content-security-policy") ?? "default-src 'self'");
        reply.header("content-security-policy", screenCsp(base, view.feed?.hlsUrl));
        return reply.send(renderScreenPage(view, await renderQrSvg(view.scanUrl), language));
      },
    );
  };
}
