import { createHash, randomBytes } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";

/** The device cookie: a random id that limits ratings to one per device, store and day; only its hash is stored. */
export const DEVICE_COOKIE = "shian_device";
const DEVICE_ID = /^[A-Za-z0-9_-]{22,64}$/;
const ONE_YEAR_S = 365 * 86_400;

/** The request's device id, or a new one set as an HttpOnly cookie on the reply. */
export function deviceId(request: FastifyRequest, reply: FastifyReply, secure: boolean): string {
  const given = request.cookies[DEVICE_COOKIE];
  if (given && DEVICE_ID.test(given)) return given;
  const id = randomBytes(18).toString("base64url");
  reply.setCookie(DEVICE_COOKIE, id, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: ONE_YEAR_S,
  });
  return id;
}

export function hasDeviceCookie(request: FastifyRequest): boolean {
  const given = request.cookies[DEVICE_COOKIE];
  return given !== undefined && DEVICE_ID.test(given);
}

export function hashDevice(id: string): string {
  return createHash("sha256").update(id).digest("hex");
}
