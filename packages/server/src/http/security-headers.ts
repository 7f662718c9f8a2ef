import Fastify, { type FastifyInstance } from "fastify";
import helmet, { type FastifyHelmetOptions } from "@fastify/helmet";

// Headers every reply gets anyway; what is left of a probe reply is helmet's.
const TRANSPORT_HEADERS = new Set(["content-type", "content-length", "date", "connection", "keep-alive"]);

/**
 * The headers @fastify/helmet sets with these options, computed once: the plugin runs helmet(options) — parsing
 * every CSP directive — on each request, about a tenth of a cached scan page's cost, although the headers never
 * change (no nonces, no per-route options). A throwaway Fastify with the real plugin answers one request and we
 * keep what it set, so the headers stay exactly helmet's.
 */
export async function helmetHeaders(options: FastifyHelmetOptions): Promise<Record<string, string>> {
  const probe = Fastify({ logger: false });
  await probe.register(helmet, options);
  probe.get("/", async () => "");
  const response = await probe.inject({ url: "/" });
  await probe.close();
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (!TRANSPORT_HEADERS.has(name) && value !== undefined) headers[name] = String(value);
  }
  return headers;
}

/**
 * One synchronous onRequest hook sets the security headers and echoes the request id, before any other hook can
 * fail the request (rate limit, auth): error replies carry them too. A route may still override one (a wider CSP).
 */
export function registerResponseHeaders(app: FastifyInstance, securityHeaders: Record<string, string>) {
  const entries = Object.entries(securityHeaders);
  app.addHook("onRequest", (request, reply, done) => {
    for (const [name, value] of entries) reply.header(name, value);
    reply.header("x-request-id", request.id);
    done();
  });
  // — step 8: security headers — a route that sets its own CSP (a download, a wider screen policy) still forbids
  // framing and plugins (ASVS 14.4.3, 14.4.7). Synchronous, and only a string test when helmet's CSP is untouched.
  const defaultCsp = securityHeaders["content-security-policy"];
  app.addHook("onSend", (_request, reply, payload, done) => {
    const csp = reply.getHeader("content-security-policy");
    if (typeof csp === "string" && csp !== defaultCsp)
      reply.header("content-security-policy", hardenCsp(csp));
    done(null, payload);
  });
}

/** The CSP of a downloaded file (uploads, exports): nothing runs, nothing loads, never framed. */
export const DOWNLOAD_CSP = "default-src 'none'; object-src 'none'; frame-ancestors 'none'; sandbox";

/** Adds frame-ancestors 'none' and object-src 'none' to a route's own CSP when it does not set them. */
export function hardenCsp(csp: string): string {
  const names = new Set(csp.split(";").map((part) => part.trim().split(/\s+/)[0]!.toLowerCase()));
  let hardened = csp.trim().replace(/;\s*$/, "");
  if (!names.has("object-src")) hardened += "; object-src 'none'";
  if (!names.has("frame-ancestors")) hardened += "; frame-ancestors 'none'";
  return hardened;
}
