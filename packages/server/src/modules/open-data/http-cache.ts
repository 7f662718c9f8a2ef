import { createHash } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";

/** Open data may sit in shared caches for five minutes: the lists change slowly and the zips once a night. */
export const OPEN_DATA_MAX_AGE = 300;

export function etagOf(body: string | Buffer): string {
  return `"${createHash("sha1").update(body).digest("base64url")}"`;
}

/** If-None-Match may list several tags, weak or strong (RFC 9110 §13.1.2: weak comparison). */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

/** Sets ETag and public caching; replies 304 and returns true when the client's copy is current. */
export function replyNotModified(request: FastifyRequest, reply: FastifyReply, etag: string): boolean {
  reply.header("etag", etag).header("cache-control", `public, max-age=${OPEN_DATA_MAX_AGE}`);
  if (!matches(request.headers["if-none-match"], etag)) return false;
  void reply.code(304).send();
  return true;
}
