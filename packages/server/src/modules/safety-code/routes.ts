import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { Database } from "../../db/client.js";
import { isSecureDeployment, type Config } from "../../config.js";
import { AppError } from "../../http/errors.js";
import { pickLanguage, type Language } from "../../http/language.js";
import { PUBLIC } from "../../http/route-policy.js";
import { DOWNLOAD_CSP } from "../../http/security-headers.js";
import { ProblemSchema, StrictObject, Uuid } from "../../http/schema-helpers.js";
import { renderQrPng } from "../certificates/documents/qr.js";
import { deviceId, hasDeviceCookie, hashDevice } from "../ratings/device.js";
import { RATING_RATE_LIMIT } from "../ratings/routes.js";
import { submitRating } from "../ratings/service.js";
import { badgeScript, badgeSvg } from "./badge.js";
import { normalizeSafetyCode } from "./code.js";
import { renderNotFoundPage, renderRatedPage, type RateOutcome } from "./pages.js";
import {
  CodeParams,
  LangQuery,
  PageParams,
  PublicStore,
  PublicStoreList,
  PublicStoreQuery,
  RateForm,
} from "./schema.js";
import { getPublicStore, scanPage, scanUrl, searchPublicStores, type SafetyCodeDeps } from "./service.js";

const FORM_BODY_LIMIT = 8 * 1024;

function pageLanguage(request: FastifyRequest, lang: string | undefined): Language {
  if (lang === "en" || lang === "zh-CN") return lang;
  return pickLanguage(request.headers["accept-language"]);
}

function sendHtml(reply: FastifyReply, status: number, body: string | Buffer) {
  return reply.code(status).type("text/html; charset=utf-8").send(body);
}

export function safetyCodeRoutes(db: Database, readDb: Database, config: Config) {
  const deps: SafetyCodeDeps = {
    publicBaseUrl: config.publicBaseUrl,
    defaultColour: config.defaultSafetyColour,
  };
  const secure = isSecureDeployment(config);
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
    // The rating form is a plain HTML form (works without JavaScript); only this plugin parses it.
    app.addContentTypeParser(
      "application/x-www-form-urlencoded",
      { parseAs: "string", bodyLimit: FORM_BODY_LIMIT },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );

    app.get(
      "/api/v1/safety-codes/:code/qr.png",
      {
        config: { policy: PUBLIC },
        schema: {
          tags: ["safety-code"],
          description:
            "The 食安码 QR code ({PUBLIC_BASE_URL}/s/{code}) for the door sticker and e-photo-frame.",
          params: CodeParams,
          querystring: StrictObject({}),
          response: {
            200: Type.Unknown({ description: "image/png" }),
            400: ProblemSchema,
            404: ProblemSchema,
            429: ProblemSchema,
          },
        },
      },
      async (request, reply) => {
        const code = normalizeSafetyCode(request.params.code);
        if (!code || !(await scanPage(readDb, deps, code, "zh-CN"))) throw new AppError("not_found");
        const png = await renderQrPng(scanUrl(deps, code));
        return reply.type("image/png").header("cache-control", "public, max-age=86400").send(png);
      },
    );

    // — step 11: embeddable badge (docs/badge.md) —
    const badgeMaxAge = config.badgeCacheSeconds;
    app.get(
      "/badge/:code.svg",
      {
        config: { policy: PUBLIC },
        schema: {
          tags: ["safety-code"],
          description:
            "The embeddable 食安码 badge (SVG): colour, grade, date of the grade, store name. Cacheable for " +
            "BADGE_CACHE_SECONDS; Age counts the server copy's time, so no copy is older than that in total.",
          params: PageParams,
          querystring: StrictObject({}),
          response: {
            200: Type.Unknown({ description: "image/svg+xml" }),
            404: ProblemSchema,
            429: ProblemSchema,
          },
        },
      },
      async (request, reply) => {
        const code = normalizeSafetyCode(request.params.code);
        const now = Date.now();
        const badge = code ? await badgeSvg(readDb, deps, code, now) : null;
        if (!badge) throw new AppError("not_found");
        const age = Math.min(badgeMaxAge, Math.max(0, Math.floor((now - (badge.renderedAt ?? now)) / 1000)));
        reply
          .header("etag", badge.etag)
          .header("cache-control", `public, max-age=${badgeMaxAge}`)
          .header("age", String(age))
          .header("x-content-type-options", "nosniff")
          // Opened on its own, the SVG may run nothing: no script, no fetch, sandboxed.
          .header("content-security-policy", DOWNLOAD_CSP)
          // Embedded by other sites as an <img>.
          .header("cross-origin-resource-policy", "cross-origin");
        const raw = reply as FastifyReply;
        if (request.headers["if-none-match"] === badge.etag) return raw.code(304).send();
        return raw.type("image/svg+xml; charset=utf-8").send(badge.body);
      },
    );

    const script = badgeScript(config.publicBaseUrl);
    const scriptEtag = `"${createHash("sha1").update(script).digest("base64url")}"`;
    app.get(
      "/badge.js",
      {
        config: { policy: PUBLIC },
        schema: {
          tags: ["safety-code"],
          description:
            'The badge embed script: <script src="{PUBLIC_BASE_URL}/badge.js" data-code="…" async></script>.',
          querystring: StrictObject({}),
        },
      },
      async (request, reply) => {
        reply
          .header("etag", scriptEtag)
          .header("cache-control", "public, max-age=3600")
          .header("x-content-type-options", "nosniff")
          .header("cross-origin-resource-policy", "cross-origin");
        if (request.headers["if-none-match"] === scriptEtag) return reply.code(304).send();
        return reply.type("text/javascript; charset=utf-8").send(script);
      },
    );

    app.get(
      "/s/:code",
      {
        config: { policy: PUBLIC },
        schema: { hide: true, params: PageParams, querystring: LangQuery },
      },
      async (request, reply) => {
        const language = pageLanguage(request, request.query.lang);
        const code = normalizeSafetyCode(request.params.code);
        const rendered = code ? await scanPage(readDb, deps, code, language) : null;
        if (!rendered) {
          reply.header("cache-control", "public, max-age=30");
          return sendHtml(reply, 404, renderNotFoundPage(language));
        }
        // The device cookie is set on the first visit; a reply that sets it must not sit in a shared cache.
        const firstVisit = !hasDeviceCookie(request);
        if (firstVisit) deviceId(request, reply, secure);
        reply
          .header("etag", rendered.etag)
          .header("cache-control", firstVisit ? "private, max-age=30" : "public, max-age=30")
          .header("vary", "accept-language, cookie");
        if (request.headers["if-none-match"] === rendered.etag) return reply.code(304).send();
        return sendHtml(reply, 200, rendered.body);
      },
    );

    app.post(
      "/s/:code/rate",
      {
        config: { policy: PUBLIC, rateLimit: RATING_RATE_LIMIT },
        schema: { hide: true, params: PageParams, body: RateForm },
      },
      async (request, reply) => {
        const language = pageLanguage(request, request.body.lang);
        const code = normalizeSafetyCode(request.params.code);
        const stars = Number(request.body.stars);
        const comment = request.body.comment ?? "";
        reply.header("cache-control", "no-store");
        if (!code) return sendHtml(reply, 404, renderNotFoundPage(language));
        if (!Number.isInteger(stars) || stars < 1 || stars > 5 || comment.length > 500) {
          return sendHtml(reply, 400, renderRatedPage(code, "invalid", language));
        }
        let outcome: RateOutcome;
        try {
          const created = await submitRating(db, {
            safetyCode: code,
            stars,
            comment,
            deviceHash: hashDevice(deviceId(request, reply, secure)),
          });
          outcome = created.moderation;
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          if (error.code === "not_found") return sendHtml(reply, 404, renderNotFoundPage(language));
          if (error.code === "conflict")
            return sendHtml(reply, 409, renderRatedPage(code, "duplicate", language));
          throw error;
        }
        return sendHtml(reply, 201, renderRatedPage(code, outcome, language));
      },
    );

    app.get(
      "/api/v1/public/stores",
      {
        config: { policy: PUBLIC },
        schema: {
          tags: ["safety-code"],
          description:
            "Public store search by region, name, colour and distance (near=lat,lng&radiusKm=); addresses masked.",
          querystring: PublicStoreQuery,
          response: { 200: PublicStoreList, 400: ProblemSchema, 429: ProblemSchema },
        },
      },
      async (request) => searchPublicStores(readDb, deps, request.query),
    );

    app.get(
      "/api/v1/public/stores/:storeId",
      {
        config: { policy: PUBLIC },
        schema: {
          tags: ["safety-code"],
          description: "One store as the public sees it: 食安码, colour, grade, licence number.",
          params: StrictObject({ storeId: Uuid }),
          response: { 200: PublicStore, 400: ProblemSchema, 404: ProblemSchema, 429: ProblemSchema },
        },
      },
      async (request) => getPublicStore(readDb, deps, request.params.storeId),
    );
  };
}
