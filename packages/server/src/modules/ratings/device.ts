import { createHash, randomBytes } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";

/** The device cookie: a random id that limits ratings to one per device, store and day; only its hash is stored. */
export const DEVICE_COOKIE = "shian_device";
const DEVICE_ID = /^[A-Za-z0-9_-]{22,64}$/;
const ONE_YEAR_S = 365 * 86_400;

// Every anonymous scan gets a new id: draw the bytes from a pool refilled 256 ids at a time (as randomUUID
// does) rather than one randomBytes call, with its own buffer, per request.
const ID_BYTES = 18;
let pool = Buffer.alloc(0);
let poolOffset = 0;

function nextRandomId(): string {
  if (poolOffset + ID_BYTES > pool.length) {
    pool = randomBytes(ID_BYTES * 256);
    poolOffset = 0;
  }
  poolOffset += ID_BYTES;
  return pool.toString("base64url", poolOffset - ID_BYTES, poolOffset);
}

/** The request's device id, or a new one set as an HttpOnly cookie on the reply. */
export function deviceId(request: FastifyRequest, reply: FastifyReply, secure: boolean): string {
  const given = request.cookies[DEVICE_COOKIE];
  if (given && DEVICE_ID.test(given)) return given;
  const id = nextRandomId();
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
