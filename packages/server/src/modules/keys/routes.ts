import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { Database } from "../../db/client.js";
import { PUBLIC } from "../../http/route-policy.js";
import { ProblemSchema } from "../../http/schema-helpers.js";
import { Ed25519JwkView, JwksView, TrustListView } from "./schema.js";
import { publishedJwks, rootPublicJwk, signedTrustList, type Keyring } from "./service.js";

const CACHE_CONTROL = "public, max-age=300";

/** Public reads carry an ETag; a matching If-None-Match gets 304 (DESIGN.md §7). */
function sendCacheable<T>(request: FastifyRequest, reply: FastifyReply, body: T): T | FastifyReply {
  const etag = `"${createHash("sha256").update(JSON.stringify(body)).digest("base64url").slice(0, 27)}"`;
  reply.header("cache-control", CACHE_CONTROL).header("etag", etag);
  if (request.headers["if-none-match"] === etag) return reply.code(304).send();
  return body;
}

const cacheableResponses = { 304: Type.Null({ description: "not modified" }), 429: ProblemSchema } as const;

/** The published keys and the trust list: public, cached, no secrets (SECURITY.md #18). */
export function keyRoutes(db: Database, keyring: Keyring) {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      "/.well-known/jwks.json",
      {
        config: { policy: PUBLIC },
        schema: {
          tags: ["keys"],
          description: "Public keys that verify certificates and QR tokens offline, including retired keys.",
          response: { 200: JwksView, ...cacheableResponses },
        },
      },
      async (request, reply) => sendCacheable(request, reply, await publishedJwks(db)),
    );

    app.get(
      "/api/v1/trust-list",
      {
        config: { policy: PUBLIC },
        schema: {
          tags: ["keys"],
          description: "Every issuing authority and its keys, signed by the root key (verify with root.jwk).",
          response: { 200: TrustListView, ...cacheableResponses },
        },
      },
      async (request, reply) => sendCacheable(request, reply, await signedTrustList(db, keyring)),
    );

    app.get(
      "/api/v1/trust-list/root.jwk",
      {
        config: { policy: PUBLIC },
        schema: {
          tags: ["keys"],
          description: "The root's Ed25519 public key, which verifies the trust list.",
          response: { 200: Ed25519JwkView, ...cacheableResponses },
        },
      },
      async (request, reply) => sendCacheable(request, reply, await rootPublicJwk(db, keyring)),
    );
  };
}
