import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { Database } from "../../db/client.js";
import type { Config } from "../../config.js";
import { PUBLIC } from "../../http/route-policy.js";
import { renderQrSvg } from "../certificates/documents/qr.js";
import { normalizeSafetyCode } from "../safety-code/code.js";
import { renderNotFoundPage } from "../safety-code/pages.js";
import type { SafetyCodeDeps } from "../safety-code/service.js";
import { renderScreenPage } from "./pages.js";
import { ScreenParams, ScreenQuery } from "./schema.js";
import * as sunshine from "./service.js";

/**
 * The screen page's CSP: the app-wide policy plus `media-src` for the feed's origin only, so the <video> may
 * load the playlist and its segments from the camera vendor; nothing else is widened.
 */
function screenCsp(base: string, hlsUrl: string | undefined): string {
  const media = ["'self'", ...(hlsUrl ? [new URL(hlsUrl).origin] : [])].join(" ");
  return `${base};media-src ${media}`;
}

/**
 * 阳光电子屏 (step 9): the public screen page only. Its kitchen feeds are managed by the smart-kitchen module
 * (`/api/v1/stores/:storeId/kitchen/feeds`, docs/smart-kitchen.md); this module only reads them, from the
 * read database (the primary `_db` is unused since the portal feed routes moved there; app.ts still passes it).
 */
export function sunshineRoutes(readDb: Database, config: Config) {
  const deps: SafetyCodeDeps = {
    publicBaseUrl: config.publicBaseUrl,
    defaultColour: config.defaultSafetyColour,
  };
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

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
