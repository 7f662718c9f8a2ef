import { createHash } from "node:crypto";
import type { FastifyInstance, onSendAsyncHookHandler, preHandlerAsyncHookHandler } from "fastify";
import type { Database } from "../db/client.js";
import { findStoredReply, storeReply } from "../modules/idempotency/repository.js";
import { AppError } from "./errors.js";

declare module "fastify" {
  interface FastifyContextConfig {
    /** POSTs a client may retry: the same Idempotency-Key gets the first reply again (DESIGN.md §7). */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotency?: { actorKey: string; key: string; requestHash: string };
  }
}

const KEY = /^[A-Za-z0-9._:-]{8,100}$/;

/**
 * Replays the stored reply of a retried POST; a key reused with a different body is refused (422).
 * Two identical requests racing each other may both run: the key is stored after the first finishes.
 */
export function registerIdempotency(app: FastifyInstance, db: Database) {
  const replayStored: preHandlerAsyncHookHandler = async function (request, reply) {
    const key = request.headers["idempotency-key"];
    if (typeof key !== "string") return;
    if (!KEY.test(key))
      throw new AppError("validation_failed", {
        "zh-CN": "Idempotency-Key 格式错误",
        en: "Malformed Idempotency-Key",
      });
    const actorKey = `${request.actor?.kind ?? "anonymous"}:${request.actor?.id ?? request.ip}`;
    const requestHash = createHash("sha256")
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest("hex");
    const stored = await findStoredReply(db, actorKey, key);
    if (stored) {
      if (stored.requestHash !== requestHash) throw new AppError("idempotency_key_reused");
      return reply.code(stored.statusCode).header("idempotent-replayed", "true").send(stored.body);
    }
    request.idempotency = { actorKey, key, requestHash };
  };

  const storeFirst: onSendAsyncHookHandler = async function (request, reply, payload) {
    const pending = request.idempotency;
    if (!pending || reply.statusCode >= 300 || typeof payload !== "string") return payload;
    await storeReply(db, {
      ...pending,
      route: request.routeOptions.url ?? request.url,
      statusCode: reply.statusCode,
      body: JSON.parse(payload),
    });
    return payload;
  };

  // Only on the routes that declare `idempotent: true`: every other request (the public reads above all) skips
  // two asynchronous hooks.
  app.addHook("onRoute", (route) => {
    if (!route.config?.idempotent) return;
    route.preHandler = [...toArray(route.preHandler), replayStored];
    route.onSend = [...toArray(route.onSend), storeFirst];
  });
}

function toArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
