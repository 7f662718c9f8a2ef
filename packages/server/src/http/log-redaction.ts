// What a request looks like in the log (ASVS 7.1.1, 7.1.2; SECURITY.md #14): pino's default request serializer
// logs the full URL, and some URLs carry secrets or personal data in their query (a complaint's tracking token,
// a phone typed into a search). Header secrets never reach the log: only the fields below are logged.

import type { FastifyRequest } from "fastify";

const SECRET_PARAMETER = /token|key|pass|secret|csrf|sig|phone|mobile|id_?(?:card|number|no)/i;
// Mainland mobile numbers and resident ID numbers (GB 11643) wherever they appear in a URL.
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
const ID_NUMBER = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;
export const REDACTED = "[Redacted]";

/** The URL to log: values of secret-looking query parameters, phone and ID numbers replaced. */
export function redactUrl(url: string): string {
  const at = url.indexOf("?");
  let path = at === -1 ? url : url.slice(0, at);
  let query = at === -1 ? "" : url.slice(at + 1);
  if (query) {
    query = query
      .split("&")
      .map((pair) => {
        const equals = pair.indexOf("=");
        if (equals === -1) return pair;
        const name = pair.slice(0, equals);
        return SECRET_PARAMETER.test(decodeSafely(name)) ? `${name}=${REDACTED}` : pair;
      })
      .join("&");
  }
  path = path.replace(MOBILE, REDACTED).replace(ID_NUMBER, REDACTED);
  query = query.replace(MOBILE, REDACTED).replace(ID_NUMBER, REDACTED);
  return at === -1 ? path : `${path}?${query}`;
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** pino serializer of a request: method, redacted URL, host and peer; never headers, cookies or the body. */
export function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
